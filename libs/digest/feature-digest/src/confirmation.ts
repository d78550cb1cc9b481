import { composeMail } from '@bulletin/mailer';
import { renderConfirmation } from '@bulletin/newsletter';
import type { SubscriptionRequest } from '@bulletin/subscribers';
import type { DigestDeps } from './digest-deps.js';
import { envelopeFrom, messageHost, tokenLink } from './links.js';

/** Sends the double opt-in message for a request; its link confirms once and expires. */
export async function sendConfirmation(
  deps: Pick<DigestDeps, 'config' | 'secret' | 'mailer' | 'topics' | 'now'>,
  request: SubscriptionRequest,
  nonce: string,
): Promise<void> {
  const now = deps.now();
  const ttl = deps.config.digest.confirmTtlMs;
  const confirmUrl = tokenLink(
    deps,
    '/confirm',
    'confirm',
    request.key,
    nonce,
    now.getTime() + ttl,
  );
  const hours = Math.round(ttl / 3_600_000);
  const names = request.topics.map(
    (slug) => deps.topics.find((t) => t.slug === slug)?.name ?? slug,
  );
  const rendered = renderConfirmation({
    siteTitle: deps.config.publishing.siteTitle,
    edition: request.edition,
    topicNames: names,
    confirmUrl,
    validFor:
      hours >= 1 ? `${hours} hour${hours === 1 ? '' : 's'}` : `${Math.round(ttl / 60_000)} minutes`,
  });
  const mail = await composeMail({
    messageId: `<confirm.${request.key}.${nonce}@${messageHost(deps)}>`,
    from: deps.config.digest.mailFrom,
    envelopeFrom: envelopeFrom(deps.config.digest.mailFrom),
    to: request.email,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    date: now,
  });
  await deps.mailer.send(mail);
}
