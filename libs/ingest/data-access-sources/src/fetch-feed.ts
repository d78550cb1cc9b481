import { FetchError } from './fetch-error.js';
import { readCapped } from './read-capped.js';

export interface FetchFeedOptions {
  url: string;
  /** Sent with every request (the source's configured headers). */
  headers?: Readonly<Record<string, string>>;
  /** Validators from the last 200: a 304 answer then costs nothing downstream. */
  etag?: string;
  lastModified?: string;
  /** The whole fetch, redirects and body included. */
  timeoutMs: number;
  /** The largest body, after decompression. */
  maxBytes: number;
  maxRedirects: number;
  /** Aborts the fetch (a job cancelled, a shutdown). */
  signal?: AbortSignal;
}

export type FetchOutcome =
  | { status: 304; url: string }
  | {
      status: 200;
      /** Where the body came from, after redirects. */
      url: string;
      body: Buffer;
      contentType?: string;
      etag?: string;
      lastModified?: string;
    };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'bulletin/0.2 (news syndication; feed poller)';

function checkScheme(url: URL): URL {
  if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  throw new FetchError(
    'FETCH_SCHEME_REFUSED',
    `${url.protocol} URLs are not fetched (http and https only)`,
    {
      permanent: true,
    },
  );
}

function headersFor(options: FetchFeedOptions): Record<string, string> {
  return {
    'user-agent': USER_AGENT,
    accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5',
    ...options.headers,
    'accept-encoding': 'gzip, deflate, br',
    ...(options.etag ? { 'if-none-match': options.etag } : {}),
    ...(options.lastModified ? { 'if-modified-since': options.lastModified } : {}),
  };
}

function nextHop(response: Response, from: URL, seen: Set<string>, hops: number, max: number): URL {
  const location = response.headers.get('location');
  if (!location) {
    throw new FetchError('FETCH_BAD_REDIRECT', `${response.status} without a Location`, {
      permanent: true,
    });
  }
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new FetchError('FETCH_BAD_REDIRECT', 'a redirect to an invalid URL', { permanent: true });
  }
  checkScheme(next);
  if (seen.has(next.href)) {
    throw new FetchError('FETCH_REDIRECT_LOOP', `redirected back to ${next.href}`, {
      permanent: true,
    });
  }
  if (hops >= max) throw new FetchError('FETCH_TOO_MANY_REDIRECTS', `more than ${max} redirects`);
  return next;
}

async function fetchOnce(
  url: URL,
  options: FetchFeedOptions,
  signal: AbortSignal,
): Promise<Response> {
  try {
    return await fetch(url, { headers: headersFor(options), redirect: 'manual', signal });
  } catch (error) {
    if (signal.aborted) throw error;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new FetchError('FETCH_NETWORK', `cannot reach ${url.host} (${reason})`, { cause: error });
  }
}

/**
 * Fetches a feed with conditional GET, a deadline over the whole exchange, a size cap after
 * decompression (gzip, deflate, br), a bounded number of redirects and http(s) only.
 * @throws FetchError with a stable code; an aborted `signal` rethrows its reason.
 */
export async function fetchFeed(options: FetchFeedOptions): Promise<FetchOutcome> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  let url = checkScheme(new URL(options.url));
  const seen = new Set<string>();
  try {
    for (let hops = 0; ; hops += 1) {
      seen.add(url.href);
      const response = await fetchOnce(url, options, signal);
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel();
        url = nextHop(response, url, seen, hops, options.maxRedirects);
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { status: 304, url: url.href };
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel();
        throw new FetchError('FETCH_HTTP_STATUS', `${url.host} answered ${response.status}`, {
          permanent: response.status === 404 || response.status === 410,
          status: response.status,
        });
      }
      return answer(url, response, await readCapped(response, options.maxBytes));
    }
  } catch (error) {
    if (deadline.aborted && !(error instanceof FetchError)) {
      throw new FetchError('FETCH_TIMEOUT', `no whole answer within ${options.timeoutMs} ms`, {
        cause: error,
      });
    }
    throw error;
  }
}

function answer(url: URL, response: Response, body: Buffer): FetchOutcome {
  const header = (name: string) => response.headers.get(name) ?? undefined;
  const [contentType, etag, lastModified] = [
    header('content-type'),
    header('etag'),
    header('last-modified'),
  ];
  return {
    status: 200,
    url: url.href,
    body,
    ...(contentType ? { contentType: contentType.slice(0, 200) } : {}),
    ...(etag ? { etag } : {}),
    ...(lastModified ? { lastModified } : {}),
  };
}
