/**
 * @module @bulletin/platform
 * The infrastructure one bulletin process opens and closes: Redis, queues, store, shutdown.
 */
export { openPlatform, type Platform, type OpenPlatformOptions } from './platform.js';
