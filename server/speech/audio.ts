/**
 * Audio clips (an operator's recording, or a speech engine's output): only WAV, MP3 and
 * MP4/M4A, recognised by their bytes, up to 10 MB; stored under their content hash.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../publish/atomicFile';

export const MAX_AUDIO_BYTES = 10 * 1024 * 1024;

const KINDS = [
  { ext: 'wav', mime: 'audio/wav', matches: (b: Buffer) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WAVE' },
  { ext: 'mp3', mime: 'audio/mpeg', matches: (b: Buffer) => b.toString('latin1', 0, 3) === 'ID3' || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0) },
  { ext: 'm4a', mime: 'audio/mp4', matches: (b: Buffer) => b.toString('latin1', 4, 8) === 'ftyp' },
];

export const audioKind = (bytes: Buffer) => KINDS.find((k) => k.matches(bytes)) ?? null;

/** Seconds of a PCM WAV from its header; other formats are estimated from the text. */
const wavSeconds = (bytes: Buffer): number | null => {
  const dataAt = bytes.indexOf('data', 12, 'latin1');
  if (dataAt < 0) return null;
  const byteRate = bytes.readUInt32LE(28);
  return byteRate ? bytes.readUInt32LE(dataAt + 4) / byteRate : null;
};

export interface StoredAudio {
  src: string;
  durationSec: number;
  bytes: number;
}

export const storeAudio = (mediaDir: string, bytes: Buffer, fallbackSeconds: number): StoredAudio | null => {
  const kind = audioKind(bytes);
  if (!kind || bytes.length > MAX_AUDIO_BYTES) return null;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const path = join(mediaDir, `${sha256}.${kind.ext}`);
  if (!existsSync(path)) writeFileAtomic(path, bytes);
  const seconds = (kind.ext === 'wav' ? wavSeconds(bytes) : null) ?? fallbackSeconds;
  return { src: `media/${sha256}.${kind.ext}`, durationSec: Math.max(0.1, Math.round(seconds * 10) / 10), bytes: bytes.length };
};
