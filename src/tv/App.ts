/**
 * The app shell: background, the router's pages, the loading veil, the Home key, and
 * the queue that holds keys pressed while a page loads so they reach the new page.
 */
import { Router, Utils } from '@lightningjs/sdk';
import { text } from './components/text';
import { t } from '../i18n';
import { routes } from './routes';
import { COLOR, FONT, TYPE } from './theme';

export class App extends Router.App {
  private pendingKeys: KeyboardEvent[] = [];
  private replaying = false;

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
    };
  }

  override _setup() {
    Router.startRouter(routes(), this);
  }

  /** Holds keys while the router is between pages, then replays them in order. */
  override _captureKey(event: KeyboardEvent) {
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

