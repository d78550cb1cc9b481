/**
 * @module @bulletin/newsletter
 * Digests as data: address normalisation and keyed hashes, signed tokens, the stories of one
 * subscriber's edition, and the messages (subject, preheader, HTML, plain text). No I/O.
 */
export { normaliseAddress, addressKey, InvalidAddressError } from './address.js';
export { signToken, verifyToken, type TokenClaims, type TokenPurpose } from './tokens.js';
export {
  selectStories,
  storiesOf,
  type DigestSection,
  type DigestTopic,
  type SelectStoriesOptions,
} from './select-stories.js';
export {
  renderDigest,
  type RenderDigestOptions,
  type RenderedDigest,
  type DigestLinks,
} from './render-digest.js';
export { renderConfirmation, type RenderConfirmationOptions } from './render-confirmation.js';
