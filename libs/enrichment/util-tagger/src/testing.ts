/**
 * Fixtures for other projects' tests (`@bulletin/tagger/testing`). Reads files, so it must
 * never be imported by runtime code.
 */
import { readFileSync } from 'node:fs';
import type { TagInput } from './tagger.js';

const ROTHERHAM_FILE = new URL('./__fixtures__/pse-rotherham-2014-11-18.txt', import.meta.url);
const BODY_FIRST = 'The circumstances found within Rotherham council';
const BODY_LAST = 'police and crime commissioner.';

/**
 * The Public Sector Executive story of 18 Nov 2014 on the Communities and Local Government
 * Committee's Rotherham report: just the article (headline and its paragraphs), without the
 * page's navigation, comments and sidebars. It must be tagged child protection and local
 * government.
 */
export function readRotherhamArticle(): TagInput {
  const lines = readFileSync(ROTHERHAM_FILE, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim());
  const first = lines.findIndex((line) => line.startsWith(BODY_FIRST));
  const last = lines.findIndex((line) => line.endsWith(BODY_LAST));
  if (first < 0 || last < first) throw new Error(`${ROTHERHAM_FILE.pathname}: article not found`);
  const headline = lines.slice(0, first).findLast((line) => line !== '') ?? '';
  const bodyText = lines
    .slice(first, last + 1)
    .filter((line) => line !== '')
    .join('\n\n');
  return { headline, bodyText };
}
