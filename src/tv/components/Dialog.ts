/** A yes/no question over the screen; Left/Right choose, OK answers, Back cancels. */
import { Lightning } from '@lightningjs/sdk';
import { refocus } from './refocus';
import { COLOR, fullScreenScrim, lineOf, px, TYPE } from '../theme';
import { edge, focusLook, frame } from './focus';
import { text } from './text';

const W = () => px(960);
const H = () => px(420);
const BUTTON_W = () => px(300);
const BUTTON_H = () => lineOf(TYPE.body) + px(42);

class DialogButton extends Lightning.Component {
  static override _template() {
    return {
      w: BUTTON_W(),
      h: BUTTON_H(),
      rect: true,
      color: COLOR.panel,
      ...frame(BUTTON_W(), BUTTON_H()),
      Label: { x: BUTTON_W() / 2, y: px(21), mountX: 0.5, ...text('', { size: TYPE.body }) },
    };
  }

  set label(value: string) {
    this.tag('Label').text.text = value;
  }

  override _focus() {
    this.patch(focusLook(true));
  }

  override _unfocus() {
    this.patch(focusLook(false));
  }
}

export class Dialog extends Lightning.Component {
  private choice = 1;

  static override _template() {
    return {
      ...fullScreenScrim(50),
      Box: {
        x: (1920 - W()) / 2,
        y: (1080 - H()) / 2,
        w: W(),
        h: H(),
        rect: true,
        color: COLOR.panel,
        ...edge(W(), H()),
        Question: {
          x: W() / 2,
          y: px(90),
          mountX: 0.5,
          ...text('', { size: TYPE.title, bold: true, width: W() - px(60), align: 'center', maxLines: 2 }),
        },
        Buttons: { y: H() - BUTTON_H() - px(60) },
      },
    };
  }

  /** The question and its two answers; the second (the safe one) has focus first. */
  setup(question: string, yes: string, no: string): void {
    this.tag('Box.Question').text.text = question;
    this.tag('Box.Buttons').children = [yes, no].map((label, i) => ({
      type: DialogButton,
      ref: i === 0 ? 'Yes' : 'No',
      x: W() / 2 - BUTTON_W() - px(30) + i * (BUTTON_W() + px(60)),
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

/** Puts the dialog over `page`, its answers signalled to the page's methods named in `signals`. */
export const showDialog = (
  page: Lightning.Component,
  signals: { confirmed: string; cancelled: string },
  question: string,
  yes: string,
  no: string,
): void => {
  page.childList.add(page.stage.c({ ref: 'Dialog', type: Dialog, signals }));
  (page.tag('Dialog') as Dialog).setup(question, yes, no);
};

/** Takes the dialog off `page`, if one is up. */
export const removeDialog = (page: Lightning.Component): void => {
  const dialog = page.tag('Dialog');
  if (dialog) page.childList.remove(dialog);
};
