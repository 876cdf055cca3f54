/** Errors as operators read them: a reason in Chinese and English, and the problems found. */
import type { FastifyReply } from 'fastify';
import type { OperatorProblem } from '../content/messages';

export const fail = (reply: FastifyReply, status: number, zh: string, en: string, problems?: OperatorProblem[]) =>
  reply.code(status).send({ error: { zh, en }, ...(problems ? { problems } : {}) });

export const forbidden = (reply: FastifyReply) => fail(reply, 403, '您没有这项操作的权限', 'You are not allowed to do this here');
export const notFound = (reply: FastifyReply, what: string) => fail(reply, 404, `找不到${what}`, `Not found: ${what}`);
