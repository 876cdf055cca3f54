/**
 * Text files come in UTF-8 (with or without a byte-order mark), GBK/GB18030 from older
 * Chinese programs, or UTF-16 from Excel's "Unicode text". A file that is valid UTF-8 is
 * taken as UTF-8: GBK text is almost never valid UTF-8, while the reverse guess would
 * silently garble every character.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'gb18030';

export const decodeText = (bytes: Uint8Array): { text: string; encoding: TextEncoding } => {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  try {
    // TextDecoder drops a leading BOM itself.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
};
