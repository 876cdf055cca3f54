/** A section tab on home: filled with the section's colour when selected, outlined when focused. */
import { Lightning } from '@lightningjs/sdk';
import { COLOR, FOCUS, TYPE } from '../theme';
import { text } from './text';

export const TAB_W = 300;
export const TAB_H = 90;

export class Tab extends Lightning.Component {
  private accent: number = COLOR.panel;

  static override _template() {
    return {
      w: TAB_W,
      h: TAB_H,
      rect: true,
      color: COLOR.panel,
      Outline: { alpha: 0, texture: Lightning.Tools.getRoundRect(TAB_W, TAB_H, 6, FOCUS.border, COLOR.focus, false) },
      Label: { x: TAB_W / 2, y: 12, mountX: 0.5, ...text('', { size: TYPE.title, bold: true }) },
    };
  }

  set label(value: string) {
    this.tag('Label').text.text = value;
  }

  set accentColor(color: number) {
    this.accent = color;
  }

  set selected(selected: boolean) {
    this.color = selected ? this.accent : COLOR.panel;
  }

  override _focus() {
    this.tag('Outline').alpha = 1;
  }

  override _unfocus() {
    this.tag('Outline').alpha = 0;
  }
}
