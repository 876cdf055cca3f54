// Minimal types for the parts of fontkit 2 that this project uses (the package ships none).
declare module 'fontkit' {
  export interface Font {
    /** 'TTF', 'WOFF', 'WOFF2', ... */
    readonly type: string;
    readonly postscriptName: string;
    readonly familyName: string;
    readonly numGlyphs: number;
    /** Every code point the font's cmap maps to a glyph. */
    readonly characterSet: number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export interface FontCollection {
    /** 'TTC' or 'DFont' */
    readonly type: string;
    readonly fonts: Font[];
    getFont(postscriptName: string): Font | null;
  }
  export function openSync(filename: string, postscriptName?: string): Font | FontCollection;
  export function open(filename: string, postscriptName?: string): Promise<Font | FontCollection>;
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}
