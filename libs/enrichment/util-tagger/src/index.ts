/**
 * @module @bulletin/tagger
 * Topic tagging for stories: finds every phrase of a taxonomy (`@bulletin/taxonomy`) in one
 * automaton pass, with the organisations and places of a gazetteer, so each tag can be
 * explained by the phrases and entities that matched, and where.
 */
export {
  createTagger,
  type Analysis,
  type Tagger,
  type TaggerOptions,
  type TagInput,
} from './tagger.js';
export {
  buildGazetteer,
  defaultGazetteer,
  type Gazetteer,
  type GazetteerEntity,
} from './gazetteer.js';
export { findPeople } from './find-people.js';
export { splitLede } from './split-lede.js';
export { summariseLede } from './summarise-lede.js';
export { TaggerOptionsError } from './errors.js';
