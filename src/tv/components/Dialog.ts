/** A yes/no question over the screen; Left/Right choose, OK answers, Back cancels. */
import { Lightning } from '@lightningjs/sdk';
import { refocus } from './refocus';
import { COLOR, FOCUS, TYPE } from '../theme';
import { text } from './text';

const W = 960;
const H = 420;
const BUTTON_W = 300;
const BUTTON_H = 96;

class DialogButton extends Lightning.Component {
  static override _template() {
    return {
      w: BUTTON_W,
      h: BUTTON_H,
      rect: true,
      color: COLOR.panelFocused,
      Outline: { alpha: 0, texture: Lightning.Tools.getRoundRect(BUTTON_W, BUTTON_H, 6, FOCUS.border, COLOR.focus, false) },
      Label: { x: BUTTON_W / 2, y: 18, mountX: 0.5, ...text('', { size: TYPE.body }) },
    };
  }

  set label(value: string) {
    this.tag('Label').text.text = value;
  }

  override _focus() {
    this.tag('Outline').alpha = 1;
  }

  override _unfocus() {
    this.tag('Outline').alpha = 0;
  }
}

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

  /** The question and its two answers; the second (the safe one) has focus first. */
  setup(question: string, yes: string, no: string): void {
    this.tag('Box.Question').text.text = question;
    this.tag('Box.Buttons').children = [yes, no].map((label, i) => ({
      type: DialogButton,
      ref: i === 0 ? 'Yes' : 'No',
      x: W / 2 - BUTTON_W - 30 + i * (BUTTON_W + 60),
      label,
    }));
    this.choice = 1;
    refocus(this);
  }

  override _getFocused() {
    return this.tag('Box.Buttons').children[this.choice];
  }

  override _handleLeft() {
    this.choice = 0;
    refocus(this);
  }

  override _handleRight() {
    this.choice = 1;
    refocus(this);
  }

  override _handleEnter() {
    this.signal(this.choice === 0 ? 'confirmed' : 'cancelled');
  }

  override _handleBack() {
    this.signal('cancelled');
  }

  // A dialog is modal: no other key gets past it.
  override _handleKey() {
    return true;
  }
}
