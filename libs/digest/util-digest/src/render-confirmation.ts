import { link, renderEmailShell, STYLES, t } from './email-html.js';
import type { RenderedDigest } from './render-digest.js';

export interface RenderConfirmationOptions {
  siteTitle: string;
  edition: string;
  topicNames: readonly string[];
  confirmUrl: string;
  /** How long the link works, for the reader: e.g. `48 hours`. */
  validFor: string;
}

/** The double opt-in message: one link, which works once. */
export function renderConfirmation(options: RenderConfirmationOptions): RenderedDigest {
  const subject = `Confirm your ${options.siteTitle} ${options.edition} digest`;
  const topics = options.topicNames.join(', ');
  const preheader = `One click confirms it; the link works once, for ${options.validFor}.`;
  const rows = [
    `<tr><td style="${STYLES.cell}"><h1 style="${STYLES.title}">${t(subject)}</h1></td></tr>`,
    `<tr><td style="${STYLES.cell}"><p style="${STYLES.summary}">Someone, hopefully you, asked for the ${t(options.edition)} digest on: ${t(topics)}.</p>` +
      `<p style="${STYLES.summary}">${link(options.confirmUrl, 'Confirm my subscription')}</p>` +
      `<p style="${STYLES.meta}">The link works once, for ${t(options.validFor)}. If this was not you, ignore this message: nothing will be sent.</p></td></tr>`,
  ];
  const text = [
    subject,
    '',
    `Someone, hopefully you, asked for the ${options.edition} digest on: ${topics}.`,
    '',
    `Confirm: ${options.confirmUrl}`,
    '',
    `The link works once, for ${options.validFor}. If this was not you, ignore this message.`,
    '',
  ].join('\n');
  return {
    subject,
    preheader,
    html: renderEmailShell({ lang: 'en-GB', title: subject, preheader, rowsHtml: rows.join('\n') }),
    text,
  };
}
