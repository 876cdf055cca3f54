/**
 * Says things out loud: a prepared clip when the item has one (recorded in Mandarin or the
 * local dialect by the feed service), else the browser's speech synthesis with a Chinese voice
 * (English in English mode when the box has one). A box with neither says so once, on screen.
 */
import type { AudioRef } from '../../feed/schema';
import type { LanguageCode } from '../../i18n';
import { spokenText } from '../../format/spokenText';

export interface Utterance {
  text: string;
  /** A recording of the same thing (the feed item's `audio`), played instead of synthesis. */
  clip?: AudioRef;
}

/** Voices wanted for each UI language, best first; any Chinese voice beats none. */
const VOICE_LANGS: Record<LanguageCode, string[]> = {
  'zh-Hans': ['zh-CN', 'zh'],
  'zh-Hant': ['zh-TW', 'zh-HK', 'zh'],
  en: ['en', 'zh-CN', 'zh'],
};

/** How long to wait for the engine to list its voices (they load asynchronously). */
const VOICES_WAIT_MS = 1500;

const synth = (): SpeechSynthesis | undefined =>
  typeof window.speechSynthesis === 'object' ? window.speechSynthesis : undefined;

const pickVoice = (voices: SpeechSynthesisVoice[], language: LanguageCode): SpeechSynthesisVoice | undefined => {
  const lang = (v: SpeechSynthesisVoice) => v.lang.replace('_', '-');
  for (const wanted of VOICE_LANGS[language]) {
    const voice = voices.find((v) => lang(v) === wanted) ?? voices.find((v) => lang(v).startsWith(`${wanted}-`));
    if (voice) return voice;
  }
  return undefined;
};

export class Speaker {
  private voice: Promise<SpeechSynthesisVoice | undefined> | null = null;
  private audio: HTMLAudioElement | null = null;
  private toldUnsupported = false;
  /** Bumped by every say(): a slower earlier request must not speak over a later one. */
  private turn = 0;

  constructor(
    private readonly language: LanguageCode,
    /** Turns a clip's feed path into a URL. */
    private readonly clipUrl: (src: string) => string,
    /** Shows the one-time "cannot read aloud" notice. */
    private readonly onUnsupported: () => void,
  ) {}

  private findVoice(): Promise<SpeechSynthesisVoice | undefined> {
    const engine = synth();
    if (!engine) return Promise.resolve(undefined);
    this.voice ??= new Promise((resolve) => {
      const now = pickVoice(engine.getVoices(), this.language);
      if (now) return resolve(now);
      const timer = setTimeout(() => resolve(pickVoice(engine.getVoices(), this.language)), VOICES_WAIT_MS);
      engine.addEventListener?.('voiceschanged', () => {
        const voice = pickVoice(engine.getVoices(), this.language);
        if (voice) {
          clearTimeout(timer);
          resolve(voice);
        }
      });
    });
    return this.voice;
  }

  /** Stops whatever is being said. */
  stop(): void {
    synth()?.cancel();
    if (this.audio) {
      this.audio.pause();
      this.audio = null;
    }
  }

  async say(utterance: Utterance): Promise<void> {
    this.stop();
    const turn = ++this.turn;
    if (utterance.clip) {
      const audio = new Audio(this.clipUrl(utterance.clip.src));
      this.audio = audio;
      // A clip that cannot play falls back to synthesis of the same text.
      return audio.play().catch(() => (turn === this.turn ? this.synthesize(utterance.text, turn) : undefined));
    }
    return this.synthesize(utterance.text, turn);
  }

  private async synthesize(text: string, turn: number): Promise<void> {
    const spoken = spokenText(text, this.language);
    if (!spoken) return;
    const voice = await this.findVoice();
    if (turn !== this.turn) return;
    const engine = synth();
    if (!voice || !engine) {
      if (!this.toldUnsupported) this.onUnsupported();
      this.toldUnsupported = true;
      return;
    }
    const utterance = new SpeechSynthesisUtterance(spoken);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    // Slower than default: many listeners are elderly.
    utterance.rate = 0.9;
    engine.speak(utterance);
  }
}
