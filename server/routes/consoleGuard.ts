/**
 * What a browser request must show before the service acts on it through a session cookie:
 * it comes from the service's own origin (Origin, which browsers send with every write and
 * scripts cannot forge), and a write carries the session's CSRF token in X-CSRF-Token, which
 * only the console's own pages can read. The cookie itself is SameSite=Strict besides.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_MS } from '../auth/consoleLogins';

export const SESSION_COOKIE = 'sanwu_console';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** This service's origin as the browser sees it (behind a trusted proxy, from its forwarded headers). */
const ownOrigin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export const crossOriginRefusal = (request: FastifyRequest): [string, string] | null =>
  request.headers.origin === ownOrigin(request)
    ? null
    : ['请求不是从本服务的管理页面发出的，已拒绝', 'Refused: the request did not come from this service’s console'];

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Why a request made with the session cookie is refused, or null: reads pass, writes need origin and token. */
export const writeRefusal = (request: FastifyRequest, csrfToken: string): [string, string] | null => {
  if (SAFE_METHODS.has(request.method)) return null;
  const origin = crossOriginRefusal(request);
  if (origin) return origin;
  const given = request.headers['x-csrf-token'];
  return typeof given === 'string' && sameToken(given, csrfToken)
    ? null
    : [
        '缺少或无效的防伪令牌（CSRF），请刷新页面后再试',
        'Missing or invalid CSRF token; reload the page and try again',
      ];
};

/** The session cookie: HttpOnly, SameSite=Strict, and Secure when the browser reached us over TLS. */
export const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, sessionId: string) =>
  reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge: SESSION_MS / 1000,
  });

export const clearSessionCookie = (request: FastifyRequest, reply: FastifyReply) =>
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
  });
