/** A yes/no question over the screen; Left/Right choose, OK answers, Back cancels. */
import { Lightning } from '@lightningjs/sdk';
import { COLOR, FOCUS, TYPE } from '../theme';
import { text } from './text';

const W = 960;
const H = 420;
const BUTTON_W = 300;

export class Dialog extends Lightning.Component {
  private choice = 1;

  static override _template() {
    return {
      w: 1920,
      h: 1080,
      rect: true,
      color: COLOR.scrim,
      zIndex: 50,
      Box: {
        x: (1920 - W) / 2,
        y: (1080 - H) / 2,
        w: W,
        h: H,
        rect: true,
        color: COLOR.panel,
        Question: { x: W / 2, y: 90, mountX: 0.5, ...text('', { size: TYPE.title, bold: true }) },
        Buttons: { y: 260 },
      },
    };
  }

  /** Labels of the two answers; the second is focused first (the safe one). */
  setup(question: string, yes: string, no: string): void {
    this.tag('Box.Question').text.text = question;
    this.tag('Box.Buttons').children = [yes, no].map((label, i) => ({
      x: W / 2 - BUTTON_W - 30 + i * (BUTTON_W + 60),
      w: BUTTON_W,
      h: 96,
      rect: true,
      color: COLOR.panelFocused,
      Outline: { alpha: 0, texture: Lightning.Tools.getRoundRect(BUTTON_W, 96, 6, FOCUS.border, COLOR.focus, false) },
      Label: { x: BUTTON_W / 2, y: 18, mountX: 0.5, ...text(label, { size: TYPE.body }) },
    }));
    this.choose(1);
  }

  private choose(index: number): void {
    this.choice = index;
    this.tag('Box.Buttons').children.forEach((button: Lightning.Element, i: number) => {
      button.patch({ Outline: { alpha: i === index ? 1 : 0 } });
    });
  }

  override _handleLeft() {
    this.choose(0);
  }

  override _handleRight() {
    this.choose(1);
  }

  override _handleEnter() {
    this.signal(this.choice === 0 ? 'confirmed' : 'cancelled');
  }

  override _handleBack() {
    this.signal('cancelled');
  }

  // Swallow everything else: a dialog is modal.
  override _handleKey() {
    return true;
  }
}
