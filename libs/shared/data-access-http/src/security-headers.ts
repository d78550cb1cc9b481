import { PAGE_CONTENT_SECURITY_POLICY } from '@bulletin/markup';
import type { FastifyInstance } from 'fastify';

/**
 * Defence in depth behind ingest-time sanitising: a page may run no script and load nothing but
 * images and its own hashed style. The header repeats the policy in the pages' meta tag and
 * adds what only a header can: framing. A route may send its own (stricter or form-enabled)
 * policy; it is kept.
 */
const CONTENT_SECURITY_POLICY = `${PAGE_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/** Adds nosniff to every response and the page policy to HTML that has none. */
export function installSecurityHeaders(app: FastifyInstance): void {
  // Callback style: every response passes here, and an async hook costs a promise each time.
  app.addHook('onSend', (_request, reply, payload, done) => {
    void reply.header('x-content-type-options', 'nosniff');
    const type = reply.getHeader('content-type');
    if (
      typeof type === 'string' &&
      type.startsWith('text/html') &&
      !reply.hasHeader('content-security-policy')
    ) {
      void reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    }
    done(null, payload);
  });
}
