/**
 * The box's household: unbound (showing a pairing code), bound (its pages, opened from the files
 * sealed to it), or revoked. Each refresh fetches the box's private index from the feed (a 404
 * while unbound) and believes it only if the feed's key signed it for this box and its `until`
 * has not passed; each page must hash to the index's entry and open with the box's key.
 */
import { sha256 } from 'js-sha256';
import { toBase64, utf8Text } from '../../household/bytes';
import type { HouseholdPage, PrivateIndex } from '../../household/pages';
import {
  indexSignatureHolds,
  looksLikeHouseholdPage,
  looksLikePrivateIndex,
  sealedObjectPath,
} from '../../household/privateFiles';
import { openSealed } from '../../household/sealed';
import { postSigned } from './boxRequest';
import type { BoxIdentity } from './identity';

export type HouseholdState =
  | { kind: 'unknown' }
  | { kind: 'unsupported' }
  | { kind: 'pairing'; code: string | null; expiresAt: string | null; offline: boolean }
  | { kind: 'revoked' }
  | { kind: 'expired'; until: string }
  | { kind: 'bound'; until: string; pages: Partial<Record<number, HouseholdPage>> };

/** A pairing code is asked for again this long before it expires, so the screen never shows a dead one. */
const CODE_MARGIN_MS = 60_000;

export interface HouseholdOptions {
  identity: BoxIdentity | null;
  /** The feed's address, where the private index and sealed files are. */
  feedUrl: string;
  serviceUrl: string;
  /** The feed key the box trusts (pinned, else from its settings). */
  feedKey: () => string | null;
}

export class Household {
  state: HouseholdState = { kind: 'unknown' };
  private etag: string | null = null;
  private index: PrivateIndex | null = null;
  private running: Promise<boolean> | null = null;

  constructor(private readonly options: HouseholdOptions) {}

  get identity(): BoxIdentity | null {
    return this.options.identity;
  }

  /** Where the box's signed requests go (settings' serviceUrl; empty: the page's own origin). */
  get serviceUrl(): string {
    return this.options.serviceUrl;
  }

  get bound(): boolean {
    return this.state.kind === 'bound';
  }

  /** Looks once for news; resolves to whether what the box shows of its household changed. Calls made meanwhile share it. */
  refresh(now: number): Promise<boolean> {
    if (!this.running) {
      const running = this.refreshOnce(now).catch((error: unknown) => {
        console.warn(error);
        return false;
      });
      this.running = running;
      const settle = () => {
        if (this.running === running) this.running = null;
      };
      running.then(settle, settle);
    }
    return this.running;
  }

  private async refreshOnce(now: number): Promise<boolean> {
    const identity = this.options.identity;
    if (!identity) return this.become({ kind: 'unsupported' });
    let response: Response;
    try {
      response = await fetch(this.feedFile(identity.indexPath), {
        cache: 'no-cache',
        headers: this.etag && this.index ? { 'If-None-Match': this.etag } : {},
      });
    } catch {
      return this.state.kind === 'pairing' ? this.become({ ...this.state, offline: true }) : false;
    }
    if (response.status === 304 && this.index) return this.checkUntil(this.index, now);
    if (response.status === 404) {
      this.index = null;
      this.etag = null;
      return this.pair(identity, now);
    }
    if (!response.ok) return false;
    const index: unknown = await response.json();
    const key = this.options.feedKey();
    if (!looksLikePrivateIndex(index) || index.box !== identity.id || !key || !indexSignatureHolds(index, key)) {
      console.warn('private index refused: not signed by the feed key for this box');
      return false;
    }
    const pages = await this.openPages(identity, index);
    if (!pages) return false;
    this.index = index;
    this.etag = response.headers.get('ETag');
    return this.checkUntil(index, now, pages);
  }

  private checkUntil(index: PrivateIndex, now: number, pages?: Partial<Record<number, HouseholdPage>>): boolean {
    if (Date.parse(index.until) <= now) return this.become({ kind: 'expired', until: index.until });
    const held = this.state.kind === 'bound' ? this.state.pages : {};
    return this.become({ kind: 'bound', until: index.until, pages: pages ?? held }, !!pages);
  }

  /** Every page of the index, opened; null if any fails its hash, its seal or its schema. */
  private async openPages(
    identity: BoxIdentity,
    index: PrivateIndex,
  ): Promise<Partial<Record<number, HouseholdPage>> | null> {
    const pages: Partial<Record<number, HouseholdPage>> = {};
    const held = this.state.kind === 'bound' ? this.state.pages : {};
    for (const channel of Object.keys(index.files)) {
      const entry = index.files[channel]!;
      if (this.index?.files[channel]?.sha256 === entry.sha256 && held[Number(channel)]) {
        pages[Number(channel)] = held[Number(channel)];
        continue;
      }
      const response = await fetch(this.feedFile(sealedObjectPath(entry.sha256)));
      if (!response.ok) return null;
      const sealed = new Uint8Array(await response.arrayBuffer());
      const opened = sha256(sealed) === entry.sha256 ? openSealed(sealed, identity.keys.seal.secretKey) : null;
      if (!opened) return null;
      const page: unknown = JSON.parse(utf8Text(opened));
      if (!looksLikeHouseholdPage(page, Number(channel))) return null;
      pages[page.channel] = page;
    }
    return pages;
  }

  /** Unbound: registers (again) when the box has no code or its code is about to expire. */
  private async pair(identity: BoxIdentity, now: number): Promise<boolean> {
    const current = this.state.kind === 'pairing' ? this.state : null;
    if (current?.code && current.expiresAt && Date.parse(current.expiresAt) - CODE_MARGIN_MS > now)
      return this.become({ ...current, offline: false });
    let answer;
    try {
      answer = await postSigned(
        identity,
        this.options.serviceUrl,
        '/box/register',
        {
          signKey: toBase64(identity.keys.sign.publicKey),
          sealKey: toBase64(identity.keys.seal.publicKey),
          ...(identity.deviceId ? { deviceId: identity.deviceId } : {}),
        },
        now,
      );
    } catch {
      return this.become({
        kind: 'pairing',
        code: current?.code ?? null,
        expiresAt: current?.expiresAt ?? null,
        offline: true,
      });
    }
    const body = answer.body as { bound?: boolean; code?: string; expiresAt?: string; error?: { en?: string } } | null;
    if (answer.status === 403 && /revoked/.test(body?.error?.en ?? '')) return this.become({ kind: 'revoked' });
    if (answer.status !== 200 || !body) {
      console.warn(`box registration refused: ${answer.status} ${body?.error?.en ?? ''}`);
      return this.become({ kind: 'pairing', code: null, expiresAt: null, offline: true });
    }
    // Bound already, but the index is not out yet: the next look finds it.
    return this.become({
      kind: 'pairing',
      code: body.bound ? null : (body.code ?? null),
      expiresAt: body.expiresAt ?? null,
      offline: false,
    });
  }

  private become(next: HouseholdState, pagesChanged = false): boolean {
    const changed = pagesChanged || JSON.stringify(next) !== JSON.stringify(this.state);
    this.state = next;
    return changed;
  }

  private feedFile(path: string): string {
    return this.options.feedUrl.replace(/\/?$/, '/') + path;
  }
}
