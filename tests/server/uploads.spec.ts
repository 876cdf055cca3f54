/**
 * Uploads that only look like media: audio is parsed for its length (not trusted from
 * its first bytes or its header), served with nosniff; images whose header promises a
 * decompression bomb are refused before a pixel is decoded.
 */
import { deflateSync, crc32 } from 'node:zlib';
import { test, expect } from '@playwright/test';
import { startService, type RunningService } from './harness';
import { wav } from './standInSpeech';

let service: RunningService;
test.beforeAll(async () => {
  service = await startService();
});
test.afterAll(async () => service.stop());

const upload = async (bytes: Buffer, type: string) => {
  const response = await fetch(`${service.url}/api/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${service.tokens.clerk.token}`, 'content-type': type },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, body: await response.json() };
};

test('a real recording is stored with the length its samples give, and served with nosniff', async () => {
  const stored = await upload(wav(2.5), 'audio/wav');
  expect(stored.status).toBe(201);
  expect(stored.body.durationSec).toBe(2.5);
  const served = await fetch(`${service.url}/feed/${stored.body.src}`);
  expect(served.status).toBe(200);
  expect(served.headers.get('x-content-type-options')).toBe('nosniff');
});

test('a WAV header claiming 4294967295 bytes of samples gets the length of the samples it holds', async () => {
  const lying = wav(1);
  lying.writeUInt32LE(0xffffffff, 40);
  lying.writeUInt32LE(0xffffffff, 4);
  const stored = await upload(lying, 'audio/wav');
  expect(stored.status).toBe(201);
  expect(stored.body.durationSec).toBe(1);
});

test('files that only start like audio are refused with a reason, never a 500', async () => {
  const cases: [string, Buffer, string][] = [
    ['HTML behind ID3', Buffer.from('ID3<html><script>alert(1)</script></html>'), 'audio/mpeg'],
    ['16-byte RIFF', Buffer.from('RIFF\0\0\0\0WAVEfmt '), 'audio/wav'],
    ['16-byte RIFF as an image', Buffer.from('RIFF\0\0\0\0WAVEfmt '), 'image/jpeg'],
    ['ftyp and nothing', Buffer.from('\0\0\0\x18ftypM4A \0\0\0\0'), 'audio/mp4'],
  ];
  for (const [what, bytes, type] of cases) {
    const answer = await upload(bytes, type);
    expect(answer.status, what).toBe(422);
    expect(answer.body.error.zh, what).toMatch(/只接受|不是可以识别的图片/);
  }
});

/** A PNG whose header says width × height, with one row of data: what a decompression bomb's header looks like. */
const pngClaiming = (width: number, height: number) => {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(width + 1))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

test('eight 16000×16000 PNG bombs at once are all refused before decoding; the service goes on', async () => {
  const answers = await Promise.all(Array.from({ length: 8 }, () => upload(pngClaiming(16000, 16000), 'image/png')));
  for (const answer of answers) {
    expect(answer.status).toBe(422);
    expect(answer.body.error.zh).toBe('图片像素太多（最多 50 百万像素）');
  }
  expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
});
