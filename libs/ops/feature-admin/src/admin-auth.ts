import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares in constant time (over digests, so lengths leak nothing either). */
function same(given: string, token: string): boolean {
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * Whether an `Authorization` header carries the admin token: `Bearer TOKEN`, or basic auth
 * whose password is the token (any user name, so a browser's login prompt works).
 */
export function isAuthorized(header: string | undefined, token: string): boolean {
  if (header === undefined) return false;
  const [scheme, value = ''] = header.trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'bearer') return same(value, token);
  if (scheme?.toLowerCase() !== 'basic') return false;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 && same(decoded.slice(colon + 1), token);
}
