/**
 * A set-top box for in-process tests: its own keys, signed requests to the service (inject),
 * and its registration and binding to a household of the sample clerk's village.
 */
import { expect } from '@playwright/test';
import { boxIdOf, newBoxKeys, type BoxKeys } from '../../src/household/boxKeys';
import { toBase64 } from '../../src/household/bytes';
import { signRequest } from '../../src/household/signedRequest';
import { call, type InProcessService } from './inProcess';

export class TestBox {
  readonly keys: BoxKeys = newBoxKeys();
  readonly id = boxIdOf(this.keys.sign.publicKey);

  constructor(private readonly service: InProcessService) {}

  /** A signed POST, as the box sends it; `headers` replace the signed ones (a forger's request). */
  async post(path: string, body: string, options: { time?: number; headers?: Record<string, string> } = {}) {
    const signed = signRequest(
      { method: 'POST', path, time: options.time ?? Date.now(), body },
      this.id,
      this.keys.sign.secretKey,
    );
    const response = await this.service.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/json', ...signed, ...options.headers },
      payload: body,
    });
    return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : null, headers: signed };
  }

  /** Registers and, with `household`, is bound to it by the village's clerk. */
  async setUp(household?: string) {
    const registered = await this.post(
      '/box/register',
      JSON.stringify({ signKey: toBase64(this.keys.sign.publicKey), sealKey: toBase64(this.keys.seal.publicKey) }),
    );
    expect(registered.status).toBe(200);
    if (household) {
      const bound = await call(this.service, 'POST', '/api/households/bind', this.service.tokens.clerk.token, {
        code: registered.body.code,
        household,
      });
      expect(bound.status, JSON.stringify(bound.body)).toBe(201);
    }
    return this;
  }
}
