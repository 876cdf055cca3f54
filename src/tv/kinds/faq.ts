/** Questions and answers on policy, in groups: each question read with its answer. */
import { correctedTag, documentBase, readerKind } from './common';

export const faq = readerKind<'faq'>(
  (channel) =>
    channel.content.flatMap((g) =>
      g.items.map((q) => ({
        title: q.question,
        detail: g.title,
        ...correctedTag(q),
        target: `read/${channel.id}/${q.id}`,
      })),
    ),
  (channel, itemId) => {
    for (const group of channel.content) {
      const q = group.items.find((x) => x.id === itemId);
      if (q)
        return {
          ...documentBase(channel.id, q.question, q.publishedAt, q),
          meta: [group.title],
          paragraphs: q.answer,
          audio: q.audio,
        };
    }
    return null;
  },
);
