/** Every /api request carries `Authorization: Bearer <token>`; the operator is attached to it. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate, type Operator } from '../auth/operators';
import type { Service } from '../service';
import { fail } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    operator: Operator;
  }
}

export const requireOperator = (app: FastifyInstance, service: Service) => {
  app.decorateRequest('operator', null as unknown as Operator);
  app.addHook('preHandler', async (request: FastifyRequest, reply) => {
    const header = request.headers.authorization ?? '';
    // Exactly `Bearer <token>`: a trailing space or a second word is not a token.
    const token = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header)?.[1];
    const operator = token ? authenticate(service.db, token) : null;
    if (!operator) return fail(reply, 401, '请先登录：缺少或无效的操作员令牌', 'Sign in first: missing or invalid operator token');
    request.operator = operator;
  });
};
