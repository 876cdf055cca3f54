/**
 * Boot: read settings.json, learn the box's village and language, optionally mirror the
 * scene into the DOM for automation (?inspector=1), then launch and attach the canvas.
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

  const platformSettings: PlatformSettings = {
    ...settings.platformSettings,
    onClose: () => {
      if (history.length > 1) history.back();
      else window.close();
    },
  };
  const app = Launch(App, settings.appSettings, platformSettings as Parameters<typeof Launch>[2], {});
  // Storage works only after Launch (it is namespaced by the app id).
  const config = readBoxConfig(platformSettings, location.search, rememberedVillage());
  setLanguage(config.language);
  document.documentElement.lang = config.language;
  const store = new Store(new FeedClient(config.feedUrl, config.publicKey), config.village);
  // Freshness is judged by the box's clock, but never earlier than the feed's own time:
  // a box whose clock was reset would otherwise call everything current.
  const now = () => Math.max(Date.now(), Date.parse(store.manifest?.publishedAt ?? '') || 0);
  setBoxContext({ config, store, now });
  document.body.appendChild(app.stage.getCanvas());
};

boot().catch((error: unknown) => {
  console.error(error);
  const message = document.createElement('div');
  message.id = 'boot-error';
  message.textContent = '三务公开暂时无法启动，请稍后重新打开。';
  document.body.appendChild(message);
});
