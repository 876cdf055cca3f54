/**
 * The duty officer's endpoints for 一键求助, inside /api (registered by api.ts, so the operator's
 * token or session, the schema check and the busy retry apply): the list with its clock, and a
 * request moved on to 已收到, 处理中 or 已完成.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { listHelp, updateHelp } from '../household/helpDuty';
import type { Service } from '../service';
import { ROUTE_SCHEMAS } from './schemas';

export const helpDutyRoutes = (service: Service) => async (plain: FastifyInstance) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = service;

  app.get('/help', { schema: ROUTE_SCHEMAS.helpList }, async (request) =>
    listHelp(db, request.operator, request.query),
  );

  app.post('/help/:id', { schema: ROUTE_SCHEMAS.updateHelp }, async (request) =>
    updateHelp(db, request.operator, request.params.id, request.body),
  );
};
