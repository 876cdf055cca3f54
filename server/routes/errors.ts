/** Errors as operators read them: a reason in Chinese and English, and the problems found. */
import type { FastifyReply } from 'fastify';
import type { OperatorProblem } from '../content/messages';

export const fail = (reply: FastifyReply, status: number, zh: string, en: string, problems?: OperatorProblem[]) =>
  reply.code(status).send({ error: { zh, en }, ...(problems ? { problems } : {}) });
