/**
 * The channel number being typed, where a TV shows it (top right). Digits gather until the
 * number is complete, the remote rests (see channelNumber.ts) or OK is pressed; the entry then signals
 * `jump` with where the number leads, and stays on screen a moment so the villager sees it.
 */
import { Lightning } from '@lightningjs/sdk';
import { digitOf, ENTRY_PAUSE_MS, expectsMore, resolveDigits } from '../channelNumber';
import { COLOR, lineOf, px, SAFE, TYPE } from '../theme';
import { appTimer } from '../appTimers';
import { text } from './text';

/** How long a committed number stays on screen. */
const SHOWN_MS = 800;

export class ChannelEntry extends Lightning.Component {
  private digits = '';
  private readonly timer = appTimer();

  static override _template() {
    const w = px(180);
    return {
      rect: true,
      zIndex: 90,
      visible: false,
      x: SAFE.x + SAFE.w - w,
      y: SAFE.y,
      w,
      h: lineOf(TYPE.heading) + 12,
      color: COLOR.scrim,
      Digits: { x: w / 2, y: 6, mountX: 0.5, ...text('', { size: TYPE.heading, color: COLOR.focus, bold: true }) },
    };
  }

  /** A number key: ignored unless it stands for a digit. */
  press(event: KeyboardEvent): void {
    const digit = digitOf(event);
    if (digit === null) return;
    this.timer.stop();
    this.digits += digit;
    const more = expectsMore(this.digits);
    this.show(more ? `${this.digits}_` : this.digits);
    if (more) this.timer.start(ENTRY_PAUSE_MS, () => this.commit());
    else this.commit();
  }

  /** OK while a number is being typed takes it as it is, at once, as on a TV; false when none is. */
  finish(): boolean {
    if (!this.digits) return false;
    this.timer.stop();
    this.show(this.digits);
    this.commit();
    return true;
  }

  private show(shown: string): void {
    this.patch({ visible: true, Digits: { text: { text: shown } } });
  }

  private commit(): void {
    const jump = resolveDigits(this.digits);
    this.digits = '';
    this.timer.start(SHOWN_MS, () => {
      this.visible = false;
    });
    this.signal('jump', jump);
  }
}
