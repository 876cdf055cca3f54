/**
 * Reads a CSV or .xlsx file into plain rows of cells, row i being the spreadsheet's
 * row i + 1, so that every later message can name the row the operator sees.
 */
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { decodeText } from './decode';
import { messages } from './messages';
import { IMPORT_LIMITS, inflatedOverLimit, xlsxOverLimit, zipEntries } from './limits';
import type { Cell, ImportProblem, SheetTable } from './types';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export type TableRead = { ok: true; table: SheetTable } | { ok: false; problem: ImportProblem };

export const readTable = async (bytes: Uint8Array, fileName: string, sheet?: string | number): Promise<TableRead> => {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  // An .xls renamed to .csv or .xlsx is still old binary Excel, hence the magic check.
  if (extension === 'xls' || startsWith(bytes, OLE_MAGIC)) return { ok: false, problem: messages.unsupportedXls() };
  if (bytes.length > IMPORT_LIMITS.fileBytes) return { ok: false, problem: fileTooLarge() };
  if (extension === 'xlsx' || startsWith(bytes, ZIP_MAGIC)) return readXlsx(bytes, sheet);
  return readCsv(bytes);
};

const MB = 1024 * 1024;
const fileTooLarge = () =>
  messages.tooLarge(`超过 ${IMPORT_LIMITS.fileBytes / MB} MB`, `over ${IMPORT_LIMITS.fileBytes / MB} MB`);
const tooManyRows = () => messages.tooLarge(`超过 ${IMPORT_LIMITS.rows} 行`, `over ${IMPORT_LIMITS.rows} rows`);
const tooManyColumns = () =>
  messages.tooLarge(`超过 ${IMPORT_LIMITS.columns} 列`, `over ${IMPORT_LIMITS.columns} columns`);

const blankToNull = (text: string): Cell => (text.trim() === '' ? null : text);

const readCsv = (bytes: Uint8Array): TableRead => {
  const { text, encoding } = decodeText(bytes);
  // Bytes GBK has no character for, or the zero bytes of UTF-16 without its mark: text that
  // would reach the screen garbled is refused whole (the zero byte is the point of the pattern).
  // eslint-disable-next-line no-control-regex
  if (/[\uFFFD\u0000]/.test(text)) return { ok: false, problem: messages.badEncoding() };
  try {
    // Empty lines are kept: they are rows the operator sees, and row numbers must match.
    // Parsing stops one line past the cap: a file of a million rows costs no more than a full one.
    const records = parse(text, {
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to_line: IMPORT_LIMITS.rows + 1,
    });
    if (records.length > IMPORT_LIMITS.rows) return { ok: false, problem: tooManyRows() };
    if (records.some((record) => record.length > IMPORT_LIMITS.columns))
      return { ok: false, problem: tooManyColumns() };
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
  // What the parts would inflate to, as the zip declares it, before ExcelJS inflates anything.
  // A directory this reader cannot follow (Zip64, or damaged) would leave every cap unchecked.
  const entries = zipEntries(bytes);
  if (!entries)
    return { ok: false, problem: messages.unreadableFile('压缩目录无法读取 / its zip directory cannot be read') };
  // Then what they really inflate to, each with a ceiling: the directory's sizes may lie.
  const over = xlsxOverLimit(entries) ?? inflatedOverLimit(bytes, entries);
  if (over?.limit === 'unreadable')
    return {
      ok: false,
      problem: messages.unreadableFile(`部件「${over.entry}」无法解压 / part "${over.entry}" cannot be inflated`),
    };
  if (over?.limit === 'zipEntries')
    return {
      ok: false,
      problem: messages.tooLarge(
        `包含超过 ${IMPORT_LIMITS.zipEntries} 个部件`,
        `more than ${IMPORT_LIMITS.zipEntries} parts`,
      ),
    };
  if (over?.limit === 'inflatedBytes')
    return {
      ok: false,
      problem: messages.tooLarge(
        `${over.entry ? `「${over.entry}」` : ''}解压后超过 ${IMPORT_LIMITS.inflatedBytes / MB} MB`,
        `${over.entry ? `"${over.entry}" ` : ''}over ${IMPORT_LIMITS.inflatedBytes / MB} MB uncompressed`,
      ),
    };
  if (over)
    return {
      ok: false,
      problem: messages.tooLarge(
        `「${over.entry}」解压后是压缩大小的 ${IMPORT_LIMITS.inflationRatio} 倍以上`,
        `"${over.entry}" inflates to more than ${IMPORT_LIMITS.inflationRatio} times its compressed size`,
      ),
    };
  // Loaded on the first spreadsheet, not at every start of the service and the CLI (a third of a start's module loading).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch (error) {
    return { ok: false, problem: messages.unreadableFile(error instanceof Error ? error.message : String(error)) };
  }
  const names = workbook.worksheets.map((w) => w.name);
  const worksheet =
    sheet === undefined
      ? workbook.worksheets[0]
      : typeof sheet === 'number'
        ? workbook.worksheets[sheet - 1]
        : workbook.getWorksheet(sheet);
  if (!worksheet) return { ok: false, problem: messages.sheetNotFound(sheet ?? 1, names) };
  // One cell at XFD1048576 makes a sheet of 17 billion cells: refused before walking it.
  if (worksheet.rowCount > IMPORT_LIMITS.rows) return { ok: false, problem: tooManyRows() };
  if (worksheet.columnCount > IMPORT_LIMITS.columns) return { ok: false, problem: tooManyColumns() };
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
