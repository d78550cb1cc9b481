/**
 * @module @bulletin/http
 * The one HTTP server of a process, built from the plugins each scope contributes, with one
 * error map, health and readiness routes, and a bounded close.
 */
export {
  buildHttpServer,
  listenHttp,
  closeHttp,
  HttpListenError,
  type HttpServerOptions,
} from './server.js';
export type { HttpPlugin, Readiness } from './plugin.js';
export {
  HttpError,
  NotFoundError,
  GoneError,
  BadRequestError,
  toHttpError,
  type HttpAnswer,
} from './http-errors.js';
export { MAX_URL_LENGTH } from './method-guard.js';
