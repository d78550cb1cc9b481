import { isHttpUrl, toMarkupText as text } from '@bulletin/markup';
import type { StoryImage } from '@bulletin/story';

/**
 * An image as an HTML `<figure>`, its caption and credit in the `<figcaption>`: the same markup
 * on the story page and inside feed content, so a credit travels wherever the picture does.
 * A picture the wire credited but sent no address for (scraped copy keeps the credit line and
 * loses the image) still carries its words, as a `<p class="picture-credit">`; one with neither
 * an address nor words renders as nothing.
 * @example renderFigureHtml({ href: 'https://x/a.jpg', caption: 'Hub', credit: 'PA Wire' })
 * // '<figure><img src="https://x/a.jpg" alt="Hub"><figcaption>Hub · <span class="credit">Credit: PA Wire</span></figcaption></figure>'
 */
export function renderFigureHtml(image: StoryImage): string {
  const caption = image.caption?.trim() ? text(image.caption) : '';
  const credit = image.credit?.trim()
    ? `<span class="credit">Credit: ${text(image.credit)}</span>`
    : '';
  const figcaption = [caption, credit].filter((part) => part !== '').join(' · ');
  if (!isHttpUrl(image.href)) {
    return figcaption ? `<p class="picture-credit">Picture: ${figcaption}</p>` : '';
  }
  return (
    `<figure><img src="${text(image.href)}" alt="${text(image.caption ?? '')}">` +
    (figcaption ? `<figcaption>${figcaption}</figcaption>` : '') +
    '</figure>'
  );
}
