/**
 * The one HTTP interface between the feed service and a speech engine, so that a
 * district can plug in the engine it runs or buys:
 *
 *   POST <url>  Content-Type: application/json  {"text": "…", "voice": "zh-CN"}
 *   → 200 with the audio as the body and its Content-Type (audio/wav, audio/mpeg, audio/mp4)
 *
 * No usable Mandarin engine ships in the registries this project can reach (Debian's
 * espeak-ng reads most hanzi as English letter names), so the tests run a stand-in
 * that answers with generated audio.
 */
export interface SpeechClip {
  bytes: Buffer;
  mime: string;
}

export interface SpeechEngine {
  synthesize(text: string, voice: string): Promise<SpeechClip>;
}

const TIMEOUT_MS = 30_000;

export const httpSpeechEngine = (url: string): SpeechEngine => ({
  async synthesize(text, voice) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, voice }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const mime = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    if (!response.ok || !mime.startsWith('audio/'))
      throw new Error(`speech engine answered ${response.status} ${mime}`);
    return { bytes: Buffer.from(await response.arrayBuffer()), mime };
  },
});
