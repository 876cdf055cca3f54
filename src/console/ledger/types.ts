/** The ledger endpoints' answers, as the service's TypeBox schemas declare them (types only). */
import type { Static } from '@sinclair/typebox';
import type { ROUTE_SCHEMAS } from '../../../server/routes/schemas';

export type LedgerPreview = Static<(typeof ROUTE_SCHEMAS)['ledgerPreview']['response'][200]>;
export type PreviewColumn = LedgerPreview['columns'][number];
export type PreviewProblem = LedgerPreview['problems'][number];
export type LedgerField = PreviewColumn['field'];
export type ColumnSettings = { mapping: Partial<Record<LedgerField, string>>; defaults: LedgerPreview['defaults'] };
export type ImportResult = Static<(typeof ROUTE_SCHEMAS)['ledgerImport']['response'][201]>;
export type SavedColumns = Static<(typeof ROUTE_SCHEMAS)['ledgerColumns']['response'][200]>;
export type RedactedReceipt = Static<(typeof ROUTE_SCHEMAS)['redactReceipt']['response'][201]>;
export type Voucher = LedgerPreview['vouchers'][number];
