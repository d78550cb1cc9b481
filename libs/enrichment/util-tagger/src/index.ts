/**
 * @module @bulletin/tagger
 * Topic tagging for stories: finds every phrase of a taxonomy (`@bulletin/taxonomy`) in one
 * automaton pass, so each tag can be explained by the phrases that matched.
 */
export { createTagger, type Tagger, type TaggerOptions, type TagInput } from './tagger.js';
export { TaggerOptionsError } from './errors.js';
