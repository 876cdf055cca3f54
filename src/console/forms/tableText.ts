/**
 * A table's cells as the form edits them (text) and as the feed keeps them: money in whole fen,
 * whole numbers as numbers, everything else as written; and rows pasted from a spreadsheet
 * (tab-separated, one row a line, as Excel and WPS copy them).
 */
export type ColumnType = 'text' | 'money' | 'number' | 'date' | 'masked';

/** "1,234.5", "¥1234.50" → 123450; null if it is no amount in yuan. */
export const yuanToFen = (text: string): number | null => {
  const match = /^[¥￥]?\s*([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const fen = Number(match[1]!.replace(/,/g, '')) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
};

export const fenToYuan = (fen: number): string =>
  `${Math.trunc(fen / 100)}.${String(Math.abs(fen % 100)).padStart(2, '0')}`;

/** A cell's text as the feed keeps it, or null if it cannot be (money that is no amount). */
export const cellValue = (type: ColumnType, text: string): string | number | null => {
  const value = text.trim();
  if (type === 'money') return yuanToFen(value);
  if (type === 'number' && /^-?[0-9]{1,15}$/.test(value)) return Number(value);
  return value;
};

/** A stored cell as the form shows it. */
export const cellText = (type: ColumnType, value: unknown): string =>
  type === 'money' && typeof value === 'number'
    ? fenToYuan(value)
    : value === undefined || value === null
      ? ''
      : String(value);

/** Rows pasted from a spreadsheet; a first line that repeats the column labels is the header and left out. */
export const rowsFromTsv = (pasted: string, labels: readonly string[]): string[][] => {
  const rows = pasted
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => line.split('\t').map((cell) => cell.trim()));
  const header = rows[0];
  if (header && labels.length && labels.every((label, i) => header[i] === label)) rows.shift();
  return rows.map((row) => labels.map((_, i) => row[i] ?? ''));
};
