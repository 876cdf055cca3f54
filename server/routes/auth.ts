/** Every /api request carries `Authorization: Bearer <token>`; the operator is attached to it. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate, type Operator } from '../auth/operators';
import type { Service } from '../service';
import { fail } from './errors';
import { FailedSignIns, signInKeys } from '../auth/failedSignIns';

declare module 'fastify' {
  interface FastifyRequest {
    operator: Operator;
  }
}

export const requireOperator = (app: FastifyInstance, service: Service) => {
  app.decorateRequest('operator', null as unknown as Operator);
  const failedSignIns = new FailedSignIns();
  // onRequest: before the body is read, so that nobody without a token can make the service take in a body.
  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    const header = request.headers.authorization ?? '';
    // Exactly `Bearer <token>`: a second word is not a token. A space after the token never reaches
    // here: Node's HTTP parser strips whitespace around header values (RFC 9110 OWS), as it should.
    const token = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header)?.[1];
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
      // The unread body is not drained either: the connection closes after the answer.
      if (request.headers['content-length'] || request.headers['transfer-encoding'])
        reply.header('Connection', 'close');
      return fail(reply, 401, '请先登录：缺少或无效的操作员令牌', 'Sign in first: missing or invalid operator token');
    }
    request.operator = operator;
  });
};
