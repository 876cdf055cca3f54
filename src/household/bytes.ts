/**
 * Bytes, base64 and UTF-8 by hand, for box and service alike: old box engines lack TextEncoder,
 * and old WebKit has no atob inside workers.
 */
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export const toBase64 = (bytes: Uint8Array): string => {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    const triple = (a << 16) | (b << 8) | c;
    out += BASE64.charAt((triple >> 18) & 63) + BASE64.charAt((triple >> 12) & 63);
    out += i + 1 < bytes.length ? BASE64.charAt((triple >> 6) & 63) : '=';
    out += i + 2 < bytes.length ? BASE64.charAt(triple & 63) : '=';
  }
  return out;
};

export const fromBase64 = (text: string): Uint8Array => {
  const digits = text.replace(/=+$/, '');
  if (/[^A-Za-z0-9+/]/.test(digits) || digits.length % 4 === 1) throw new Error('not base64');
  const bytes = new Uint8Array(Math.floor((digits.length * 3) / 4));
  let bits = 0;
  let count = 0;
  let out = 0;
  for (let i = 0; i < digits.length; i++) {
    bits = ((bits << 6) | BASE64.indexOf(digits.charAt(i))) & 0xffffff;
    count += 6;
    if (count >= 8) {
      count -= 8;
      bytes[out++] = (bits >> count) & 0xff;
    }
  }
  return bytes;
};

const bytesOf = (binary: string): Uint8Array => {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};

/** UTF-8 bytes without TextEncoder, which engines before Chrome 38 lack. */
export const utf8Bytes = (text: string): Uint8Array => bytesOf(unescape(encodeURIComponent(text)));

/** Text from UTF-8 bytes, by the classic escape round trip where there is no TextDecoder. */
export const utf8Text = (bytes: Uint8Array): string => {
  if (typeof TextDecoder === 'function') return new TextDecoder().decode(bytes);
  let binary = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode.apply(null, Array.prototype.slice.call(bytes, i, i + CHUNK) as number[]);
  return decodeURIComponent(escape(binary));
};

export const concatBytes = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};
