/**
 * The pluggable outbound notifier: what a duty officer's phone must hear of (a new 一键求助, an
 * item that has waited more than a day) handed to a gateway (SMS, WeChat). The district plugs
 * its gateway in by a setting (`--notify` / SANWU_NOTIFY): an http(s) URL gets each notice as a
 * JSON POST (a webhook its gateway answers), `file:PATH` appends each as a JSON line (the
 * stand-in the tests read). A gateway that fails never fails the villager's request: the
 * failure is logged and the console still shows the request.
 */
import { appendFileSync } from 'node:fs';

export interface OutboundNotice {
  /** What happened: a new help request, or something that has waited more than a day. */
  kind: 'help' | 'waiting';
  /** The village (or region) whose duty officers should hear of it. */
  region: string;
  /** What it is about, e.g. "help 12", "question 3", "draft 40": one notice per subject and kind. */
  subject: string;
  zh: string;
  en: string;
  at: string;
}

export interface OutboundNotifier {
  send(notice: OutboundNotice): Promise<void>;
}

const WEBHOOK_TIMEOUT_MS = 5_000;

export const webhookNotifier = (url: string): OutboundNotifier => ({
  async send(notice) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(notice),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`notifier webhook ${url} answered ${response.status}`);
  },
});

export const fileNotifier = (path: string): OutboundNotifier => ({
  async send(notice) {
    appendFileSync(path, `${JSON.stringify(notice)}\n`);
  },
});

/** The notifier a setting names, or none when it is empty; a setting it cannot read is refused at start. */
export const notifierFrom = (setting: string): OutboundNotifier | undefined => {
  if (!setting) return undefined;
  if (setting.startsWith('file:') && setting.length > 5) return fileNotifier(setting.slice(5));
  if (/^https?:\/\/\S+$/.test(setting)) return webhookNotifier(setting);
  throw new Error(
    `通知设置「${setting}」无法识别：应为 http(s):// 网址或 file:路径\nThe notify setting "${setting}" is neither an http(s):// URL nor file:PATH`,
  );
};

/** Sends without waiting and without failing the caller: a gateway that is down is logged, not thrown. */
export const notify = (notifier: OutboundNotifier | undefined, notice: OutboundNotice): Promise<void> =>
  notifier
    ? notifier.send(notice).catch((error: unknown) => {
        console.error(`outbound notice not sent (${notice.subject}): ${String(error)}`);
      })
    : Promise.resolve();
