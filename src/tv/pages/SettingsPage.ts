/**
 * The villager's settings: read-aloud, large text, high contrast and the language, as rows of
 * a list; OK switches the focused one. The box remembers them. Look and language are built
 * into every screen, so changing them restarts the app, back on this screen and row.
 */
import { Router } from '@lightningjs/sdk';
import type { RowModel } from '../data/models';
import { rememberSettings, type BoxSettings } from '../data/boxSettings';
import { box } from '../context';
import { LANGUAGES, t, type LanguageCode, type MessageKey } from '../../i18n';
import { setSpeechOn } from '../speech/state';
import { COLOR } from '../theme';
import { ListPage } from './ListPage';

type Setting = 'readAloud' | 'largeText' | 'highContrast' | 'language';
const ORDER: Setting[] = ['readAloud', 'largeText', 'highContrast', 'language'];
const LANGUAGE_ORDER = Object.keys(LANGUAGES) as LanguageCode[];

const nextLanguage = (code: LanguageCode): LanguageCode =>
  LANGUAGE_ORDER[(LANGUAGE_ORDER.indexOf(code) + 1) % LANGUAGE_ORDER.length] ?? 'zh-Hans';

export class SettingsPage extends ListPage {
  private settings: BoxSettings = { ...box().settings };

  /** The row to focus first: the one that was being changed when the app restarted. */
  set row(index: number) {
    this.historyState({ index });
  }

  show(): void {
    this.setChrome([t('settings.title')], t('hint.settings'));
    this.tag('Title').text.text = t('settings.title');
    this.tag('Notes').text.text = t('settings.remembered');
    this.showRows(
      ORDER.map((setting) => this.rowOf(setting)),
      '',
    );
  }

  private rowOf(setting: Setting): RowModel {
    const value = this.settings[setting];
    const base = {
      title: t(`settings.${setting}` as MessageKey),
      detail: t(`settings.${setting}.detail` as MessageKey),
    };
    return typeof value === 'boolean'
      ? { ...base, switchOn: value }
      : { ...base, tag: t(`language.${value}` as MessageKey), tagColor: COLOR.focus };
  }

  override _handleEnter() {
    const index = this.list.index;
    const setting = ORDER[index];
    if (!setting) return;
    const s = this.settings;
    if (setting === 'language') s.language = nextLanguage(s.language);
    else s[setting] = !s[setting];
    rememberSettings(s);
    if (setting === 'readAloud') {
      setSpeechOn(s.readAloud);
      box().settings = { ...s };
      // The hint bar gains or loses the read key.
      this.show();
      this.list.index = index;
      return;
    }
    this.restart(index);
  }

  /** Rebuilds every screen in the new look or language; the URL's ?lang= would override it. */
  private restart(index: number): void {
    const url = new URL(location.href);
    url.searchParams.delete('lang');
    url.hash = `#settings/${index}`;
    history.replaceState(null, '', url.toString());
    location.reload();
  }

  override _handleBack() {
    if (Router.getHistory().length) Router.back();
    else Router.navigate('home', { clearHistory: true }, false);
  }
}
