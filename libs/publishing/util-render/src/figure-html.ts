import { isHttpUrl, toMarkupText as text } from '@bulletin/markup';
import type { StoryImage } from '@bulletin/story';

/**
 * An image as an HTML `<figure>`, its caption and credit in the `<figcaption>`: the same markup
 * on the story page and inside feed content, so a credit travels wherever the picture does.
 * Images without an http(s) address render as nothing.
 * @example renderFigureHtml({ href: 'https://x/a.jpg', caption: 'Hub', credit: 'PA Wire' })
 * // '<figure><img src="https://x/a.jpg" alt="Hub"><figcaption>Hub · <span class="credit">Credit: PA Wire</span></figcaption></figure>'
 */
export function renderFigureHtml(image: StoryImage): string {
  if (!isHttpUrl(image.href)) return '';
  const caption = image.caption?.trim() ? text(image.caption) : '';
  const credit = image.credit?.trim()
    ? `<span class="credit">Credit: ${text(image.credit)}</span>`
    : '';
  const figcaption = [caption, credit].filter((part) => part !== '').join(' · ');
  return (
    `<figure><img src="${text(image.href)}" alt="${text(image.caption ?? '')}">` +
    (figcaption ? `<figcaption>${figcaption}</figcaption>` : '') +
    '</figure>'
  );
}
