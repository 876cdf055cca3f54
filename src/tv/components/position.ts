/** The "第 12 / 1991 条" line at the top right of a list or table page: where the focus is. */
import { t } from '../../i18n';
import { COLOR, lineOf, SAFE, TYPE } from '../theme';
import { contentTop } from './Chrome';
import { text } from './text';

export const positionLabel = (index: number, count: number): string => t('list.position', { index: index + 1, count });

/** The line's text in its style: the same on screen and when drawn ahead, so they share a texture. */
export const positionText = (label: string) =>
  text(label, { size: TYPE.small, color: COLOR.textSecondary, align: 'right' });

/** The line, empty, right-aligned beside the page's heading. */
export const positionTemplate = () => ({
  x: SAFE.x + SAFE.w,
  y: contentTop() + (lineOf(TYPE.heading) - lineOf(TYPE.small)) / 2,
  mountX: 1,
  ...positionText(''),
});
