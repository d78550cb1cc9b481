/** The IPTC Media Topics vocabulary: category scheme (Atom), domain (RSS), ninjs URI prefix. */
export const MEDIA_TOPIC_SCHEME = 'http://cv.iptc.org/newscodes/mediatopic/';

const QCODE = /^medtop:(\d{8})$/;

/** One IPTC Media Topic in the forms each format wants. */
export interface MediaTopic {
  /** e.g. `medtop:20000612`. */
  readonly qcode: string;
  /** e.g. `20000612`: the Atom term / RSS category text under {@link MEDIA_TOPIC_SCHEME}. */
  readonly code: string;
  /** e.g. `http://cv.iptc.org/newscodes/mediatopic/20000612`. */
  readonly uri: string;
}

/**
 * Reads a Media Topic QCode; anything else gives `undefined`, so a malformed code is never
 * published as if it were IPTC's.
 * @example mediaTopic('medtop:20000612')?.uri // 'http://cv.iptc.org/newscodes/mediatopic/20000612'
 */
export function mediaTopic(qcode: string): MediaTopic | undefined {
  const code = QCODE.exec(qcode)?.[1];
  return code === undefined ? undefined : { qcode, code, uri: `${MEDIA_TOPIC_SCHEME}${code}` };
}
