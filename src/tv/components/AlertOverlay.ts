/**
 * An emergency alert over whatever screen is open, in its level's colour and in words
 * (红色预警…). OK or Back dismisses it and the villager is back where they were.
 */
import { Lightning } from '@lightningjs/sdk';
import type { Alert } from '../../feed/schema';
import { formatDateTime } from '../../format/dates';
import { t, type MessageKey } from '../../i18n';
import { ALERT_COLOR, fullScreenScrim, SAFE, TYPE } from '../theme';
import { text } from './text';

export class AlertOverlay extends Lightning.Component {
  private alertId = '';

  static override _template() {
    return {
      ...fullScreenScrim(80),
      visible: false,
      Band: { x: 0, y: 180, w: 1920, h: 720, rect: true, color: ALERT_COLOR[1] },
      Level: { x: SAFE.x, y: 210, ...text('', { size: TYPE.heading, bold: true }) },
      Title: { x: SAFE.x, y: 300, ...text('', { size: TYPE.title, bold: true, width: SAFE.w, maxLines: 2 }) },
      Body: { x: SAFE.x, y: 440, ...text('', { size: TYPE.body, width: SAFE.w, maxLines: 6 }) },
      Meta: { x: SAFE.x, y: 780, ...text('', { size: TYPE.small, width: SAFE.w, maxLines: 1 }) },
      Dismiss: { x: SAFE.x + SAFE.w, y: 836, mountX: 1, ...text(t('alert.dismiss'), { size: TYPE.small, align: 'right' }) },
    };
  }

  get shownId(): string {
    return this.visible ? this.alertId : '';
  }

  show(alert: Alert): void {
    this.alertId = alert.id;
    this.patch({
      visible: true,
      Band: { color: ALERT_COLOR[alert.level] },
      Level: { text: { text: `⚠ ${t(`alert.level.${alert.level}` as MessageKey)}` } },
      Title: { text: { text: alert.title } },
      Body: { text: { text: alert.body } },
      Meta: { text: { text: `${t('alert.issuedBy', { name: alert.issuedBy })}  ·  ${formatDateTime(alert.publishedAt)}` } },
    });
  }

  hide(): void {
    this.visible = false;
  }

  override _handleEnter() {
    this.signal('dismissed', this.alertId);
  }

  override _handleBack() {
    this.signal('dismissed', this.alertId);
  }

  // Nothing behind the alert moves while it is up.
  override _handleKey() {
    return true;
  }
}
