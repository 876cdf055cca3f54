/**
 * The importer refuses, early and in plain words, files that would hold it for minutes or take
 * gigabytes: crafted here, in the test (a sheet with one cell at XFD1048576, a CSV of too many
 * rows, .xlsx files whose parts inflate too far).
 */
import { test, expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { readLedgerFile } from '../../server/import';
import { IMPORT_LIMITS } from '../../server/import/limits';

const read = (bytes: Uint8Array, name: string) =>
  readLedgerFile(bytes, name, { month: '2026-11', publishedAt: '2026-11-02T09:00:00+08:00' });

/** The one problem of a refused file: its code and bilingual message. */
const refusal = async (bytes: Uint8Array, name: string) => {
  const result = await read(bytes, name);
  expect(result.ok).toBe(false);
  expect(result.vouchers).toEqual([]);
  expect(result.problems).toHaveLength(1);
  return result.problems[0]!;
};

/** A zip written by hand, so that an entry can declare any size (the central directory is what is checked first). */
const zip = (entries: { name: string; data: Buffer; declaredSize?: number }[]): Uint8Array => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const packed = deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
};

test('an .xlsx with one cell at XFD1048576 is refused at once for its rows, not walked cell by cell', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('凭证');
  sheet.getCell('A1').value = '日期';
  sheet.getCell('XFD1048576').value = 1;
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  expect(bytes.length, 'a small file').toBeLessThan(10_000);
  const problem = await refusal(bytes, '一格.xlsx');
  expect(problem.code).toBe('tooLarge');
  expect(problem.zh).toContain(`超过 ${IMPORT_LIMITS.rows} 行`);
  expect(problem.en).toContain(`over ${IMPORT_LIMITS.rows} rows`);
});

test('an .xlsx as wide as Excel allows, in one row, is refused for its columns', async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('凭证').getCell('XFD1').value = 1;
  const problem = await refusal(new Uint8Array(await workbook.xlsx.writeBuffer()), '宽.xlsx');
  expect(problem.zh).toContain(`超过 ${IMPORT_LIMITS.columns} 列`);
});

test('a CSV of more rows than a month can have is refused without parsing the rest', async () => {
  const line = '2026-11-01,记-1,买办公用品,管理费用,,12.00\n';
  const bytes = new TextEncoder().encode('日期,凭证号,摘要,科目,收入,支出\n' + line.repeat(IMPORT_LIMITS.rows + 10));
  const problem = await refusal(bytes, '多行.csv');
  expect(problem.code).toBe('tooLarge');
  expect(problem.zh).toContain('行');
});

test('a file larger than the cap is refused before it is decoded', async () => {
  const problem = await refusal(new Uint8Array(IMPORT_LIMITS.fileBytes + 1), '大.csv');
  expect(problem.zh).toContain(`超过 ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB`);
});

test('an .xlsx whose zip directory cannot be followed (a Zip64 offset) is refused, not read with no caps', async () => {
  const bytes = Buffer.from(zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>') }]));
  // The end record's directory offset, as Zip64 writes it: 0xFFFFFFFF, the real one elsewhere.
  bytes.writeUInt32LE(0xffffffff, bytes.length - 22 + 16);
  const problem = await refusal(new Uint8Array(bytes), 'zip64.xlsx');
  expect(problem.zh).toContain('压缩目录无法读取');
});

test('an .xlsx whose parts declare gigabytes, or inflate a thousandfold, is refused before anything is inflated', async () => {
  const lying = zip([
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>'), declaredSize: 2_000_000_000 },
  ]);
  expect((await refusal(lying, '谎报.xlsx')).zh).toContain(
    `解压后超过 ${IMPORT_LIMITS.inflatedBytes / 1024 / 1024} MB`,
  );
  const bomb = zip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x20) }]);
  expect(bomb.length, 'a few kilobytes on disk').toBeLessThan(20_000);
  const problem = await refusal(bomb, '炸弹.xlsx');
  expect(problem.zh).toContain('xl/sharedStrings.xml');
  expect(problem.en).toContain(`more than ${IMPORT_LIMITS.inflationRatio} times`);
});

test('an .xlsx whose parts declare small sizes but inflate far more is stopped while inflating, naming the part', async () => {
  // 8 MB of spaces declared as 100 bytes: the directory passes every cap, the real inflation does not.
  const liar = zip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x20), declaredSize: 100 }]);
  expect(liar.length, 'a few kilobytes on disk').toBeLessThan(20_000);
  const problem = await refusal(liar, '谎报小.xlsx');
  expect(problem.code).toBe('tooLarge');
  expect(problem.zh).toContain('「xl/sharedStrings.xml」');
  expect(problem.en).toContain(`"xl/sharedStrings.xml" inflates to more than ${IMPORT_LIMITS.inflationRatio} times`);
  // Parts each within their ratio, together over the total, each declaring 100 bytes: stopped at the total.
  // Sparse random bits: 12 MB that deflate only some thirtyfold.
  const part = randomBytes(12 * 1024 * 1024);
  for (let i = 0; i < part.length; i++) part[i] = part[i]! < 8 ? 1 : 0;
  const many = zip(
    Array.from({ length: 10 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: part, declaredSize: 100 })),
  );
  const total = await refusal(many, '合计.xlsx');
  expect(total.zh).toContain(`解压后超过 ${IMPORT_LIMITS.inflatedBytes / 1024 / 1024} MB`);
  expect(total.zh).toMatch(/「xl\/worksheets\/sheet\d+\.xml」/);
});

test('an .xlsx part packed with a method no writer uses is refused as unreadable, not handed on', async () => {
  const bytes = Buffer.from(zip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]));
  // Method 12 (bzip2) in the directory entry.
  const directory = bytes.length - 22 - (46 + 'xl/workbook.xml'.length);
  bytes.writeUInt16LE(12, directory + 10);
  expect((await refusal(new Uint8Array(bytes), '方法.xlsx')).zh).toContain('「xl/workbook.xml」无法解压');
});

test('an ordinary .xlsx still passes the caps', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('凭证');
  sheet.addRow(['日期', '凭证号', '摘要', '科目', '收入', '支出']);
  for (let i = 1; i <= 300; i++) sheet.addRow(['2026-11-03', `记-${i}`, '购买办公用品', '管理费用', null, 12.5]);
  const result = await read(new Uint8Array(await workbook.xlsx.writeBuffer()), '普通.xlsx');
  expect(result.problems.map((p) => p.code)).not.toContain('tooLarge');
  expect(result.problems.map((p) => p.code)).not.toContain('unreadableFile');
});
