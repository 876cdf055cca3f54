/**
 * Reads a CSV or .xlsx file into plain rows of cells, row i being the spreadsheet's
 * row i + 1, so that every later message can name the row the operator sees.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { decodeText } from './decode';
import { messages } from './messages';
import type { Cell, ImportProblem, SheetTable } from './types';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export type TableRead = { ok: true; table: SheetTable } | { ok: false; problem: ImportProblem };

export const readTable = async (bytes: Uint8Array, fileName: string, sheet?: string | number): Promise<TableRead> => {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  // An .xls renamed to .csv or .xlsx is still old binary Excel, hence the magic check.
  if (extension === 'xls' || startsWith(bytes, OLE_MAGIC)) return { ok: false, problem: messages.unsupportedXls() };
  if (extension === 'xlsx' || startsWith(bytes, ZIP_MAGIC)) return readXlsx(bytes, sheet);
  return readCsv(bytes);
};

const blankToNull = (text: string): Cell => (text.trim() === '' ? null : text);

const readCsv = (bytes: Uint8Array): TableRead => {
  const { text, encoding } = decodeText(bytes);
  try {
    // Empty lines are kept: they are rows the operator sees, and row numbers must match.
    const records = parse(text, { delimiter: guessDelimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
    return { ok: true, table: { format: 'csv', encoding, rows: records.map((record) => record.map(blankToNull)) } };
  } catch (error) {
    return { ok: false, problem: messages.unreadableFile(error instanceof Error ? error.message : String(error)) };
  }
};

/** Excel's "Unicode text" export is tab-separated; title rows have neither, so count over several lines. */
const guessDelimiter = (text: string): string => {
  const head = text.split(/\r?\n/, 40).join('\n');
  const count = (c: string) => head.split(c).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
};

const readXlsx = async (bytes: Uint8Array, sheet?: string | number): Promise<TableRead> => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    return { ok: false, problem: messages.unreadableFile(error instanceof Error ? error.message : String(error)) };
  }
  const names = workbook.worksheets.map((w) => w.name);
  const worksheet =
    sheet === undefined ? workbook.worksheets[0] : typeof sheet === 'number' ? workbook.worksheets[sheet - 1] : workbook.getWorksheet(sheet);
  if (!worksheet) return { ok: false, problem: messages.sheetNotFound(sheet ?? 1, names) };
  const rows: Cell[][] = [];
  for (let r = 1; r <= worksheet.rowCount; r++) {
    const row = worksheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= worksheet.columnCount; c++) {
      const cell = row.getCell(c);
      // A merged range repeats its value in every cell; only its top-left cell holds it.
      cells.push(cell.isMerged && cell.master.address !== cell.address ? null : toCell(cell.value));
    }
    rows.push(cells);
  }
  return { ok: true, table: { format: 'xlsx', sheet: worksheet.name, rows } };
};

const toCell = (value: ExcelJS.CellValue): Cell => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return blankToNull(value);
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return blankToNull(value.richText.map((run) => run.text).join(''));
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return toCell((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return blankToNull(String(value.text));
  return null;
};
