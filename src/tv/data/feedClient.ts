/**
 * Fetches the feed the way the publisher writes it and believes nothing unchecked:
 * the manifest must carry a valid signature; every file must hash to what the manifest
 * says and pass the feed schema.
 */
import type { FileEntry, Manifest } from '../../feed/manifest';
import { MANIFEST_FILE, objectPath } from '../../feed/paths';
import type { FeedProblem, Validated } from '../../feed/validate';
import { utf8Text } from '../../household/bytes';
import { sha256Hex } from '../sync/verify';
import { signatureHolds } from '../sync/signatureCheck';
import { isManifest } from './feedCheck';
import { judgeManifest } from '../sync/judgeManifest';
import { pinFeedKey, pinnedFeedKey } from '../sync/trustAnchor';

/**
 * unreachable: no answer; invalid: not the feed format; notFound: not in the feed; rejected: failed a check;
 * untrustedKey: signed by a key other than the one the box trusts, without that key's consent.
 */
export type FeedErrorKind = 'unreachable' | 'invalid' | 'notFound' | 'rejected' | 'untrustedKey';

export class FeedError extends Error {
  constructor(
    readonly kind: FeedErrorKind,
    readonly path: string,
    readonly problems: FeedProblem[] = [],
  ) {
    super(`${kind}: ${path}${problems.length ? ` (${problems.map((p) => `${p.path} ${p.message}`).join('; ')})` : ''}`);
  }
}

const TIMEOUT_MS = 15_000;

const fileUrl = (baseUrl: string, path: string): string => baseUrl.replace(/\/?$/, '/') + path;

/** Starts a request that gives up after TIMEOUT_MS. */
const request = (url: string, cache: RequestCache, headers: Record<string, string> = {}): Promise<Response> => {
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  const timer = setTimeout(() => controller?.abort(), TIMEOUT_MS);
  const response = fetch(url, { signal: controller?.signal, cache, headers });
  const stop = () => clearTimeout(timer);
  response.then(stop, stop);
  return response;
};

/** The manifest request made at boot, before a client exists (see requestManifestEarly). */
let earlyManifest: { url: string; response: Promise<Response> } | null = null;

/**
 * Asks for the manifest as soon as boot knows the feed's address, before Lightning starts, so
 * that its round trip overlaps the stage's setup. The client's first manifest fetch without
 * an ETag takes this answer (or its failure) instead of asking again.
 */
export const requestManifestEarly = (baseUrl: string): void => {
  const url = fileUrl(baseUrl, MANIFEST_FILE);
  const response = request(url, 'no-cache');
  // Unhandled until the client takes it: a failure is reported there.
  response.catch(() => undefined);
  earlyManifest = { url, response };
};

/** pollSeconds is null when the answer did not say (a proxy or a forgery may not). */
export type ManifestAnswer = { changed: false; pollSeconds: number | null } | { changed: true; manifest: Manifest; etag: string | null; pollSeconds: number | null };

export class FeedClient {
  /** Objects whose copy failed its hash even past the browser's cache: fetched past it until one passes. */
  private readonly suspectObjects = new Set<string>();

  constructor(
    private readonly baseUrl: string,
    private readonly publicKey: string | null,
  ) {}

  url(path: string): string {
    return fileUrl(this.baseUrl, path);
  }

  /** The manifest, unless it is unchanged since `etag`; its signature is checked here. */
  async fetchManifest(etag: string | null): Promise<ManifestAnswer> {
    const answer = await this.fetchUncheckedManifest(etag);
    if (answer.changed) await this.checkSignature(answer.manifest);
    return answer;
  }

  /**
   * The manifest as it came, unless it is unchanged since `etag`: not to be believed until
   * checkSignature has passed. Lets a caller send its next requests before the check, so that
   * their round trip overlaps it.
   */
  async fetchUncheckedManifest(etag: string | null): Promise<ManifestAnswer> {
    const response = await this.fetch(MANIFEST_FILE, etag ? { 'If-None-Match': etag } : {}, 'no-cache');
    const pollSeconds = Number(response.headers.get('X-Poll-Interval')) || null;
    if (response.status === 304) return { changed: false, pollSeconds };
    const data = await this.json(MANIFEST_FILE, response);
    if (!isManifest(data)) throw new FeedError('invalid', MANIFEST_FILE, [{ path: '/', message: 'not a manifest' }]);
    return { changed: true, manifest: data, etag: response.headers.get('ETag'), pollSeconds };
  }

  async checkSignature(manifest: Manifest): Promise<void> {
    const verdict = await this.judge(manifest);
    if (verdict === 'untrustedKey') throw new FeedError('untrustedKey', MANIFEST_FILE, [{ path: '/signature', message: 'signed by a key the box does not trust' }]);
    if (verdict !== 'trusted') throw new FeedError('rejected', MANIFEST_FILE, [{ path: '/signature', message: 'bad signature' }]);
  }

  /** Whether the manifest carries the publisher's valid signature (checked off the main thread where the box can). */
  async isSigned(manifest: Manifest): Promise<boolean> {
    return (await this.judge(manifest)) === 'trusted';
  }

  /** Judges the signature by the key the box trusts, and remembers the key once it is trusted. */
  private async judge(manifest: Manifest): Promise<'trusted' | 'untrustedKey' | 'forged'> {
    const pinned = pinnedFeedKey();
    const verdict = await judgeManifest(manifest, pinned, this.publicKey, signatureHolds);
    if (verdict.kind === 'trusted' && verdict.key !== pinned) pinFeedKey(verdict.key);
    return verdict.kind;
  }

  /** A feed file, by logical path and its entry in the manifest's tree, checked and parsed. */
  async fetchFile<T>(path: string, entry: FileEntry | undefined, validate: (data: unknown) => Validated<T>): Promise<{ value: T; text: string }> {
    const text = await this.fetchText(path, entry);
    return { value: parseFile(path, text, validate), text };
  }

  /**
   * A feed file's text: its bytes must hash to its entry. Objects are cached as immutable, so a
   * copy altered once on the wire (a bad CDN edge, a tampering proxy) would be served from the
   * browser's cache at every poll: a refused copy is asked for again past the cache at once, and
   * a file refused that way too is fetched past the cache at each later poll until it passes.
   */
  async fetchText(path: string, entry: FileEntry | undefined): Promise<string> {
    if (!entry) throw new FeedError('notFound', path);
    const suspect = this.suspectObjects.has(entry.sha256);
    let bytes = await this.fetchBytes(entry.sha256, suspect ? 'reload' : 'default');
    if (sha256Hex(bytes) !== entry.sha256 && !suspect) bytes = await this.fetchBytes(entry.sha256, 'reload');
    if (sha256Hex(bytes) !== entry.sha256) {
      this.suspectObjects.add(entry.sha256);
      throw new FeedError('rejected', path, [{ path: '/', message: 'hash mismatch' }]);
    }
    this.suspectObjects.delete(entry.sha256);
    return utf8Text(bytes);
  }

  /**
   * `reload` also asks under a query of its own: engines before Chrome 64 (and the legacy
   * bundle's fetch polyfill) ignore the cache mode, and a CDN edge keys its copies by URL.
   */
  private async fetchBytes(sha256: string, cache: 'default' | 'reload'): Promise<Uint8Array> {
    const path = objectPath(sha256) + (cache === 'reload' ? `?fresh=${Date.now()}` : '');
    const response = await this.fetch(path, {}, cache);
    return new Uint8Array(await response.arrayBuffer());
  }

  private async fetch(path: string, headers: Record<string, string>, cache: RequestCache): Promise<Response> {
    const url = this.url(path);
    const early = earlyManifest && earlyManifest.url === url && !Object.keys(headers).length ? earlyManifest.response : null;
    if (early) earlyManifest = null;
    let response: Response;
    try {
      response = await (early ?? request(url, cache, headers));
    } catch {
      throw new FeedError('unreachable', path);
    }
    if (response.status === 404) throw new FeedError('notFound', path);
    if (!response.ok && response.status !== 304) throw new FeedError('unreachable', path);
    return response;
  }

  private async json(path: string, response: Response): Promise<unknown> {
    try {
      return (await response.json()) as unknown;
    } catch {
      throw new FeedError('invalid', path, [{ path: '/', message: 'not JSON' }]);
    }
  }
}

/** Parses and validates a file's text (from the network or the box's own cache). */
export const parseFile = <T>(path: string, text: string, validate: (data: unknown) => Validated<T>): T => {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new FeedError('invalid', path, [{ path: '/', message: 'not JSON' }]);
  }
  const result = validate(data);
  if (!result.ok) throw new FeedError('invalid', path, result.problems);
  return result.value;
};
