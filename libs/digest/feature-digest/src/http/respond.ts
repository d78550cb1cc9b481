import { FORM_PAGE_CONTENT_SECURITY_POLICY } from '@bulletin/markup';
import type { FastifyReply } from 'fastify';
import type { DigestDeps } from '../digest-deps.js';
import { page, paragraph } from './pages.js';

/** What the digest routes use. */
export type DigestHttpDeps = Pick<
  DigestDeps,
  'config' | 'secret' | 'subscribers' | 'mailer' | 'topics' | 'log' | 'now'
>;

/** Sends an HTML page with the form-page policy; never cached (it may carry a token). */
export function sendPage(reply: FastifyReply, status: number, html: string) {
  return reply
    .code(status)
    .header(
      'content-security-policy',
      `${FORM_PAGE_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
    )
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .type('text/html; charset=utf-8')
    .send(html);
}

/** The one answer to any link that is forged, altered, expired or spent: it changes nothing. */
export function sendInvalidLink(reply: FastifyReply, deps: DigestHttpDeps) {
  const text =
    'This link is not valid: it may have expired or been used already. Nothing was changed.';
  return sendPage(
    reply,
    400,
    page(deps.config.publishing.siteTitle, 'Link not valid', paragraph(text)),
  );
}
