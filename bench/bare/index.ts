/**
 * The bare page the benchmark compares the app against: Lightning 2 and the SDK (Launch,
 * with the Router, Storage and Utils kept in the bundle as the app has them) showing one
 * text, then fetching the feed files a box needs for its home screen, as the app does
 * (the manifest, the district, the street's and the village's indexes, street and village).
 * Marks: bare:first-frame (first frame drawn), bare:feed-fetched (those files read).
 */
import { Launch, Lightning, Router, Storage, Utils } from '@lightningjs/sdk';

class Bare extends Lightning.Component {
  static override _template() {
    return { Label: { x: 120, y: 120, text: { text: '三务公开 bare', fontSize: 48 } } };
  }
}

// Kept so the bundle holds the same SDK parts as the app's (not tree-shaken away).
(window as unknown as { __bareSdk: unknown[] }).__bareSdk = [Router, Storage, Utils];

/** The same requests, in the same order, as the app makes for home: down the manifest's tree to the village. */
const fetchFeed = async (village: string): Promise<void> => {
  type Entries = Record<string, { sha256: string }>;
  const entries: Entries = (
    (await (await fetch('/feed/manifest.json', { cache: 'no-cache' })).json()) as { files: Entries }
  ).files;
  const get = async <T>(path: string): Promise<T> => {
    const entry = entries[path];
    if (!entry) throw new Error(`${path} not in the manifest's tree`);
    return (await fetch(`/feed/objects/${entry.sha256}.json`)).json() as Promise<T>;
  };
  const index = async (path: string) => Object.assign(entries, (await get<{ files: Entries }>(path)).files);
  const district = await get<{ streets: { code: string; villages: { code: string }[] }[] }>('district.json');
  const street = district.streets.find((s) => s.villages.some((v) => v.code === village))!.code;
  await index(`streets/${street}/index.json`);
  await Promise.all([index(`villages/${village}/index.json`), get(`streets/${street}.json`)]);
  await get(`villages/${village}.json`);
};

type LaunchArgs = Parameters<typeof Launch>;
const appSettings = {
  stage: { w: 1920, h: 1080, clearColor: 0xff0b1a2a, useImageWorker: false },
  keys: {},
  debug: false,
  enablePointer: false,
} as unknown as LaunchArgs[1];
const app = Launch(
  Bare,
  appSettings,
  { path: './static', log: false, showVersion: false } as unknown as LaunchArgs[2],
  {},
);
const stage = (
  app as unknown as { stage: { once(event: string, f: () => void): void; getCanvas(): HTMLCanvasElement } }
).stage;
stage.once('frameEnd', () => {
  performance.mark('bare:first-frame');
  const village = new URLSearchParams(location.search).get('village') ?? '';
  fetchFeed(village).then(
    () => performance.mark('bare:feed-fetched'),
    (error: unknown) => console.error(error),
  );
});
document.body.appendChild(stage.getCanvas());
