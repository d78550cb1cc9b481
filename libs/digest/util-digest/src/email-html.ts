import { toMarkupText } from '@bulletin/markup';

// Mail clients drop <style> blocks and ignore most layout CSS: a centred 600px table, and every
// style inline on the element it styles.
const FONT = 'font-family:Helvetica,Arial,sans-serif;';
export const STYLES = {
  body: 'margin:0;padding:0;background:#f3f4f6;',
  outer: 'width:100%;background:#f3f4f6;',
  inner: 'width:600px;max-width:100%;background:#ffffff;',
  cell: `padding:16px 24px;${FONT}color:#1f2937;font-size:16px;line-height:1.5;`,
  title: `margin:0;${FONT}font-size:24px;line-height:1.25;color:#111827;`,
  topic: `margin:24px 0 8px;${FONT}font-size:13px;letter-spacing:.06em;text-transform:uppercase;color:#6b7280;`,
  headline: `margin:0 0 4px;${FONT}font-size:18px;line-height:1.3;`,
  link: 'color:#1d4ed8;text-decoration:underline;',
  summary: `margin:0 0 6px;${FONT}font-size:15px;color:#374151;`,
  meta: `margin:0 0 16px;${FONT}font-size:13px;color:#6b7280;`,
  footer: `padding:16px 24px;${FONT}font-size:12px;line-height:1.5;color:#6b7280;`,
  preheader: 'display:none;max-height:0;overflow:hidden;opacity:0;color:transparent;',
} as const;

/** Text for markup. */
export const t = toMarkupText;

/** A link whose URL and text are both escaped. */
export function link(href: string, text: string): string {
  return `<a href="${t(href)}" style="${STYLES.link}">${t(text)}</a>`;
}

export interface EmailShellOptions {
  lang: string;
  title: string;
  preheader: string;
  /** Rows of the inner table, already escaped. */
  rowsHtml: string;
}

/** The HTML document of an email: hidden preheader, centred table, inline styles. */
export function renderEmailShell(options: EmailShellOptions): string {
  return [
    '<!doctype html>',
    `<html lang="${t(options.lang)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${t(options.title)}</title></head>`,
    `<body style="${STYLES.body}">`,
    `<div style="${STYLES.preheader}">${t(options.preheader)}</div>`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${STYLES.outer}"><tr><td align="center">`,
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="${STYLES.inner}">`,
    options.rowsHtml,
    '</table>',
    '</td></tr></table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
