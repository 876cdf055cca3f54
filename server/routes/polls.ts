/**
 * Operators' polls (民意调查), inside /api (registered by api.ts): publish one for a village, list
 * a village's polls with their turnout and their counts once closed, open or close one now. And the
 * village's satisfaction (满意度) numbers per month, and the draft that publishes a month's in 20.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createPoll, listPolls, movePollWindow } from '../household/polls';
import { draftMonthlyRatings, villageRatings } from '../household/ratings';
import type { Service } from '../service';
import { ROUTE_SCHEMAS } from './schemas';

export const pollRoutes = (service: Service) => async (plain: FastifyInstance) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();

  app.post('/polls', { schema: ROUTE_SCHEMAS.createPoll }, async (request, reply) =>
    reply.code(201).send(createPoll(service, request.operator, request.body)),
  );

  // 满意度: a village's ratings of its answers, per month (household/ratings.ts).
  app.get('/ratings', { schema: ROUTE_SCHEMAS.ratings }, async (request) =>
    villageRatings(service.db, request.operator, request.query.village),
  );

  app.post('/ratings/draft', { schema: ROUTE_SCHEMAS.draftRatings }, async (request, reply) =>
    reply.code(201).send(
      draftMonthlyRatings(service, request.operator, request.body.village, request.body.month, {
        replace: request.body.replace,
      }),
    ),
  );

  app.get('/polls', { schema: ROUTE_SCHEMAS.polls }, async (request) =>
    listPolls(service.db, request.operator, request.query.village),
  );

  // Open an upcoming poll now, or close an open one now: closing publishes its counts to boxes and operators.
  app.post('/polls/:id/open', { schema: ROUTE_SCHEMAS.movePoll }, async (request) =>
    movePollWindow(service.db, request.operator, request.params.id, 'open'),
  );
  app.post('/polls/:id/close', { schema: ROUTE_SCHEMAS.movePoll }, async (request) =>
    movePollWindow(service.db, request.operator, request.params.id, 'close'),
  );
};
