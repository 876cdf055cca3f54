/**
 * Home: the village, today's date, the four section tabs and the selected section's
 * sub-channels as tiles. Focus is remembered per section; Back asks before leaving.
 */
import { Lightning, Router } from '@lightningjs/sdk';
import { Dialog } from '../components/Dialog';
import { Chrome } from '../components/Chrome';
import { refocus } from '../components/refocus';
import { text } from '../components/text';
import { Tab, TAB_W } from '../components/Tab';
import { Tile, TILE_H, TILE_W } from '../components/Tile';
import type { HomeModel } from '../data/models';
import { chinaDate, formatDate } from '../../format/dates';
import { language, t, type MessageKey } from '../../i18n';
import { box } from '../context';
import { COLOR, SAFE, SECTION_ACCENT, TYPE } from '../theme';
import type { PageTypeConfig } from './Page';

const COLUMNS = 5;
const GAP = 24;

type Area = 'tabs' | 'tiles' | 'dialog';

export class HomePage extends Lightning.Component<Lightning.Component.TemplateSpecLoose, PageTypeConfig> {
  private home: HomeModel | null = null;
  private section = 2;
  private tileIndex = [0, 0, 0, 0];
  private area: Area = 'tiles';

  static override _template() {
    return {
      w: 1920,
      h: 1080,
      Chrome: { type: Chrome },
      Village: { x: SAFE.x, y: SAFE.y, ...text('', { size: TYPE.heading, bold: true }) },
      Street: { x: SAFE.x, y: SAFE.y + 84, ...text('', { size: TYPE.small, color: COLOR.textSecondary }) },
      Today: { x: SAFE.x + SAFE.w, y: SAFE.y + 12, mountX: 1, ...text('', { size: TYPE.title, align: 'right' }) },
      Tabs: { x: SAFE.x, y: 210 },
      Tiles: { x: SAFE.x, y: 360 },
    };
  }

  set model(model: HomeModel) {
    this.home = model;
    const chrome = this.tag('Chrome');
    chrome.patch({ hint: t('hint.home'), Crumbs: { visible: false }, Rule: { visible: false } });
    this.tag('Village').text.text = `${model.villageName}  ${t('app.title')}`;
    this.tag('Street').text.text = model.fictional ? `${model.streetName} · ${t('app.fictional')}` : model.streetName;
    const today = chinaDate(box().now());
    this.tag('Today').text.text = `${formatDate(today.iso, language() === 'en' ? 'en' : 'zh')}  ${t(`weekday.${today.weekday}` as MessageKey)}`;
    this.tag('Tabs').children = model.sections.map((s, i) => ({
      type: Tab,
      ref: `Tab-${s.id}`,
      x: i * (TAB_W + GAP),
      label: s.title,
      accentColor: SECTION_ACCENT[s.id],
    }));
    this.showSection(this.section);
  }

  private showSection(index: number): void {
    if (!this.home) return;
    this.section = index;
    const section = this.home.sections[index];
    if (!section) return;
    this.tag('Tabs').children.forEach((tab: Tab, i: number) => {
      tab.selected = i === index;
    });
    this.tag('Tiles').children = section.tiles.map((tile, i) => ({
      type: Tile,
      ref: `Channel-${tile.channel}`,
      x: (i % COLUMNS) * (TILE_W + GAP) + TILE_W / 2,
      y: Math.floor(i / COLUMNS) * (TILE_H + GAP) + TILE_H / 2,
      mount: 0.5,
      model: tile,
      accent: SECTION_ACCENT[section.id],
    }));
    this.tileIndex[index] = Math.min(this.tileIndex[index] ?? 0, section.tiles.length - 1);
    refocus(this);
  }

  private get tiles(): Lightning.Component[] {
    return this.tag('Tiles').children;
  }

  private moveTile(step: number): boolean {
    const current = this.tileIndex[this.section] ?? 0;
    const next = current + step;
    if (next < 0 || next >= this.tiles.length) return false;
    this.tileIndex[this.section] = next;
    refocus(this);
    return true;
  }

  private setArea(area: Area): void {
    this.area = area;
    refocus(this);
  }

  override _getFocused() {
    if (this.area === 'dialog') return this.tag('Dialog');
    if (this.area === 'tiles') return this.tiles[this.tileIndex[this.section] ?? 0];
    return this.tag('Tabs').children[this.section];
  }

  override _handleLeft() {
    if (this.area === 'tabs') {
      if (this.section > 0) this.showSection(this.section - 1);
      return true;
    }
    const column = (this.tileIndex[this.section] ?? 0) % COLUMNS;
    return column > 0 ? this.moveTile(-1) : true;
  }

  override _handleRight() {
    if (this.area === 'tabs') {
      if (this.home && this.section < this.home.sections.length - 1) this.showSection(this.section + 1);
      return true;
    }
    const index = this.tileIndex[this.section] ?? 0;
    return index % COLUMNS < COLUMNS - 1 ? this.moveTile(1) : true;
  }

  override _handleUp() {
    if (this.area === 'tabs') return true;
    if ((this.tileIndex[this.section] ?? 0) < COLUMNS) this.setArea('tabs');
    else this.moveTile(-COLUMNS);
    return true;
  }

  override _handleDown() {
    if (this.area === 'tabs') {
      this.setArea('tiles');
      return true;
    }
    const index = this.tileIndex[this.section] ?? 0;
    if (index + COLUMNS < this.tiles.length) this.moveTile(COLUMNS);
    else if (Math.floor(index / COLUMNS) < Math.floor((this.tiles.length - 1) / COLUMNS)) this.moveTile(this.tiles.length - 1 - index);
    return true;
  }

  override _handleEnter() {
    if (this.area === 'tabs') {
      this.setArea('tiles');
      return true;
    }
    const tile = this.home?.sections[this.section]?.tiles[this.tileIndex[this.section] ?? 0];
    if (tile) Router.navigate(tile.target);
    return true;
  }

  override _handleBack() {
    this.childList.add(this.stage.c({ ref: 'Dialog', type: Dialog, signals: { confirmed: 'leave', cancelled: 'stay' } }));
    (this.tag('Dialog') as Dialog).setup(t('exit.title'), t('exit.confirm'), t('exit.cancel'));
    this.setArea('dialog');
    return true;
  }

  leave() {
    this.stay();
    (this.application as unknown as { closeApp(): void }).closeApp();
  }

  stay() {
    const dialog = this.tag('Dialog');
    if (dialog) this.childList.remove(dialog);
    this.setArea('tiles');
  }

  override historyState(state?: { section: number; tiles: number[]; area: Area }) {
    if (state) {
      this.tileIndex = [...state.tiles];
      this.area = state.area === 'dialog' ? 'tiles' : state.area;
      this.showSection(state.section);
      return undefined;
    }
    return { section: this.section, tiles: [...this.tileIndex], area: this.area };
  }
}
