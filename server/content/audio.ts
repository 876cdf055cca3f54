/**
 * Audio clips (an operator's recording, or a speech engine's output): only WAV, MP3 and
 * MP4/M4A, recognised by their bytes and parsed for their length, up to 10 MB and 30
 * minutes; stored under their content hash.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/atomicFile';

export const MAX_AUDIO_BYTES = 10 * 1024 * 1024;

const KINDS = [
  {
    ext: 'wav',
    mime: 'audio/wav',
    matches: (b: Buffer) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WAVE',
  },
  {
    ext: 'mp3',
    mime: 'audio/mpeg',
    matches: (b: Buffer) => b.toString('latin1', 0, 3) === 'ID3' || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0),
  },
  { ext: 'm4a', mime: 'audio/mp4', matches: (b: Buffer) => b.toString('latin1', 4, 8) === 'ftyp' },
];

export const audioKind = (bytes: Buffer) => KINDS.find((k) => k.matches(bytes)) ?? null;

/** A recording longer than this is not a notice read aloud. */
export const MAX_AUDIO_SECONDS = 30 * 60;

/**
 * The clip's length as its own frames and samples give it (music-metadata parses the
 * container, not just the first bytes), or null when the bytes are not a playable clip
 * of the kind they claim: a header without audio, an HTML page behind "ID3", a WAV
 * claiming more samples than it holds (the parser counts what is there).
 */
const audioSeconds = async (bytes: Buffer, mime: string): Promise<number | null> => {
  try {
    // Loaded on the first upload, not at every start of the service.
    const { parseBuffer } = await import('music-metadata');
    const { format } = await parseBuffer(
      bytes,
      { mimeType: mime, size: bytes.length },
      { duration: true, skipCovers: true },
    );
    const seconds = format.duration;
    return seconds !== undefined && Number.isFinite(seconds) && seconds > 0 && seconds <= MAX_AUDIO_SECONDS
      ? seconds
      : null;
  } catch {
    return null;
  }
};

export interface StoredAudio {
  src: string;
  durationSec: number;
  bytes: number;
}

export const storeAudio = async (mediaDir: string, bytes: Buffer): Promise<StoredAudio | null> => {
  const kind = audioKind(bytes);
  if (!kind || bytes.length > MAX_AUDIO_BYTES) return null;
  const seconds = await audioSeconds(bytes, kind.mime);
  if (seconds === null) return null;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const path = join(mediaDir, `${sha256}.${kind.ext}`);
  if (!existsSync(path)) writeFileAtomic(path, bytes);
  return {
    src: `media/${sha256}.${kind.ext}`,
    durationSec: Math.max(0.1, Math.round(seconds * 10) / 10),
    bytes: bytes.length,
  };
};
