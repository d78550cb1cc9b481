import { signToken, type TokenPurpose } from '@bulletin/newsletter';
import type { DigestDeps } from './digest-deps.js';

/** Preferences and unsubscribe links stay good this long after the digest that carries them. */
const LINK_LIFETIME_MS = 365 * 86_400_000;

/** An absolute link to a digest page with a signed token for it. */
export function tokenLink(
  deps: Pick<DigestDeps, 'config' | 'secret'>,
  path: string,
  purpose: TokenPurpose,
  key: string,
  nonce: string,
  expiresAtMs: number,
): string {
  const token = signToken(deps.secret, {
    purpose,
    key,
    nonce,
    exp: Math.floor(expiresAtMs / 1000),
  });
  return `${deps.config.http.publicUrl}${path}?token=${token}`;
}

/** A subscriber's footer links and RFC 8058 headers. */
export function subscriberLinks(
  deps: Pick<DigestDeps, 'config' | 'secret'>,
  subscriber: { key: string; sid: string },
  nowMs: number,
) {
  const until = nowMs + LINK_LIFETIME_MS;
  const preferences = tokenLink(
    deps,
    '/preferences',
    'preferences',
    subscriber.key,
    subscriber.sid,
    until,
  );
  const unsubscribe = tokenLink(
    deps,
    '/unsubscribe',
    'unsubscribe',
    subscriber.key,
    subscriber.sid,
    until,
  );
  const mailto = deps.config.digest.unsubscribeMailto;
  const targets = [`<${unsubscribe}>`];
  if (mailto) targets.push(`<mailto:${mailto}?subject=unsubscribe>`);
  return {
    preferences,
    unsubscribe,
    headers: {
      'List-Unsubscribe': targets.join(', '),
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/** The envelope sender: the bare address of `MAIL_FROM`. */
export function envelopeFrom(mailFrom: string): string {
  return /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
}

/** The host Message-IDs end in. */
export function messageHost(deps: Pick<DigestDeps, 'config'>): string {
  return new URL(deps.config.http.publicUrl).hostname || 'bulletin.invalid';
}
