/**
 * Home: the village, today's date, the emergency-broadcast button, the settings button, the
 * four section tabs and the selected section's sub-channels as tiles, sized to fill the area
 * (in rows that scroll when large text leaves room for fewer). Focus is remembered per section;
 * Back asks before leaving.
 *
 * The emergency broadcast (sub-channel 05) is Up from the tabs and from settings, so two
 * presses from any section's first row of tiles reach it (the regulator's rule: content within
 * three presses of the default focus), wherever 05 sits among the district's tiles.
 */
import { Lightning, Router } from '@lightningjs/sdk';
import { removeDialog, showDialog } from '../components/Dialog';
import { Chrome, contentBottom } from '../components/Chrome';
import { focusLook, frame } from '../components/focus';
import { refocus } from '../components/refocus';
import { text } from '../components/text';
import { settingsButtonWidth, Tab, TAB_GAP, tabHeight, tabWidth } from '../components/Tab';
import { minTileHeight, Tile, TILE_GAP, tileColumns, tileWidth } from '../components/Tile';
import { icon } from '../components/icon';
import { channelIconFile } from '../components/icons';
import { canvasMeasure } from '../text/layout';
import type { HomeModel } from '../data/models';
import { ALERTS_CHANNEL } from '../../feed/taxonomy';
import { chinaDate, formatDate } from '../../format/dates';
import { language, t, type MessageKey } from '../../i18n';
import { box } from '../context';
import { COLOR, fontFaces, lineOf, px, SAFE, SECTION_ACCENT, TYPE } from '../theme';
import type { PageTypeConfig } from './Page';
import { markHomeInteractive } from '../boot/probes';

type Area = 'emergency' | 'settings' | 'tabs' | 'tiles' | 'dialog';

/** The village's name and under it the street and today's date. */
const headerHeight = () => lineOf(TYPE.heading) + lineOf(TYPE.small);
const tabsY = () => SAFE.y + headerHeight() + px(12);
const tilesY = () => tabsY() + tabHeight() + px(24);
/** Where the tiles may go: from below the tabs to above the hint bar. */
const tileAreaHeight = () => contentBottom() - 12 - tilesY();
/** The line under the rows that says how many tiles are scrolled out of view. */
const moreLineHeight = () => 12 + lineOf(TYPE.small);
const by3 = (length: number) => Math.floor(length / 3) * 3;

/**
 * The rows on screen and the tiles' height: every row of the section if they fit (stretched
 * to fill the area, so a section of five fills it as one of ten does), otherwise as many as
 * fit above the line that says how many more there are.
 */
const tileGrid = (count: number): { rows: number; h: number } => {
  const needed = Math.ceil(count / tileColumns());
  const rowsIn = (room: number) => Math.max(1, Math.floor((room + TILE_GAP) / (minTileHeight() + TILE_GAP)));
  const room = rowsIn(tileAreaHeight()) >= needed ? tileAreaHeight() : tileAreaHeight() - moreLineHeight();
  const rows = Math.min(needed, rowsIn(room));
  return { rows, h: by3((room - (rows - 1) * TILE_GAP) / rows) };
};

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

/** The emergency broadcast, always at the top right: its icon and its name, on red. */
class EmergencyButton extends Lightning.Component {
  static readonly PAD = 24;

  static size() {
    const h = headerHeight();
    const iconSize = by3(h - 2 * px(18));
    // Chinese fonts have no bold face: the synthetic bold is drawn a little wider.
    const labelW = Math.ceil(canvasMeasure(fontFaces().join(', '), TYPE.title)(t('home.emergency')) * 1.08);
    return { w: 2 * EmergencyButton.PAD + iconSize + 18 + labelW, h, iconSize, labelW };
  }

  static override _template() {
    const { w, h, iconSize, labelW } = EmergencyButton.size();
    return {
      w,
      h,
      rect: true,
      color: COLOR.emergencyFill,
      ...frame(w, h),
      Icon: {
        x: EmergencyButton.PAD,
        y: (h - iconSize) / 2,
        ...icon(channelIconFile(ALERTS_CHANNEL), iconSize, COLOR.text),
      },
      Label: {
        x: EmergencyButton.PAD + iconSize + 18,
        y: (h - lineOf(TYPE.title)) / 2,
        ...text(t('home.emergency'), { size: TYPE.title, bold: true, width: labelW, maxLines: 1 }),
      },
    };
  }

  override _focus() {
    this.patch({ ...focusLook(true), color: COLOR.emergencyFill });
  }

  override _unfocus() {
    this.patch({ ...focusLook(false), color: COLOR.emergencyFill });
  }
}

class SettingsButton extends Lightning.Component {
  static override _template() {
    const h = tabHeight();
    return {
      w: settingsButtonWidth(),
      h,
      rect: true,
      color: COLOR.panel,
      ...frame(settingsButtonWidth(), h),
      Label: {
        x: settingsButtonWidth() / 2,
        y: px(12),
        mountX: 0.5,
        ...text(t('settings.title'), { size: TYPE.title }),
      },
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
  /** Where Down from the emergency button goes back to: where Up came from. */
  private belowEmergency: Area = 'tabs';
  /** The first tile row on screen. */
  private topRow = 0;

  static override _template() {
    const second = SAFE.y + lineOf(TYPE.heading);
    const emergencyW = EmergencyButton.size().w;
    const beside = SAFE.w - emergencyW - 24;
    return {
      w: 1920,
      h: 1080,
      Chrome: { type: Chrome },
      Village: { x: SAFE.x, y: SAFE.y, ...text('', { size: TYPE.heading, bold: true, width: beside, maxLines: 1 }) },
      Emergency: { type: EmergencyButton, x: SAFE.x + SAFE.w - emergencyW, y: SAFE.y },
      Settings: { type: SettingsButton, x: SAFE.x + SAFE.w - settingsButtonWidth(), y: tabsY() },
      Street: {
        x: SAFE.x,
        y: second,
        ...text('', { size: TYPE.small, color: COLOR.textSecondary, width: beside / 2, maxLines: 1 }),
      },
      Today: { x: SAFE.x + beside, y: second, mountX: 1, ...text('', { size: TYPE.small, align: 'right' }) },
      Tabs: { x: SAFE.x, y: tabsY() },
      Tiles: { x: SAFE.x, y: tilesY() },
      // Rows scrolled out of view are said in words, so nobody thinks the section ends here.
      More: {
        x: SAFE.x + SAFE.w,
        y: 0,
        mountX: 1,
        ...text('', { size: TYPE.small, color: COLOR.focus, align: 'right' }),
      },
    };
  }

  set model(model: HomeModel) {
    this.home = model;
    const chrome = this.tag('Chrome');
    chrome.patch({ hint: t('hint.home'), Crumbs: { visible: false }, Rule: { visible: false } });
    this.tag('Village').text.text = `${model.villageName}  ${t('app.title')}`;
    this.tag('Street').text.text = model.fictional ? `${model.streetName} · ${t('app.fictional')}` : model.streetName;
    const today = chinaDate(box().now());
    this.tag('Today').text.text =
      `${formatDate(today.iso, language() === 'en' ? 'en' : 'zh')}  ${t(`weekday.${today.weekday}` as MessageKey)}`;
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
    const { h } = tileGrid(section.tiles.length);
    this.tag('Tiles').children = section.tiles.map((tile, i) => ({
      type: Tile,
      ref: `Channel-${tile.channel}`,
      x: (i % columns) * (tileWidth() + TILE_GAP) + tileWidth() / 2,
      mount: 0.5,
      spec: { model: tile, w: tileWidth(), h, accent: SECTION_ACCENT[section.id] },
    }));
    this.tileIndex[index] = Math.min(this.tileIndex[index] ?? 0, section.tiles.length - 1);
    this.topRow = 0;
    this.placeTiles();
    refocus(this);
  }

  /** Scrolls by whole rows so the focused tile is on screen; rows off screen are hidden. */
  private placeTiles(): void {
    const columns = tileColumns();
    const { rows, h } = tileGrid(this.tiles.length);
    const row = Math.floor((this.tileIndex[this.section] ?? 0) / columns);
    if (row < this.topRow) this.topRow = row;
    if (row >= this.topRow + rows) this.topRow = row - rows + 1;
    this.tiles.forEach((tile, i) => {
      const shown = Math.floor(i / columns) - this.topRow;
      tile.patch({ visible: shown >= 0 && shown < rows, y: shown * (h + TILE_GAP) + h / 2 });
    });
    const above = Math.min(this.tiles.length, this.topRow * columns);
    const below = Math.max(0, this.tiles.length - (this.topRow + rows) * columns);
    const more = [
      above ? t('home.moreAbove', { count: above }) : '',
      below ? t('home.moreBelow', { count: below }) : '',
    ]
      .filter(Boolean)
      .join('  ·  ');
    const shownRows = Math.min(rows, Math.ceil(this.tiles.length / columns) - this.topRow);
    this.tag('More').patch({ y: tilesY() + shownRows * (h + TILE_GAP) - TILE_GAP + 12, text: { text: more } });
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
    if (this.area === 'emergency') return this.tag('Emergency');
    if (this.area === 'settings') return this.tag('Settings');
    if (this.area === 'tiles') return this.tiles[this.tileIndex[this.section] ?? 0];
    return this.tag('Tabs').children[this.section];
  }

  override _handleLeft() {
    if (this.area === 'emergency') return true;
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
    if (this.area === 'settings' || this.area === 'emergency') return true;
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
    if (this.area === 'tabs' || this.area === 'settings') {
      this.belowEmergency = this.area;
      this.setArea('emergency');
      return true;
    }
    if (this.area !== 'tiles') return true;
    if ((this.tileIndex[this.section] ?? 0) < columns) this.setArea('tabs');
    else this.moveTile(-columns);
    return true;
  }

  override _handleDown() {
    if (this.area === 'emergency') {
      this.setArea(this.belowEmergency);
      return true;
    }
    if (this.area === 'settings' || this.area === 'tabs') {
      this.setArea('tiles');
      return true;
    }
    const columns = tileColumns();
    const index = this.tileIndex[this.section] ?? 0;
    if (index + columns < this.tiles.length) this.moveTile(columns);
    else if (Math.floor(index / columns) < Math.floor((this.tiles.length - 1) / columns))
      this.moveTile(this.tiles.length - 1 - index);
    return true;
  }

  override _handleEnter() {
    if (this.area === 'emergency') {
      const emergency = this.home?.sections.flatMap((s) => s.tiles).find((tile) => tile.channel === ALERTS_CHANNEL);
      if (emergency) Router.navigate(emergency.target);
      return true;
    }
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
    showDialog(this, { confirmed: 'leave', cancelled: 'stay' }, t('exit.title'), t('exit.confirm'), t('exit.cancel'));
    this.setArea('dialog');
    return true;
  }

  leave() {
    this.stay();
    (this.application as unknown as { closeApp(): void }).closeApp();
  }

  stay() {
    removeDialog(this);
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
