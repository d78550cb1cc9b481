import { RenderError } from './render-error.js';
import { escapeMarkup } from '@bulletin/markup';

// U+0001 and U+0002 are not XML characters and every input is stripped of them first, so a
// token can never be forged by, or confused with, anything a story contains.
const TOKEN_OPEN = '\u0001';
const TOKEN_CLOSE = '\u0002';
// eslint-disable-next-line no-control-regex -- the token delimiters are control characters
const TOKEN = /<!\[CDATA\[\u0001(\d+)\u0002\]\]>|\u0001(\d+)\u0002/g;
// eslint-disable-next-line no-control-regex -- see above
const LEFTOVER = /[\u0001\u0002]/;

/**
 * Keeps every caller string out of `feed`'s hands. `feed` 5.2.1 (through xml-js) escapes
 * inconsistently: attributes get only `"` escaped (so `&` and `<` in category term/label/
 * scheme/domain and `<` in every href break the XML), text un-escapes `&amp;` before escaping
 * (so a literal `&amp;` is lost), and CDATA splits only the first `]]>`. Fixing that per field
 * would tie us to those internals. Instead `feed` is given opaque tokens, which pass through
 * all of its escaping unchanged, and {@link TextTokens.restore} writes each value back escaped
 * by {@link escapeMarkup}, valid both as text and in a quoted attribute. A CDATA section
 * holding one token becomes escaped text, which XML parsers read identically, so `]]>` can
 * never end it early.
 */
export class TextTokens {
  private readonly values: string[] = [];

  /** A token standing for `value`, which must already be free of non-XML characters. */
  add(value: string): string {
    this.values.push(value);
    return `${TOKEN_OPEN}${this.values.length - 1}${TOKEN_CLOSE}`;
  }

  /**
   * Replaces every token in `feed`'s output by its escaped value.
   * @throws RenderError `RENDER_UNSAFE_OUTPUT` if a token was altered and cannot be restored.
   */
  restore(xml: string): string {
    const restored = xml.replace(TOKEN, (_match, inCdata?: string, bare?: string) =>
      escapeMarkup(this.valueAt(inCdata ?? bare)),
    );
    if (LEFTOVER.test(restored)) {
      throw new RenderError(
        'RENDER_UNSAFE_OUTPUT',
        'feed output held a token that could not be restored',
      );
    }
    return restored;
  }

  private valueAt(index: string | undefined): string {
    const value = index === undefined ? undefined : this.values[Number(index)];
    if (value === undefined) {
      throw new RenderError(
        'RENDER_UNSAFE_OUTPUT',
        `feed output held an unknown token ${String(index)}`,
      );
    }
    return value;
  }
}
