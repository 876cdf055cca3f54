/**
 * Boot: read settings.json, learn the box's village and language, optionally mirror the
 * scene into the DOM for automation (?inspector=1), pick the renderer (WebGL or canvas2d),
 * then launch and attach the canvas.
 */
import { Launch, Lightning } from '@lightningjs/sdk';
import { TextTokenizer } from '@lightningjs/core';
import { setLanguage } from '../i18n';
import { App } from './App';
import { readBoxConfig, type PlatformSettings } from './data/config';
import { FeedClient } from './data/feedClient';
import { rememberedVillage } from './data/boxMemory';
import { Store } from './data/store';
import { setBoxContext } from './context';
import { tokenizeChinese } from './text/chineseTokenizer';
import { chooseRenderer, reloadIntoCanvas2dOnContextLoss } from './boot/renderer';
import { cssFontLoader } from './boot/cssFontLoader';

interface SettingsFile {
  appSettings: Parameters<typeof Launch>[1];
  platformSettings: PlatformSettings;
}

/** The inspector ships beside the bundle and is loaded only when asked for. */
const attachInspector = () =>
  new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'inspector.js';
    script.onload = () => {
      (window as unknown as { attachInspector(lightning: unknown): void }).attachInspector(Lightning);
      resolve();
    };
    script.onerror = () => reject(new Error('inspector.js failed to load'));
    document.head.appendChild(script);
  });

const boot = async () => {
  const response = await fetch('settings.json', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`settings.json: HTTP ${response.status}`);
  const settings = (await response.json()) as SettingsFile;
  const wantsInspector = new URLSearchParams(location.search).get('inspector') === '1';
  if (wantsInspector) await attachInspector();

  // Chinese has no spaces: give Lightning's wrapper break points between hanzi.
  TextTokenizer.setCustomTokenizer((text: string) => [{ tokens: tokenizeChinese(text) }], true);

  const renderer = chooseRenderer(location.search);
  // Tests and support staff read which renderer a box ended up with.
  document.documentElement.setAttribute('data-renderer', renderer);
  const appSettings = { ...settings.appSettings, stage: { ...settings.appSettings.stage, canvas2d: renderer === 'canvas2d' } };

  const platformSettings: PlatformSettings = {
    ...settings.platformSettings,
    ...(typeof FontFace === 'undefined' ? { fontLoader: cssFontLoader } : {}),
    onClose: () => {
      if (history.length > 1) history.back();
      else window.close();
    },
  };
  const app = Launch(App, appSettings, platformSettings as Parameters<typeof Launch>[2], {});
  // Storage works only after Launch (it is namespaced by the app id).
  const config = readBoxConfig(platformSettings, location.search, rememberedVillage());
  setLanguage(config.language);
  document.documentElement.lang = config.language;
  const store = new Store(new FeedClient(config.feedUrl, config.publicKey), config.village);
  // Freshness is judged by the box's clock, but never earlier than the feed's own time:
  // a box whose clock was reset would otherwise call everything current.
  const now = () => Math.max(Date.now(), Date.parse(store.manifest?.publishedAt ?? '') || 0);
  setBoxContext({ config, store, now });
  const canvas = app.stage.getCanvas();
  if (renderer === 'webgl') reloadIntoCanvas2dOnContextLoss(canvas);
  document.body.appendChild(canvas);
};

boot().catch((error: unknown) => {
  console.error(error);
  const message = document.createElement('div');
  message.id = 'boot-error';
  message.textContent = '三务公开暂时无法启动，请稍后重新打开。';
  document.body.appendChild(message);
});
