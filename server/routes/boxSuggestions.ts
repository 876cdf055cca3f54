/**
 * 建言献策 from a box, signed with its key: `suggestions/topics` lists its village's topics,
 * `suggestions` sends one (its topic and an idempotency key). Only a bound box is heard; a
 * refused request stores nothing.
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { IDEMPOTENCY_KEY_PATTERN } from '../../src/household/help';
import { MAX_BOX_REQUEST_BYTES } from '../../src/household/signedRequest';
import { TOPIC_MAX_CHARS } from '../../src/household/suggestions';
import { OperatorError } from '../content/operatorError';
import { submitSuggestion, villageTopics } from '../household/suggestions';
import type { Service } from '../service';
import { asBoundBox, parse, signed } from './boxSigned';

const SuggestionBody = Type.Object(
  {
    topic: Type.String({ minLength: 1, maxLength: TOPIC_MAX_CHARS }),
    key: Type.String({ pattern: IDEMPOTENCY_KEY_PATTERN }),
  },
  { additionalProperties: false },
);

const bodyOf = (text: string): Static<typeof SuggestionBody> => {
  const body = parse(text);
  if (Value.Check(SuggestionBody, body)) return body;
  const first = [...Value.Errors(SuggestionBody, body)][0];
  const field = first?.path || '/';
  throw new OperatorError(
    400,
    `建议内容有误：「${field}」不符合要求`,
    `Bad suggestion: ${field} ${first?.message ?? ''}`,
  );
};

export const boxSuggestionRoutes = (service: Service) => async (app: FastifyInstance) => {
  const { db } = service;

  app.post('/suggestions/topics', { bodyLimit: MAX_BOX_REQUEST_BYTES }, async (request) => ({
    topics: await asBoundBox(db, request, (binding) => villageTopics(db, binding.village)),
  }));

  app.post('/suggestions', { bodyLimit: MAX_BOX_REQUEST_BYTES }, async (request, reply) => {
    const body = bodyOf(signed(request).body);
    const { created, suggestion } = await asBoundBox(db, request, (binding, now) =>
      submitSuggestion(db, binding, body, now),
    );
    return reply
      .code(created ? 201 : 200)
      .send({ id: suggestion.id, topic: suggestion.topic, createdAt: suggestion.createdAt });
  });
};
