import { createHmac } from 'node:crypto';
import { BulletinError } from '@bulletin/errors';

/** An email address bulletin will not write to; the message never repeats the address. */
export class InvalidAddressError extends BulletinError {
  constructor(reason: string) {
    super('DIGEST_ADDRESS_INVALID', `not a usable email address: ${reason}`, { permanent: true });
  }
}

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Validates an address and returns its one spelling: trimmed, lower-cased (every mainstream
 * mailbox provider treats local parts case-insensitively, and two spellings must never be two
 * subscriptions), domain without a trailing dot.
 * @throws InvalidAddressError
 * @example normaliseAddress(' Jo.Bloggs@Example.GOV.uk ') // 'jo.bloggs@example.gov.uk'
 */
export function normaliseAddress(raw: string): string {
  const value = raw.trim().toLowerCase().replace(/\.$/, '');
  if (value.length > 254) throw new InvalidAddressError('longer than 254 characters');
  const at = value.lastIndexOf('@');
  if (at <= 0) throw new InvalidAddressError('it needs a local part, an @ and a domain');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local)) throw new InvalidAddressError('bad local part');
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) {
    throw new InvalidAddressError('the domain must be a name like example.org');
  }
  return value;
}

/**
 * The keyed hash that stands for an address in Redis keys, the delivery ledger and logs: stable
 * for one secret, and without the secret it says nothing about the address.
 */
export function addressKey(secret: string, address: string): string {
  return createHmac('sha256', secret).update(`address:${address}`).digest('hex').slice(0, 32);
}
