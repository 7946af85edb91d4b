import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from '../../server/address-guard.js';

/*
 * Reading a feed from the internet, carefully: only http(s), only public addresses (checked after resolving,
 * and the socket connects to the address that was checked, so a name cannot resolve somewhere else the second
 * time), a time limit, a size limit, a few redirects (each checked again), and a conditional GET so a feed that
 * did not change costs one small answer. Failures come back as FeedReadError with words for the participant.
 */

export interface FetchLimits {
  /** Allow loopback and private addresses (tests and local development only: FEEDS_ALLOW_PRIVATE_HOSTS). */
  allowPrivateHosts: boolean;
  timeoutMs: number;
  maxBytes: number;
}

export const defaultLimits: Omit<FetchLimits, 'allowPrivateHosts'> = { timeoutMs: 10_000, maxBytes: 2 * 1024 * 1024 };

export type FeedReadFailure =
  | 'bad_address'
  | 'private_address'
  | 'dns'
  | 'connection'
  | 'timeout'
  | 'too_large'
  | 'http_status'
  | 'too_many_redirects'
  | 'web_page'
  | 'not_a_feed';

/** A feed that could not be read, with a sentence the participant can act on. */
export class FeedReadError extends Error {
  constructor(
    readonly reason: FeedReadFailure,
    message: string,
  ) {
    super(message);
  }
}

export type FetchResult =
  | { notModified: true }
  | { notModified: false; body: string; contentType: string; etag: string | null; lastModified: string | null };

const MAX_REDIRECTS = 3;

/** Refuses an address the reader must not reach (unless configured to), before any connection. */
function checkAddress(address: string, host: string, limits: FetchLimits): void {
  if (!limits.allowPrivateHosts && isPrivateAddress(address)) {
    throw new FeedReadError(
      'private_address',
      `${host} is an address inside a private network, which Waymark does not read: use your blog's public address.`,
    );
  }
}

/** A DNS lookup for http.request that checks every address a name has and hands over only checked ones. */
function guardedLookup(host: string, limits: FetchLimits): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses) => {
      if (err || addresses.length === 0) {
        callback(new FeedReadError('dns', `We could not find ${host}: check the address for typos.`), '', 4);
        return;
      }
      try {
        for (const a of addresses) checkAddress(a.address, host, limits);
      } catch (refused) {
        callback(refused as Error, '', 4);
        return;
      }
      // Node asks for every address when it tries them in turn (autoSelectFamily), else for one.
      if (options.all) (callback as unknown as (e: null, all: dns.LookupAddress[]) => void)(null, addresses);
      else callback(null, addresses[0]?.address ?? '', addresses[0]?.family ?? 4);
    });
  };
}

/** Parses a URL the participant gave, or says why it is not one we read. */
export function feedAddress(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new FeedReadError('bad_address', 'That is not a web address: it should start with https://');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FeedReadError('bad_address', 'A feed address starts with https:// or http://');
  }
  if (url.username || url.password) {
    throw new FeedReadError('bad_address', 'A feed address must not carry a user name or password.');
  }
  return url;
}

function getOnce(
  url: URL,
  conditional: { etag?: string | null; lastModified?: string | null },
  limits: FetchLimits,
  signal: AbortSignal,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An IP address in the URL is connected to without a lookup: check it here.
  if (isIP(host)) checkAddress(host, url.hostname, limits);
  const headers: Record<string, string> = {
    'user-agent': 'Waymark feed reader (+https://waymark.example/feeds)',
    accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  };
  if (conditional.etag) headers['if-none-match'] = conditional.etag;
  if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, { method: 'GET', headers, signal, lookup: guardedLookup(url.hostname, limits) });
    req.on('error', (err) => {
      if (err instanceof FeedReadError) reject(err);
      else if (signal.aborted) reject(timeoutError(limits));
      else reject(new FeedReadError('connection', `We could not connect to ${url.hostname}. We will try again later.`));
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const declared = Number(res.headers['content-length'] ?? 0);
      // Reject before destroying: destroying the answer fails the request at once, with a vaguer reason.
      if (declared > limits.maxBytes) {
        reject(tooLarge(limits));
        res.destroy();
        return;
      }
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) {
          reject(tooLarge(limits));
          res.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', () => reject(signal.aborted ? timeoutError(limits) : connectionLost(url)));
      res.on('aborted', () => reject(signal.aborted ? timeoutError(limits) : connectionLost(url)));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.end();
  });
}

const timeoutError = (limits: FetchLimits) => {
  const seconds = Math.ceil(limits.timeoutMs / 1000);
  return new FeedReadError(
    'timeout',
    `Your blog took longer than ${seconds} second${seconds === 1 ? '' : 's'} to answer. We will try again later.`,
  );
};
const sizeInWords = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
const tooLarge = (limits: FetchLimits) =>
  new FeedReadError(
    'too_large',
    `The feed is larger than ${sizeInWords(limits.maxBytes)}: ask your blog to list fewer posts in it.`,
  );
const connectionLost = (url: URL) =>
  new FeedReadError('connection', `The connection to ${url.hostname} broke off. We will try again later.`);

function statusError(status: number): FeedReadError {
  if (status === 404 || status === 410) {
    return new FeedReadError('http_status', `Your blog answered “not found” (HTTP ${status}): check the feed address.`);
  }
  if (status === 401 || status === 403) {
    return new FeedReadError(
      'http_status',
      `Your blog refused to let us read the feed (HTTP ${status}): is the blog private?`,
    );
  }
  return new FeedReadError(
    'http_status',
    `Your blog answered with an error (HTTP ${status}). We will try again later.`,
  );
}

/**
 * GETs a feed, following at most three redirects, within the time and size limits (the time limit covers the
 * whole read, redirects included). Sends If-None-Match / If-Modified-Since when given; a 304 is `notModified`.
 */
export async function fetchFeed(
  raw: string,
  conditional: { etag?: string | null; lastModified?: string | null },
  limits: FetchLimits,
): Promise<FetchResult> {
  let url = feedAddress(raw);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const res = await getOnce(url, conditional, limits, signal);
    if (res.status === 304) return { notModified: true };
    if (res.status >= 300 && res.status < 400 && res.headers.location) {
      url = feedAddress(new URL(res.headers.location, url).toString());
      continue;
    }
    if (res.status !== 200) throw statusError(res.status);
    return {
      notModified: false,
      body: res.body,
      contentType: String(res.headers['content-type'] ?? ''),
      etag: typeof res.headers.etag === 'string' ? res.headers.etag : null,
      lastModified: typeof res.headers['last-modified'] === 'string' ? res.headers['last-modified'] : null,
    };
  }
  throw new FeedReadError('too_many_redirects', 'The feed address sends us on too many times: use its final address.');
}
