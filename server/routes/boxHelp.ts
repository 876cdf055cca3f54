/**
 * 一键求助 from a box, signed with its key like every /box request (boxRequests.ts): `help` sends
 * one (its kind and an idempotency key), `help/status` reads the household's recent ones. Only a
 * bound box is heard; a refused request stores nothing, its one-time id included.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { HELP_KINDS, IDEMPOTENCY_KEY_PATTERN } from '../../src/household/help';
import { MAX_BOX_REQUEST_BYTES } from '../../src/household/signedRequest';
import { HELP_KIND_NAMES } from '../household/helpDuty';
import { householdHelp, submitHelp } from '../household/helpRequests';
import { notify } from '../notify/outbound';
import type { Service } from '../service';
import { asBoundBox, checkedBody, signed } from './boxSigned';

const HelpBody = Type.Object(
  {
    kind: Type.Union(HELP_KINDS.map((kind) => Type.Literal(kind))),
    key: Type.String({ pattern: IDEMPOTENCY_KEY_PATTERN }),
  },
  { additionalProperties: false },
);

/** A refused help request says which kinds and keys it takes. */
const HELP = {
  zh: '求助',
  en: 'help request',
  zhRule: `（kind 须为 ${HELP_KINDS.join('、')} 之一，key 为 16–64 位）`,
};

export const boxHelpRoutes = (service: Service) => async (app: FastifyInstance) => {
  const { db } = service;

  app.post('/help', { bodyLimit: MAX_BOX_REQUEST_BYTES }, async (request, reply) => {
    // The body's shape is checked first: a malformed request uses up nothing.
    const body = checkedBody(HelpBody, signed(request).body, HELP);
    const {
      created,
      request: help,
      village,
    } = await asBoundBox(db, request, (binding, now) => ({
      ...submitHelp(db, binding, body, now),
      village: binding.village,
    }));
    if (created) {
      const kind = HELP_KIND_NAMES[help.kind];
      void notify(service.notifier, {
        kind: 'help',
        region: village,
        subject: `help ${help.id}`,
        zh: `一键求助 #${help.id}（${kind.zh}），请在 10 分钟内确认收到`,
        en: `Help request ${help.id} (${kind.en}): acknowledge it within 10 minutes`,
        at: help.createdAt,
      });
    }
    return reply.code(created ? 201 : 200).send(help);
  });

  app.post('/help/status', { bodyLimit: MAX_BOX_REQUEST_BYTES }, async (request) => ({
    requests: await asBoundBox(db, request, (binding, now) => householdHelp(db, binding, now)),
  }));
};
