/**
 * 建言献策 for operators, inside /api (registered by api.ts): a village's suggestions with the
 * count per topic, and the topics it keeps (read, and set by its clerk, street or the district).
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { listSuggestions, setVillageTopics, topicsFor } from '../household/suggestions';
import type { Service } from '../service';
import { ROUTE_SCHEMAS } from './schemas';

export const suggestionRoutes = (service: Service) => async (plain: FastifyInstance) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/suggestions', { schema: ROUTE_SCHEMAS.suggestions }, async (request) =>
    listSuggestions(service.db, request.operator, request.query.village),
  );
  app.get('/suggestions/topics', { schema: ROUTE_SCHEMAS.suggestionTopics }, async (request) => ({
    topics: topicsFor(service.db, request.operator, request.query.village),
  }));
  app.put('/suggestions/topics', { schema: ROUTE_SCHEMAS.setSuggestionTopics }, async (request) => ({
    topics: setVillageTopics(service, request.operator, request.body.village, request.body.topics),
  }));
};
