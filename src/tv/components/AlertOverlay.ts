/**
 * An emergency alert over whatever screen is open, in its level's colour and in words
 * (红色预警…). OK or Back dismisses it and the villager is back where they were. The level
 * is written on the coloured band in the ink that band needs; the message sits on a dark
 * panel inside it, since white reads at 2:1 on yellow and black at 3.8:1 on red. Sizes follow
 * the text size of the moment, so large text gets fewer body lines, never overlapping ones.
 */
import { Lightning } from '@lightningjs/sdk';
import type { Alert } from '../../feed/schema';
import { formatDateTime } from '../../format/dates';
import { t, type MessageKey } from '../../i18n';
import { ALERT_COLOR, fullScreenScrim, LINE_HEIGHT, SAFE, TYPE } from '../theme';
import { ALERT_INK } from './alertBand';
import { text } from './text';

/** The message's panel: near-black, so white text on it keeps 7:1 whatever the band's colour. */
const ALERT_PANEL = 0xff101418;
const BAND = { y: 140, h: 800 };
const INSET = 16;
const GAP = 12;

const lineHeight = (size: number) => Math.round(size * LINE_HEIGHT);

export class AlertOverlay extends Lightning.Component {
  private alertId = '';

  static override _template() {
    return {
      ...fullScreenScrim(80),
      visible: false,
      Band: { x: 0, y: BAND.y, w: 1920, h: BAND.h, rect: true, color: ALERT_COLOR[1], Level: { x: SAFE.x, y: GAP } },
      Message: {
        x: INSET,
        // Lightning's flex adds the padding to w and h: these are the box less its padding.
        w: 1920 - 2 * INSET - (SAFE.x - INSET),
        rect: true,
        color: ALERT_PANEL,
        flex: { direction: 'column', paddingLeft: SAFE.x - INSET, paddingTop: INSET },
        Title: { flexItem: { marginBottom: GAP } },
        Body: { flexItem: { marginBottom: GAP } },
        Meta: {},
        Dismiss: { flexItem: false, mountX: 1, mountY: 1 },
      },
    };
  }

  get shownId(): string {
    return this.visible ? this.alertId : '';
  }

  show(alert: Alert): void {
    this.alertId = alert.id;
    const top = BAND.y + GAP + lineHeight(TYPE.heading) + GAP;
    const height = BAND.y + BAND.h - INSET - top;
    // What the title (two lines at most), the meta line and the dismiss line leave to the body.
    const fixed = 2 * INSET + 3 * GAP + 2 * lineHeight(TYPE.title) + 2 * lineHeight(TYPE.small);
    const bodyLines = Math.max(1, Math.floor((height - fixed) / lineHeight(TYPE.body)));
    this.patch({
      visible: true,
      Band: {
        color: ALERT_COLOR[alert.level],
        Level: text(`⚠ ${t(`alert.level.${alert.level}` as MessageKey)}`, {
          size: TYPE.heading,
          bold: true,
          color: ALERT_INK[alert.level],
        }),
      },
      Message: {
        y: top,
        h: height - INSET,
        Title: text(alert.title, { size: TYPE.title, bold: true, width: SAFE.w, maxLines: 2 }),
        Body: text(alert.body, { size: TYPE.body, width: SAFE.w, maxLines: bodyLines }),
        Meta: text(`${t('alert.issuedBy', { name: alert.issuedBy })}  ·  ${formatDateTime(alert.publishedAt)}`, {
          size: TYPE.small,
          width: SAFE.w,
          maxLines: 1,
        }),
        Dismiss: {
          x: SAFE.x - INSET + SAFE.w,
          y: height - 2 * INSET,
          ...text(t('alert.dismiss'), { size: TYPE.small, align: 'right' }),
        },
      },
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
