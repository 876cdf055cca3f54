/**
 * The bare page the benchmark compares the app against: Lightning 2 and the SDK (Launch,
 * with the Router, Storage and Utils kept in the bundle as the app has them) showing one
 * text, then fetching the feed files a box needs for its home screen, as the app does.
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

const fetchFeed = async (village: string): Promise<void> => {
  const manifest = (await (await fetch('/feed/manifest.json', { cache: 'no-cache' })).json()) as { files: Record<string, { sha256: string }> };
  const get = async (path: string) => {
    const entry = manifest.files[path];
    if (!entry) throw new Error(`${path} not in manifest`);
    return (await fetch(`/feed/objects/${entry.sha256}.json`)).json() as Promise<{ street?: string }>;
  };
  const [villageFile] = await Promise.all([get(`villages/${village}.json`), get('district.json')]);
  await get(`streets/${villageFile.street}.json`);
};

type LaunchArgs = Parameters<typeof Launch>;
const appSettings = { stage: { w: 1920, h: 1080, clearColor: 0xff0b1a2a, useImageWorker: false }, keys: {}, debug: false, enablePointer: false } as unknown as LaunchArgs[1];
const app = Launch(Bare, appSettings, { path: './static', log: false, showVersion: false } as unknown as LaunchArgs[2], {});
const stage = (app as unknown as { stage: { once(event: string, f: () => void): void; getCanvas(): HTMLCanvasElement } }).stage;
stage.once('frameEnd', () => {
  performance.mark('bare:first-frame');
  const village = new URLSearchParams(location.search).get('village') ?? '';
  fetchFeed(village).then(
    () => performance.mark('bare:feed-fetched'),
    (error: unknown) => console.error(error),
  );
});
document.body.appendChild(stage.getCanvas());
