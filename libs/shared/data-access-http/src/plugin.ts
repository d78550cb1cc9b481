import type { FastifyInstance } from 'fastify';

/**
 * What a scope contributes to the one HTTP server: routes (and their own hooks or error
 * presentation), registered in an encapsulated context of their own.
 */
export interface HttpPlugin {
  /** Shown in logs, e.g. `feeds`. */
  readonly name: string;
  register(app: FastifyInstance): void | Promise<void>;
}

/** Why a process is or is not ready to take work. */
export interface Readiness {
  ready: boolean;
  /** Each check by name: `redis`, `workers`. */
  checks: Record<string, boolean>;
  /** Set when not ready: what is wrong, for an operator. */
  reason?: string;
}
