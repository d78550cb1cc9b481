import { PAGE_CONTENT_SECURITY_POLICY } from '@bulletin/render';
import type { FastifyInstance } from 'fastify';

/**
 * Defence in depth behind ingest-time sanitising: a page may run no script, load nothing but
 * images and its own hashed style, and submit no form. The header repeats the policy in the
 * page's meta tag (so the two cannot disagree) and adds what only a header can: framing.
 */
const CONTENT_SECURITY_POLICY = `${PAGE_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/** Adds nosniff to every response and the page policy to HTML. */
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
