import sanitize from 'sanitize-html';

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'sub',
  'sup',
  'small',
  'mark',
  'abbr',
  'cite',
  'q',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'img',
  'figure',
  'figcaption',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'div',
  'span',
];
// Layout elements become plain <div>s so their paragraph boundaries survive.
const TO_DIV = ['section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'center'];

// Elements whose content is code or a foreign document, never article text: drop it whole.
const NON_TEXT_TAGS = [
  'script',
  'style',
  'textarea',
  'option',
  'xmp',
  'noscript',
  'iframe',
  'object',
  'embed',
  'template',
  'svg',
  'math',
  'select',
  'frameset',
  'noembed',
  'head',
  'title',
];

const LINK_URL = /^(?:https?:\/\/|mailto:)/i;
const IMAGE_URL = /^https?:\/\//i;

const OPTIONS: sanitize.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href', 'rel'], img: ['src', 'alt'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  nonTextTags: NON_TEXT_TAGS,
  disallowedTagsMode: 'discard',
  transformTags: {
    ...Object.fromEntries(TO_DIV.map((tag) => [tag, 'div'])),
    // Relative links have no base to resolve against in a syndicated story, so they go too.
    a: (tagName, attribs): sanitize.Tag => {
      const href = attribs.href?.trim() ?? '';
      if (!LINK_URL.test(href)) return { tagName, attribs: {} };
      return { tagName, attribs: { href, rel: 'nofollow noopener' } };
    },
  },
  exclusiveFilter: (frame) => {
    if (frame.tag === 'img') return !IMAGE_URL.test(frame.attribs.src ?? '');
    // A link whose URL was refused keeps its text but loses the element.
    if (frame.tag === 'a' && frame.attribs.href === undefined) return 'excludeTag';
    return false;
  },
};
// Removed scripts and styles leave runs of empty lines behind.
const BLANK_LINES = /\n[ \t]*(?:\n[ \t]*)+/g;

/**
 * The allowlist sanitiser every wire HTML passes through. Keeps basic text and structure tags;
 * links keep an absolute http(s)/mailto `href` and get `rel="nofollow noopener"`; images keep an
 * absolute http(s) `src` and `alt`. Scripts, styles, frames, embedded objects, event handlers,
 * `javascript:`/`data:` URLs and every other attribute are removed.
 * @example sanitiseHtml('<p onclick="x()">Hi<script>alert(1)</script></p>') // '<p>Hi</p>'
 */
export function sanitiseHtml(html: string): string {
  return sanitize(html, OPTIONS).replace(BLANK_LINES, '\n').trim();
}
