/**
 * `--trust-proxy`: which reverse proxies may tell the service a client's address. Behind nginx
 * every box reaches the service from the proxy's address, so per-box limits (the boot-failure
 * reports') would be shared by the whole district; with the proxy trusted, Fastify takes the
 * box's address from X-Forwarded-For. Off by default: without a trusted proxy in front, anyone
 * could forge that header and escape the limit.
 */
import { isIP } from 'node:net';
import type { FastifyServerOptions } from 'fastify';

/** Fastify's `trustProxy`: how many proxies hop in front, or which addresses are proxies. */
export type TrustedProxies = number | string[];

const isAddressOrRange = (entry: string) => {
  const [address, bits, extra] = entry.split('/');
  if (extra !== undefined || !address) return false;
  const family = isIP(address);
  if (!family) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
};

/**
 * '' or 'off' → not trusted; a whole number ≥ 1 → that many proxy hops; otherwise a
 * comma-separated list of addresses and CIDR ranges. Anything else is an error naming the value.
 */
export const parseTrustProxy = (value: string): TrustedProxies | undefined => {
  const text = value.trim();
  if (text === '' || text === 'off') return undefined;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops >= 1 && hops <= 10) return hops;
    throw new Error(`--trust-proxy: a number of proxy hops must be 1 to 10 (not "${value}").`);
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isAddressOrRange(entry));
  if (bad.length)
    throw new Error(
      `--trust-proxy: "${bad.join('", "')}" is not an IP address or CIDR range; give the proxies' addresses (e.g. 127.0.0.1,10.0.0.0/8) or a number of hops.`,
    );
  return entries;
};

/** As Fastify takes it: hops as a function of the hop's index (its types have no number form). */
export const fastifyTrustProxy = (trusted: TrustedProxies | undefined): FastifyServerOptions['trustProxy'] =>
  trusted === undefined
    ? false
    : typeof trusted === 'number'
      ? (_address: string, hop: number) => hop < trusted
      : trusted;
