import type { StoryImage } from '@bulletin/story';
import { hasWords } from './text-shape.js';

const IMAGE_LABEL =
  /^(?:main |top |lead )?(image|photo|photograph|picture|pic|caption|credit|image credit|photo credit|picture credit|photograph credit)s?\s*:\s*(.+)$/i;
const TRAILING_CREDIT =
  /^(.{10,200}?)\s*\(\s*(?:image|photo|photograph|picture|pic|credit)s?\s*:\s*([^()]+)\)$/i;
const INLINE_CREDIT = /\s*\b(?:credit|photo|picture|image)s?\s*:\s*/i;
const CREDIT_HINT =
  /[/©]|\b(?:c\.|courtesy|copyright|credit|PA|Getty|Alamy|Shutterstock|Reuters|AP|AFP|iStock|Wire)\b/;
const CREDIT_MAX_WORDS = 5;

function looksLikeCredit(text: string): boolean {
  return CREDIT_HINT.test(text) || !hasWords(text, CREDIT_MAX_WORDS + 1);
}

function unwrapParentheses(line: string): string {
  return line.startsWith('(') && line.endsWith(')') ? line.slice(1, -1).trim() : line;
}

function fromLabelled(label: string, content: string): StoryImage {
  const kind = label.toLowerCase();
  if (kind.includes('credit')) return { credit: content };
  const [caption = content, credit] = content.split(INLINE_CREDIT, 2);
  if (credit !== undefined && credit !== '')
    return { caption: caption.trim(), credit: credit.trim() };
  if (kind === 'caption' || !looksLikeCredit(content)) return { caption: content };
  return { credit: content };
}

/**
 * Reads an image caption or credit line: `(Image: c. Jane Doe/PA Wire)`, `Photo: …`,
 * `Picture: …`, `Credit: …`, `Caption: …`, or a caption ending in `(Photo: credit)`. A short
 * or agency-looking text is a credit, a longer descriptive one a caption.
 * @returns undefined when the line is not about an image.
 */
export function parseImageLine(line: string): StoryImage | undefined {
  const inner = unwrapParentheses(line);
  const labelled = IMAGE_LABEL.exec(inner);
  if (labelled !== null) return fromLabelled(labelled[1] ?? '', (labelled[2] ?? '').trim());
  if (!line.endsWith(')')) return undefined;
  const trailing = TRAILING_CREDIT.exec(line);
  if (trailing === null) return undefined;
  return { caption: (trailing[1] ?? '').trim(), credit: (trailing[2] ?? '').trim() };
}
