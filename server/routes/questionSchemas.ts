/** What the operators' question endpoints accept and answer (routes/questions.ts), in TypeBox like schemas.ts. */
import { Type, type TSchema } from '@sinclair/typebox';
import { QUESTION_REASONS, QUESTION_STATUSES } from '../../src/household/questions';

const choice = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const idParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });

const QuestionView = Type.Object({
  id: Type.Integer(),
  village: Type.String(),
  household: Type.String(),
  box: Type.String(),
  subject: Type.Object({
    region: Type.String(),
    channel: Type.Integer(),
    item: Type.String(),
    voucher: Type.Optional(Type.String()),
    row: Type.Optional(Type.Integer()),
    version: Type.Integer(),
  }),
  about: Type.String(),
  reason: choice(QUESTION_REASONS),
  reasonText: Type.String(),
  callBack: Type.Boolean(),
  status: choice(QUESTION_STATUSES),
  statusNotes: nullable(Type.String()),
  responsible: nullable(Type.String()),
  expectedAt: nullable(Type.String()),
  answer: nullable(Type.String()),
  answeredAt: nullable(Type.String()),
  correctedItem: nullable(Type.String()),
  publicItem: nullable(Type.String()),
  askedAt: Type.String(),
  dueAt: Type.String(),
  overdue: Type.Boolean(),
  escalatedTo: nullable(Type.String()),
});

export const QUESTION_SCHEMAS = {
  list: {
    querystring: Type.Object({
      village: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
      status: Type.Optional(choice(QUESTION_STATUSES)),
    }),
    response: { 200: Type.Array(QuestionView) },
  },
  accept: {
    params: idParams,
    body: Type.Object(
      {
        responsible: text(40),
        expectedAt: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }),
        notes: Type.Optional(text(200)),
      },
      { additionalProperties: false },
    ),
    response: { 200: QuestionView },
  },
  answer: {
    params: idParams,
    body: Type.Object(
      {
        text: text(2000),
        public: Type.Optional(Type.Boolean()),
        /** The corrected item as region/channel/item: the question is then 已更正. */
        correctedItem: Type.Optional(
          Type.String({ pattern: '^[0-9]{12}/[0-9]{1,2}/[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' }),
        ),
      },
      { additionalProperties: false },
    ),
    response: { 200: Type.Object({ ...QuestionView.properties, publicDraft: nullable(Type.Integer()) }) },
  },
} as const;
