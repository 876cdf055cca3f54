/**
 * What each operator endpoint accepts, as JSON Schema for Fastify to check before the
 * handler runs: a number where a reason belongs, a repeated query parameter or a value
 * too long is refused with 400 (naming the field), never a 500.
 * tests/server/fuzz.spec.ts generates requests from these same schemas.
 */
import { ROLES } from '../auth/operators';

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;
const digits = (maxLength: number) => ({ type: 'string', pattern: `^[0-9]{1,${maxLength}}$` }) as const;

export const itemParams = {
  type: 'object',
  required: ['region', 'channel', 'itemId'],
  properties: { region: digits(12), channel: digits(2), itemId: text(64) },
} as const;

const monthParams = { type: 'object', required: ['region', 'month'], properties: { region: digits(12), month: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}$' } } } as const;

const idParams = { type: 'object', required: ['id'], properties: { id: digits(12) } } as const;

export const ROUTE_SCHEMAS = {
  item: { params: itemParams },
  push: { params: itemParams, querystring: { type: 'object', properties: { replace: { type: 'string', enum: ['true', 'false'] } } }, body: { type: 'object' } },
  correction: {
    params: itemParams,
    body: { type: 'object', properties: { newId: text(64), note: text(300), item: { type: 'object' } } },
  },
  drafts: { querystring: { type: 'object', properties: { status: { type: 'string', enum: ['draft', 'approved', 'rejected', 'published', 'discarded'] } } } },
  approve: { params: idParams },
  reject: { params: idParams, body: { type: ['object', 'null'], properties: { reason: text(500) } } },
  publish: { body: { type: ['object', 'null'], properties: { at: text(40) } } },
  rollback: { body: { type: 'object', required: ['version'], properties: { version: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } } } },
  overdue: { querystring: { type: 'object', properties: { region: digits(12) } } },
  createOperator: {
    body: {
      type: 'object',
      required: ['name', 'role', 'region'],
      properties: { name: text(40), role: { type: 'string', enum: [...ROLES] }, region: digits(12), label: text(60) },
    },
  },
  issueToken: { params: idParams, body: { type: ['object', 'null'], properties: { label: text(60) } } },
  revokeToken: { params: idParams },
  disableOperator: { params: idParams },
  // The rows are checked by the ledger rules after the merge, which name voucher and field.
  ledgerImport: {
    params: monthParams,
    body: {
      type: 'object',
      required: ['vouchers'],
      properties: { vouchers: { type: 'array', maxItems: 20_000, items: { type: 'object' } }, openingFen: { type: 'integer' }, dryRun: { type: 'boolean' } },
    },
  },
  attachReceipts: {
    params: { type: 'object', required: ['region', 'month', 'number'], properties: { ...monthParams.properties, number: text(40) } },
    body: {
      type: 'object',
      required: ['receipts'],
      properties: {
        receipts: {
          type: 'array',
          minItems: 1,
          maxItems: 20,
          items: {
            type: 'object',
            required: ['src', 'width', 'height'],
            properties: { src: text(200), width: { type: 'integer', minimum: 1 }, height: { type: 'integer', minimum: 1 }, kind: text(20) },
          },
        },
      },
    },
  },
} as const;
