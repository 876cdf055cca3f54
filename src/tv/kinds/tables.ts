/** Public tables (subsidies, projects, levies): a list of tables, each opened as a grid of columns. */
import { daysUntil } from '../../format/dates';
import { formatFen } from '../../format/money';
import { t } from '../../i18n';
import type { TableModel } from '../data/models';
import { inScript } from '../data/script';
import { COLOR, TYPE } from '../theme';
import { channelCrumbs, corrected, correctedTag, date } from './common';
import type { ChannelOf, KindView } from './kindView';

export const tables: KindView<'tables'> = {
  target: (id) => `list/${id}`,
  rows: (channel) =>
    channel.content.map((table, index) => ({
      title: table.title,
      detail: `${t('table.rows', { count: table.rows.length })} · ${date(table.publishedAt)}`,
      ...correctedTag(table),
      target: `table/${channel.id}/${index}`,
    })),
  notes: () => [],
  // A table opens in its own grid page, not the reader; the read key there reads the focused row.
  document: () => null,
  spoken: () => null,
};

const TABLE_WIDTH = 1728;
/** A cell's padding on both sides. */
const CELL_PAD = 48;

/** About how wide a string is in em of the app's font: hanzi 1, Latin letters and digits less. */
const ems = (value: string): number =>
  Array.from(value).reduce((w, ch) => w + (ch.charCodeAt(0) >= 0x2e80 ? 1 : 0.6), 0);

/**
 * Columns as wide as their widest cell at the table's text size (which grows with large
 * text), the spare width shared out; when they do not fit, all shrink alike.
 */
export const columnWidths = (cells: string[][]): number[] => {
  const count = cells[0]?.length ?? 0;
  const need = Array.from(
    { length: count },
    (_, i) => cells.reduce((widest, row) => Math.max(widest, ems(row[i] ?? '')), 0) * TYPE.small + CELL_PAD,
  );
  const total = need.reduce((a, b) => a + b, 0);
  const spare = (TABLE_WIDTH - total) / Math.max(count, 1);
  return need.map((w) => Math.floor(total <= TABLE_WIDTH ? w + spare : (w * TABLE_WIDTH) / total));
};

export const presentTable = (published: ChannelOf<'tables'>, index: number, now: number): TableModel | null => {
  const channel = inScript(published);
  const table = channel.content[index];
  if (!table) return null;
  const notes: TableModel['notes'] = [];
  if (table.note) notes.push({ text: table.note });
  if (table.posting) {
    const days = daysUntil(table.posting.until, now);
    notes.push(
      days >= 0
        ? {
            text: t('table.posting', { date: date(table.posting.until), days, to: table.posting.objectionsTo }),
            color: COLOR.warning,
          }
        : { text: t('table.postingEnded', { date: date(table.posting.until) }) },
    );
  }
  if (table.correction) notes.push({ text: corrected(table) ?? '', color: COLOR.corrected });
  const rows = table.rows.map((row) =>
    table.columns.map((c) => {
      const value = row[c.key];
      if (value === undefined) return '';
      if (c.type === 'money' && typeof value === 'number') return formatFen(value);
      if (c.type === 'date' && typeof value === 'string') return date(value);
      return String(value);
    }),
  );
  const widths = columnWidths([table.columns.map((c) => c.label), ...rows]);
  return {
    crumbs: [...channelCrumbs(channel.id), table.title],
    title: table.title,
    notes,
    columns: table.columns.map((c, i) => ({
      label: c.label,
      align: c.type === 'money' || c.type === 'number' ? 'right' : 'left',
      width: widths[i] ?? 0,
    })),
    rows,
  };
};
