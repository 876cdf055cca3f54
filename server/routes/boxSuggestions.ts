/**
 * 建言献策 from a box, signed with its key: `suggestions/topics` lists its village's topics,
 * `suggestions` sends one (its topic and an idempotency key). Only a bound box is heard; a
 * refused request stores nothing.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { IDEMPOTENCY_KEY_PATTERN } from '../../src/household/help';
import { MAX_BOX_REQUEST_BYTES } from '../../src/household/signedRequest';
import { TOPIC_MAX_CHARS } from '../../src/household/suggestions';
import { submitSuggestion, villageTopics } from '../household/suggestions';
import type { Service } from '../service';
import { asBoundBox, checkedBody, signed } from './boxSigned';

const SuggestionBody = Type.Object(
  {
    topic: Type.String({ minLength: 1, maxLength: TOPIC_MAX_CHARS }),
    key: Type.String({ pattern: IDEMPOTENCY_KEY_PATTERN }),
  },
  { additionalProperties: false },
);

export const boxSuggestionRoutes = (service: Service) => async (app: FastifyInstance) => {
  const { db } = service;

  app.post('/suggestions/topics', { bodyLimit: MAX_BOX_REQUEST_BYTES }, async (request) => ({
    topics: await asBoundBox(db, request, (binding) => villageTopics(db, binding.village)),
  }));

  app.post('/suggestions', { bodyLimit: MAX_BOX_REQUEST_BYTES }, async (request, reply) => {
    const body = checkedBody(SuggestionBody, signed(request).body, { zh: '建议', en: 'suggestion' });
    const { created, suggestion } = await asBoundBox(db, request, (binding, now) =>
      submitSuggestion(db, binding, body, now),
    );
    return reply
      .code(created ? 201 : 200)
      .send({ id: suggestion.id, topic: suggestion.topic, createdAt: suggestion.createdAt });
  });
};
