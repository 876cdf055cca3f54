/**
 * The 24-voucher 现金日记账 fixture (tools/fixtures/cash-journal.ts) and what it adds up to,
 * summed here from the file's own cells, apart from the importer, so that tests compare the
 * service's figures with the journal and not with numbers written into the test.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export const JOURNAL_CSV = 'tests/fixtures/import/cash-journal-24-gbk.csv';
export const JOURNAL_XLSX = 'tests/fixtures/import/cash-journal-24.xlsx';
export const JOURNAL_MONTH = '2025-09';

export const journalBytes = (path = JOURNAL_CSV): Buffer => readFileSync(path);

/** "12,000.00" → 1200000. */
const fen = (text: string) => {
  const [whole = '0', part = ''] = text.replace(/,/g, '').split('.');
  return Number(whole) * 100 + Number(part.padEnd(2, '0'));
};

export interface JournalFigures {
  numbers: string[];
  openingFen: number;
  incomeFen: number;
  expenseFen: number;
  closingFen: number;
  /** Spreadsheet row of each voucher, by its number; and of 上月结转. */
  rowOf: Record<string, number>;
  openingRow: number;
}

export const journalFigures = (): JournalFigures => {
  const rows = parse(new TextDecoder('gb18030').decode(journalBytes()), { relax_column_count: true }) as string[][];
  const headerIndex = rows.findIndex((r) => r.includes('凭证字号'));
  const header = rows[headerIndex]!;
  const col = (name: string) => header.indexOf(name);
  const entries = rows.map((r, i) => ({ r, row: i + 1 })).filter(({ r }) => /^记-\d+$/.test(r[col('凭证字号')] ?? ''));
  const openingIndex = rows.findIndex((r) => r[col('摘要')] === '上月结转');
  const openingFen = fen(rows[openingIndex]![col('余额')]!);
  const sum = (name: string) => entries.reduce((total, { r }) => total + (r[col(name)] ? fen(r[col(name)]!) : 0), 0);
  const incomeFen = sum('收入金额');
  const expenseFen = sum('支出金额');
  return {
    numbers: entries.map(({ r }) => r[col('凭证字号')]!),
    openingFen,
    incomeFen,
    expenseFen,
    closingFen: openingFen + incomeFen - expenseFen,
    rowOf: Object.fromEntries(entries.map(({ r, row }) => [r[col('凭证字号')]!, row])),
    openingRow: openingIndex + 1,
  };
};
