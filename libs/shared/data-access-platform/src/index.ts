/**
 * @module @bulletin/platform
 * What one bulletin process opens and closes (Redis connections, the pipeline's queues, the
 * shutdown), and the shape of a role that runs on it.
 */
export { openPlatform, type Platform, type OpenPlatformOptions } from './platform.js';
export type { RoleDefinition, RoleParts } from './role.js';
