/**
 * A village's column settings, as the CLI's mapping file (--mapping, --save-mapping) and the
 * service's saved mapping hold them: which column of the export holds which field, and what
 * fills the fields the export has no column for. One schema for both, so a file the CLI
 * accepts is one the service accepts.
 */
import { Type, type Static, type TOptional } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { LEDGER_FIELDS, type LedgerField } from './types';

const headerText = Type.String({ minLength: 1, maxLength: 60 });
const words = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const ColumnMappingSchema = Type.Object(
  Object.fromEntries(LEDGER_FIELDS.map((field) => [field, Type.Optional(headerText)])) as Record<
    LedgerField,
    TOptional<typeof headerText>
  >,
  { additionalProperties: false },
);

export const LedgerDefaultsSchema = Type.Object(
  {
    account: Type.Optional(words(40)),
    handler: Type.Optional(words(10)),
    witness: Type.Optional(words(10)),
    approver: Type.Optional(words(10)),
    bookkeeper: Type.Optional(words(10)),
    reviewer: Type.Optional(words(10)),
    opinion: Type.Optional(words(60)),
    reviewedAt: Type.Optional(
      Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}\\+08:00)?$' }),
    ),
    sealed: Type.Optional(Type.Boolean()),
    attachmentCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 99 })),
  },
  { additionalProperties: false },
);

export const LedgerColumnSettings = Type.Object(
  { mapping: Type.Optional(ColumnMappingSchema), defaults: Type.Optional(LedgerDefaultsSchema) },
  { additionalProperties: false },
);
export type LedgerColumnSettings = Static<typeof LedgerColumnSettings>;

/** The settings, or where they break the schema and why (the first such place). */
export const checkSettings = (
  value: unknown,
): { ok: true; settings: LedgerColumnSettings } | { ok: false; path: string; message: string } => {
  if (Value.Check(LedgerColumnSettings, value)) return { ok: true, settings: value };
  const first = Value.Errors(LedgerColumnSettings, value).First();
  return { ok: false, path: first?.path || '/', message: first?.message ?? 'is not valid' };
};
