/**
 * POST /box/questions/rate {question, rating}: a bound box rates the answer to one of its
 * household's questions 1–5 (满意度), signed like every box request; a second rating replaces
 * the first. Any refusal (unsigned, replayed, unbound, not its question, not answered) stores
 * nothing. The household's 25 then shows the rating (sealed again to its boxes).
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { MAX_BOX_REQUEST_BYTES } from '../../src/household/signedRequest';
import { OperatorError } from '../content/operatorError';
import { refreshQuestionsPage } from '../household/questionsPage';
import { rateAnswer } from '../household/ratings';
import type { Service } from '../service';
import { asBoundBox, parse, signed } from './boxSigned';

const RatingBody = Type.Object(
  {
    question: Type.Integer({ minimum: 1 }),
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    // The box's outbox sends each entry with its idempotency key; a rating needs none (the last one counts).
    key: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' })),
  },
  { additionalProperties: false },
);

const ratingOf = (text: string): Static<typeof RatingBody> => {
  const body = parse(text);
  if (Value.Check(RatingBody, body)) return body;
  const first = [...Value.Errors(RatingBody, body)][0];
  const field = first?.path || '/';
  throw new OperatorError(400, `评价内容有误：「${field}」不符合要求`, `Bad rating: ${field} ${first?.message ?? ''}`);
};

export const boxRatingRoutes = (service: Service) => async (app: FastifyInstance) => {
  app.post('/questions/rate', { bodyLimit: MAX_BOX_REQUEST_BYTES }, async (request) => {
    const rating = ratingOf(signed(request).body);
    const { household, ...rated } = await asBoundBox(service.db, request, (binding, now) => ({
      ...rateAnswer(service.db, binding, { question: rating.question, rating: rating.rating }, now),
      household: binding.household,
    }));
    refreshQuestionsPage(service, household);
    return rated;
  });
};
