/** The emergency broadcast: each alert with its level in colour, in force or expired. */
import type { Alert } from '../../feed/schema';
import { toEpoch } from '../../format/dates';
import { t, type MessageKey } from '../../i18n';
import { ALERT_TEXT_COLOR, COLOR, currentLook } from '../theme';
import { dateTime, documentBase, readerKind, withFresh } from './common';

const inForce = (a: Alert, now: number) => (toEpoch(a.expiresAt) > now ? t('alert.active') : t('alert.expired'));
const levelWord = (a: Alert) => t(`alert.level.${a.level}` as MessageKey);

export const alerts = readerKind<'alerts'>(
  (channel, now, fresh) => {
    const mark = withFresh(fresh);
    return channel.content.map((a) =>
      mark(a.id, {
        title: a.title,
        detail: `${dateTime(a.publishedAt)} · ${inForce(a, now)}`,
        tag: levelWord(a),
        tagColor: currentLook().highContrast ? COLOR.warning : ALERT_TEXT_COLOR[a.level],
        target: `read/${channel.id}/${a.id}`,
      }),
    );
  },
  (channel, itemId, now) => {
    const a = channel.content.find((x) => x.id === itemId);
    if (!a) return null;
    return {
      ...documentBase(channel.id, a.title, a.publishedAt, a),
      meta: [dateTime(a.publishedAt), t('alert.issuedBy', { name: a.issuedBy })],
      alert: { level: a.level, label: `${levelWord(a)} · ${inForce(a, now)}` },
      paragraphs: [a.body],
      audio: a.audio,
    };
  },
);
