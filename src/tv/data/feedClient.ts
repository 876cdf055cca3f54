/**
 * Fetches feed files and validates them before anything else sees them.
 */
import type { Validated, FeedProblem } from '../../feed/validate';

export type FeedErrorKind = 'unreachable' | 'invalid' | 'notFound';

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

export class FeedClient {
  constructor(private readonly baseUrl: string) {}

  url(path: string): string {
    return this.baseUrl.replace(/\/?$/, '/') + path;
  }

  async get<T>(path: string, validate: (data: unknown) => Validated<T>): Promise<T> {
    let response: Response;
    const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
    const timer = setTimeout(() => controller?.abort(), TIMEOUT_MS);
    try {
      response = await fetch(this.url(path), { signal: controller?.signal, cache: 'no-cache' });
    } catch {
      throw new FeedError('unreachable', path);
    } finally {
      clearTimeout(timer);
    }
    if (response.status === 404) throw new FeedError('notFound', path);
    if (!response.ok) throw new FeedError('unreachable', path);
    let data: unknown;
    try {
      data = await response.json();
    } catch {
      throw new FeedError('invalid', path, [{ path: '/', message: 'not JSON' }]);
    }
    const result = validate(data);
    if (!result.ok) throw new FeedError('invalid', path, result.problems);
    return result.value;
  }
}
