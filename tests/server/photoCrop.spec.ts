/**
 * A photo through POST /api/media keeps no personal data: the GPS position and camera in its EXIF
 * are gone from what is published, it is turned upright and shrunk; a crop drawn in the console is
 * cut where it was drawn (on the upright photo); half a crop is a 400.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { test, expect } from '@playwright/test';
import { startInProcess, type InProcessService } from './inProcess';

let service: InProcessService;
test.beforeAll(async () => {
  service = await startInProcess();
});
test.afterAll(async () => service.stop());

/** A 3000×2000 phone photo stored sideways (EXIF orientation 6: shown 2000×3000), with its GPS position and camera. */
const phonePhoto = () =>
  sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Camera 9' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '36/1 30/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 0/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();

const post = (body: Buffer, query = '') =>
  service.app.inject({
    method: 'POST',
    url: `/api/media${query}`,
    headers: { authorization: `Bearer ${service.tokens.clerk.token}`, 'content-type': 'image/jpeg' },
    payload: body,
  });

test('an uploaded photo loses its EXIF (GPS, camera), stands upright and is shrunk to 1920 px', async () => {
  const original = await phonePhoto();
  expect((await sharp(original).metadata()).exif).toBeDefined();
  const answer = await post(original);
  expect(answer.statusCode).toBe(201);
  const stored = answer.json() as { src: string; width: number; height: number };
  expect([stored.width, stored.height]).toEqual([1280, 1920]);
  const published = readFileSync(join(service.service.mediaDir, stored.src.replace('media/', '')));
  const metadata = await sharp(published).metadata();
  expect(metadata.exif).toBeUndefined();
  expect(metadata.orientation).toBeUndefined();
  expect(published.includes(Buffer.from('PhoneMaker'))).toBe(false);
});

test("a crop is cut where it was drawn on the upright photo; half a crop is refused naming what's missing", async () => {
  const answer = await post(await phonePhoto(), '?cropX=0.25&cropY=0.1&cropWidth=0.5&cropHeight=0.25');
  expect(answer.statusCode).toBe(201);
  // Upright the photo is 2000×3000: half its width by a quarter of its height is 1000×750.
  expect(answer.json()).toMatchObject({ width: 1000, height: 750 });

  const half = await post(await phonePhoto(), '?cropX=0.25&cropY=0.1');
  expect(half.statusCode).toBe(400);
  expect(half.json().error.en).toBe('A crop needs all of cropX, cropY, cropWidth and cropHeight');
  const outside = await post(await phonePhoto(), '?cropX=0.25&cropY=0.1&cropWidth=2&cropHeight=0.5');
  expect(outside.statusCode).toBe(400);
  expect(outside.json().error.zh).toContain('querystring/cropWidth');
});
