/**
 * @module @bulletin/subscribers
 * Digest data in Redis under the prefix: subscribers (by the keyed hash of their address),
 * pending confirmations with their cooldown, the delivery ledger of each edition run, the
 * editions' watermarks and leases, and run reports.
 */
export { digestKeys, type DigestKeys } from './keys.js';
export {
  createSubscriberStore,
  type SubscriberStore,
  type Subscriber,
  type SubscriptionRequest,
} from './subscriber-store.js';
export {
  createDeliveryLedger,
  type DeliveryLedger,
  type EditionRun,
  type LedgerEntry,
  type LedgerState,
  type RunReport,
} from './ledger.js';
