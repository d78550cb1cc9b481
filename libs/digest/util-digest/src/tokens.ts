import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a link lets its holder do. */
export type TokenPurpose = 'confirm' | 'preferences' | 'unsubscribe';

/** What a signed token says. */
export interface TokenClaims {
  purpose: TokenPurpose;
  /** The subscriber's address key. */
  key: string;
  /** A confirmation's single-use nonce, or the subscription's id (dead after an erase). */
  nonce: string;
  /** Expiry, epoch seconds. */
  exp: number;
}

const PART = /^[A-Za-z0-9_-]{1,64}$/;
const PURPOSES: readonly TokenPurpose[] = ['confirm', 'preferences', 'unsubscribe'];

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(`bulletin-token:${body}`).digest();
}

/**
 * Signs claims as `purpose.key.nonce.exp.signature` (HMAC-SHA256, base64url): URL-safe, no
 * address in it.
 */
export function signToken(secret: string, claims: TokenClaims): string {
  const body = [claims.purpose, claims.key, claims.nonce, String(claims.exp)].join('.');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/**
 * The claims of a token made for `purpose`, signed with `secret` and not expired at `nowMs`;
 * `undefined` for anything else (forged, altered, expired, another purpose, malformed). The
 * signature is compared in constant time.
 */
export function verifyToken(
  secret: string,
  token: unknown,
  purpose: TokenPurpose,
  nowMs: number,
): TokenClaims | undefined {
  if (typeof token !== 'string' || token.length > 400) return undefined;
  const parts = token.split('.');
  if (parts.length !== 5 || !parts.every((part) => PART.test(part))) return undefined;
  const [kind, key, nonce, exp, signature] = parts as [string, string, string, string, string];
  // Compared as text: base64url's last character carries unused bits, so two spellings can
  // decode to the same bytes, and only the one signToken wrote is the token.
  const expected = Buffer.from(
    mac(secret, [kind, key, nonce, exp].join('.')).toString('base64url'),
  );
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  if (kind !== purpose || !PURPOSES.includes(kind) || !/^\d{1,12}$/.test(exp)) return undefined;
  if (Number(exp) * 1000 <= nowMs) return undefined;
  return { purpose, key, nonce, exp: Number(exp) };
}
