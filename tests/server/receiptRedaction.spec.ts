/**
 * Receipt redaction, in this process (inject): the boxes the clerk drew are black in the
 * published pixels and the rest of the photo is as an ordinary upload makes it; the photo as
 * taken is kept in the data directory and never reaches the feed; EXIF (a GPS position) is
 * warned about and stripped; another village, another role and bad input are refused in both
 * languages.
 */
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { JOURNAL_MONTH, journalBytes } from './cashJournal';
import { readSample } from './harness';
import { call, startInProcess, type InProcessService } from './inProcess';

test.describe.configure({ mode: 'serial' });

let service: InProcessService;
test.beforeAll(async () => {
  service = await startInProcess();
  // The month as the console sends it: the journal previewed, then its vouchers imported.
  const { clerk } = service.tokens;
  const preview = await call(
    service,
    'POST',
    `/api/regions/${clerk.region}/ledger/${JOURNAL_MONTH}/preview`,
    clerk.token,
    {
      fileName: '现金日记账.csv',
      file: journalBytes().toString('base64'),
    },
  );
  expect(preview.body.ok).toBe(true);
  const imported = await call(
    service,
    'POST',
    `/api/regions/${clerk.region}/ledger/${JOURNAL_MONTH}/import`,
    clerk.token,
    {
      vouchers: preview.body.vouchers,
      openingFen: preview.body.openingFen,
    },
  );
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
});
test.afterAll(async () => service.stop());

const WIDTH = 2400;
const HEIGHT = 1800;
/** A phone photo: smooth colours (so JPEG keeps them steady), 4.3 megapixels, with a GPS position in its EXIF. */
const phonePhoto = async (): Promise<Buffer> => {
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y++)
    for (let x = 0; x < WIDTH; x++) {
      const at = (y * WIDTH + x) * 3;
      pixels[at] = 60 + Math.round((x / WIDTH) * 180);
      pixels[at + 1] = 60 + Math.round((y / HEIGHT) * 180);
      pixels[at + 2] = 200;
    }
  return sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 95 })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Village Phone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '36/1 39/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 1/1 0/1' },
    })
    .toBuffer();
};

const redactPath = (region: string, number = '记-001', month = JOURNAL_MONTH) =>
  `/api/regions/${region}/ledger/${month}/vouchers/${encodeURIComponent(number)}/receipts/redacted`;

const pixelsOf = async (file: string) => {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  return {
    at: (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)],
    info,
  };
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test('the boxes are burned into the published image, the rest is untouched, EXIF is gone and the original stays private', async () => {
  const { clerk, committee } = service.tokens;
  const photo = await phonePhoto();
  const box = { x: 0.25, y: 0.25, width: 0.25, height: 0.25 };
  const answer = await call(service, 'POST', redactPath(clerk.region), clerk.token, {
    image: photo.toString('base64'),
    boxes: [box],
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  const { src, width, height, warnings } = answer.body;
  // Shrunk for a box as every upload is, the photo's proportions kept.
  expect([width, height]).toEqual([1920, 1440]);
  expect(warnings.map((w: { code: string }) => w.code)).toEqual(['gps', 'large']);
  expect(warnings[0].zh).toContain('GPS');
  expect(warnings[1].en).toContain(`${WIDTH}×${HEIGHT}`);

  // The same photo uploaded without boxes: what the redacted one must equal outside them.
  const plain = await service.app.inject({
    method: 'POST',
    url: '/api/media',
    headers: { authorization: `Bearer ${clerk.token}`, 'content-type': 'image/jpeg' },
    payload: photo,
  });
  expect(plain.statusCode).toBe(201);
  const redacted = await pixelsOf(join(service.service.feedDir, src));
  const unredacted = await pixelsOf(join(service.service.feedDir, plain.json().src));
  const left = box.x * width;
  const top = box.y * height;
  const right = left + box.width * width;
  const bottom = top + box.height * height;
  // Inside the box (a JPEG block's width in from its edges): black.
  for (let y = top + 16; y < bottom - 16; y += 23)
    for (let x = left + 16; x < right - 16; x += 23)
      expect(Math.max(...redacted.at(x, y)), `(${x}, ${y})`).toBeLessThanOrEqual(4);
  // Well outside it: as the plain upload is, pixel for pixel within JPEG's rounding.
  let compared = 0;
  for (let y = 5; y < height; y += 37)
    for (let x = 5; x < width; x += 37) {
      if (x > left - 32 && x < right + 32 && y > top - 32 && y < bottom + 32) continue;
      const [a, b] = [redacted.at(x, y), unredacted.at(x, y)];
      expect(Math.max(...a.map((v, i) => Math.abs(v - b[i]!))), `(${x}, ${y})`).toBeLessThanOrEqual(2);
      expect(Math.max(...a)).toBeGreaterThan(100);
      compared++;
    }
  expect(compared).toBeGreaterThan(1000);

  const published = readFileSync(join(service.service.feedDir, src));
  const metadata = await sharp(published).metadata();
  expect(metadata.exif).toBeUndefined();
  expect(metadata.xmp).toBeUndefined();

  // The original, as taken, in the data directory for the service's user only.
  const originalPath = join(service.service.dataDir, 'receipt-originals', `${sha256(photo)}.jpg`);
  expect(readFileSync(originalPath).equals(photo)).toBe(true);
  expect(statSync(originalPath).mode & 0o077).toBe(0);

  // Attached, approved and published: the feed names the redacted image, and holds no copy of the original.
  const attached = await call(
    service,
    'POST',
    `/api/regions/${clerk.region}/ledger/${JOURNAL_MONTH}/vouchers/${encodeURIComponent('记-001')}/receipts`,
    clerk.token,
    { receipts: [{ src, width, height }] },
  );
  expect(attached.status, JSON.stringify(attached.body)).toBe(201);
  expect((await call(service, 'POST', `/api/drafts/${attached.body.id}/approve`, committee.token)).status).toBe(200);
  const publish = await call(service, 'POST', '/api/publish', service.tokens.street.token);
  expect(publish.status, JSON.stringify(publish.body)).toBe(200);
  const month = await call(
    service,
    'GET',
    `/api/regions/${clerk.region}/channels/15/items/${JOURNAL_MONTH}`,
    clerk.token,
  );
  const voucher = month.body.published.vouchers.find((v: { number: string }) => v.number === '记-001');
  expect(voucher.receipts).toEqual([{ src, width, height, kind: '票据' }]);
  const feedFiles = filesUnder(service.service.feedDir);
  expect(feedFiles.length).toBeGreaterThan(10);
  expect(feedFiles.filter((path) => sha256(readFileSync(path)) === sha256(photo))).toEqual([]);
  expect(feedFiles.some((path) => path.endsWith(src.slice('media/'.length)))).toBe(true);
  expect((await call(service, 'GET', '/api/audit/verify', service.tokens.admin.token)).body.ok).toBe(true);
});

test('another village, another role and bad input are refused in both languages, and nothing is stored', async () => {
  const { clerk, committee } = service.tokens;
  const image = (
    await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c08040' } })
      .png()
      .toBuffer()
  ).toString('base64');
  const body = { image, boxes: [{ x: 0, y: 0, width: 0.5, height: 0.5 }] };
  const refused = async (path: string, token: string, sent: unknown, status: number, zh: string) => {
    const answer = await call(service, 'POST', path, token, sent);
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(answer.body.error.zh).toContain(zh);
    expect(answer.body.error.en.length).toBeGreaterThan(10);
  };
  const originals = () => readdirSync(join(service.service.dataDir, 'receipt-originals')).length;
  const before = originals();
  const other = readSample('district.json').streets[0].villages[1].code as string;
  await refused(redactPath(other), clerk.token, body, 403, '您没有这项操作的权限');
  await refused(redactPath(clerk.region), committee.token, body, 403, '您没有这项操作的权限');
  await refused(redactPath(clerk.region, '记-999'), clerk.token, body, 404, '没有凭证 记-999');
  await refused(redactPath(clerk.region, '记-001', '2025-10'), clerk.token, body, 404, '没有凭证');
  await refused(
    redactPath(clerk.region),
    clerk.token,
    { ...body, image: '不是图片' },
    400,
    '「image」应为图片内容的 base64 编码',
  );
  await refused(
    redactPath(clerk.region),
    clerk.token,
    { ...body, image: Buffer.from('plain text').toString('base64') },
    422,
    '不是可以识别的图片文件',
  );
  await refused(
    redactPath(clerk.region),
    clerk.token,
    { ...body, boxes: [{ x: 2, y: 0, width: 0.1, height: 0.1 }] },
    400,
    'body/boxes/0/x',
  );
  await refused(redactPath(clerk.region), clerk.token, { image }, 400, 'boxes');
  expect(originals()).toBe(before);
  // A box at the very edge is clipped to the photo, not refused.
  const edge = await call(service, 'POST', redactPath(clerk.region), clerk.token, {
    image,
    boxes: [{ x: 0.9, y: 0.9, width: 1, height: 1 }],
  });
  expect(edge.status, JSON.stringify(edge.body)).toBe(201);
  expect(edge.body.warnings).toEqual([]);
  const pixels = await pixelsOf(join(service.service.feedDir, edge.body.src));
  expect(Math.max(...pixels.at(63, 47))).toBeLessThanOrEqual(8);
  expect(Math.max(...pixels.at(10, 10))).toBeGreaterThan(60);
});
