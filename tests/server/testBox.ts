/**
 * A set-top box for in-process tests: its own keys, signed requests to the service (inject),
 * and its registration and binding to a household of the sample clerk's village.
 */
import { expect } from '@playwright/test';
import { boxIdOf, newBoxKeys, privateIndexPath, type BoxKeys } from '../../src/household/boxKeys';
import { toBase64 } from '../../src/household/bytes';
import type { PrivateIndex } from '../../src/household/pages';
import { signRequest } from '../../src/household/signedRequest';
import { call, type InProcessService } from './inProcess';

type SignOptions = { time?: number; nonce?: string };

export class TestBox {
  readonly keys: BoxKeys = newBoxKeys();
  readonly id = boxIdOf(this.keys.sign.publicKey);

  constructor(private readonly service: InProcessService) {}

  /** The signature headers of a POST, apart from sending it: for a forger's, an altered or a replayed request. */
  signed(path: string, body: string, options: SignOptions = {}) {
    return signRequest(
      { method: 'POST', path, time: options.time ?? Date.now(), body, nonce: options.nonce },
      this.id,
      this.keys.sign.secretKey,
    );
  }

  /** A POST with exactly these headers: none (unsigned) or ones signed before (a replay). */
  async postRaw(path: string, body: string, headers: Record<string, string>) {
    const response = await this.service.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/json', ...headers },
      payload: body,
    });
    return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : null };
  }

  /** A signed POST, as the box sends it; `headers` replace the signed ones (a forger's request). */
  async post(path: string, body: string, options: SignOptions & { headers?: Record<string, string> } = {}) {
    const signed = this.signed(path, body, options);
    return { ...(await this.postRaw(path, body, { ...signed, ...options.headers })), headers: signed };
  }

  /** The body a box registers with: its public keys and, if it has one, its device id. */
  registration(deviceId?: string) {
    return JSON.stringify({
      signKey: toBase64(this.keys.sign.publicKey),
      sealKey: toBase64(this.keys.seal.publicKey),
      ...(deviceId ? { deviceId } : {}),
    });
  }

  /** Registers without binding, its answer unchecked: for tests of registration itself and its refusals. */
  register(deviceId?: string) {
    return this.post('/box/register', this.registration(deviceId));
  }

  /** Registers and, with `household`, is bound to it by the village's clerk (or by `token`'s operator elsewhere). */
  async setUp(household?: string, token = this.service.tokens.clerk.token) {
    const registered = await this.register();
    expect(registered.status).toBe(200);
    if (household) {
      const bound = await call(this.service, 'POST', '/api/households/bind', token, {
        code: registered.body.code,
        household,
      });
      expect(bound.status, JSON.stringify(bound.body)).toBe(201);
    }
    return this;
  }

  /** A file of the feed as the box fetches it (unsigned GET): its private index or a sealed object. */
  async feedFile(path: string) {
    const response = await this.service.app.inject({ method: 'GET', url: `/feed/${path}` });
    return { status: response.statusCode, bytes: response.rawPayload };
  }

  /** The box's private index, or null where the feed has none for it (unbound, revoked). */
  async index(): Promise<{ status: number; index: PrivateIndex | null }> {
    const { status, bytes } = await this.feedFile(privateIndexPath(this.keys.sign.publicKey));
    return { status, index: status === 200 ? JSON.parse(bytes.toString('utf8')) : null };
  }
}
