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
/** The least room a label leaves on each side of its tab. */
const LABEL_MARGIN = (): number => px(12);

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

  override _init() {
    // A label too wide for its tab at title size ("Household" in large English text, which engines
    // measure a few pixels apart) is drawn a size smaller rather than past the tab's edges.
    const label = this.tag('Label');
    label.on('txLoaded', () => {
      if (label.text.fontSize === TYPE.title && label.renderWidth > tabWidth() - 2 * LABEL_MARGIN())
        label.text.fontSize = TYPE.tile; // in the same line height, so it stays centred
    });
  }

  set label(value: string) {
    const label = this.tag('Label');
    label.text.fontSize = TYPE.title;
    label.text.text = value;
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
