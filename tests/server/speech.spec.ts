/**
 * Boxes that cannot speak play clips published with the items: an operator's recording,
 * or a clip the speech engine made at publish time through the service's one HTTP
 * interface (here a stand-in engine: no usable Mandarin engine is installable here).
 */
import { test, expect } from '@playwright/test';
import { servedEntries } from '../feedTree';
import { call, emptyDataDir, startService, type RunningService } from './harness';
import { startStandInSpeech, wav, type StandInSpeech } from './standInSpeech';

let speech: StandInSpeech;
let service: RunningService;
test.beforeAll(async () => {
  speech = await startStandInSpeech();
  service = await startService(emptyDataDir(), ['--speech-url', speech.url]);
});
test.afterAll(async () => {
  await service.stop();
  await speech.close();
});

const villageItem = async (channel: number, id: string) => {
  const entries = await servedEntries(async (path) => (await fetch(`${service.url}${path}`)).json());
  const village = await (
    await fetch(`${service.url}/feed/objects/${entries[`villages/${service.tokens.clerk.region}.json`]!.sha256}.json`)
  ).json();
  return village.channels
    .find((c: { id: number }) => c.id === channel)
    .content.find((i: { id: string }) => i.id === id);
};

const publish = async (channel: number, id: string, item: unknown) => {
  const { admin, clerk } = service.tokens;
  const draft = await call(
    service,
    'PUT',
    `/api/regions/${clerk.region}/channels/${channel}/items/${id}`,
    admin.token,
    item,
  );
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  await call(service, 'POST', `/api/drafts/${draft.body.id}/approve`, admin.token);
  expect((await call(service, 'POST', '/api/publish', admin.token, {})).status).toBe(200);
};

test('publishing a notice has the speech engine read it once; the clip is published with it, named by its hash', async () => {
  await publish(14, 'spoken-1', {
    title: '关于发放耕地地力补贴的通知',
    body: ['每亩补贴¥126.50，本月20日前发到各户一卡通。'],
  });
  expect(speech.requests).toHaveLength(1);
  expect(speech.requests[0]!.voice).toBe('zh-CN');
  // Money is spoken as money, not as digits and a yen sign.
  expect(speech.requests[0]!.text).toContain('一百二十六元五角');
  const item = await villageItem(14, 'spoken-1');
  expect(item.audio.src).toMatch(/^media\/[0-9a-f]{64}\.wav$/);
  expect(item.audio.durationSec).toBeGreaterThan(0);
  const clip = await fetch(`${service.url}/feed/${item.audio.src}`);
  expect(clip.status).toBe(200);
  expect(Buffer.from(await clip.arrayBuffer()).toString('latin1', 8, 12)).toBe('WAVE');

  // Publishing again, with the text unchanged, asks the engine nothing.
  await publish(13, 'spoken-2', { title: '党员大会通知', body: ['本月十五日召开党员大会。'] });
  expect(speech.requests).toHaveLength(2);
  expect((await villageItem(14, 'spoken-1')).audio.src).toBe(item.audio.src);
});

test("an operator's own recording is uploaded, published with the item, and not replaced by synthesis", async () => {
  const { admin } = service.tokens;
  const before = speech.requests.length;
  // A real (if short) recording: a header without samples is refused (tests/server/uploads.spec.ts).
  const recording = wav(3);
  const upload = async (bytes: Buffer, type: string) => {
    const response = await fetch(`${service.url}/api/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': type },
      body: new Uint8Array(bytes),
    });
    return { status: response.status, body: await response.json() };
  };
  const uploaded = await upload(recording, 'audio/wav');
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
  expect(uploaded.body.src).toMatch(/^media\/[0-9a-f]{64}\.wav$/);
  await publish(14, 'dialect-1', {
    title: '方言录音：冬季防火提示',
    body: ['请看好炉火。'],
    audio: { src: uploaded.body.src, durationSec: 12 },
  });
  expect((await villageItem(14, 'dialect-1')).audio).toEqual({ src: uploaded.body.src, durationSec: 12 });
  expect(speech.requests.length).toBe(before);
  const refused = await upload(Buffer.from('not audio at all'), 'audio/wav');
  expect(refused.status).toBe(422);
});
