import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { Value } from '@sinclair/typebox/value';
import { Voucher as VoucherSchema, type Voucher } from '../../src/feed/schema';
import {
  describeMerge,
  mergeVouchers,
  readLedgerFile,
  sameVoucherNumber,
  voucherId,
  voucherNumberKey,
  type LedgerImportOptions,
} from '../../server/import';
import { readAccount, readAmount, readDate, readVoucherNumber } from '../../server/import/values';

const PUBLISHED = '2026-11-02T09:00:00+08:00';
const DEFAULTS = { opinion: '经审核，票据真实有效' };
/** Cash journal exported by a village program in GBK: two title rows, a blank row, 上月结转, 15 entries, 本月合计, 本年累计. */
const GBK_JOURNAL = new Uint8Array(readFileSync(new URL('../fixtures/import/cash-journal-gbk.csv', import.meta.url)));

const utf8 = (text: string) => new TextEncoder().encode(text);
const csv = (lines: string[]) => utf8(lines.join('\r\n'));
const read = (bytes: Uint8Array, name: string, options: LedgerImportOptions = {}) =>
  readLedgerFile(bytes, name, { publishedAt: PUBLISHED, ...options, defaults: { ...DEFAULTS, ...options.defaults } });

const PEOPLE = ['杨德顺', '杨秀兰', '杨建军', '刘慧敏', '杨振华'];

test.describe('cell values', () => {
  test('reads amounts to exact integer fen, whatever way they are written', () => {
    const fen = (cell: string | number) => readAmount(cell);
    expect(fen('1,234.50')).toEqual({ kind: 'fen', fen: 123450 });
    expect(fen('¥1,234.50')).toEqual({ kind: 'fen', fen: 123450 });
    expect(fen('￥１，２３４．５０')).toEqual({ kind: 'fen', fen: 123450 });
    expect(fen('330.3元')).toEqual({ kind: 'fen', fen: 33030 });
    expect(fen('(330.30)')).toEqual({ kind: 'fen', fen: -33030 });
    expect(fen('-330.30')).toEqual({ kind: 'fen', fen: -33030 });
    expect(fen('12.340')).toEqual({ kind: 'fen', fen: 1234 });
    expect(fen(330.3)).toEqual({ kind: 'fen', fen: 33030 });
    expect(fen(0.1 + 0.2)).toEqual({ kind: 'fen', fen: 30 });
    expect(fen(1234567.89)).toEqual({ kind: 'fen', fen: 123456789 });
    expect(fen('12.345')).toEqual({ kind: 'subFen' });
    expect(fen(1.005)).toEqual({ kind: 'subFen' });
    expect(fen('1,23')).toEqual({ kind: 'bad' });
    expect(fen('十元')).toEqual({ kind: 'bad' });
    expect(fen('-')).toEqual({ kind: 'blank' });
  });

  test('reads dates from text, Excel dates and bare days', () => {
    const day = (iso: string) => ({ kind: 'date', day: iso });
    expect(readDate('2026-10-03')).toEqual(day('2026-10-03'));
    expect(readDate('2026/10/3')).toEqual(day('2026-10-03'));
    expect(readDate('2026年10月3日')).toEqual(day('2026-10-03'));
    expect(readDate('2026/10/1 10:05')).toEqual(day('2026-10-01'));
    expect(readDate(new Date(Date.UTC(2026, 9, 3)))).toEqual(day('2026-10-03'));
    expect(readDate(46298)).toEqual(day('2026-10-03'));
    expect(readDate(3, '2026-10')).toEqual(day('2026-10-03'));
    expect(readDate('10月3日', '2026-10')).toEqual(day('2026-10-03'));
    expect(readDate('3')).toEqual({ kind: 'incomplete' });
    expect(readDate('2026-02-30')).toEqual({ kind: 'bad' });
  });

  test('keeps voucher numbers as the journal writes them, compares them by value, and splits accounts into code and name', () => {
    for (const text of ['记-42', '记42', '记字第42号', '42', '记－４２']) expect(readVoucherNumber(text)).toBe('记-42');
    expect(readVoucherNumber('记-001')).toBe('记-001');
    expect(readVoucherNumber('记-0042')).toBe('记-0042');
    expect(readVoucherNumber('收-3')).toBe('收-3');
    expect(voucherNumberKey('记-001')).toBe(voucherNumberKey('记-1'));
    expect(voucherNumberKey('记-001')).not.toBe(voucherNumberKey('收-1'));
    expect(sameVoucherNumber('记-0042', '记-42')).toBe(true);
    expect(sameVoucherNumber('记-042', '记-420')).toBe(false);
    expect(voucherId('2026-10', '记-001')).toBe(voucherId('2026-10', '记-0001'));
    expect(voucherId('2026-10', '收-3')).not.toBe(voucherId('2026-10', '记-3'));
    expect(readVoucherNumber('记-0')).toBeUndefined();
    expect(readVoucherNumber('第一号')).toBeUndefined();
    expect(readAccount('541 管理费用')).toEqual({ kind: 'account', code: '541', name: '管理费用' });
    expect(readAccount('54102 管理费用-水电费')).toEqual({ kind: 'account', code: '54102', name: '管理费用—水电费' });
    expect(readAccount('管理费用—水电费（54102）')).toEqual({
      kind: 'account',
      code: '54102',
      name: '管理费用—水电费',
    });
    expect(readAccount('管理费用', '541')).toEqual({ kind: 'account', code: '541', name: '管理费用' });
    expect(readAccount('管理费用')).toEqual({ kind: 'noCode' });
  });
});

test.describe('reading a month from a file', () => {
  test('a GBK cash journal: title rows, carried-forward and total rows, 15 entries', async () => {
    const result = await read(GBK_JOURNAL, '杨家庄村2026年10月现金日记账.csv');
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({
      ok: true,
      format: 'csv',
      encoding: 'gb18030',
      month: '2026-10',
      headerRow: 4,
      openingFen: 8532046,
    });
    expect(result.vouchers.map((v) => v.number)).toEqual(
      // As written (记-1, 记3, 记字第4号), in the one form the feed takes: the word, a dash, the digits.
      Array.from({ length: 15 }, (_, i) => `记-${i + 1}`),
    );
    expect(result.vouchers.map((v) => (v.direction === 'income' ? v.amountFen : -v.amountFen))).toEqual([
      3000000, -33030, -126840, 4260000, 351762, -1280000, -645000, -240000, 800000, -118600, -327550, 12685, -8600,
      -491208, 5000000,
    ]);
    expect(result.totals).toEqual({ incomeFen: 13424447, expenseFen: 3270828 });
    expect(result.monthTotal).toEqual({
      row: 21,
      incomeFen: 13424447,
      expenseFen: 3270828,
      balanceFen: 18685665,
      matches: true,
    });
    expect(result.skipped).toEqual([
      { row: 5, kind: 'opening', text: '2026/10/1 上月结转 85,320.46' },
      { row: 21, kind: 'monthTotal', text: '2026/10/31 本月合计 134,244.47 32,708.28 186,856.65' },
      { row: 22, kind: 'yearTotal', text: '2026/10/31 本年累计 746,590.14 631,473.71 186,856.65' },
    ]);
    expect(result.mapping).toEqual({
      date: '日期',
      number: '凭证字号',
      summary: '摘要',
      account: '科目',
      income: '收入',
      expense: '支出',
      balance: '余额',
      handler: '经手人',
      witness: '证明人',
      approver: '审批人',
      bookkeeper: '记账人',
      reviewer: '理财小组',
      attachmentCount: '附件张数',
    });
    expect(result.vouchers[1]).toEqual({
      id: 'v-2026-10-0002',
      publishedAt: PUBLISHED,
      version: 1,
      number: '记-2',
      date: '2026-10-05T00:00:00+08:00',
      summary: '购买村委会办公用品',
      account: { code: '54101', name: '管理费用—办公费' },
      direction: 'expense',
      amountFen: 33030,
      handler: '杨德顺',
      witness: '杨秀兰',
      approver: '杨建军',
      bookkeeper: '刘慧敏',
      review: {
        reviewer: '杨振华',
        reviewedAt: '2026-10-05T00:00:00+08:00',
        opinion: '经审核，票据真实有效',
        sealed: false,
      },
      attachmentCount: 2,
      receipts: [],
    });
    for (const voucher of result.vouchers) expect(Value.Check(VoucherSchema, voucher), voucher.number).toBe(true);
  });

  test('a UTF-8 file with a byte-order mark, other column names and order, defaults for missing columns', async () => {
    const bytes = utf8(
      '\uFEFF' +
        [
          '杨家庄村 2026年10月 记账凭证汇总表',
          '',
          '凭证号,凭证日期,科目编码,科目名称,摘要,借方金额（元）,贷方金额（元）,附单据数,经手人,审批人,记账',
          ',,,,期初余额,,,,,,',
          '记字第1号,2026年10月3日,52201,补助收入-村级组织运转经费,收到运转经费,"¥30,000.00",0.00,1,杨德顺,杨建军,刘慧敏',
          '记-02,2026-10-05,54101,管理费用-办公费,购买办公用品,0.00,"￥３３０．３０",2张,杨德顺,杨建军,刘慧敏',
          '3,10月8日,54102,管理费用/水电费,支付电费,-,"1,268.40",,杨德顺,杨建军,刘慧敏',
          ',,,,,,,,,,',
          ',,,,本月合计,"30,000.00","1,598.70",,,,',
          '会计主管：杨建军,,,,制表：刘慧敏,,,,,,',
        ].join('\n'),
    );
    const result = await read(bytes, 'october.csv', {
      month: '2026-10',
      defaults: { witness: '杨秀兰', reviewer: '杨振华', reviewedAt: '2026-11-01', sealed: true },
    });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({
      encoding: 'utf-8',
      headerRow: 3,
      month: '2026-10',
      monthTotal: { row: 9, matches: true },
    });
    expect(result.openingFen).toBeUndefined();
    expect(result.mapping).toEqual({
      date: '凭证日期',
      number: '凭证号',
      summary: '摘要',
      account: '科目名称',
      accountCode: '科目编码',
      income: '借方金额（元）',
      expense: '贷方金额（元）',
      handler: '经手人',
      approver: '审批人',
      bookkeeper: '记账',
      attachmentCount: '附单据数',
    });
    expect(
      result.vouchers.map(({ number, date, account, direction, amountFen, attachmentCount }) => ({
        number,
        date,
        account,
        direction,
        amountFen,
        attachmentCount,
      })),
    ).toEqual([
      {
        number: '记-1',
        date: '2026-10-03T00:00:00+08:00',
        account: { code: '52201', name: '补助收入—村级组织运转经费' },
        direction: 'income',
        amountFen: 3000000,
        attachmentCount: 1,
      },
      {
        number: '记-02',
        date: '2026-10-05T00:00:00+08:00',
        account: { code: '54101', name: '管理费用—办公费' },
        direction: 'expense',
        amountFen: 33030,
        attachmentCount: 2,
      },
      {
        number: '记-3',
        date: '2026-10-08T00:00:00+08:00',
        account: { code: '54102', name: '管理费用—水电费' },
        direction: 'expense',
        amountFen: 126840,
        attachmentCount: 0,
      },
    ]);
    expect(result.vouchers[0]?.witness).toBe('杨秀兰');
    expect(result.vouchers[0]?.review).toEqual({
      reviewer: '杨振华',
      reviewedAt: '2026-11-01T00:00:00+08:00',
      opinion: '经审核，票据真实有效',
      sealed: true,
    });
    expect(result.skipped).toEqual([
      { row: 4, kind: 'opening', text: '期初余额' },
      { row: 8, kind: 'blank', text: '' },
      { row: 9, kind: 'monthTotal', text: '本月合计 30,000.00 1,598.70' },
      { row: 10, kind: 'note', text: '会计主管：杨建军 制表：刘慧敏' },
    ]);
  });

  test('an .xlsx with a merged title, numeric amounts and Excel dates; the sheet can be chosen', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('10月');
    sheet.mergeCells('A1:M1');
    sheet.getCell('A1').value = '杨家庄村现金日记账（2026年10月）';
    sheet.getCell('A2').value = '单位：元';
    sheet.getRow(4).values = [
      '日期',
      '凭证编号',
      '摘要',
      '会计科目',
      '收入',
      '支出',
      '余额',
      '经手人',
      '证明人',
      '审批人',
      '记账人',
      '审核人',
      '附件',
    ];
    sheet.mergeCells('A5:F5');
    sheet.getCell('A5').value = '上月结转';
    sheet.getCell('G5').value = 85320.46;
    const entries: [number, string, string, string, number | null, number | null, number][] = [
      [3, '记-1', '收到运转经费', '52201 补助收入—村级组织运转经费', 30000, null, 1],
      [5, '记-2', '购买办公用品', '54101 管理费用—办公费', null, 330.3, 2],
      [8, '记-3', '支付电费', '54102 管理费用—水电费', null, 1268.4, 1],
      [16, '记-4', '收取房屋租金', '50103 经营收入—租赁收入', 0.1 + 0.2 + 7999.7, null, 1],
    ];
    entries.forEach(([day, number, summary, account, income, expense, attachments], i) => {
      const row = sheet.getRow(6 + i);
      row.values = [
        new Date(Date.UTC(2026, 9, day)),
        number,
        summary,
        account,
        income,
        expense,
        null,
        ...PEOPLE,
        attachments,
      ];
      row.getCell(1).numFmt = 'yyyy-mm-dd';
    });
    sheet.getRow(10).values = [null, null, '本月合计', null, null, 1598.7];
    sheet.getRow(10).getCell(5).value = { formula: 'SUM(E6:E9)', result: 38000 };
    const september = workbook.addWorksheet('9月');
    september.getRow(1).values = [
      '日期',
      '凭证号',
      '摘要',
      '科目',
      '收入',
      '支出',
      '经手人',
      '证明人',
      '审批人',
      '记账人',
      '审核人',
    ];
    september.getRow(2).values = ['2026-09-28', '记-9', '收到利息', '53101 其他收入—利息收入', '12.5', null, ...PEOPLE];
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const result = await read(bytes, '2026-10.xlsx');
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({
      format: 'xlsx',
      sheet: '10月',
      headerRow: 4,
      month: '2026-10',
      openingFen: 8532046,
    });
    expect(result.vouchers.map((v) => [v.number, v.date, v.direction, v.amountFen])).toEqual([
      ['记-1', '2026-10-03T00:00:00+08:00', 'income', 3000000],
      ['记-2', '2026-10-05T00:00:00+08:00', 'expense', 33030],
      ['记-3', '2026-10-08T00:00:00+08:00', 'expense', 126840],
      ['记-4', '2026-10-16T00:00:00+08:00', 'income', 800000],
    ]);
    expect(result.skipped).toEqual([
      { row: 5, kind: 'opening', text: '上月结转 85320.46' },
      { row: 10, kind: 'monthTotal', text: '本月合计 38000 1598.7' },
    ]);
    expect(result.monthTotal).toEqual({ row: 10, incomeFen: 3800000, expenseFen: 159870, matches: true });

    const other = await read(bytes, '2026-10.xlsx', { sheet: '9月' });
    expect(other).toMatchObject({ ok: true, sheet: '9月', month: '2026-09' });
    expect(other.vouchers.map((v) => [v.id, v.amountFen])).toEqual([['v-2026-09-0009', 1250]]);
    expect((await read(bytes, '2026-10.xlsx', { sheet: '11月' })).problems).toEqual([
      {
        code: 'sheetNotFound',
        zh: '找不到工作表「11月」，文件中有：10月、9月',
        en: 'No sheet "11月"; the file has: 10月, 9月',
      },
    ]);
  });
});

test.describe('problems', () => {
  const header = '日期,凭证号,摘要,科目,金额,收支方向,经手人,证明人,审批人,记账人,审核人';
  const entry = (date: string, number: string, summary: string, amount: string, direction = '支') =>
    [date, number, summary, '54106 管理费用—维修费', amount, direction, ...PEOPLE].join(',');

  test('name the row and column in Chinese and English, and keep those rows out', async () => {
    const lines = ['杨家庄村2026年10月凭证清单', header];
    for (let row = 3; row <= 160; row++) {
      lines.push(
        entry(
          row === 40 ? '2026-10-32' : `2026-10-${String((row % 28) + 1).padStart(2, '0')}`,
          row === 30 ? '记42' : `记-${row + 30}`,
          row === 12 ? '' : `修缮第${row}段排水沟`,
          row === 151 ? '-330.30' : '100.00',
        ),
      );
    }
    const result = await read(csv(lines), 'errors.csv');
    expect(result.problems).toEqual([
      {
        code: 'required',
        row: 12,
        column: '摘要',
        zh: '第12行「摘要」不能为空',
        en: 'Row 12, "摘要": must not be empty',
      },
      {
        code: 'duplicateNumber',
        row: 30,
        column: '凭证号',
        zh: '第30行「凭证号」记-42 与第12行重复',
        en: 'Row 30, "凭证号": 记-42 repeats row 12',
      },
      {
        code: 'badDate',
        row: 40,
        column: '日期',
        zh: '第40行「日期」无法识别的日期「2026-10-32」',
        en: 'Row 40, "日期": unreadable date "2026-10-32"',
      },
      {
        code: 'negative',
        row: 151,
        column: '金额',
        zh: '第151行「金额」不能为负数',
        en: 'Row 151, "金额": must not be negative',
      },
    ]);
    expect(result.ok).toBe(false);
    expect(result.vouchers).toHaveLength(158 - 4);
    expect(result.vouchers.some((v) => sameVoucherNumber(v.number, '记-42'))).toBe(false);
  });

  test('amounts in both columns or neither, unreadable values, dates outside the month', async () => {
    const lines = [
      '日期,凭证号,摘要,科目,收入,支出,经手人,证明人,审批人,记账人,审核人,附件',
      ['2026-10-03', '记-1', '收取租金', '50103 经营收入—租赁收入', '800.00', '20.00', ...PEOPLE, '1'].join(','),
      ['2026-10-04', '记-2', '支付电费', '54102 管理费用—水电费', '', '0.00', ...PEOPLE, '1'].join(','),
      ['2026-10-05', '记-3', '支付电费', '54102 管理费用—水电费', '', '12.345', ...PEOPLE, '1'].join(','),
      ['2026-10-06', '记-4', '支付电费', '54102 管理费用—水电费', '', '一百元', ...PEOPLE, '一张'].join(','),
      ['2026-09-30', '第五号', '支付电费', '管理费用', '', '10', ...PEOPLE, ''].join(','),
      ['6', '记-6', '支付电费', '54102 管理费用—水电费', '', '10', ...PEOPLE, ''].join(','),
    ];
    const result = await read(csv(lines), 'mixed.csv', { month: '2026-10' });
    expect(result.problems.map((p) => p.zh)).toEqual([
      '第2行「收入」和「支出」不能同时有金额',
      '第3行「收入」和「支出」都没有金额',
      '第4行「支出」金额只能精确到分「12.345」',
      '第5行「支出」无法识别的金额「一百元」',
      '第5行「附件」无法识别的附件张数「一张」',
      '第6行「凭证号」无法识别的凭证号「第五号」',
      '第6行「科目」缺少科目编码「管理费用」',
      '第6行「日期」2026-09-30 不在 2026-10 月内',
    ]);
    expect(result.problems[1]?.en).toBe('Row 3, "收入": neither it nor "支出" holds an amount');
    expect(result.vouchers.map((v) => v.date)).toEqual(['2026-10-06T00:00:00+08:00']);

    const withoutMonth = await read(csv(lines.slice(0, 1).concat(lines.slice(5))), 'mixed.csv');
    expect(withoutMonth.problems.map((p) => p.zh)).toEqual([
      '第2行「凭证号」无法识别的凭证号「第五号」',
      '第2行「科目」缺少科目编码「管理费用」',
      '第3行「日期」日期「6」不完整，需要指定导入的月份（如 2026-10）',
    ]);
  });

  test('a month total that does not match the entries, and dates that span months', async () => {
    const lines = [
      '日期,凭证号,摘要,科目,收入,支出,余额,经手人,证明人,审批人,记账人,审核人',
      ',,上月结转,,,,"1,000.00"',
      ['2026-10-03', '记-1', '收取租金', '50103 经营收入—租赁收入', '800.00', '', '1,800.00', ...PEOPLE].join(','),
      ['2026-11-04', '记-2', '支付电费', '54102 管理费用—水电费', '', '330.30', '1,469.70', ...PEOPLE].join(','),
      ',,本月合计,,800.00,333.30,"1,466.70"',
    ];
    const result = await read(csv(lines), 'total.csv');
    expect(result.problems).toEqual([
      {
        code: 'monthsSpanned',
        zh: '日期跨越多个月份（2026-10、2026-11），一次只能导入一个月',
        en: 'The dates span several months (2026-10, 2026-11); import one month at a time',
      },
      {
        code: 'monthTotalMismatch',
        row: 5,
        column: '支出',
        zh: '第5行「支出」本月合计与明细不符：支出合计应为¥330.30，实为¥333.30',
        en: 'Row 5, "支出": the month total does not match the entries: spending should total ¥330.30, the row says ¥333.30',
      },
      {
        code: 'closingMismatch',
        row: 5,
        column: '余额',
        zh: '第5行「余额」本月合计余额应为¥1,469.70（上月结转加收入减支出），实为¥1,466.70',
        en: 'Row 5, "余额": the month-end balance should be ¥1,469.70 (opening + income − spending), the row says ¥1,466.70',
      },
    ]);
    expect(result.month).toBeUndefined();
    expect(result.monthTotal).toEqual({
      row: 5,
      incomeFen: 80000,
      expenseFen: 33330,
      balanceFen: 146670,
      matches: false,
    });
  });

  test('a column every voucher needs is named when the file lacks it, and a header that cannot be found', async () => {
    const noNumber = await readLedgerFile(csv(['日期,摘要,收入,支出', '2026-10-03,收取租金,800.00,']), 'x.csv', {});
    expect(noNumber.problems).toEqual([
      {
        code: 'missingColumn',
        column: '凭证号',
        zh: '文件中没有「凭证号」列：每张凭证都必须有这一项；如果文件中这一列用了别的名称，请在列对应中指明',
        en: 'The file has no "凭证号" column, which every voucher needs; if the file calls it something else, map that column to it',
      },
    ]);
    expect(noNumber.columns.find((c) => c.field === 'number')).toEqual({
      field: 'number',
      label: '凭证号',
      how: 'missing',
    });
    const noDirection = await readLedgerFile(csv(['日期,凭证号,摘要,金额']), 'x.csv', {});
    expect(noDirection.problems.map((p) => p.zh)).toEqual([
      '文件中没有「收支方向」列：每张凭证都必须有这一项；如果文件中这一列用了别的名称，请在列对应中指明',
      '文件中没有凭证行',
    ]);
    const noHeader = await read(csv(['杨家庄村', '姓名,电话', '杨德顺,0536-1234567']), 'people.csv');
    expect(noHeader.problems).toEqual([
      {
        code: 'noHeader',
        zh: '找不到表头：前3行中没有「日期」「摘要」「收入」「支出」等列名',
        en: 'No header row: none of the first 3 rows names columns such as 日期, 摘要, 收入, 支出',
      },
    ]);
  });

  test('the same voucher number twice, written two ways, is a duplicate', async () => {
    const lines = [
      '日期,凭证字号,摘要,支出',
      '2026-10-03,记-001,支付电费,10.00',
      '2026-10-04,记-1,支付水费,12.00',
      '2026-10-05,收-001,收取租金,5.00',
    ];
    const result = await read(csv(lines), 'twice.csv');
    expect(result.problems.map((p) => p.zh)).toEqual(['第3行「凭证字号」记-1 与第2行重复']);
    expect(result.vouchers.map((v) => v.number)).toEqual(['记-001', '收-001']);
  });

  test('are listed up to 200, with the full count', async () => {
    const lines = [header, ...Array.from({ length: 250 }, (_, i) => entry('2026-10-03', `记-${i + 1}`, '', '10.00'))];
    const result = await read(csv(lines), 'many.csv');
    expect(result.problems).toHaveLength(200);
    expect(result.problemCount).toBe(250);
    expect(result.problems[199]?.row).toBe(201);
  });

  test('an old .xls file is refused with a clear message, even renamed', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const refusal = {
      code: 'unsupportedFormat',
      zh: '不支持旧版 Excel（.xls）文件：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入',
      en: 'Old binary Excel (.xls) files are not supported: save the file as .xlsx or CSV and import that',
    };
    expect((await read(xls, '2026年10月.xls')).problems).toEqual([refusal]);
    expect((await read(xls, '2026年10月.csv')).problems).toEqual([refusal]);
    expect((await read(utf8('not a zip'), 'broken.xlsx')).problems[0]?.code).toBe('unreadableFile');
  });
});

/** The 24-voucher 现金日记账 (tools/fixtures/cash-journal.ts): 日期, 凭证字号 (记-001 …), 摘要, 收入金额, 支出金额, 余额, 经手人, 证明人, 审批人, 附单据数; no 科目. */
const JOURNAL_24 = new Uint8Array(readFileSync(new URL('../fixtures/import/cash-journal-24-gbk.csv', import.meta.url)));
const JOURNAL_24_XLSX = new Uint8Array(
  readFileSync(new URL('../fixtures/import/cash-journal-24.xlsx', import.meta.url)),
);

test.describe('a cash journal without the columns a voucher can do without', () => {
  test('imports with 未填 for 科目, 记账人, 审核人 and 审核意见, says so column by column, and keeps 记-001', async () => {
    const result = await readLedgerFile(JOURNAL_24, '现金日记账.csv', { month: '2025-09', publishedAt: PUBLISHED });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, encoding: 'gb18030', headerRow: 4, month: '2025-09' });
    expect(result.vouchers.map((v) => v.number)).toEqual(
      Array.from({ length: 24 }, (_, i) => `记-${String(i + 1).padStart(3, '0')}`),
    );
    const how = Object.fromEntries(result.columns.map((c) => [c.field, c.how]));
    expect(how).toEqual({
      date: 'name',
      number: 'name',
      summary: 'name',
      account: 'unfilled',
      income: 'name',
      expense: 'name',
      balance: 'name',
      handler: 'name',
      witness: 'name',
      approver: 'name',
      bookkeeper: 'unfilled',
      reviewer: 'unfilled',
      opinion: 'unfilled',
      attachmentCount: 'name',
    });
    expect(result.columns.find((c) => c.field === 'income')).toEqual({
      field: 'income',
      label: '收入',
      how: 'name',
      header: '收入金额',
      column: 4,
    });
    expect(result.columns.find((c) => c.field === 'account')).toEqual({
      field: 'account',
      label: '科目',
      how: 'unfilled',
      value: '未填',
    });
    for (const voucher of result.vouchers) {
      expect(Value.Check(VoucherSchema, voucher), voucher.number).toBe(true);
      expect(voucher.account).toEqual({ code: '', name: '未填' });
      expect([voucher.bookkeeper, voucher.review.reviewer, voucher.review.opinion]).toEqual(['未填', '未填', '未填']);
    }
    // The file's own 本月合计 agrees with its entries, and its balance with 上月结转 + income − spending.
    expect(result.monthTotal?.matches).toBe(true);
    expect(result.monthTotal).toMatchObject(result.totals);
    expect(result.monthTotal?.balanceFen).toBe(result.openingFen! + result.totals.incomeFen - result.totals.expenseFen);

    const twin = await readLedgerFile(JOURNAL_24_XLSX, '现金日记账.xlsx', { month: '2025-09', publishedAt: PUBLISHED });
    expect(twin.problems).toEqual([]);
    expect(twin).toMatchObject({ format: 'xlsx', openingFen: result.openingFen, totals: result.totals });
    expect(twin.vouchers).toEqual(result.vouchers);
  });

  test('defaults from the mapping file fill the missing columns; a default that cannot be read is named', async () => {
    const defaults = { account: '101 现金', bookkeeper: '刘慧敏', reviewer: '杨振华', opinion: '经审核，票据真实有效' };
    const result = await readLedgerFile(JOURNAL_24_XLSX, 'x.xlsx', { defaults });
    expect(result.problems).toEqual([]);
    expect(result.vouchers[0]).toMatchObject({
      account: { code: '101', name: '现金' },
      bookkeeper: '刘慧敏',
      review: { reviewer: '杨振华', opinion: '经审核，票据真实有效' },
    });
    expect(result.columns.filter((c) => c.how === 'default').map((c) => [c.label, c.value])).toEqual([
      ['科目', '101 现金'],
      ['记账人', '刘慧敏'],
      ['审核人', '杨振华'],
      ['审核意见', '经审核，票据真实有效'],
    ]);

    const bad = await readLedgerFile(JOURNAL_24_XLSX, 'x.xlsx', { defaults: { account: '管理费用' } });
    expect(bad.ok).toBe(false);
    expect(bad.problems).toEqual([
      {
        code: 'badDefault',
        column: '科目',
        zh: '「科目」的默认值「管理费用」应写成科目编码和名称，如「101 现金」，或写「未填」',
        en: 'The default for "科目", "管理费用", must be an account code and name, such as "101 现金", or 未填',
      },
    ]);
  });
});

test.describe('column mapping', () => {
  const lines = [
    '单号,记账时间,用途,备注,对方科目,收款,付款,经手,证明人,审批人,记账人,审核人',
    ['记-7', '2026-10-09', '收取租金', '九月份', '50103 经营收入—租赁收入', '800.00', '', ...PEOPLE].join(','),
  ];

  test('a saved mapping overrides detection and the rest is still detected', async () => {
    const mapping = {
      number: '单号',
      date: '记账时间',
      summary: '用途',
      income: '收款',
      expense: '付款',
      handler: '经手',
    };
    const result = await read(csv(lines), 'mapped.csv', { mapping });
    expect(result.problems).toEqual([]);
    expect(result.mapping).toEqual({
      ...mapping,
      account: '对方科目',
      witness: '证明人',
      approver: '审批人',
      bookkeeper: '记账人',
      reviewer: '审核人',
    });
    expect(result.vouchers[0]).toMatchObject({
      number: '记-7',
      summary: '收取租金',
      handler: PEOPLE[0],
      direction: 'income',
      amountFen: 80000,
    });

    const again = await read(csv(lines), 'mapped.csv', { mapping: result.mapping });
    expect(again.vouchers).toEqual(result.vouchers);
  });

  test('a mapped column takes precedence over a detected one, and a missing one is reported', async () => {
    const withSummary = [lines[0]?.replace('用途', '摘要') ?? '', lines[1] ?? ''];
    const mapping = {
      number: '单号',
      date: '记账时间',
      summary: '备注',
      income: '收款',
      expense: '付款',
      handler: '经手',
    };
    const result = await read(csv(withSummary), 'mapped.csv', { mapping });
    expect(result.vouchers[0]?.summary).toBe('九月份');
    const stale = await read(csv(withSummary), 'mapped.csv', { mapping: { ...mapping, witness: '证明' } });
    expect(stale.problems[0]).toEqual({
      code: 'mappingColumnNotFound',
      row: 1,
      column: '证明',
      zh: '第1行「证明」保存的列对应在表头中找不到这一列',
      en: 'Row 1, "证明": the saved column mapping names a column the header does not have',
    });
  });
});

test.describe('merging an import into the month', () => {
  test('re-importing the same file changes nothing; a corrected amount replaces the voucher and keeps its receipts', async () => {
    const first = await read(GBK_JOURNAL, 'october.csv');
    const initial = mergeVouchers([], first.vouchers);
    expect(describeMerge(initial)).toEqual(['新增 15 笔', '修改 0 笔', '未变 0 笔']);

    const receipt = { src: 'receipts/2026-10/0002-1.jpg', width: 1200, height: 1600, kind: '发票' };
    const published: Voucher[] = initial.merged.map((v) => (v.number === '记-2' ? { ...v, receipts: [receipt] } : v));
    const again = await read(GBK_JOURNAL, 'october.csv', { publishedAt: '2026-11-05T09:00:00+08:00' });
    const same = mergeVouchers(published, again.vouchers);
    expect(same.merged).toEqual(published);
    expect(describeMerge(same)).toEqual(['新增 0 笔', '修改 0 笔', '未变 15 笔']);

    // The village corrects 记-2 and exports again, this time as UTF-8.
    const corrected = new TextDecoder('gb18030')
      .decode(GBK_JOURNAL)
      .replace('330.30', '333.30')
      .replace('32,708.28', '32,711.28')
      .replace(/186,856\.65/g, '186,853.65');
    const fixed = await read(utf8(corrected), 'october.csv', { publishedAt: '2026-11-05T09:00:00+08:00' });
    expect(fixed.problems).toEqual([]);
    const merge = mergeVouchers(published, fixed.vouchers);
    expect(describeMerge(merge)).toEqual(['新增 0 笔', '修改 1 笔 (记-2: 金额 ¥330.30 → ¥333.30)', '未变 14 笔']);
    expect(describeMerge(merge, 'en')).toEqual([
      'Added 0',
      'Changed 1 (记-2: amount ¥330.30 → ¥333.30)',
      'Unchanged 14',
    ]);
    expect(merge.changed[0]?.after).toMatchObject({
      id: 'v-2026-10-0002',
      version: 2,
      amountFen: 33330,
      receipts: [receipt],
    });
    expect(merge.merged).toHaveLength(15);

    const partial = mergeVouchers(published, fixed.vouchers.slice(0, 13));
    expect(describeMerge(partial).at(-1)).toBe('文件中没有、原样保留 2 笔 (记-14, 记-15)');
  });
});
