/**
 * The app shell: background, the router's pages, the loading veil, the keys that work on
 * every screen (Home, Menu → settings, number keys, the read-aloud key), read-aloud on focus,
 * and the queue that holds keys pressed while a page loads so they reach the new page.
 */
import { Router, Storage, Utils, type Lightning } from '@lightningjs/sdk';
import { AlertOverlay } from './components/AlertOverlay';
import { keepDrawn, text } from './components/text';
import { statusLineY } from './components/Chrome';
import { releaseDrawnAhead } from './components/drawAhead';
import { keepPageLeft, releasePagesBehind } from './components/pagesBehind';
import { chinaTime, formatDateTime } from '../format/dates';
import { t } from '../i18n';
import { box, notices } from './context';
import { refreshPage, routes } from './routes';
import { channelTarget } from './data/present';
import { digitOf, ENTRY_PAUSE_MS, expectsMore, resolveDigits } from './channelNumber';
import { openHomeSection } from './pages/HomePage';
import { isReadable, isSpeakable, textsOf } from './speech/readScreen';
import type { Utterance } from './speech/speaker';
import { speechOn } from './speech/state';
import { COLOR, FONT, FONT_HANT, fontFaces, lineOf, px, SAFE, TYPE } from './theme';

const DISMISSED_ALERTS_KEY = 'dismissedAlerts';
const OFFLINE_RETRY_SECONDS = 10;

/** How long a notice or a committed channel number stays on screen. */
const NOTICE_MS = 5000;
const ENTRY_SHOWN_MS = 800;
/** How long boot may wait for the feed before the loading veil is shown rather than nothing. */
const VEIL_DELAY_MS = 1000;

export class App extends Router.App {
  private pendingKeys: KeyboardEvent[] = [];
  private replaying = false;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private digits = '';
  private entryTimer: ReturnType<typeof setTimeout> | undefined;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private stageTimer: ReturnType<typeof setTimeout> | undefined;

  static getFonts() {
    // WOFF for engines without WOFF2 (Chrome < 36, old WebKit): they skip the first source.
    const fonts = [{ family: FONT, urls: [Utils.asset('fonts/sanwu-sans.woff2'), Utils.asset('fonts/sanwu-sans.woff')] }];
    // Only Traditional boxes need (and download) the Traditional supplement.
    if (fontFaces().includes(FONT_HANT)) fonts.push({ family: FONT_HANT, urls: [Utils.asset('fonts/sanwu-sans-hant.woff2')] });
    return fonts;
  }

  static override _template() {
    const routed = super._template();
    const entryW = px(180);
    return {
      Background: { rect: true, w: 1920, h: 1080, color: COLOR.background },
      ...routed,
      Loading: {
        ...routed.Loading,
        color: COLOR.background,
        Label: { mount: 0.5, x: 960, y: 540, ...text(t('state.loading'), { size: TYPE.title, color: COLOR.textSecondary }) },
      },
      // Discreet: in the hint bar's corner, over every page.
      FeedStatus: { x: SAFE.x + SAFE.w, y: statusLineY(), mountX: 1, zIndex: 70, ...text('', { size: TYPE.small, color: COLOR.warning, align: 'right', width: SAFE.w, maxLines: 1 }) },
      Alert: { type: AlertOverlay, signals: { dismissed: 'dismissAlert' } },
      // The number being typed, where a TV shows its channel number.
      ChannelEntry: {
        rect: true,
        zIndex: 90,
        visible: false,
        x: SAFE.x + SAFE.w - entryW,
        y: SAFE.y,
        w: entryW,
        h: lineOf(TYPE.heading) + 12,
        color: COLOR.scrim,
        Digits: { x: entryW / 2, y: 6, mountX: 0.5, ...text('', { size: TYPE.heading, color: COLOR.focus, bold: true }) },
      },
      Notice: {
        rect: true,
        zIndex: 90,
        visible: false,
        x: SAFE.x,
        y: 1080 - px(300),
        w: SAFE.w,
        h: px(150),
        color: COLOR.scrim,
        Text: { x: SAFE.w / 2, y: px(21), mountX: 0.5, ...text('', { size: TYPE.body, width: SAFE.w - 60, maxLines: 2, align: 'center' }) },
      },
    };
  }

  override _setup() {
    // The loading veil only if the first page is slow to come: a fast boot goes straight to it.
    this.stageTimer = setTimeout(() => this.veilIfWaiting(), VEIL_DELAY_MS);
    // The veil shows on every page change: its label is drawn once, not on each.
    keepDrawn(this.tag('Loading.Label'));
    notices.show = (message) => this.notify(message);
    Router.startRouter(
      {
        ...routes(),
        beforeEachRoute: (from: string) => {
          keepPageLeft(from);
          return Promise.resolve(true);
        },
        afterEachRoute: () => {
          this.showStage();
          // The loader's watchdog (index.html) stands down once a first page is on screen.
          (window as { sanwuBootShown?: () => void }).sanwuBootShown?.();
          // The new page holds what was drawn ahead for it; the rest may be collected.
          releaseDrawnAhead();
          // Back shows the pages behind without drawing them again; the page Back left is freed.
          releasePagesBehind(this.stage);
          this.showFeedState();
        },
      },
      this,
    );
    this.schedulePoll();
  }

  /**
   * Shows the loading veil while the box waits for the network. Once the feed is in, the first
   * page is being built from it: drawing the veil then would cost a slow box a frame (and a
   * composite) only to be replaced a moment later, so it waits one more delay.
   */
  private veilIfWaiting() {
    if (box().store.manifest) this.stageTimer = setTimeout(() => this.showStage(), VEIL_DELAY_MS);
    else this.showStage();
  }

  /**
   * Puts the canvas on screen, once. Until then the stage draws off screen: each frame on
   * screen costs the browser a composite (in software, a read-back of the whole 1080p canvas),
   * and the page itself already shows the background colour.
   */
  private showStage() {
    clearTimeout(this.stageTimer);
    const canvas = this.stage.getCanvas();
    if (canvas.parentNode) return;
    document.body.appendChild(canvas);
    this.stage.forceRenderUpdate();
  }

  /**
   * Back with no page behind the open one (the box started on it, or reloaded into it after
   * losing WebGL) leads home in the app, not back through the browser's history: that would
   * leave this page, e.g. for the WebGL one the box just left. Home's own Back asks first.
   */
  override _handleAppClose() {
    if (Router.getActiveHash() !== 'home') Router.navigate('home');
    else (this.application as unknown as { closeApp(): void }).closeApp();
  }

  /** Polls at the interval the publisher asks, with jitter so that boxes do not arrive together. */
  private schedulePoll() {
    clearTimeout(this.pollTimer);
    // Until the first page has loaded the feed, check back soon for the interval it sets.
    const { store } = box();
    // Offline, look for the network again sooner: the interval may be from a long-gone answer.
    const interval = store.health.kind === 'offline' ? Math.min(store.pollSeconds, OFFLINE_RETRY_SECONDS) : store.pollSeconds;
    const loaded = !!store.manifest;
    const seconds = loaded ? interval * (0.8 + Math.random() * 0.4) : 1;
    // A feed that arrived meanwhile was just fetched: the first poll waits a whole interval.
    this.pollTimer = setTimeout(() => void (loaded ? this.poll() : this.schedulePoll()), seconds * 1000);
  }

  private async poll() {
    const { store } = box();
    try {
      if (store.manifest) {
        const changed = await store.refresh().catch((error: unknown) => {
          // The store keeps the last good content and says why in its health.
          console.warn(error);
          return [] as string[];
        });
        const page = Router.getActivePage();
        if (changed.length && page && !Router.isNavigating()) await refreshPage(page);
        this.showFeedState();
      }
    } finally {
      this.schedulePoll();
    }
  }

  /** Called once the first page is up, and after every poll. */
  showFeedState() {
    const { store, now } = box();
    const health = store.health;
    const status =
      health.kind === 'offline'
        ? t('status.offline', { date: health.since ? formatDateTime(chinaTime(health.since)) : '—' })
        : health.kind === 'rejected'
          ? t('status.rejected')
          : health.kind === 'untrustedKey'
            ? t('status.untrustedKey')
          : health.kind === 'stale'
            ? t('status.stale', { date: formatDateTime(health.expiresAt) })
            : '';
    this.tag('FeedStatus').text.text = status;
    const dismissed = (Storage.get(DISMISSED_ALERTS_KEY) as string[] | null) ?? [];
    const alert = store.activeAlerts(now()).find((a) => !dismissed.includes(a.id));
    const overlay = this.tag('Alert') as AlertOverlay;
    if (alert && overlay.shownId !== alert.id) {
      overlay.show(alert);
      this._refocus();
    }
  }

  dismissAlert(id: string) {
    const dismissed = (Storage.get(DISMISSED_ALERTS_KEY) as string[] | null) ?? [];
    Storage.set(DISMISSED_ALERTS_KEY, [...dismissed.slice(-50), id]);
    (this.tag('Alert') as AlertOverlay).hide();
    this._refocus();
    this.showFeedState();
  }

  override _getFocused() {
    const overlay = this.tag('Alert') as AlertOverlay;
    return overlay.shownId ? overlay : Router.getActivePage();
  }

  /** Holds keys while the router is between pages, then replays them in order. */
  override _captureKey(event: KeyboardEvent) {
    if ((this.tag('Alert') as AlertOverlay).shownId) return false;
    if (this.replaying || !Router.isNavigating()) return false;
    this.pendingKeys.push(event);
    if (this.pendingKeys.length === 1) this.stage.on('frameStart', this.flushKeys);
    return true;
  }

  private readonly flushKeys = () => {
    if (Router.isNavigating()) return;
    this.stage.off('frameStart', this.flushKeys);
    while (this.pendingKeys.length && !Router.isNavigating()) {
      const event = this.pendingKeys.shift()!;
      this.replaying = true;
      (this.stage.application as unknown as { _receiveKeydown(e: KeyboardEvent): void })._receiveKeydown(event);
      this.replaying = false;
    }
    // A replayed key started a new navigation: wait for it before the rest.
    if (this.pendingKeys.length) this.stage.on('frameStart', this.flushKeys);
  };

  _handleHome() {
    Router.navigate('home', { clearHistory: true }, false);
    return true;
  }

  _handleMenu() {
    if (box().store.village) Router.navigate('settings');
    return true;
  }

  /** Shows a message for a few seconds over whatever screen is up. */
  notify(message: string): void {
    clearTimeout(this.noticeTimer);
    this.tag('Notice').patch({ visible: true, Text: { text: { text: message } } });
    this.noticeTimer = setTimeout(() => {
      this.tag('Notice').visible = false;
    }, NOTICE_MS);
  }

  // ---- Number keys ----

  _handleNumber(event: KeyboardEvent) {
    const digit = digitOf(event);
    if (digit === null || !box().store.village) return true;
    clearTimeout(this.entryTimer);
    this.digits += digit;
    const more = expectsMore(this.digits);
    this.showEntry(more ? `${this.digits}_` : this.digits);
    if (more) this.entryTimer = setTimeout(() => this.commitDigits(), ENTRY_PAUSE_MS);
    else this.commitDigits();
    return true;
  }

  private showEntry(shown: string): void {
    this.tag('ChannelEntry').patch({ visible: true, Digits: { text: { text: shown } } });
  }

  private commitDigits(): void {
    const jump = resolveDigits(this.digits);
    this.digits = '';
    this.entryTimer = setTimeout(() => {
      this.tag('ChannelEntry').visible = false;
    }, ENTRY_SHOWN_MS);
    if (jump.to === 'home') Router.navigate('home', { clearHistory: true }, false);
    else if (jump.to === 'section') openHomeSection(jump.index);
    else if (jump.to === 'nothing') this.notify(t('number.none', { number: jump.number }));
    else {
      const channel = box().store.channel(jump.id);
      Router.navigate(channelTarget(jump.id, channel));
    }
  }

  // ---- Read-aloud ----

  /** The focused item, when read-aloud is on. */
  override _focusChange(focused: Lightning.Component) {
    if (!speechOn() || !focused) return;
    const utterance: Utterance = isSpeakable(focused) ? focused.speech() : { text: textsOf(focused).join('，') };
    void box().speaker.say(utterance);
  }

  /** The read key: the whole item or page, whether or not read-aloud is on. */
  _handleRead() {
    const page = Router.getActivePage();
    if (!page) return true;
    const utterance: Utterance = isReadable(page) ? page.readAll() : { text: textsOf(page, (node) => node.ref === 'Chrome').join('，') };
    void box().speaker.say(utterance);
    return true;
  }
}
