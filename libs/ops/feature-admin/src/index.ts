/**
 * @module @bulletin/admin
 * The operators' area of the HTTP server: Bull Board over every pipeline queue, behind a token.
 */
export { adminPlugin, ADMIN_PATH, type AdminPluginOptions } from './admin-plugin.js';
export { isAuthorized } from './admin-auth.js';
