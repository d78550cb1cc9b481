import type { HttpPlugin } from '@bulletin/http';
import type { Platform } from './platform.js';

/** What a role adds to a process. */
export interface RoleParts {
  /** Routes for the process's one HTTP server. (Workers register on the platform.) */
  http?: readonly HttpPlugin[];
}

/** One row of the role table: a named part of bulletin that a process may run. */
export interface RoleDefinition {
  /** As written in `--roles` and `BULLETIN_ROLES`: `ingest`, `enrich`, `index`, `http`. */
  readonly name: string;
  /** One line for `bulletin start --help` and the start log. */
  readonly summary: string;
  start(platform: Platform): RoleParts | Promise<RoleParts>;
}
