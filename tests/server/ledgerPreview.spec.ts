/**
 * The console's ledger endpoints, in this process (inject): a village's export previewed (its
 * rows, each problem on its row and column, which columns were recognised and how, the totals
 * against 本月合计 and last month's closing) with nothing stored; the village's saved columns;
 * and the bilingual refusals of a file or request that cannot be previewed.
 */
import { test, expect } from '@playwright/test';
import { IMPORT_LIMITS } from '../../server/import/limits';
import { JOURNAL_MONTH, JOURNAL_XLSX, journalBytes, journalFigures } from './cashJournal';
import { readSample } from './harness';
import { call, startInProcess, type InProcessService } from './inProcess';

test.describe.configure({ mode: 'serial' });

let service: InProcessService;
test.beforeAll(async () => {
  service = await startInProcess();
});
test.afterAll(async () => service.stop());

const village = () => service.tokens.clerk.region;
const preview = (body: Record<string, unknown>, token = service.tokens.clerk.token, region = village()) =>
  call(service, 'POST', `/api/regions/${region}/ledger/${JOURNAL_MONTH}/preview`, token, body);
const csvFile = (bytes: Uint8Array = journalBytes()) => ({
  fileName: '现金日记账.csv',
  file: Buffer.from(bytes).toString('base64'),
});
const monthState = async (month: string) =>
  (await call(service, 'GET', `/api/regions/${village()}/channels/15/items/${month}`, service.tokens.clerk.token)).body;

test('a GBK journal without 科目 is previewed row by row, its columns and totals checked, and nothing is stored', async () => {
  const figures = journalFigures();
  const answer = await preview(csvFile());
  expect(answer.status, JSON.stringify(answer.body).slice(0, 500)).toBe(200);
  const body = answer.body;
  expect(body).toMatchObject({ ok: true, format: 'csv', encoding: 'gb18030', month: JOURNAL_MONTH, headerRow: 4 });
  expect(body.problems).toEqual([]);
  expect(body.settingsFrom).toBe('none');
  expect(body.header).toEqual([
    '日期',
    '凭证字号',
    '摘要',
    '收入金额',
    '支出金额',
    '余额',
    '经手人',
    '证明人',
    '审批人',
    '附单据数',
  ]);
  expect(body.rows.filter((r: { kind: string }) => r.kind === 'entry')).toHaveLength(figures.numbers.length);
  expect(body.rows.find((r: { row: number }) => r.row === figures.rowOf['记-002'])?.cells.slice(0, 3)).toEqual([
    '2025-09-03',
    '记-002',
    '购买村委会办公用品',
  ]);
  expect(body.rows.map((r: { kind: string }) => r.kind).filter((k: string) => k !== 'entry')).toEqual([
    'opening',
    'monthTotal',
    'yearTotal',
  ]);
  const how = (field: string) => body.columns.find((c: { field: string }) => c.field === field);
  expect(how('number')).toEqual({ field: 'number', label: '凭证号', how: 'name', header: '凭证字号', column: 2 });
  expect(how('account')).toEqual({ field: 'account', label: '科目', how: 'unfilled', value: '未填' });
  expect(how('opinion')).toMatchObject({ how: 'unfilled', value: '未填' });
  expect(body.vouchers.map((v: { number: string }) => v.number)).toEqual(figures.numbers);
  expect(body.totals).toEqual({
    openingFen: figures.openingFen,
    incomeFen: figures.incomeFen,
    expenseFen: figures.expenseFen,
    closingFen: figures.closingFen,
    monthTotal: {
      row: expect.any(Number),
      incomeFen: figures.incomeFen,
      expenseFen: figures.expenseFen,
      balanceFen: figures.closingFen,
      matches: true,
    },
    previousClosingFen: null,
    openingMatchesPrevious: null,
  });
  expect(body.merge).toMatchObject({ added: figures.numbers.length, changed: 0, unchanged: 0 });
  expect(await monthState(JOURNAL_MONTH)).toEqual({ published: null, pending: null });

  // The .xlsx twin reads the same.
  const twin = await preview({ fileName: '现金日记账.xlsx', file: journalBytes(JOURNAL_XLSX).toString('base64') });
  expect(twin.status).toBe(200);
  expect(twin.body).toMatchObject({ ok: true, format: 'xlsx', totals: body.totals });
  expect(twin.body.vouchers).toEqual(body.vouchers.map((v: object) => ({ ...v, publishedAt: expect.any(String) })));
});

test('a problem is on its row and column, that row is left out, and the totals say the file does not add up', async () => {
  const figures = journalFigures();
  const text = new TextDecoder('gb18030').decode(journalBytes()).replace(',330.30,', ',330.3O,');
  const answer = await preview({ fileName: 'x.csv', file: Buffer.from(text, 'utf8').toString('base64') });
  expect(answer.status).toBe(200);
  expect(answer.body.ok).toBe(false);
  expect(answer.body.encoding).toBe('utf-8');
  expect(answer.body.problems).toEqual([
    {
      code: 'badAmount',
      row: figures.rowOf['记-002'],
      column: '支出金额',
      zh: `第${figures.rowOf['记-002']}行「支出金额」无法识别的金额「330.3O」`,
      en: `Row ${figures.rowOf['记-002']}, "支出金额": unreadable amount "330.3O"`,
    },
  ]);
  expect(answer.body.vouchers).toHaveLength(figures.numbers.length - 1);
  expect(answer.body.merge).toBeNull();
});

test("a village's columns are saved by its clerk, read by its committee, used by the next preview, and no one else's", async () => {
  const { clerk, committee } = service.tokens;
  const columns = `/api/regions/${village()}/ledger/columns`;
  expect((await call(service, 'GET', columns, clerk.token)).body).toEqual({
    settings: {},
    updatedAt: null,
    updatedBy: null,
  });
  const settings = {
    mapping: { number: '凭证字号', attachmentCount: '附单据数' },
    defaults: { account: '101 现金', bookkeeper: '刘慧敏', opinion: '经审核，票据真实有效' },
  };
  const saved = await call(service, 'PUT', columns, clerk.token, settings);
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  expect(saved.body.settings).toEqual(settings);
  expect((await call(service, 'GET', columns, committee.token)).body.settings).toEqual(settings);
  expect((await call(service, 'PUT', columns, committee.token, settings)).status).toBe(403);

  const answer = await preview(csvFile());
  expect(answer.body.settingsFrom).toBe('saved');
  const how = (field: string) => answer.body.columns.find((c: { field: string }) => c.field === field);
  expect(how('number')).toMatchObject({ how: 'mapping', header: '凭证字号' });
  expect(how('date')).toMatchObject({ how: 'name' });
  expect(how('account')).toEqual({ field: 'account', label: '科目', how: 'default', value: '101 现金' });
  expect(how('reviewer')).toMatchObject({ how: 'unfilled' });
  expect(answer.body.vouchers[0]).toMatchObject({ account: { code: '101', name: '现金' }, bookkeeper: '刘慧敏' });
  // A mapping in the request wins over the saved one.
  expect((await preview({ ...csvFile(), defaults: {} })).body.settingsFrom).toBe('request');

  const other = readSample('district.json').streets[0].villages[1].code as string;
  const elsewhere = `/api/regions/${other}/ledger/columns`;
  expect((await call(service, 'GET', elsewhere, clerk.token)).status).toBe(403);
  const refused = await call(service, 'PUT', elsewhere, clerk.token, settings);
  expect(refused.status).toBe(403);
  expect(refused.body.error).toEqual({ zh: '您没有这项操作的权限', en: 'You are not allowed to do this here' });
  const unknown = await call(service, 'PUT', columns, clerk.token, { mapping: { 科目: '科目' } });
  expect(unknown.status).toBe(400);
  expect(unknown.body.error.zh).toContain('请求有误：「body/mapping/科目」不符合要求');
  expect((await preview({ ...csvFile(), defaults: { sealed: 'yes' } })).body.error.en).toContain(
    'body/defaults/sealed',
  );
  const audit = await call(service, 'GET', '/api/audit/verify', service.tokens.admin.token);
  expect(audit.body.ok).toBe(true);
});

test('bad input gets a bilingual 4xx: wrong encoding, empty, not base64, oversize, another village, a street', async () => {
  const expectRefusal = (
    answer: { status: number; body: { error: { zh: string; en: string } } },
    status: number,
    zh: string,
  ) => {
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(status);
    expect(answer.body.error.zh).toContain(zh);
    expect(answer.body.error.en.length).toBeGreaterThan(10);
  };
  // UTF-16 without its byte-order mark, big-endian: neither UTF-8 nor GBK.
  const utf16be = Buffer.from(new TextDecoder('gb18030').decode(journalBytes()), 'utf16le').swap16();
  expectRefusal(await preview(csvFile(utf16be)), 422, '无法识别文件的文字编码');
  expectRefusal(await preview({ fileName: 'x.csv', file: '' }), 422, '文件是空的');
  expectRefusal(await preview({ fileName: 'x.csv', file: '不是base64' }), 400, '「file」应为文件内容的 base64 编码');
  expectRefusal(await preview(csvFile(new Uint8Array(IMPORT_LIMITS.fileBytes + 1))), 413, '文件过大，未导入');
  expectRefusal(await preview({ fileName: 'x.csv', file: 'QUJD'.repeat(8_000_000) }), 413, '内容太大');
  const other = readSample('district.json').streets[0].villages[1].code as string;
  expectRefusal(await preview(csvFile(), service.tokens.clerk.token, other), 403, '您没有这项操作的权限');
  const street = readSample('district.json').streets[0].code as string;
  expectRefusal(await preview(csvFile(), service.tokens.admin.token, street), 422, '不是村');
  expectRefusal(await preview({ fileName: 'x.csv' }), 400, '请求有误');
  expect(await monthState(JOURNAL_MONTH)).toEqual({ published: null, pending: null });
});

test("the opening balance against last month's closing: the preview and the dry run refuse what the import would", async () => {
  const figures = journalFigures();
  const { clerk } = service.tokens;
  // August as the books now stand: it closes 0.60 below September's 上月结转.
  const august = `/api/regions/${village()}/channels/15/items/2025-08`;
  const pushed = await call(service, 'PUT', august, clerk.token, { openingFen: figures.openingFen - 60, vouchers: [] });
  expect(pushed.status, JSON.stringify(pushed.body)).toBe(201);

  const answer = await preview({ ...csvFile(), defaults: {} });
  expect(answer.status).toBe(200);
  expect(answer.body.ok).toBe(false);
  expect(answer.body.totals).toMatchObject({
    openingFen: figures.openingFen,
    previousClosingFen: figures.openingFen - 60,
    openingMatchesPrevious: false,
  });
  expect(answer.body.problems).toHaveLength(1);
  expect(answer.body.problems[0]).toMatchObject({ code: 'serviceRule', row: figures.openingRow, column: '余额' });
  expect(answer.body.problems[0].zh).toContain('应等于上月期末余额');

  // What the CLI sends: a dry run is refused exactly as the import is.
  const rows = { vouchers: answer.body.vouchers, openingFen: answer.body.openingFen };
  const importPath = `/api/regions/${village()}/ledger/${JOURNAL_MONTH}/import`;
  const dry = await call(service, 'POST', importPath, clerk.token, { ...rows, dryRun: true });
  const real = await call(service, 'POST', importPath, clerk.token, rows);
  expect(dry.status).toBe(422);
  expect(real.status).toBe(422);
  expect(dry.body).toEqual(real.body);

  // August corrected: now the preview, the dry run and the import all pass.
  expect(
    (await call(service, 'PUT', august, clerk.token, { openingFen: figures.openingFen, vouchers: [] })).status,
  ).toBe(201);
  const fixed = await preview({ ...csvFile(), defaults: {} });
  expect(fixed.body).toMatchObject({ ok: true, totals: { openingMatchesPrevious: true } });
  expect((await call(service, 'POST', importPath, clerk.token, { ...rows, dryRun: true })).status).toBe(200);
  expect((await call(service, 'POST', importPath, clerk.token, rows)).status).toBe(201);
});
