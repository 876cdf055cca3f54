/**
 * The app shell: background, the router's pages, the loading veil, the Home key, and
 * the queue that holds keys pressed while a page loads so they reach the new page.
 */
import { Router, Storage, Utils } from '@lightningjs/sdk';
import { AlertOverlay } from './components/AlertOverlay';
import { text } from './components/text';
import { formatDateTime } from '../format/dates';
import { t } from '../i18n';
import { box } from './context';
import { refreshPage, routes } from './routes';
import { COLOR, FONT, SAFE, TYPE } from './theme';

const DISMISSED_ALERTS_KEY = 'dismissedAlerts';

export class App extends Router.App {
  private pendingKeys: KeyboardEvent[] = [];
  private replaying = false;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;

  static getFonts() {
    // WOFF for engines without WOFF2 (Chrome < 36, old WebKit): they skip the first source.
    return [{ family: FONT, urls: [Utils.asset('fonts/sanwu-sans.woff2'), Utils.asset('fonts/sanwu-sans.woff')] }];
  }

  static override _template() {
    const routed = super._template();
    return {
      Background: { rect: true, w: 1920, h: 1080, color: COLOR.background },
      ...routed,
      Loading: {
        ...routed.Loading,
        color: COLOR.background,
        Label: { mount: 0.5, x: 960, y: 540, ...text(t('state.loading'), { size: TYPE.title, color: COLOR.textSecondary }) },
      },
      // Discreet: in the hint bar's corner, over every page.
      FeedStatus: { x: SAFE.x + SAFE.w, y: 1080 - 72, mountX: 1, zIndex: 70, ...text('', { size: TYPE.small, color: COLOR.warning, align: 'right' }) },
      Alert: { type: AlertOverlay, signals: { dismissed: 'dismissAlert' } },
    };
  }

  override _setup() {
    Router.startRouter({ ...routes(), afterEachRoute: () => this.showFeedState() }, this);
    this.schedulePoll();
  }

  /** Polls at the interval the publisher asks, with jitter so that boxes do not arrive together. */
  private schedulePoll() {
    clearTimeout(this.pollTimer);
    // Until the first page has loaded the feed, check back soon for the interval it sets.
    const { store } = box();
    const seconds = store.manifest ? store.pollSeconds * (0.8 + Math.random() * 0.4) : 1;
    this.pollTimer = setTimeout(() => void this.poll(), seconds * 1000);
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
        ? t('status.offline', { date: health.since ? formatDateTime(new Date(health.since + 8 * 3_600_000).toISOString().slice(0, 19)) : '—' })
        : health.kind === 'rejected'
          ? t('status.rejected')
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
}

