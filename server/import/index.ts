/** The ledger importer: a month of vouchers from a village's CSV or .xlsx export. */
export { readLedgerFile } from './read';
export { voucherId, voucherNumberKey, sameVoucherNumber } from './voucherNumber';
export {
  mergeVouchers,
  describeMerge,
  compareVouchers,
  type MergeResult,
  type VoucherChange,
  type FieldChange,
} from './merge';
export { FIELD_LABELS } from './header';
export * from './types';
