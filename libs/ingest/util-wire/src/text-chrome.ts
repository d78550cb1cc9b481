import { endsWithArrow, endsWithSentence } from './text-shape.js';

// Boilerplate is recognised by the SHAPE of a line (navigation arrows, calendar rows, dates glued
// to teaser headlines, breadcrumbs) and by the vocabulary every CMS shares (cookie banners,
// newsletter sign-ups, comment prompts, copyright footers) — never by one site's strings.

const MORE_LINK =
  /^(?:read|view|see|show|load|find out|discover) (?:more|all|the full|full)\b|\b(?:read more|continue reading|view all|see all)\b.{0,40}$/i;
// The whole line is the label, bar trailing `[:.\s]`; the look-behind makes the label end exactly
// where that trailing run starts, as stripping the run and then matching `^…$` would.
const SECTION_LABEL =
  /^(?:related(?: \w+){0,2}|latest(?: (?:news|stories|articles|updates|posts|videos|headlines|jobs))?|most (?:read|popular|viewed|shared|commented)|comments?(?: \(\d+\))?|\d+ comments?|add (?:a |your )?comment|leave a (?:comment|reply)|post a comment|share(?: this(?: \w+)?)?|share on \w+|tags?|topics?|categories|follow us(?: on \w+)?|sign up|subscribe|newsletter|sponsored(?: content)?|you (?:may|might) also like|recommended(?: for you)?|more (?:on|from|about|in) .{1,40}|trending(?: now)?|popular(?: now)?|back to top|skip to (?:main )?content|main menu|menu|search|cookies?|cookie settings|accept(?: all)?(?: cookies)?|reject(?: all)?(?: cookies)?|manage (?:cookies|preferences)|print(?: this page)?|copy link|in this section|on this page|contents|footer|quick links|useful links|contact us|accessibility(?: statement)?|privacy(?: policy| notice)?|terms(?: and conditions| of use)?|sitemap)(?<![:.\s])[:.\s]*$/i;
const LABEL_PREFIX =
  /^(?:tags?|topics?|categories|category|filed under|keywords|related topics|share|posted in|section)\s*:/i;
const COPYRIGHT = /^(?:©|\(c\)\s|copyright\b)|©\s*(?:\d{4}|[A-Z])|\ball rights reserved\b/i;
const COOKIES =
  /\b(?:we|this (?:site|website)|our (?:site|website)s?) uses? cookies\b|\bcookie (?:policy|settings|preferences|notice|consent)\b|\baccept (?:all |additional |analytics )?cookies\b|\buse of cookies\b/i;
const NEWSLETTER =
  /\b(?:sign ?up|subscribe)\b.{0,40}\b(?:our|the|my) (?:[\w-]+ ){0,3}(?:newsletters?|e-?bulletins?|e-?mail updates)\b|\bnewsletter\b.{0,40}\b(?:sign ?up|subscribe)\b|\benter your e-?mail(?: address)?\b/i;
const COMMENT_PROMPT =
  /\b(?:have your say (?:below|here|in the comments)|tell us what you think|leave a comment|add your comment|post a comment|no comments yet|be the first to comment|there are no comments|join the (?:conversation|discussion))\b/i;
const FEEDBACK_PROMPT =
  /^(?:was this (?:page|article|information) (?:useful|helpful)|did you find (?:this (?:page|article|information) (?:useful|helpful)|what you were looking for)|is this page useful|rate this (?:page|article)|report a problem with this page)\b/i;
const DATE_GLUED = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2} [A-Za-z]{3,9} \d{4})[A-Za-z]/;
const CALENDAR_ROW =
  /^(?:(?:\d{1,2}|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+){2,}(?:\d{1,2}|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$/i;
const READING_TIME = /^(?:\d+\s*(?:min(?:ute)?s?)\s+read|reading time:?.{0,20})$/i;
const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i;
// Two separators that do not share a space, as `line.match(/\s[>»›|/•·]\s/g).length >= 2` counts.
const TWO_MENU_SEPARATORS = /\s[>»›|/•·]\s[\s\S]*?\s[>»›|/•·]\s/;
// Furniture that interrupts an article without ending it.
const ASIDE =
  /^(?:advertisement|advertising|ad|sponsored link|(?:article|story) continues (?:below|after)(?: (?:this|the) )?(?:advert(?:isement)?)?|continue reading below|scroll to continue)[.:]?$/i;
const SHORT_LINE = 80;
// Vocabulary is trusted only on lines shorter than a real paragraph of prose.
const VOCABULARY_MAX = 250;

/** One alternation of several patterns, so a line is scanned once rather than once per pattern. */
function anyOf(...patterns: readonly RegExp[]): RegExp {
  return new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|'), 'i');
}

// A word or start some vocabulary pattern needs (besides ©): FREE_VOCABULARY and MORE_LINK cannot
// match a line without one, and this scans in about half their time.
const VOCABULARY_WORD =
  /copyright|rights reserved|cookie|sign ?up|subscribe|enter your|comment|have your say|tell us what you think|join the|read more|continue reading|view all|see all/i;
const VOCABULARY_START = /^(?:\(c\)\s|(?:read|view|see|show|load|find out|discover) )/i;

// Every part is anchored at the start, so a line that begins otherwise fails at once.
const FURNITURE_SHAPE = anyOf(DATE_GLUED, CALENDAR_ROW, READING_TIME, BARE_URL);
const ANCHORED_VOCABULARY = anyOf(SECTION_LABEL, LABEL_PREFIX, FEEDBACK_PROMPT);
const FREE_VOCABULARY = anyOf(COPYRIGHT, COOKIES, NEWSLETTER, COMMENT_PROMPT);

function isMenu(line: string): boolean {
  if (line.length > SHORT_LINE * 2 || endsWithSentence(line)) return false;
  return TWO_MENU_SEPARATORS.test(line);
}

/**
 * True for lines that are site furniture, never article text: navigation and "more" links,
 * section labels, share/comment/newsletter/cookie prompts, copyright, calendars, breadcrumbs,
 * dated teasers of other stories. Inside a body such a line ends the article.
 */
export function isChromeLine(line: string): boolean {
  if (endsWithArrow(line) || FURNITURE_SHAPE.test(line) || isMenu(line)) return true;
  return line.length <= VOCABULARY_MAX && hasChromeVocabulary(line);
}

function mayHaveFreeVocabulary(line: string): boolean {
  return VOCABULARY_WORD.test(line) || line.includes('©') || VOCABULARY_START.test(line);
}

function hasChromeVocabulary(line: string): boolean {
  if (ANCHORED_VOCABULARY.test(line)) return true;
  if (!mayHaveFreeVocabulary(line)) return false;
  return FREE_VOCABULARY.test(line) || (!endsWithSentence(line) && MORE_LINK.test(line));
}

/** True for an advert marker or "story continues below": skipped, even mid-article. */
export function isAsideLine(line: string): boolean {
  return line.length <= SHORT_LINE && ASIDE.test(line);
}
