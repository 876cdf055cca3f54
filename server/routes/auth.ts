/**
 * Every /api request runs as an operator: the CLI's `Authorization: Bearer <token>`, or the
 * console's session cookie. A write through the cookie must also come from the service's own
 * origin and carry the session's CSRF token (consoleGuard.ts), so that another site the
 * operator has open cannot act in their name.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate, type Operator } from '../auth/operators';
import { findSession, type ConsoleSession } from '../auth/consoleLogins';
import type { Service } from '../service';
import { fail } from './errors';
import { FailedSignIns, signInKeys } from '../auth/failedSignIns';
import { SESSION_COOKIE, writeRefusal } from './consoleGuard';

declare module 'fastify' {
  interface FastifyRequest {
    operator: Operator;
    /** The console session the request came with, or null for a bearer token. */
    consoleSession: (ConsoleSession & { sessionId: string }) | null;
  }
}

export const requireOperator = (app: FastifyInstance, service: Service) => {
  app.decorateRequest('operator', null as unknown as Operator);
  app.decorateRequest('consoleSession', null);
  const failedSignIns = new FailedSignIns();
  // onRequest: before the body is read, so that nobody without a token can make the service take in a body.
  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    const header = request.headers.authorization;
    const sessionId = header === undefined ? request.cookies[SESSION_COOKIE] : undefined;
    if (sessionId) {
      const session = findSession(service.db, sessionId);
      if (!session) return unauthorized(request, reply);
      const refusal = writeRefusal(request, session.csrfToken);
      if (refusal) return fail(reply, 403, ...refusal);
      request.operator = session.operator;
      request.consoleSession = { ...session, sessionId };
      return;
    }
    // Exactly `Bearer <token>`: a second word is not a token. A space after the token never reaches
    // here: Node's HTTP parser strips whitespace around header values (RFC 9110 OWS), as it should.
    const token = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header ?? '')?.[1];
    const keys = signInKeys(request.ip, token);
    const wait = failedSignIns.retryAfter(keys);
    if (wait) {
      reply.header('Retry-After', String(wait));
      if (request.headers['content-length'] || request.headers['transfer-encoding'])
        reply.header('Connection', 'close');
      return fail(reply, 429, '登录失败次数太多，请稍后再试', 'Too many failed sign-ins; try again later');
    }
    const operator = token ? authenticate(service.db, token) : null;
    if (!operator) {
      failedSignIns.record(keys);
      return unauthorized(request, reply);
    }
    request.operator = operator;
  });
};

const unauthorized = (request: FastifyRequest, reply: Parameters<typeof fail>[0]) => {
  // The unread body is not drained either: the connection closes after the answer.
  if (request.headers['content-length'] || request.headers['transfer-encoding']) reply.header('Connection', 'close');
  return fail(reply, 401, '请先登录：缺少或无效的操作员令牌', 'Sign in first: missing or invalid operator token');
};
