/**
 * @module @bulletin/digest
 * Newsletter digests: the edition run (exactly once per subscriber per run through the
 * ledger), the editions' job schedulers and the `digest` role, the preview, and the HTTP
 * plugin with the subscribe, confirm, preferences and one-click unsubscribe pages.
 */
export { digestRole } from './digest.role.js';
export { digestPlugin } from './http/digest.plugin.js';
export {
  openDigest,
  openMailer,
  digestSecret,
  type DigestDeps,
  type OpenDigestOptions,
} from './digest-deps.js';
export { runEdition, EditionError, type RunEditionOptions } from './run-edition.js';
export { scheduleEditions, schedulerId, slotOf } from './schedule.js';
export { buildDigestMessage, type DigestMessage } from './digest-message.js';
export { storiesBetween, storiesSince, newestSequence } from './edition-stories.js';
export { subscriberLinks } from './links.js';
