/** A section tab on home: filled with the section's colour when selected, outlined when focused. */
import { Lightning } from '@lightningjs/sdk';
import { COLOR, lineOf, px, SAFE, TYPE } from '../theme';
import { focusLook, frame } from './focus';
import { text } from './text';

export const TAB_GAP = 24;
/** The settings button closes the row of tabs. */
export const settingsButtonWidth = (): number => px(240);
/** Four tabs and the settings button always fit across the safe area. */
export const tabWidth = (): number => Math.min(px(300), Math.floor((SAFE.w - settingsButtonWidth() - 4 * TAB_GAP) / 4));
export const tabHeight = (): number => lineOf(TYPE.title) + px(21);

export class Tab extends Lightning.Component {
  private accent: number = COLOR.panel;
  private isSelected = false;

  static override _template() {
    return {
      w: tabWidth(),
      h: tabHeight(),
      rect: true,
      color: COLOR.panel,
      ...frame(tabWidth(), tabHeight()),
      Label: { x: tabWidth() / 2, y: px(12), mountX: 0.5, ...text('', { size: TYPE.title, bold: true }) },
    };
  }

  set label(value: string) {
    this.tag('Label').text.text = value;
  }

  set accentColor(color: number) {
    this.accent = color;
  }

  set selected(selected: boolean) {
    this.isSelected = selected;
    this.color = selected ? this.accent : COLOR.panel;
  }

  override _focus() {
    this.patch({ ...focusLook(true), color: this.isSelected ? this.accent : COLOR.panelFocused });
  }

  override _unfocus() {
    this.patch({ ...focusLook(false), color: this.isSelected ? this.accent : COLOR.panel });
  }
}
