/**
 * @module @bulletin/render/testing
 * Fixtures and checks for tests of code that renders or serves bulletin's feeds and pages.
 */
export {
  buildStory,
  buildHostileStory,
  buildRenderContext,
  HOSTILE_TEXT,
  HOSTILE_TEXT_CLEAN,
  HOSTILE_BASE_URL,
} from './testing/story-fixture.js';
export { assertWellFormedXml, XmlWellFormednessError } from './testing/check-well-formed-xml.js';
export { checkNinjs, assertNinjs } from './testing/check-ninjs.js';
export { checkJsonFeed, assertJsonFeed } from './testing/check-json-feed.js';
export { checkJson, JsonSpecError, type JsonRule, type ObjectRule } from './testing/json-rules.js';
export { parseHtml, type HtmlElement } from './testing/parse-html.js';
