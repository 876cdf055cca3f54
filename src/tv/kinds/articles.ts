/** Notices and news: a list by date, each read in full with its video or photos. */
import { correctedTag, date, documentBase, itemMedia, readerKind, withFresh } from './common';

export const articles = readerKind<'articles'>(
  (channel, _now, fresh) => {
    const mark = withFresh(fresh);
    return channel.content.map((a) =>
      mark(a.id, {
        title: a.title,
        detail: date(a.publishedAt),
        ...correctedTag(a),
        target: `read/${channel.id}/${a.id}`,
      }),
    );
  },
  (channel, itemId) => {
    const a = channel.content.find((x) => x.id === itemId);
    if (!a) return null;
    return {
      ...documentBase(channel.id, a.title, a.publishedAt, a),
      paragraphs: a.summary ? [a.summary, ...a.body] : a.body,
      ...itemMedia(channel.id, a),
    };
  },
);
