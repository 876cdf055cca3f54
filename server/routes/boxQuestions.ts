/**
 * POST /box/questions: a bound box asks about a published item, signed with its key like every
 * box request (routes/box.ts). 201 with the new question, 200 with the stored one when its
 * idempotency key was seen (a resend from the box's outbox), 429 past the day's limit; any
 * refusal stores nothing. The household's 25 then lists it (sealed again to its boxes).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { MAX_BOX_REQUEST_BYTES } from '../../src/household/signedRequest';
import { QUESTION_REASONS, type QuestionSubmission } from '../../src/household/questions';
import { OperatorError } from '../content/operatorError';
import { whenNotBusy } from '../db/whenNotBusy';
import { bindingOf } from '../household/boxes';
import { checkBoxRequest, type SignedBoxRequest } from '../household/boxRequests';
import { submitQuestion } from '../household/questions';
import { refreshQuestionsPage } from '../household/questionsPage';
import type { Service } from '../service';

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

const checked = (text: string): QuestionSubmission => {
  let body: unknown;
  try {
    body = JSON.parse(text || '{}');
  } catch {
    throw new OperatorError(400, '内容不是有效的 JSON', 'The body is not valid JSON');
  }
  if (!Value.Check(Submission, body)) {
    const first = [...Value.Errors(Submission, body)][0];
    throw new OperatorError(
      400,
      `提问内容有误：「${first?.path || '/'}」不符合要求`,
      `Bad question: ${first?.path || '/'} ${first?.message ?? ''}`,
    );
  }
  return body as QuestionSubmission;
};

export const boxQuestionRoutes = (
  app: FastifyInstance,
  service: Service,
  signed: (request: FastifyRequest) => SignedBoxRequest,
) => {
  const { db } = service;
  app.post('/questions', { bodyLimit: MAX_BOX_REQUEST_BYTES }, async (request, reply) => {
    const now = Date.now();
    const stored = await whenNotBusy(() =>
      db.transaction(() => {
        const box = checkBoxRequest(db, signed(request), now);
        const binding = bindingOf(db, box.boxId);
        if (!binding) throw new OperatorError(403, '这台机顶盒尚未绑定家庭', 'This box is not bound to a household');
        const question = submitQuestion(
          db,
          { box: box.boxId, household: binding.household, village: binding.village },
          checked(signed(request).body),
          now,
        );
        box.accept();
        return { ...question, household: binding.household };
      })(),
    );
    if (stored.created) refreshQuestionsPage(service, stored.household, now);
    return reply.code(stored.created ? 201 : 200).send({ id: stored.id, status: stored.status });
  });
};
