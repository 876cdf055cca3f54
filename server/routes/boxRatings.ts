/**
 * POST /box/questions/rate {question, rating}: a bound box rates the answer to one of its
 * household's questions 1–5 (满意度), signed like every box request; a second rating replaces
 * the first. Any refusal (unsigned, replayed, unbound, not its question, not answered) stores
 * nothing. The household's 25 then shows the rating (sealed again to its boxes).
 */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { MAX_BOX_REQUEST_BYTES } from '../../src/household/signedRequest';
import { refreshQuestionsPage } from '../household/questionsPage';
import { rateAnswer } from '../household/ratings';
import type { Service } from '../service';
import { asBoundBox, checkedBody, signed } from './boxSigned';

const RatingBody = Type.Object(
  {
    question: Type.Integer({ minimum: 1 }),
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    // The box's outbox sends each entry with its idempotency key; a rating needs none (the last one counts).
    key: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' })),
  },
  { additionalProperties: false },
);

export const boxRatingRoutes = (service: Service) => async (app: FastifyInstance) => {
  app.post('/questions/rate', { bodyLimit: MAX_BOX_REQUEST_BYTES }, async (request) => {
    const rating = checkedBody(RatingBody, signed(request).body, { zh: '评价', en: 'rating' });
    const { household, ...rated } = await asBoundBox(service.db, request, (binding, now) => ({
      ...rateAnswer(service.db, binding, { question: rating.question, rating: rating.rating }, now),
      household: binding.household,
    }));
    refreshQuestionsPage(service, household);
    return rated;
  });
};
