/** Service guides: what to bring, where, when, whom to call. */
import { t } from '../../i18n';
import { documentBase, readerKind } from './common';

export const guide = readerKind<'guide'>(
  (channel) =>
    channel.content.map((s) => ({
      title: s.title,
      detail: `${s.place} · ${s.hours}`,
      target: `read/${channel.id}/${s.id}`,
    })),
  (channel, itemId) => {
    const s = channel.content.find((x) => x.id === itemId);
    if (!s) return null;
    const paragraphs = [
      `【${t('guide.documents')}】${s.documents.map((d, i) => `${i + 1}. ${d}`).join('  ')}`,
      `【${t('guide.place')}】${s.place}`,
      `【${t('guide.hours')}】${s.hours}`,
      `【${t('guide.phone')}】${s.phone}`,
    ];
    if (s.notes) paragraphs.push(s.notes);
    return { ...documentBase(channel.id, s.title, s.publishedAt, s), paragraphs };
  },
);
