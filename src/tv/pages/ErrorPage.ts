/**
 * Shown when a page's content cannot be had: a plain-Chinese reason, OK to try again,
 * Back to where the villager came from. The app stays usable.
 */
import { Router } from '@lightningjs/sdk';
import { text } from '../components/text';
import { FeedError } from '../data/feedClient';
import { t, type MessageKey } from '../../i18n';
import { COLOR, lineOf, px, SAFE, TYPE } from '../theme';
import { appTimer } from '../appTimers';
import { Page } from './Page';

const REASON: Record<FeedError['kind'], MessageKey> = {
  unreachable: 'error.unreachable',
  invalid: 'error.invalid',
  notFound: 'error.notFound',
  rejected: 'error.rejected',
  untrustedKey: 'error.untrustedKey',
};

export const errorReason = (error: unknown): string =>
  t(error instanceof FeedError ? REASON[error.kind] : 'error.unreachable');

/** A feed that could not be reached, or came altered, is asked for again this often by itself. */
const RETRY_SECONDS = 10;
const RETRIED_BY_ITSELF: FeedError['kind'][] = ['unreachable', 'rejected', 'untrustedKey'];

export class ErrorPage extends Page {
  private failedHash: string | null = null;
  private readonly retryTimer = appTimer();

  static override _template() {
    return {
      ...super._template(),
      Title: { x: SAFE.x, y: px(270), ...text(t('error.title'), { size: TYPE.heading, bold: true, width: SAFE.w }) },
      Reason: {
        x: SAFE.x,
        y: px(270) + lineOf(TYPE.heading) + px(24),
        ...text('', { size: TYPE.body, width: SAFE.w, maxLines: 3 }),
      },
      Retry: {
        x: SAFE.x,
        y: px(270) + lineOf(TYPE.heading) + 3 * lineOf(TYPE.body) + px(48),
        ...text(t('error.retry'), { size: TYPE.body, color: COLOR.focus, width: SAFE.w }),
      },
    };
  }

  /** Called by the router with the failed request. */
  override set params(args: Router.PageParams) {
    // The router passes the failed request here, whatever the declared type says.
    const { request, failedHash } = args as unknown as {
      request?: { hash?: string; error?: unknown };
      failedHash?: string;
    };
    if (failedHash) {
      this.failedHash = null;
      this.setChrome([t('error.title')], t('hint.back'));
      this.tag('Reason').text.text = t('error.notFound');
      return;
    }
    this.failedHash = request?.hash ?? null;
    if (request?.error) console.error(request.error);
    this.setChrome([t('error.title')], t('error.retry'));
    this.tag('Reason').text.text = errorReason(request?.error);
    // A box nobody is watching must come back by itself when the network does (or at once
    // where the engine says it is back online), as a box with a cached feed does.
    const error = request?.error;
    if (!(error instanceof FeedError) || RETRIED_BY_ITSELF.includes(error.kind)) {
      this.retryTimer.start(RETRY_SECONDS * 1000, this.retry);
      window.addEventListener('online', this.retry);
    }
  }

  override _handleEnter() {
    this.retry();
  }

  private readonly retry = () => {
    this.stopRetrying();
    if (this.failedHash && Router.getActivePage() === this) Router.navigate(this.failedHash, { reload: true }, false);
  };

  private stopRetrying() {
    this.retryTimer.stop();
    window.removeEventListener('online', this.retry);
  }

  override _detach() {
    this.stopRetrying();
  }

  override _handleBack() {
    // Going back lands on the page before the one that failed.
    if (Router.getHistory().length) Router.back();
    else Router.navigate('home', {}, false);
  }
}
