/**
 * Boot: read settings.json, learn the box's village, language and the villager's settings
 * (look, read-aloud), optionally mirror the scene into the DOM for automation (?inspector=1),
 * pick the renderer (WebGL or canvas2d),
 * then launch and attach the canvas.
 */
import { Launch, Lightning, Registry, Router, Storage } from '@lightningjs/sdk';
import { TextTokenizer } from '@lightningjs/core';
import { setLanguage, t } from '../i18n';
import { App } from './App';
import { feedUrlOf, readBoxConfig, type PlatformSettings } from './data/config';
import { FeedClient, requestManifestEarly } from './data/feedClient';
import { defaultSettings, rememberedSettings } from './data/boxSettings';
import { loadTraditionalConverter, setFeedConverter } from './data/script';
import { Store } from './data/store';
import { villageAtBoot } from './data/village';
import { prepareSignatureCheck } from './sync/signatureCheck';
import { pinnedFeedKey } from './sync/trustAnchor';
import { Household } from './household/household';
import { loadBoxIdentity } from './household/identity';
import { postSigned } from './household/boxRequest';
import { Outbox } from './household/outbox';
import { refusalNotice } from './voice/questions';
import { notices, setBoxContext } from './context';
import { Speaker } from './speech/speaker';
import { setSpeechOn } from './speech/state';
import { setLook } from './theme';
import { tokenizeChinese } from './text/chineseTokenizer';
import { chooseRenderer, reloadIntoCanvas2dOnContextLoss } from './boot/renderer';
import { cssFontLoader, needsCssFontLoader } from './boot/cssFontLoader';
import { exposeDebugProbe } from './boot/probes';
import { shareTextCanvas } from './boot/textCanvas';

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
  // Every module has been evaluated by now: the benchmark reads script evaluation from this.
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark('sanwu:boot');
  // index.html asked for the settings beside the script, where the engine has fetch.
  const early = (window as { sanwuSettings?: Promise<Response> }).sanwuSettings;
  const response = await (early ?? fetch('settings.json', { cache: 'no-cache' }));
  if (!response.ok) throw new Error(`settings.json: HTTP ${response.status}`);
  const file = (await response.json()) as SettingsFile;
  // The manifest's round trip overlaps Lightning's setup (the store takes the answer).
  requestManifestEarly(feedUrlOf(file.platformSettings, location.search));
  // The worker that will check its signature loads beside Lightning's setup, too.
  prepareSignatureCheck();
  const wantsInspector = new URLSearchParams(location.search).get('inspector') === '1';
  if (wantsInspector) await attachInspector();

  // Chinese has no spaces: give Lightning's wrapper break points between hanzi.
  TextTokenizer.setCustomTokenizer((text: string) => [{ tokens: tokenizeChinese(text) }], true);

  const choice = chooseRenderer(location.search);
  const renderer = choice.renderer;
  // Tests and support staff read which renderer a box ended up with.
  document.documentElement.setAttribute('data-renderer', renderer);
  const canvasOption = choice.renderer === 'webgl' && choice.canvas ? { canvas: choice.canvas } : {};
  const appSettings = {
    ...file.appSettings,
    stage: { ...file.appSettings.stage, ...canvasOption, canvas2d: renderer === 'canvas2d' },
  };

  const platformSettings: PlatformSettings = {
    ...file.platformSettings,
    ...(needsCssFontLoader() ? { fontLoader: cssFontLoader } : {}),
    onClose: () => {
      // The console's preview frame: leaving would take the console's page back instead.
      if (window.top !== window) return;
      // This replaces the SDK's own close, which would stop the app's timers: stop them here.
      Registry.clear();
      if (history.length > 1) history.back();
      else window.close();
    },
  };
  const app = Launch(App, appSettings, platformSettings as Parameters<typeof Launch>[2], {});
  if (renderer === 'webgl')
    shareTextCanvas((app.stage as unknown as { platform: Parameters<typeof shareTextCanvas>[0] }).platform);
  // Storage works only after Launch (it is namespaced by the app id); the App itself is built
  // only once the font has loaded, so the look set here is in place for every template.
  const settings = rememberedSettings(defaultSettings(platformSettings));
  const config = readBoxConfig(platformSettings, location.search, settings.language);
  setLanguage(config.language);
  setLook({
    largeText: settings.largeText,
    highContrast: settings.highContrast,
    traditional: config.language === 'zh-Hant',
  });
  setSpeechOn(settings.readAloud);
  document.documentElement.lang = config.language;
  // Without the converter the feed shows as published (Simplified): readable, not broken.
  const scriptReady =
    config.language === 'zh-Hant'
      ? loadTraditionalConverter().then(setFeedConverter, (error: unknown) => console.error(error))
      : Promise.resolve();
  const store = new Store(
    new FeedClient(config.feedUrl, config.publicKey),
    villageAtBoot(platformSettings, location.search),
    scriptReady,
  );
  const speaker = new Speaker(
    config.language,
    (src) => store.client.url(src),
    () => notices.show(t('speech.unsupported')),
  );
  // Freshness is judged by the box's clock, but never earlier than the feed's own time:
  // a box whose clock was reset would otherwise call everything current.
  const now = () => Math.max(Date.now(), Date.parse(store.manifest?.publishedAt ?? '') || 0);
  const identity = loadBoxIdentity(platformSettings);
  const serviceUrl = typeof platformSettings.serviceUrl === 'string' ? platformSettings.serviceUrl : '';
  const household = new Household({
    identity,
    feedUrl: config.feedUrl,
    serviceUrl,
    feedKey: () => pinnedFeedKey() ?? config.publicKey,
  });
  const outbox = new Outbox({
    storage: Storage,
    storageKey: 'outbox',
    send: (path, body) =>
      identity ? postSigned(identity, serviceUrl, path, body, now()) : Promise.reject(new Error('no box keys')),
    onOutcome: (outcome) => {
      if (outcome.result === 'refused') notices.show(refusalNotice(outcome));
    },
  });
  setBoxContext({ config, settings, store, household, outbox, speaker, now });
  // The feed downloads while the font loads and the app sets up, not after: home joins this load.
  // The household's pages come after it, off the path to the first screen (App.checkHousehold).
  if (store.village) store.load().catch(() => undefined);
  // ?probe=1 gives the same read-only hooks without the inspector's DOM mirroring (for timings).
  if (wantsInspector || new URLSearchParams(location.search).get('probe') === '1')
    exposeDebugProbe(app.stage as unknown as Parameters<typeof exposeDebugProbe>[0]);
  if (renderer === 'webgl')
    reloadIntoCanvas2dOnContextLoss(app.stage.getCanvas(), () => String(Router.getActiveHash() ?? ''));
  // The app puts the canvas on screen with its first page (App.showStage).
};

boot().catch((error: unknown) => {
  console.error(error);
  // The loader (index.html) shows its message and reports the failure to the service.
  const loader = window as { sanwuBootFailed?: (error: unknown) => void };
  if (loader.sanwuBootFailed) loader.sanwuBootFailed(error);
});
