/**
 * Every problem the importer reports, in plain Chinese first and English, in one place
 * so the wording stays consistent. Rows are 1-based as the spreadsheet shows them and
 * columns are named by the file's own header text.
 */
import { formatFen } from '../../src/format/money';
import type { ImportProblem, ProblemCode } from './types';

interface Where {
  row?: number;
  column?: string;
}

const problem = (code: ProblemCode, where: Where, zh: string, en: string): ImportProblem => {
  const { row, column } = where;
  const zhAt = row === undefined ? '' : column === undefined ? `第${row}行` : `第${row}行「${column}」`;
  const enAt = row === undefined ? '' : column === undefined ? `Row ${row}: ` : `Row ${row}, "${column}": `;
  return {
    code,
    ...(row === undefined ? {} : { row }),
    ...(column === undefined ? {} : { column }),
    zh: zhAt + zh,
    en: enAt + en,
  };
};

export const messages = {
  unsupportedXls: () =>
    problem(
      'unsupportedFormat',
      {},
      '不支持旧版 Excel（.xls）文件：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入',
      'Old binary Excel (.xls) files are not supported: save the file as .xlsx or CSV and import that',
    ),
  tooLarge: (zh: string, en: string) =>
    problem('tooLarge', {}, `文件过大，未导入：${zh}`, `The file is too large and was not imported: ${en}`),
  unreadableFile: (detail: string) =>
    problem('unreadableFile', {}, `无法读取文件：${detail}`, `The file cannot be read: ${detail}`),
  badEncoding: () =>
    problem(
      'badEncoding',
      {},
      '无法识别文件的文字编码（不是 UTF-8 或 GBK）：请在 Excel 或 WPS 中另存为 CSV 或 .xlsx 后再导入',
      "The file's text encoding is neither UTF-8 nor GBK: save it as CSV or .xlsx from Excel or WPS and import that",
    ),
  sheetNotFound: (sheet: string | number, names: string[]) =>
    problem(
      'sheetNotFound',
      {},
      `找不到工作表「${sheet}」，文件中有：${names.join('、')}`,
      `No sheet "${sheet}"; the file has: ${names.join(', ')}`,
    ),
  noHeader: (scanned: number) =>
    problem(
      'noHeader',
      {},
      `找不到表头：前${scanned}行中没有「日期」「摘要」「收入」「支出」等列名`,
      `No header row: none of the first ${scanned} rows names columns such as 日期, 摘要, 收入, 支出`,
    ),
  mappingColumnNotFound: (row: number, column: string) =>
    problem(
      'mappingColumnNotFound',
      { row, column },
      '保存的列对应在表头中找不到这一列',
      'the saved column mapping names a column the header does not have',
    ),
  missingColumn: (column: string) =>
    problem(
      'missingColumn',
      { column },
      `文件中没有「${column}」列：每张凭证都必须有这一项；如果文件中这一列用了别的名称，请在列对应中指明`,
      `The file has no "${column}" column, which every voucher needs; if the file calls it something else, map that column to it`,
    ),
  badDefault: (column: string, value: string, zh: string, en: string) =>
    problem(
      'badDefault',
      { column },
      `「${column}」的默认值「${value}」${zh}`,
      `The default for "${column}", "${value}", ${en}`,
    ),
  required: (row: number, column: string) => problem('required', { row, column }, '不能为空', 'must not be empty'),
  tooLong: (row: number, column: string, max: number) =>
    problem('tooLong', { row, column }, `不能超过${max}个字`, `must be at most ${max} characters`),
  badDate: (row: number, column: string, text: string) =>
    problem('badDate', { row, column }, `无法识别的日期「${text}」`, `unreadable date "${text}"`),
  incompleteDate: (row: number, column: string, text: string) =>
    problem(
      'incompleteDate',
      { row, column },
      `日期「${text}」不完整，需要指定导入的月份（如 2026-10）`,
      `incomplete date "${text}": give the month being imported (e.g. 2026-10)`,
    ),
  outsideMonth: (row: number, column: string, date: string, month: string) =>
    problem('outsideMonth', { row, column }, `${date} 不在 ${month} 月内`, `${date} is not in ${month}`),
  monthsSpanned: (months: string[]) =>
    problem(
      'monthsSpanned',
      {},
      `日期跨越多个月份（${months.join('、')}），一次只能导入一个月`,
      `The dates span several months (${months.join(', ')}); import one month at a time`,
    ),
  badAmount: (row: number, column: string, text: string) =>
    problem('badAmount', { row, column }, `无法识别的金额「${text}」`, `unreadable amount "${text}"`),
  subFen: (row: number, column: string, text: string) =>
    problem(
      'subFen',
      { row, column },
      `金额只能精确到分「${text}」`,
      `amounts go down to the fen, not below: "${text}"`,
    ),
  negative: (row: number, column: string) => problem('negative', { row, column }, '不能为负数', 'must not be negative'),
  bothAmounts: (row: number, column: string, other: string) =>
    problem(
      'bothAmounts',
      { row, column },
      `和「${other}」不能同时有金额`,
      `and "${other}" must not both hold an amount`,
    ),
  noAmount: (row: number, column: string, other: string) =>
    problem('noAmount', { row, column }, `和「${other}」都没有金额`, `neither it nor "${other}" holds an amount`),
  badDirection: (row: number, column: string, text: string) =>
    problem(
      'badDirection',
      { row, column },
      `无法识别的收支方向「${text}」（应为 收/支 或 借/贷）`,
      `unreadable direction "${text}" (收/支 or 借/贷)`,
    ),
  badNumber: (row: number, column: string, text: string) =>
    problem('badNumber', { row, column }, `无法识别的凭证号「${text}」`, `unreadable voucher number "${text}"`),
  duplicateNumber: (row: number, column: string, number: string, firstRow: number) =>
    problem('duplicateNumber', { row, column }, `${number} 与第${firstRow}行重复`, `${number} repeats row ${firstRow}`),
  noAccountCode: (row: number, column: string, text: string) =>
    problem('noAccountCode', { row, column }, `缺少科目编码「${text}」`, `no account code in "${text}"`),
  badAttachmentCount: (row: number, column: string, text: string) =>
    problem(
      'badAttachmentCount',
      { row, column },
      `无法识别的附件张数「${text}」`,
      `unreadable number of attachments "${text}"`,
    ),
  monthTotalMismatch: (row: number, column: string, side: 'income' | 'expense', entriesFen: number, rowFen: number) =>
    problem(
      'monthTotalMismatch',
      { row, column },
      `本月合计与明细不符：${side === 'income' ? '收入' : '支出'}合计应为${formatFen(entriesFen)}，实为${formatFen(rowFen)}`,
      `the month total does not match the entries: ${side === 'income' ? 'income' : 'spending'} should total ${formatFen(entriesFen)}, the row says ${formatFen(rowFen)}`,
    ),
  closingMismatch: (row: number, column: string, expectedFen: number, rowFen: number) =>
    problem(
      'closingMismatch',
      { row, column },
      `本月合计余额应为${formatFen(expectedFen)}（上月结转加收入减支出），实为${formatFen(rowFen)}`,
      `the month-end balance should be ${formatFen(expectedFen)} (opening + income − spending), the row says ${formatFen(rowFen)}`,
    ),
  noEntries: () => problem('noEntries', {}, '文件中没有凭证行', 'The file has no entry rows'),
};
