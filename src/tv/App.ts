/**
 * The app shell: background, the router's pages and hooks, the loading veil, the feed's
 * status line and alert, the keys that work on every screen (Home, Menu → settings, number
 * keys, the read-aloud key), and the queue that holds keys pressed while a page loads so they
 * reach the new page. The jobs themselves live in their own modules: polling (sync/poller),
 * channel entry (components/ChannelEntry), alert dismissal (data/alertDismissal) and
 * read-aloud (speech/readAloud).
 */
import { Router, Utils, type Lightning } from '@lightningjs/sdk';
import { AlertOverlay } from './components/AlertOverlay';
import { ChannelEntry } from './components/ChannelEntry';
import { keepDrawn, text } from './components/text';
import { statusLineY } from './components/Chrome';
import { releaseDrawnAhead } from './components/drawAhead';
import { keepPageLeft, releasePagesBehind } from './components/pagesBehind';
import { chinaTime, formatDateTime } from '../format/dates';
import { t } from '../i18n';
import { box, notices } from './context';
import { refreshPage, routes } from './routes';
import type { ChannelJump } from './channelNumber';
import { alertToShow, rememberDismissed } from './data/alertDismissal';
import { channelTarget } from './data/present';
import { openHomeSection } from './pages/HomePage';
import { householdTarget } from './kinds/household';
import { readPage, sayFocused } from './speech/readAloud';
import { Poller } from './sync/poller';
import { appClock, appTimer } from './appTimers';
import { COLOR, FONT, FONT_HANT, fontFaces, px, SAFE, TYPE } from './theme';

/** How long a notice stays on screen. */
const NOTICE_MS = 5000;
/** While a pairing code is on screen, how often the box looks for its binding: someone is waiting in front of it. */
const PAIRING_CHECK_MS = 2000;
/** A household page's route: pair/21, mine/table/21, mine/list/23. */
const HOUSEHOLD_ROUTE = /^(?:pair|mine\/table|mine\/list)\/(\d+)$/;
/** How long boot may wait for the feed before the loading veil is shown rather than nothing. */
const VEIL_DELAY_MS = 1000;

export class App extends Router.App {
  private pendingKeys: KeyboardEvent[] = [];
  private replaying = false;
  private readonly noticeTimer = appTimer();
  private readonly stageTimer = appTimer();
  private readonly pairingTimer = appTimer();

  static getFonts() {
    // WOFF for engines without WOFF2 (Chrome < 36, old WebKit): they skip the first source.
    const fonts = [
      { family: FONT, urls: [Utils.asset('fonts/sanwu-sans.woff2'), Utils.asset('fonts/sanwu-sans.woff')] },
    ];
    // Only Traditional boxes need (and download) the Traditional supplement.
    if (fontFaces().includes(FONT_HANT))
      fonts.push({ family: FONT_HANT, urls: [Utils.asset('fonts/sanwu-sans-hant.woff2')] });
    return fonts;
  }

  static override _template() {
    const routed = super._template();
    return {
      Background: { rect: true, w: 1920, h: 1080, color: COLOR.background },
      ...routed,
      Loading: {
        ...routed.Loading,
        color: COLOR.background,
        Label: {
          mount: 0.5,
          x: 960,
          y: 540,
          ...text(t('state.loading'), { size: TYPE.title, color: COLOR.textSecondary }),
        },
      },
      // Discreet: in the hint bar's corner, over every page.
      FeedStatus: {
        x: SAFE.x + SAFE.w,
        y: statusLineY(),
        mountX: 1,
        zIndex: 70,
        ...text('', { size: TYPE.small, color: COLOR.warning, align: 'right', width: SAFE.w, maxLines: 1 }),
      },
      Alert: { type: AlertOverlay, signals: { dismissed: 'dismissAlert' } },
      ChannelEntry: { type: ChannelEntry, signals: { jump: 'openChannel' } },
      Notice: {
        rect: true,
        zIndex: 90,
        visible: false,
        x: SAFE.x,
        y: 1080 - px(300),
        w: SAFE.w,
        h: px(150),
        color: COLOR.scrim,
        Text: {
          x: SAFE.w / 2,
          y: px(21),
          mountX: 0.5,
          ...text('', { size: TYPE.body, width: SAFE.w - 60, maxLines: 2, align: 'center' }),
        },
      },
    };
  }

  override _setup() {
    // The loading veil only if the first page is slow to come: a fast boot goes straight to it.
    this.stageTimer.start(VEIL_DELAY_MS, () => this.veilIfWaiting());
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
          this.watchPairing();
        },
      },
      this,
    );
    new Poller(box().store, (changed) => this.afterPoll(changed), { clock: appClock }).start();
    // The household's pages once the public feed is in: they never hold up the first screen.
    box()
      .store.load()
      .then(
        () => this.checkHousehold(),
        () => undefined,
      );
  }

  /**
   * Shows the loading veil while the box waits for the network. Once the feed is in, the first
   * page is being built from it: drawing the veil then would cost a slow box a frame (and a
   * composite) only to be replaced a moment later, so it waits one more delay.
   */
  private veilIfWaiting() {
    if (box().store.manifest) this.stageTimer.start(VEIL_DELAY_MS, () => this.showStage());
    else this.showStage();
  }

  /**
   * Puts the canvas on screen, once. Until then the stage draws off screen: each frame on
   * screen costs the browser a composite (in software, a read-back of the whole 1080p canvas),
   * and the page itself already shows the background colour.
   */
  private showStage() {
    this.stageTimer.stop();
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

  /** After each poll: the page on screen shows what changed, in place. */
  private async afterPoll(changed: string[]) {
    const page = Router.getActivePage();
    if (changed.length && page && !Router.isNavigating()) await refreshPage(page);
    this.showFeedState();
    await this.checkHousehold();
  }

  /** Looks for news of the household (bound, unbound, new pages) and shows it where it is on screen. */
  private async checkHousehold() {
    const { household, outbox, now } = box();
    const wasBound = household.bound;
    // What the villager sent while offline goes first, so the household's pages then show it taken.
    const sent = outbox.pending.length ? (await outbox.flush()).length > 0 : false;
    if (!((await household.refresh(now())) || sent) || Router.isNavigating()) return;
    const hash = String(Router.getActiveHash() ?? '');
    const page = Router.getActivePage();
    const shown = HOUSEHOLD_ROUTE.exec(hash);
    const target = shown ? householdTarget(Number(shown[1]), household.state) : null;
    // The pairing code gives way to the household's page (and back): Back then leads where it did.
    if (target && target !== hash) Router.navigate(target, {}, false);
    // Home shows only whether the household tiles are locked: it is drawn again only when that changes.
    else if (page && (shown || (hash === 'home' && household.bound !== wasBound))) await refreshPage(page);
  }

  /** While the pairing code is on screen, checks every few seconds; stops once it is not. */
  private watchPairing() {
    if (!String(Router.getActiveHash() ?? '').startsWith('pair/')) return this.pairingTimer.stop();
    this.pairingTimer.start(PAIRING_CHECK_MS, () => {
      void this.checkHousehold().then(() => this.watchPairing());
    });
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
    const alert = alertToShow(store.activeAlerts(now()));
    const overlay = this.tag('Alert') as AlertOverlay;
    if (alert && overlay.shownId !== alert.id) {
      overlay.show(alert);
      this._refocus();
    }
  }

  dismissAlert(id: string) {
    rememberDismissed(id);
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

  /**
   * OK while a channel number is being typed ends the number (without the pause) instead of
   * also opening the focused item, and the number's jump following a moment later.
   */
  override _captureEnter(event: KeyboardEvent) {
    if ((this.tag('ChannelEntry') as ChannelEntry).finish()) return true;
    return this._captureKey(event);
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
    this.tag('Notice').patch({ visible: true, Text: { text: { text: message } } });
    this.noticeTimer.start(NOTICE_MS, () => {
      this.tag('Notice').visible = false;
    });
  }

  /** The blue key / B: 一键求助, from any screen. */
  _handleHelp() {
    if (box().store.village && Router.getActiveHash() !== 'help') Router.navigate('help');
    return true;
  }

  _handleNumber(event: KeyboardEvent) {
    if (box().store.village) (this.tag('ChannelEntry') as ChannelEntry).press(event);
    return true;
  }

  /** Where a channel number typed leads. */
  openChannel(jump: ChannelJump): void {
    if (jump.to === 'home') Router.navigate('home', { clearHistory: true }, false);
    else if (jump.to === 'section') openHomeSection(jump.index);
    else if (jump.to === 'nothing') this.notify(t('number.none', { number: jump.number }));
    else Router.navigate(channelTarget(jump.id, box().store.channel(jump.id)));
  }

  override _focusChange(focused: Lightning.Component) {
    sayFocused(box().speaker, focused);
  }

  /** The read key: the whole item or page, whether or not read-aloud is on. */
  _handleRead() {
    const page = Router.getActivePage();
    if (page) readPage(box().speaker, page);
    return true;
  }
}
