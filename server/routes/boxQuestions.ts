/**
 * POST /box/questions: a bound box asks about a published item, signed with its key like every
 * box request (routes/box.ts). 201 with the new question, 200 with the stored one when its
 * idempotency key was seen (a resend from the box's outbox), 429 past the day's limit; any
 * refusal stores nothing. The household's 25 then lists it (sealed again to its boxes).
 */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { MAX_BOX_REQUEST_BYTES } from '../../src/household/signedRequest';
import { QUESTION_REASONS, type QuestionSubmission } from '../../src/household/questions';
import { submitQuestion } from '../household/questions';
import { refreshQuestionsPage } from '../household/questionsPage';
import type { Service } from '../service';
import { asBoundBox, checkedBody, signed } from './boxSigned';

const Submission = Type.Object(
  {
    key: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }),
    subject: Type.Object(
      {
        region: Type.String({ pattern: '^[0-9]{12}$' }),
        channel: Type.Integer({ minimum: 1, maximum: 99 }),
        item: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' }),
        voucher: Type.Optional(Type.String({ pattern: '^[记收付转]-[0-9]{1,6}$' })),
        row: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
        version: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
      },
      { additionalProperties: false },
    ),
    reason: Type.Union(QUESTION_REASONS.map((r) => Type.Literal(r))),
    callBack: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const boxQuestionRoutes = (service: Service) => async (app: FastifyInstance) => {
  const { db } = service;
  app.post('/questions', { bodyLimit: MAX_BOX_REQUEST_BYTES }, async (request, reply) => {
    // The body's shape is checked first: a malformed request uses up nothing.
    const submission: QuestionSubmission = checkedBody(Submission, signed(request).body, {
      zh: '提问',
      en: 'question',
    });
    const stored = await asBoundBox(db, request, (binding, now) => ({
      ...submitQuestion(
        db,
        { box: binding.box, household: binding.household, village: binding.village },
        submission,
        now,
      ),
      household: binding.household,
      now,
    }));
    if (stored.created) refreshQuestionsPage(service, stored.household, stored.now);
    return reply.code(stored.created ? 201 : 200).send({ id: stored.id, status: stored.status });
  });
};
