/**
 * Sends a request signed with the box's key to the service (settings' serviceUrl, else the
 * page's own origin). Questions, help requests and votes go the same way.
 */
import { signRequest } from '../../household/signedRequest';
import type { BoxIdentity } from './identity';

const TIMEOUT_MS = 15_000;

export interface BoxAnswer {
  status: number;
  body: unknown;
}

/** The path the service sees: the signature covers it, so it must be the one the service routes. */
export const servicePath = (serviceUrl: string, path: string): { url: string; signedPath: string } => {
  const base = serviceUrl.replace(/\/?$/, '/');
  const url = serviceUrl ? base + path.replace(/^\//, '') : path;
  const pathname = serviceUrl ? (/^[a-z]+:\/\/[^/]+(\/.*)$/i.exec(url)?.[1] ?? path) : path;
  return { url, signedPath: pathname };
};

/** POSTs `body` signed; rejects only when the service cannot be reached. */
export const postSigned = async (
  identity: BoxIdentity,
  serviceUrl: string,
  path: string,
  body: unknown,
  now: number,
): Promise<BoxAnswer> => {
  const text = JSON.stringify(body);
  const { url, signedPath } = servicePath(serviceUrl, path);
  const headers = signRequest(
    { method: 'POST', path: signedPath, time: now, body: text },
    identity.id,
    identity.keys.sign.secretKey,
  );
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  const timer = setTimeout(() => controller?.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: text,
      signal: controller?.signal,
    });
    let answer: unknown = null;
    try {
      answer = await response.json();
    } catch {
      answer = null;
    }
    return { status: response.status, body: answer };
  } finally {
    clearTimeout(timer);
  }
};
