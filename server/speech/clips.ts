/**
 * Speech clips made at publish time, for boxes that cannot speak (Android WebViews and
 * most WPE builds have no speechSynthesis). Before a publish, every approved article,
 * question and alert without an operator's own recording is sent to the speech engine
 * once; the clip is stored by content hash and remembered by the hash of its text, so an
 * unchanged text is never synthesized twice. Publishing then names the clip in the item.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/database';
import { chinaTime } from '../clock';
import { spokenText } from '../../src/format/spokenText';
import { channelSpec } from '../../src/feed/taxonomy';
import { serverKind } from '../content/kinds';
import type { SpeechEngine } from './engine';
import { storeAudio } from '../content/audio';

type Body = Record<string, unknown>;

const asText = (value: unknown): string =>
  Array.isArray(value) ? value.join('。') : typeof value === 'string' ? value : '';

/** What is read aloud for an item: the same text the box would synthesize itself. */
export const clipText = (channel: number, body: Body): string | null => {
  // Only kinds whose items carry an optional `audio` clip in the feed name the parts to read.
  const parts = serverKind(channelSpec(channel).kind)?.spokenParts(body);
  if (!parts || body.audio) return null;
  const text = spokenText(parts.map(asText).filter(Boolean).join('。'), 'zh-Hans');
  return text || null;
};

export const clipKey = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface ClipRow {
  src: string;
  duration_sec: number;
}

export const findClip = (db: Db, text: string): ClipRow | null =>
  (db.prepare('SELECT src, duration_sec FROM speech_clips WHERE text_sha256 = ?').get(clipKey(text)) as
    ClipRow | undefined) ?? null;

/** Makes the clips the next publish needs; a failing engine only means no clip this time. */
export const prepareClips = async (
  db: Db,
  mediaDir: string,
  engine: SpeechEngine,
  voice: string,
): Promise<{ made: number; failed: number }> => {
  const approved = db
    .prepare(`SELECT channel, body FROM revisions WHERE status = 'approved' AND action = 'put'`)
    .all() as { channel: number; body: string }[];
  let made = 0;
  let failed = 0;
  for (const revision of approved) {
    const text = clipText(revision.channel, JSON.parse(revision.body) as Body);
    if (!text || findClip(db, text)) continue;
    try {
      const clip = await engine.synthesize(text, voice);
      const stored = await storeAudio(mediaDir, clip.bytes);
      if (!stored) throw new Error(`not an accepted audio format: ${clip.mime}`);
      db.prepare(
        'INSERT OR IGNORE INTO speech_clips (text_sha256, src, duration_sec, voice, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(clipKey(text), stored.src, stored.durationSec, voice, chinaTime());
      made++;
    } catch (error) {
      console.warn(`speech engine: ${String(error)}`);
      failed++;
    }
  }
  return { made, failed };
};
