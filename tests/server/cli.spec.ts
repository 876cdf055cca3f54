/**
 * The operators' whole path through the command line (server/cli/sanwu.ts), against a
 * real service: the clerk imports a month of the village's books from a GBK CSV (dry run,
 * draft, a re-import that changes nothing, a broken copy refused with row and column),
 * the supervisory committee approves, the admin publishes, and the month is in the feed
 * with its totals; then the next month from an .xlsx with a saved column mapping; a 24-voucher
 * journal without 科目 whose figures reach the feed exactly, its dry run refused as its import is; the
 * audit chain, overdue sub-channels, and a receipt photo attached without its EXIF.
 */
import { test, expect } from '@playwright/test';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import type { Manifest } from '../../src/feed/manifest';
import type { LedgerMonthFeed, VillageFeed, Voucher } from '../../src/feed/schema';
import { servedEntries } from '../feedTree';
import { bundleScript } from '../bundleScript';
import { JOURNAL_MONTH, journalBytes, journalFigures } from './cashJournal';
import { call, readSample, startService, type RunningService } from './harness';

test.describe.configure({ mode: 'serial' });

type Role = keyof RunningService['tokens'];

let service: RunningService;
let work: string;
let code: string;
let villageName: string;

/** server/cli/sanwu.ts bundled once (bundleScript): this file runs it some 30 times. */
let cli = '';

/** `sanwu …` as the given operator, the way the README's operators run it. */
const sanwu = (role: Role | null, ...args: string[]): Promise<{ code: number; out: string }> =>
  new Promise((done) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SANWU_SERVER: service.url,
      SANWU_TOKEN: role ? service.tokens[role].token : '',
    };
    execFile(process.execPath, [cli, ...args], { env, maxBuffer: 10 * 1024 * 1024 }, (error, stdout, stderr) =>
      done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });

/** 1234550 fen → "12,345.50", as finance programs export amounts. */
const yuan = (fen: number): string => {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
};

const csvLine = (cells: (string | number | null)[]) =>
  cells
    .map((cell) =>
      cell === null ? '' : /[",\n]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell),
    )
    .join(',');

/** The month as the service holds it: published body and pending draft. */
const itemState = async (month: string) =>
  (
    await call<{
      published: { openingFen: number; vouchers: Voucher[] } | null;
      pending: { id: number; status: string; body: { openingFen: number; vouchers: Voucher[] } } | null;
    }>(service, 'GET', `/api/regions/${code}/channels/15/items/${month}`, service.tokens.clerk.token)
  ).body;

/** Every entry of the published manifest's tree. */
const entries = () => servedEntries(async (path) => (await call(service, 'GET', path, null)).body);

/** The published feed: a file by its logical path, through the manifest's tree and its hash. */
const publishedFile = async <T>(path: string): Promise<T> => {
  const entry = (await entries())[path];
  if (!entry) throw new Error(`${path} is not in the published manifest's tree`);
  return (await call<T>(service, 'GET', `/feed/objects/${entry.sha256}.json`, null)).body;
};

interface Entry {
  day: number;
  voucher: Voucher;
}

/** Entries of a new month, written with the sample's own words (the TV font covers them) and amounts. */
const entriesFrom = (vouchers: Voucher[], days: number[]): Entry[] =>
  days.map((day, i) => ({ day, voucher: vouchers[i % vouchers.length]! }));

const totals = (opening: number, entries: Entry[]) => {
  const incomeFen = entries
    .filter((e) => e.voucher.direction === 'income')
    .reduce((sum, e) => sum + e.voucher.amountFen, 0);
  const expenseFen = entries
    .filter((e) => e.voucher.direction === 'expense')
    .reduce((sum, e) => sum + e.voucher.amountFen, 0);
  return { openingFen: opening, incomeFen, expenseFen, closingFen: opening + incomeFen - expenseFen };
};

/** What the village file and the month file must say once the month is published. */
const expectPublishedMonth = async (month: string, expected: ReturnType<typeof totals>, count: number) => {
  const village = await publishedFile<VillageFeed>(`villages/${code}.json`);
  const ledger = village.channels.find((c) => c.id === 15);
  if (ledger?.kind !== 'ledger') throw new Error('the village has no ledger');
  expect(ledger.content.months.at(-1), `${month} is the newest month`).toEqual({
    month,
    ...expected,
    voucherCount: count,
    file: `villages/${code}/ledger/${month}.json`,
  });
  const file = await publishedFile<LedgerMonthFeed>(`villages/${code}/ledger/${month}.json`);
  expect(file).toMatchObject({ kind: 'ledgerMonth', village: code, month, ...expected });
  expect(file.vouchers).toHaveLength(count);
  return file;
};

test.beforeAll(async ({}, testInfo) => {
  test.setTimeout(60_000);
  cli = bundleScript('server/cli/sanwu.ts', testInfo.outputPath('sanwu.mjs'));
  service = await startService();
  work = mkdtempSync(join(tmpdir(), 'sanwu-cli-'));
  code = service.tokens.clerk.region;
  const first = readSample('district.json').streets[0].villages[0] as { code: string; name: string };
  expect(code, "the clerk's village is the sample's first").toBe(first.code);
  villageName = first.name;
});

test.afterAll(async () => {
  await service?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

// ---- November from a GBK CSV --------------------------------------------------------------

const october = () => readSample(`villages/${code}/ledger/2026-10.json`) as LedgerMonthFeed;
const november = () => entriesFrom(october().vouchers, [2, 3, 5, 6, 9, 12, 16, 19, 23, 27]);
/** Row numbers as the spreadsheet shows them: title, period, header, 上月结转, then the entries. */
const FIRST_ENTRY_ROW = 5;
const HEADER = [
  '日期',
  '凭证号',
  '摘要',
  '科目',
  '收入',
  '支出',
  '余额',
  '经手人',
  '证明人',
  '审批人',
  '记账人',
  '理财小组',
  '审核意见',
  '附件张数',
];

/** The cash journal a village's finance program exports, as UTF-8 text. */
const novemberCsv = (tamper?: (row: (string | number | null)[], index: number) => void): string => {
  const opening = october().closingFen;
  const entries = november();
  let balance = opening;
  const rows = entries.map(({ day, voucher: v }, index) => {
    balance += v.direction === 'income' ? v.amountFen : -v.amountFen;
    const row: (string | number | null)[] = [
      `2026/11/${day}`,
      `记-${String(index + 1).padStart(4, '0')}`,
      v.summary,
      `${v.account.code} ${v.account.name}`,
      v.direction === 'income' ? yuan(v.amountFen) : null,
      v.direction === 'expense' ? yuan(v.amountFen) : null,
      yuan(balance),
      v.handler,
      v.witness,
      v.approver,
      v.bookkeeper,
      v.review.reviewer,
      v.review.opinion,
      v.attachmentCount,
    ];
    tamper?.(row, index);
    return row;
  });
  const sum = totals(opening, entries);
  return [
    csvLine([`${villageName}现金日记账`, ...Array(13).fill(null)]),
    csvLine(['所属期间：2026年11月', ...Array(12).fill(null), '单位：元']),
    csvLine(HEADER),
    csvLine(['2026/11/1', null, '上月结转', null, null, null, yuan(opening), ...Array(7).fill(null)]),
    ...rows.map(csvLine),
    csvLine([
      '2026/11/30',
      null,
      '本月合计',
      null,
      yuan(sum.incomeFen),
      yuan(sum.expenseFen),
      yuan(sum.closingFen),
      ...Array(7).fill(null),
    ]),
  ].join('\r\n');
};

/** GB18030 (a superset of GBK) bytes, converted by the system's iconv as a village PC's export would be. */
const gbk = (text: string): Buffer => {
  const converted = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: Buffer.from(text, 'utf8') });
  expect(converted.status, String(converted.stderr)).toBe(0);
  return converted.stdout;
};

let novemberDraft: number;

test('the clerk imports November from a GBK CSV: dry run, draft, an unchanged re-import, a broken copy refused', async () => {
  const bytes = gbk(novemberCsv());
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the file is not valid UTF-8').toThrow();
  expect(new TextDecoder('gb18030').decode(bytes)).toContain('上月结转');
  const file = join(work, '2026-11-现金日记账.csv');
  writeFileSync(file, bytes);

  // A dry run lists what would change and stores nothing.
  const dry = await sanwu('clerk', 'import', 'ledger', file, '--village', code, '--month', '2026-11', '--dry-run');
  expect(dry.code, dry.out).toBe(0);
  expect(dry.out).toContain('新增 10 笔');
  expect(dry.out).toContain('修改 0 笔');
  expect(dry.out).toContain('本月合计与明细相符');
  expect(dry.out).toContain('试运行：未做任何修改');
  expect(await itemState('2026-11')).toEqual({ published: null, pending: null });

  // For real: a draft, awaiting the committee.
  const real = await sanwu('clerk', 'import', 'ledger', file, '--village', code, '--month', '2026-11');
  expect(real.code, real.out).toBe(0);
  const saved = /已保存为草稿 (\d+)/.exec(real.out);
  expect(saved, real.out).not.toBeNull();
  novemberDraft = Number(saved![1]);
  const state = await itemState('2026-11');
  expect(state.pending).toMatchObject({ id: novemberDraft, status: 'draft' });
  expect(state.pending!.body.openingFen).toBe(october().closingFen);
  expect(state.pending!.body.vouchers.map((v) => [v.number, v.direction, v.amountFen])).toEqual(
    november().map(({ voucher: v }, i) => [`记-${String(i + 1).padStart(4, '0')}`, v.direction, v.amountFen]),
  );
  expect(state.pending!.body.vouchers[0]).toMatchObject({
    summary: november()[0]!.voucher.summary,
    handler: november()[0]!.voucher.handler,
    date: '2026-11-02T00:00:00+08:00',
  });

  // The same file again: nothing to submit.
  const again = await sanwu('clerk', 'import', 'ledger', file, '--village', code, '--month', '2026-11');
  expect(again.code, again.out).toBe(0);
  expect(again.out).toContain('新增 0 笔');
  expect(again.out).toContain('未变 10 笔');
  expect(again.out).toContain('没有变化');
  expect((await itemState('2026-11')).pending?.id).toBe(novemberDraft);

  // A copy with a negative amount: refused, naming the row and the column as the sheet shows them.
  const broken = november().findIndex((e) => e.voucher.direction === 'expense');
  const column = HEADER.indexOf('支出');
  const brokenFile = join(work, '2026-11-错误.csv');
  writeFileSync(
    brokenFile,
    gbk(novemberCsv((row, index) => void (index === broken && (row[column] = `-${row[column]}`)))),
  );
  const refused = await sanwu('clerk', 'import', 'ledger', brokenFile, '--village', code, '--month', '2026-11');
  expect(refused.code, refused.out).toBe(1);
  const row = FIRST_ENTRY_ROW + broken;
  expect(refused.out.split('\n')[0]).toBe(`✗ 第${row}行「支出」不能为负数  (Row ${row}, "支出": must not be negative)`);
  // Said once: the month total row below is not reported again for the same amount.
  expect(refused.out.match(/✗/g), refused.out).toHaveLength(1);
  expect(refused.out).toContain('未导入');
  expect((await itemState('2026-11')).pending?.id, 'the draft is untouched').toBe(novemberDraft);
});

test('the committee approves the draft it finds with `sanwu drafts`, the admin publishes: November is in the feed', async () => {
  const listed = await sanwu('committee', 'drafts');
  expect(listed.code, listed.out).toBe(0);
  const line = listed.out.split('\n').find((l) => l.split('\t')[4] === '2026-11');
  expect(line, listed.out).toBeDefined();
  expect(line!.split('\t').slice(0, 6)).toEqual([String(novemberDraft), 'draft', code, '15', '2026-11', 'put']);

  // The clerk may not approve; the committee may.
  expect((await sanwu('clerk', 'approve', String(novemberDraft))).out).toContain('您没有这项操作的权限');
  const approved = await sanwu('committee', 'approve', String(novemberDraft));
  expect(approved.code, approved.out).toBe(0);
  expect(approved.out).toContain(`草稿 ${novemberDraft} 已审核通过`);

  const published = await sanwu('admin', 'publish');
  expect(published.code, published.out).toBe(0);
  expect(published.out).toMatch(/已发布第 \d+ 版/);

  const manifest = (await call<Manifest>(service, 'GET', '/feed/manifest.json', null)).body;
  expect(Object.keys(await entries())).toContain(`villages/${code}/ledger/2026-11.json`);
  expect(published.out).toContain(`已发布第 ${manifest.version} 版`);
  const file = await expectPublishedMonth('2026-11', totals(october().closingFen, november()), 10);
  expect(file.vouchers.map((v) => v.amountFen).reduce((a, b) => a + b, 0)).toBe(
    november().reduce((sum, e) => sum + e.voucher.amountFen, 0),
  );
});

// ---- December from an .xlsx, with a saved column mapping -------------------------------------

const december = () => entriesFrom(october().vouchers.slice(10), [1, 4, 8, 10, 15, 18, 22, 24]);
const novemberClosing = () => totals(october().closingFen, november()).closingFen;

const decemberXlsx = async (): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('12月');
  // Another program's words for the same columns, numbers as numbers, dates as dates.
  sheet.addRow([`${villageName}现金日记账`]);
  sheet.mergeCells('A1:N1');
  sheet.addRow([
    '凭证日期',
    '凭证字号',
    '摘要',
    '会计科目',
    '借方金额',
    '贷方金额',
    '余额',
    '经办人',
    '证明人',
    '批准人',
    '记账员',
    '民主理财小组',
    '理财小组意见',
    '附单据数',
  ]);
  const opening = novemberClosing();
  sheet.addRow([new Date(Date.UTC(2026, 11, 1)), null, '上月结转', null, null, null, opening / 100]);
  let balance = opening;
  december().forEach(({ day, voucher: v }, index) => {
    balance += v.direction === 'income' ? v.amountFen : -v.amountFen;
    sheet.addRow([
      new Date(Date.UTC(2026, 11, day)),
      `记-${index + 1}`,
      v.summary,
      `${v.account.code} ${v.account.name}`,
      v.direction === 'income' ? v.amountFen / 100 : null,
      v.direction === 'expense' ? v.amountFen / 100 : null,
      balance / 100,
      v.handler,
      v.witness,
      v.approver,
      v.bookkeeper,
      v.review.reviewer,
      v.review.opinion,
      v.attachmentCount,
    ]);
  });
  const sum = totals(opening, december());
  sheet.addRow([
    new Date(Date.UTC(2026, 11, 31)),
    null,
    '本月合计',
    null,
    sum.incomeFen / 100,
    sum.expenseFen / 100,
    sum.closingFen / 100,
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

test('December from an .xlsx: the column mapping saved on a dry run is reused for the import', async () => {
  const file = join(work, '2026-12.xlsx');
  writeFileSync(file, await decemberXlsx());
  const mappingFile = join(work, 'mapping.json');

  const dry = await sanwu(
    'clerk',
    'import',
    'ledger',
    file,
    '--village',
    code,
    '--month',
    '2026-12',
    '--dry-run',
    '--save-mapping',
    mappingFile,
  );
  expect(dry.code, dry.out).toBe(0);
  expect(dry.out).toContain('列对应关系已保存到');
  expect(dry.out).toContain('新增 8 笔');
  expect(dry.out).toContain('试运行：未做任何修改');
  const saved = JSON.parse(readFileSync(mappingFile, 'utf8')) as { mapping: Record<string, string>; defaults: object };
  expect(saved.mapping).toMatchObject({
    date: '凭证日期',
    number: '凭证字号',
    account: '会计科目',
    income: '借方金额',
    expense: '贷方金额',
    handler: '经办人',
    reviewer: '民主理财小组',
    opinion: '理财小组意见',
    attachmentCount: '附单据数',
  });
  expect(await itemState('2026-12')).toEqual({ published: null, pending: null });

  const real = await sanwu(
    'clerk',
    'import',
    'ledger',
    file,
    '--village',
    code,
    '--month',
    '2026-12',
    '--mapping',
    mappingFile,
  );
  expect(real.code, real.out).toBe(0);
  const draft = Number(/已保存为草稿 (\d+)/.exec(real.out)?.[1]);
  expect(draft, real.out).toBeGreaterThan(novemberDraft);
  const state = await itemState('2026-12');
  expect(state.pending!.body.openingFen, "December opens with November's closing balance").toBe(novemberClosing());
  // As the sheet writes them (记-1 …), not rewritten.
  expect(state.pending!.body.vouchers.map((v) => v.number)).toEqual(december().map((_, i) => `记-${i + 1}`));

  expect((await sanwu('committee', 'approve', String(draft))).code).toBe(0);
  const published = await sanwu('admin', 'publish');
  expect(published.code, published.out).toBe(0);
  await expectPublishedMonth('2026-12', totals(novemberClosing(), december()), 8);
});

// ---- September 2025 from a 24-voucher journal without 科目 ---------------------------------------

test('a 24-voucher GBK journal without 科目 reaches the feed exactly; the dry run refuses what the import would', async () => {
  const figures = journalFigures();
  const file = join(work, '现金日记账.csv');
  writeFileSync(file, journalBytes());
  const august = `/api/regions/${code}/channels/15/items/2025-08`;
  const importIt = (...more: string[]) =>
    sanwu('clerk', 'import', 'ledger', file, '--village', code, '--month', JOURNAL_MONTH, ...more);

  // August as the books stand closes 0.60 below September's 上月结转: the dry run says so, as the import does.
  const wrong = await call(service, 'PUT', august, service.tokens.clerk.token, {
    openingFen: figures.openingFen - 60,
    vouchers: [],
  });
  expect(wrong.status).toBe(201);
  const dryRefused = await importIt('--dry-run');
  expect(dryRefused.code, dryRefused.out).toBe(1);
  expect(dryRefused.out).toContain('应等于上月期末余额');
  expect(dryRefused.out).toContain('文件中没有「科目」列，各凭证填为「未填」');
  expect(dryRefused.out).not.toContain('没有给出默认值');
  const refused = await importIt();
  expect(refused.code, refused.out).toBe(1);
  expect(refused.out).toContain('应等于上月期末余额');
  expect(await itemState(JOURNAL_MONTH)).toEqual({ published: null, pending: null });

  // August fixed: the dry run passes, and so does the import.
  const fixed = await call(service, 'PUT', august, service.tokens.clerk.token, {
    openingFen: figures.openingFen,
    vouchers: [],
  });
  const dry = await importIt('--dry-run');
  expect(dry.code, dry.out).toBe(0);
  expect(dry.out).toContain(`新增 ${figures.numbers.length} 笔`);
  const real = await importIt();
  expect(real.code, real.out).toBe(0);
  const draft = Number(/已保存为草稿 (\d+)/.exec(real.out)?.[1]);

  // Reviewed and published over the API (the CLI's own approve and publish are walked above).
  for (const id of [fixed.body.id, draft])
    expect((await call(service, 'POST', `/api/drafts/${id}/approve`, service.tokens.committee.token)).status).toBe(200);
  expect((await call(service, 'POST', '/api/publish', service.tokens.admin.token, {})).status).toBe(200);
  const village = await publishedFile<VillageFeed>(`villages/${code}.json`);
  const ledger = village.channels.find((c) => c.id === 15);
  if (ledger?.kind !== 'ledger') throw new Error('the village has no ledger');
  const expected = {
    openingFen: figures.openingFen,
    incomeFen: figures.incomeFen,
    expenseFen: figures.expenseFen,
    closingFen: figures.closingFen,
  };
  expect(ledger.content.months.find((m) => m.month === JOURNAL_MONTH)).toMatchObject({
    ...expected,
    voucherCount: figures.numbers.length,
  });
  const month = await publishedFile<LedgerMonthFeed>(`villages/${code}/ledger/${JOURNAL_MONTH}.json`);
  expect(month).toMatchObject(expected);
  expect(month.vouchers.map((v) => v.number)).toEqual(figures.numbers);
  expect(month.vouchers.every((v) => v.account.name === '未填' && v.account.code === '')).toBe(true);
});

test('--save-mapping writes the mapping once the header is understood, even when a row is refused', async () => {
  const broken = join(work, '现金日记账-错误.csv');
  const text = new TextDecoder('gb18030').decode(journalBytes()).replace(',330.30,', ',-330.30,');
  writeFileSync(broken, gbk(text));
  const mappingFile = join(work, 'journal-mapping.json');
  const run = await sanwu(
    'clerk',
    'import',
    'ledger',
    broken,
    '--village',
    code,
    '--month',
    JOURNAL_MONTH,
    '--save-mapping',
    mappingFile,
  );
  expect(run.code, run.out).toBe(1);
  expect(run.out).toContain('「支出金额」不能为负数');
  const saved = JSON.parse(readFileSync(mappingFile, 'utf8')) as { mapping: Record<string, string> };
  expect(saved.mapping).toMatchObject({ number: '凭证字号', income: '收入金额', expense: '支出金额' });
  expect(saved.mapping.account).toBeUndefined();

  // A mapping file with a field it does not know is refused by name.
  writeFileSync(mappingFile, JSON.stringify({ mapping: { 科目: '科目' } }));
  const bad = await sanwu(
    'clerk',
    'import',
    'ledger',
    broken,
    '--village',
    code,
    '--month',
    JOURNAL_MONTH,
    '--mapping',
    mappingFile,
  );
  expect(bad.code).toBe(1);
  expect(bad.out).toContain('/mapping/科目');
});

// ---- the rest of the path -------------------------------------------------------------------

test('`sanwu audit verify` finds the chain intact, over the API and from the data directory', async () => {
  const online = await sanwu('admin', 'audit', 'verify');
  expect(online.code, online.out).toBe(0);
  expect(online.out).toMatch(/^审计链完整：\d+ 条，链头 [0-9a-f]{64}/);
  const offline = await sanwu(null, 'audit', 'verify', '--data-dir', service.dataDir);
  expect(offline.code, offline.out).toBe(0);
  expect(offline.out).toContain('审计链完整');
  // Both read the same chain.
  expect(/链头 ([0-9a-f]{64})/.exec(offline.out)?.[1]).toBe(/链头 ([0-9a-f]{64})/.exec(online.out)?.[1]);
});

test('`sanwu overdue` lists the overdue sub-channels, also for one village', async () => {
  const expected = (
    await call<{ region: string; name: string; channel: number }[]>(
      service,
      'GET',
      '/api/overdue',
      service.tokens.admin.token,
    )
  ).body;
  expect(expected.length, 'the sample has overdue sub-channels').toBeGreaterThan(0);
  const all = await sanwu('admin', 'overdue');
  expect(all.code, all.out).toBe(0);
  expect(all.out).toContain(`共 ${expected.length} 个栏目逾期`);
  const lines = all.out.split('\n').filter((l) => /\t栏目 \d+\t/.test(l));
  expect(lines.map((l) => l.split('\t').slice(0, 3))).toEqual(
    expected.map((o) => [o.region, o.name, `栏目 ${o.channel}`]),
  );

  const mine = (await call<unknown[]>(service, 'GET', `/api/overdue?region=${code}`, service.tokens.admin.token)).body;
  const one = await sanwu('clerk', 'overdue', '--region', code);
  expect(one.code, one.out).toBe(0);
  expect(one.out).toContain(`共 ${mine.length} 个栏目逾期`);
  expect(
    one.out
      .split('\n')
      .filter((l) => /\t栏目 \d+\t/.test(l))
      .every((l) => l.startsWith(`${code}\t${villageName}\t`)),
  ).toBe(true);
});

test('`sanwu attach` uploads a receipt photo: shrunk to 1920 px at most, without its EXIF', async () => {
  const photo = join(work, 'receipt.jpg');
  const original = await sharp({
    create: { width: 3200, height: 2400, channels: 3, background: { r: 236, g: 228, b: 210 } },
  })
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'SanwuCam', Model: 'Test', Copyright: 'village clerk' } })
    .toBuffer();
  expect((await sharp(original).metadata()).exif, 'the photo carries EXIF').toBeDefined();
  writeFileSync(photo, original);

  const attached = await sanwu(
    'clerk',
    'attach',
    photo,
    '--village',
    code,
    '--month',
    '2026-12',
    '--voucher',
    '记-0002',
  );
  expect(attached.code, attached.out).toBe(0);
  expect(attached.out).toContain('（1920×1440）');
  expect(attached.out).toContain('票据已附到 记-0002');
  const draft = Number(/草稿 (\d+)/.exec(attached.out)?.[1]);
  const state = await itemState('2026-12');
  expect(state.pending?.id).toBe(draft);
  // 记-0002 names December's 记-2: numbers are compared by value.
  const voucher = state.pending!.body.vouchers.find((v) => v.number === '记-2')!;
  const receipt = voucher.receipts.at(-1)!;
  expect(receipt).toMatchObject({ width: 1920, height: 1440, kind: '票据' });
  expect(voucher.attachmentCount).toBeGreaterThanOrEqual(voucher.receipts.length);

  // What a box would download: a JPEG no larger than 1920 px, with no EXIF left.
  const response = await fetch(`${service.url}/feed/${receipt.src}`);
  expect(response.status).toBe(200);
  const stored = Buffer.from(await response.arrayBuffer());
  const meta = await sharp(stored).metadata();
  expect(meta.format).toBe('jpeg');
  expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(1920);
  expect([meta.width, meta.height]).toEqual([1920, 1440]);
  expect(meta.exif, 'no EXIF').toBeUndefined();
});

test('two notices pushed from the same file name are two items; pushing onto a published one needs --replace', async () => {
  const file = join(work, 'notice.md');
  writeFileSync(file, '# 冬季垃圾清运时间调整\n\n自十二月一日起，每周二、五清运。\n');
  const first = await sanwu('clerk', 'push', file, '--region', code, '--channel', '14');
  expect(first.code, first.out).toBe(0);
  writeFileSync(file, '# 村民代表会议通知\n\n定于十二月五日召开村民代表会议。\n');
  const second = await sanwu('clerk', 'push', file, '--region', code, '--channel', '14');
  expect(second.code, second.out).toBe(0);
  const ids = [first, second].map((r) => /条目 (\S+)）/.exec(r.out)?.[1]);
  expect(ids[0]).toMatch(/^notice-/);
  expect(ids[1]).toMatch(/^notice-/);
  expect(ids[0]).not.toBe(ids[1]);

  // Both are published side by side.
  for (const id of ids) {
    const state = await call(
      service,
      'GET',
      `/api/regions/${code}/channels/14/items/${id}`,
      service.tokens.clerk.token,
    );
    expect((await sanwu('committee', 'approve', String(state.body.pending.id))).code).toBe(0);
  }
  expect((await sanwu('admin', 'publish')).code).toBe(0);
  const village = await publishedFile<VillageFeed>(`villages/${code}.json`);
  const titles = (village.channels.find((c) => c.id === 14)!.content as { title: string }[]).map((a) => a.title);
  expect(titles).toEqual(expect.arrayContaining(['冬季垃圾清运时间调整', '村民代表会议通知']));

  // Pushing onto the published item says so and changes nothing; --replace does it, on the record.
  writeFileSync(file, '# 冬季垃圾清运时间再次调整\n\n改为每周三清运。\n');
  const refused = await sanwu('clerk', 'push', file, '--region', code, '--channel', '14', '--id', ids[0]!);
  expect(refused.code).not.toBe(0);
  expect(refused.out).toContain(`条目「${ids[0]}」已经发布`);
  expect(refused.out).toContain('--replace');
  const replaced = await sanwu(
    'clerk',
    'push',
    file,
    '--region',
    code,
    '--channel',
    '14',
    '--id',
    ids[0]!,
    '--replace',
  );
  expect(replaced.code, replaced.out).toBe(0);
  const state = await call(
    service,
    'GET',
    `/api/regions/${code}/channels/14/items/${ids[0]}`,
    service.tokens.clerk.token,
  );
  expect(state.body.published.title).toBe('冬季垃圾清运时间调整');
  expect(state.body.pending.body.title).toBe('冬季垃圾清运时间再次调整');
});

test('`sanwu operators disable` stops an operator and every token they hold', async () => {
  const added = await sanwu('admin', 'operators', 'add', '--name', '临时文书', '--role', 'clerk', '--region', code);
  expect(added.code, added.out).toBe(0);
  const id = /操作员 (\d+) 已创建/.exec(added.out)![1]!;
  const token = /shown once\): (\S+)/.exec(added.out)![1]!;
  expect((await call(service, 'GET', '/api/me', token)).status).toBe(200);
  const disabled = await sanwu('admin', 'operators', 'disable', id);
  expect(disabled.code, disabled.out).toBe(0);
  expect(disabled.out).toContain(`操作员 ${id} 已停用`);
  expect((await call(service, 'GET', '/api/me', token)).status).toBe(401);
});

test('`sanwu operators password` gives an operator a console sign-in, with a password shown once', async () => {
  const added = await sanwu('admin', 'operators', 'add', '--name', '新文书', '--role', 'clerk', '--region', code);
  const id = /操作员 (\d+) 已创建/.exec(added.out)![1]!;
  const reset = await sanwu('admin', 'operators', 'password', id, '--username', 'new-clerk');
  expect(reset.code, reset.out).toBe(0);
  const password = /shown once\): (\S+)/.exec(reset.out)![1]!;
  const signIn = await fetch(`${service.url}/api/session`, {
    method: 'POST',
    headers: { origin: service.url, 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'new-clerk', password }),
  });
  expect(signIn.status).toBe(200);
  expect((await signIn.json()).operator.name).toBe('新文书');
  expect((await sanwu('clerk', 'operators', 'password', id)).code).not.toBe(0);
});

test('two clerks import halves of one month at the same moment: both land, neither is lost', async () => {
  // November's journal moved to March 2027, split in two files: entries 1–5 and 6–10.
  const lines = novemberCsv()
    .replace(/2026\/11\//g, '2027/03/')
    .replace('2026年11月', '2027年03月')
    .split('\r\n');
  const [head, entries] = [lines.slice(0, FIRST_ENTRY_ROW - 1), lines.slice(FIRST_ENTRY_ROW - 1, -1)];
  const files = [entries.slice(0, 5), entries.slice(5)].map((part, i) => {
    const file = join(work, `2027-03-part${i + 1}.csv`);
    writeFileSync(file, [...head, ...part].join('\r\n'));
    return file;
  });
  expect(await itemState('2027-03')).toEqual({ published: null, pending: null });

  // Each run reads the file, then sends its rows; before the merge moved to the service, the
  // second PUT of a whole month read before the first landed silently dropped the first's rows.
  const runs = await Promise.all(
    files.map((file) => sanwu('clerk', 'import', 'ledger', file, '--village', code, '--month', '2027-03')),
  );
  for (const run of runs) expect(run.code, run.out).toBe(0);
  expect(runs.map((run) => /新增 (\d+) 笔/.exec(run.out)?.[1])).toEqual(['5', '5']);
  const month = (await itemState('2027-03')).pending!.body;
  expect(month.vouchers.map((v) => v.number).sort()).toEqual(
    november().map((_, i) => `记-${String(i + 1).padStart(4, '0')}`),
  );

  // Receipts attached to two vouchers of that month at once, one image per attachment: both kept.
  const attachments = async (number: string) => {
    const count = month.vouchers.find((v) => v.number === number)!.attachmentCount;
    return Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const file = join(work, `${number}-${i}.png`);
        writeFileSync(
          file,
          await sharp({
            create: {
              width: 800,
              height: 600,
              channels: 3,
              background: { r: 240, g: 200 + i * 10, b: number.length * 20 },
            },
          })
            .png()
            .toBuffer(),
        );
        return file;
      }),
    );
  };
  const numbers = ['记-0001', '记-0007'];
  const attached = await Promise.all(
    numbers.map(async (number) =>
      sanwu(
        'clerk',
        'attach',
        ...(await attachments(number)),
        '--village',
        code,
        '--month',
        '2027-03',
        '--voucher',
        number,
      ),
    ),
  );
  for (const run of attached) expect(run.code, run.out).toBe(0);
  const after = (await itemState('2027-03')).pending!.body.vouchers;
  expect(
    after
      .filter((v) => v.receipts.length > 0)
      .map((v) => v.number)
      .sort(),
  ).toEqual(numbers);
  for (const v of after.filter((v) => v.receipts.length > 0)) expect(v.receipts).toHaveLength(v.attachmentCount);
  expect(after).toHaveLength(10);
});

test("the merge endpoint names the problem: an unknown voucher, someone else's village, a bad month", async () => {
  const receipts = [{ src: 'media/none.jpg', width: 10, height: 10 }];
  const missing = await call(
    service,
    'POST',
    `/api/regions/${code}/ledger/2027-03/vouchers/${encodeURIComponent('记-0999')}/receipts`,
    service.tokens.clerk.token,
    { receipts },
  );
  expect(missing.status).toBe(404);
  expect(missing.body.error.zh).toBe('2027-03 没有凭证 记-0999');
  const other = readSample('district.json').streets[0].villages[1].code as string;
  const foreign = await call(
    service,
    'POST',
    `/api/regions/${other}/ledger/2027-03/import`,
    service.tokens.clerk.token,
    { vouchers: [], dryRun: true },
  );
  expect(foreign.status).toBe(403);
  const badMonth = await call(
    service,
    'POST',
    `/api/regions/${code}/ledger/2027-3/import`,
    service.tokens.clerk.token,
    { vouchers: [] },
  );
  expect(badMonth.status).toBe(400);
});
