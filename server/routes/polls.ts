/**
 * Operators' polls (民意调查), inside /api (registered by api.ts): publish one for a village, and
 * list a village's polls with their turnout, and their counts once closed;
 * open or close one now.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createPoll, listPolls, movePollWindow } from '../household/polls';
import type { Service } from '../service';
import { ROUTE_SCHEMAS } from './schemas';

export const pollRoutes = (service: Service) => async (plain: FastifyInstance) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();

  app.post('/polls', { schema: ROUTE_SCHEMAS.createPoll }, async (request, reply) =>
    reply.code(201).send(createPoll(service, request.operator, request.body)),
  );

  app.get('/polls', { schema: ROUTE_SCHEMAS.polls }, async (request) =>
    listPolls(service.db, request.operator, request.query.village),
  );

  // Open an upcoming poll now, or close an open one now (its counts are then shown).
  app.post('/polls/:id/open', { schema: ROUTE_SCHEMAS.movePoll }, async (request) =>
    movePollWindow(service.db, request.operator, request.params.id, 'open'),
  );
  app.post('/polls/:id/close', { schema: ROUTE_SCHEMAS.movePoll }, async (request) =>
    movePollWindow(service.db, request.operator, request.params.id, 'close'),
  );
};
