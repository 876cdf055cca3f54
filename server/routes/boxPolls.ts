/**
 * 民意调查 from a box, signed with its key: `polls` lists its village's polls with the
 * household's own choice (and the counts of those that have closed), `polls/vote` casts or
 * changes the household's one vote while a poll is open. Only a bound box is heard.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { MAX_BOX_REQUEST_BYTES } from '../../src/household/signedRequest';
import { castVote, householdPolls } from '../household/polls';
import type { Service } from '../service';
import { asBoundBox, checkedBody, signed } from './boxSigned';

const VoteBody = Type.Object(
  {
    poll: Type.Integer({ minimum: 1 }),
    choice: Type.Integer({ minimum: 0, maximum: 99 }),
    // The box's outbox sends each entry with its idempotency key; a vote needs none (the last one counts).
    key: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' })),
  },
  { additionalProperties: false },
);

export const boxPollRoutes = (service: Service) => async (app: FastifyInstance) => {
  const { db } = service;

  app.post('/polls', { bodyLimit: MAX_BOX_REQUEST_BYTES }, async (request) => ({
    polls: await asBoundBox(db, request, (binding, now) => householdPolls(db, binding, now)),
  }));

  app.post('/polls/vote', { bodyLimit: MAX_BOX_REQUEST_BYTES }, async (request) => {
    const vote = checkedBody(VoteBody, signed(request).body, { zh: '投票', en: 'vote' });
    return asBoundBox(db, request, (binding, now) =>
      castVote(db, binding, { poll: vote.poll, choice: vote.choice }, now),
    );
  });
};
