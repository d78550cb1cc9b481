/**
 * @module @bulletin/roles
 * The role table and the one way any process (the CLI's `start`, the per-role apps, the bench)
 * starts and stops a subset of it.
 */
export { ROLES, selectRoles } from './role-table.js';
export { startRoles, type StartRolesOptions, type RunningRoles } from './start-roles.js';
export { runRoleProcess } from './run-role-process.js';
