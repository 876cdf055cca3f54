/**
 * Home: the village, today's date, the settings button, the four section tabs and the
 * selected section's sub-channels as tiles (in rows that scroll when large text leaves room
 * for fewer). Focus is remembered per section; Back asks before leaving.
 */
import { Lightning, Router } from '@lightningjs/sdk';
import { Dialog } from '../components/Dialog';
import { Chrome, contentBottom } from '../components/Chrome';
import { focusLook, frame } from '../components/focus';
import { refocus } from '../components/refocus';
import { text } from '../components/text';
import { settingsButtonWidth, Tab, TAB_GAP, tabHeight, tabWidth } from '../components/Tab';
import { Tile, TILE_GAP, tileColumns, tileHeight, tileWidth } from '../components/Tile';
import type { HomeModel } from '../data/models';
import { chinaDate, formatDate } from '../../format/dates';
import { language, t, type MessageKey } from '../../i18n';
import { box } from '../context';
import { COLOR, lineOf, px, SAFE, SECTION_ACCENT, TYPE } from '../theme';
import type { PageTypeConfig } from './Page';
import { markHomeInteractive } from '../boot/probes';

type Area = 'settings' | 'tabs' | 'tiles' | 'dialog';

const tabsY = () => SAFE.y + lineOf(TYPE.heading) + lineOf(TYPE.small) + px(12);
const tilesY = () => tabsY() + tabHeight() + px(24);
/** Rows of tiles that fit above the hint bar; the rest scroll into view. */
const visibleTileRows = () => Math.max(1, Math.floor((contentBottom() - tilesY() - 12 + TILE_GAP) / (tileHeight() + TILE_GAP)));

/** A section asked for from elsewhere (number keys 1-4), applied when home shows. */
let requestedSection: number | null = null;

/** Number keys 1-4: show that section of home, from wherever the villager is. */
export const openHomeSection = (index: number): void => {
  const page = Router.getActivePage();
  if (page instanceof HomePage) {
    page.selectSection(index);
    return;
  }
  requestedSection = index;
  Router.navigate('home', { clearHistory: true }, false);
};

class SettingsButton extends Lightning.Component {
  static override _template() {
    const h = tabHeight();
    return {
      w: settingsButtonWidth(),
      h,
      rect: true,
      color: COLOR.panel,
      ...frame(settingsButtonWidth(), h),
      Label: { x: settingsButtonWidth() / 2, y: px(12), mountX: 0.5, ...text(t('settings.title'), { size: TYPE.title }) },
    };
  }

  override _focus() {
    this.patch(focusLook(true));
  }

  override _unfocus() {
    this.patch(focusLook(false));
  }
}

export class HomePage extends Lightning.Component<Lightning.Component.TemplateSpecLoose, PageTypeConfig> {
  private home: HomeModel | null = null;
  private section = 2;
  private tileIndex = [0, 0, 0, 0];
  private area: Area = 'tiles';
  /** The first tile row on screen. */
  private topRow = 0;

  static override _template() {
    const second = SAFE.y + lineOf(TYPE.heading);
    return {
      w: 1920,
      h: 1080,
      Chrome: { type: Chrome },
      Village: { x: SAFE.x, y: SAFE.y, ...text('', { size: TYPE.heading, bold: true, width: SAFE.w, maxLines: 1 }) },
      Settings: { type: SettingsButton, x: SAFE.x + SAFE.w - settingsButtonWidth(), y: tabsY() },
      Street: { x: SAFE.x, y: second, ...text('', { size: TYPE.small, color: COLOR.textSecondary, width: SAFE.w / 2, maxLines: 1 }) },
      Today: { x: SAFE.x + SAFE.w, y: second, mountX: 1, ...text('', { size: TYPE.small, align: 'right' }) },
      Tabs: { x: SAFE.x, y: tabsY() },
      Tiles: { x: SAFE.x, y: tilesY() },
      // Rows scrolled out of view are said in words, so nobody thinks the section ends here.
      More: { x: SAFE.x + SAFE.w, y: 0, mountX: 1, ...text('', { size: TYPE.small, color: COLOR.focus, align: 'right' }) },
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
      x: i * (tabWidth() + TAB_GAP),
      label: s.title,
      accentColor: SECTION_ACCENT[s.id],
    }));
    if (requestedSection !== null) {
      this.section = requestedSection;
      this.area = 'tiles';
      requestedSection = null;
    }
    this.showSection(this.section);
  }

  /** Shows a section with the focus on its tiles (number keys 1-4). */
  selectSection(index: number): void {
    this.area = 'tiles';
    this.showSection(index);
  }

  private showSection(index: number): void {
    if (!this.home) return;
    this.section = index;
    const section = this.home.sections[index];
    if (!section) return;
    this.tag('Tabs').children.forEach((tab: Tab, i: number) => {
      tab.selected = i === index;
    });
    const columns = tileColumns();
    this.tag('Tiles').children = section.tiles.map((tile, i) => ({
      type: Tile,
      ref: `Channel-${tile.channel}`,
      x: (i % columns) * (tileWidth() + TILE_GAP) + tileWidth() / 2,
      mount: 0.5,
      model: tile,
      accent: SECTION_ACCENT[section.id],
    }));
    this.tileIndex[index] = Math.min(this.tileIndex[index] ?? 0, section.tiles.length - 1);
    this.topRow = 0;
    this.placeTiles();
    refocus(this);
  }

  /** Scrolls by whole rows so the focused tile is on screen; rows off screen are hidden. */
  private placeTiles(): void {
    const columns = tileColumns();
    const rows = visibleTileRows();
    const row = Math.floor((this.tileIndex[this.section] ?? 0) / columns);
    if (row < this.topRow) this.topRow = row;
    if (row >= this.topRow + rows) this.topRow = row - rows + 1;
    this.tiles.forEach((tile, i) => {
      const shown = Math.floor(i / columns) - this.topRow;
      tile.patch({ visible: shown >= 0 && shown < rows, y: shown * (tileHeight() + TILE_GAP) + tileHeight() / 2 });
    });
    const above = Math.min(this.tiles.length, this.topRow * columns);
    const below = Math.max(0, this.tiles.length - (this.topRow + rows) * columns);
    const more = [above ? t('home.moreAbove', { count: above }) : '', below ? t('home.moreBelow', { count: below }) : ''].filter(Boolean).join('  ·  ');
    const shownRows = Math.min(rows, Math.ceil(this.tiles.length / columns) - this.topRow);
    this.tag('More').patch({ y: tilesY() + shownRows * (tileHeight() + TILE_GAP) - TILE_GAP / 2, text: { text: more } });
  }

  private get tiles(): Lightning.Component[] {
    return this.tag('Tiles').children;
  }

  private moveTile(step: number): boolean {
    const current = this.tileIndex[this.section] ?? 0;
    const next = current + step;
    if (next < 0 || next >= this.tiles.length) return false;
    this.tileIndex[this.section] = next;
    this.placeTiles();
    refocus(this);
    return true;
  }

  private setArea(area: Area): void {
    this.area = area;
    refocus(this);
  }

  override _focus() {
    markHomeInteractive(this.stage);
  }

  override _getFocused() {
    if (this.area === 'dialog') return this.tag('Dialog');
    if (this.area === 'settings') return this.tag('Settings');
    if (this.area === 'tiles') return this.tiles[this.tileIndex[this.section] ?? 0];
    return this.tag('Tabs').children[this.section];
  }

  override _handleLeft() {
    if (this.area === 'settings') {
      this.setArea('tabs');
      return true;
    }
    if (this.area === 'tabs') {
      if (this.section > 0) this.showSection(this.section - 1);
      return true;
    }
    const column = (this.tileIndex[this.section] ?? 0) % tileColumns();
    return column > 0 ? this.moveTile(-1) : true;
  }

  override _handleRight() {
    if (this.area === 'settings') return true;
    if (this.area === 'tabs') {
      // Past the last section's tab is the settings button.
      if (this.home && this.section < this.home.sections.length - 1) this.showSection(this.section + 1);
      else this.setArea('settings');
      return true;
    }
    const index = this.tileIndex[this.section] ?? 0;
    const columns = tileColumns();
    return index % columns < columns - 1 ? this.moveTile(1) : true;
  }

  override _handleUp() {
    const columns = tileColumns();
    if (this.area !== 'tiles') return true;
    if ((this.tileIndex[this.section] ?? 0) < columns) this.setArea('tabs');
    else this.moveTile(-columns);
    return true;
  }

  override _handleDown() {
    if (this.area === 'settings' || this.area === 'tabs') {
      this.setArea('tiles');
      return true;
    }
    const columns = tileColumns();
    const index = this.tileIndex[this.section] ?? 0;
    if (index + columns < this.tiles.length) this.moveTile(columns);
    else if (Math.floor(index / columns) < Math.floor((this.tiles.length - 1) / columns)) this.moveTile(this.tiles.length - 1 - index);
    return true;
  }

  override _handleEnter() {
    if (this.area === 'settings') {
      Router.navigate('settings');
      return true;
    }
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
