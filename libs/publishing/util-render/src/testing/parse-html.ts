import { Parser } from 'htmlparser2';

/** One element of a parsed page: its name, decoded attributes and all the text inside it. */
export interface HtmlElement {
  readonly name: string;
  readonly attribs: Readonly<Record<string, string>>;
  text: string;
}

/**
 * Reads a page as a browser's tokenizer would, so tests compare values after decoding.
 * @example parseHtml(page).filter((el) => el.name === 'link' && el.attribs.rel === 'alternate')
 */
export function parseHtml(html: string): HtmlElement[] {
  const elements: HtmlElement[] = [];
  const open: HtmlElement[] = [];
  const parser = new Parser({
    onopentag(name, attribs) {
      const element = { name, attribs, text: '' };
      elements.push(element);
      open.push(element);
    },
    ontext(text) {
      for (const element of open) element.text += text;
    },
    onclosetag() {
      open.pop();
    },
  });
  parser.end(html);
  return elements;
}
