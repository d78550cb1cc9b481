import type { FastifyInstance } from 'fastify';

/**
 * Defence in depth behind ingest-time sanitising: even if markup slipped through, a page may
 * run no script, load no frame and submit no form.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  'img-src http: https: data:',
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Adds nosniff to every response and a strict CSP to HTML. */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('text/html')) {
      void reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    }
    return payload;
  });
}
