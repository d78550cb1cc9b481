/**
 * @module @bulletin/errors
 * The error kernel: every error bulletin throws on purpose carries a stable code an operator can
 * search for, its cause, and whether retrying could help. Every scope fails the same way.
 */
export {
  BulletinError,
  isPermanentError,
  describeError,
  type BulletinErrorOptions,
} from './errors.js';
