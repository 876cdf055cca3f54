/**
 * Built on its own into dist/cn2tw.js (see rollup.config.js): OpenCC's Simplified → Taiwan
 * standard converter, loaded only by boxes set to Traditional Chinese.
 */
import { ConverterFactory } from 'opencc-js/core';
import fromCn from 'opencc-js/from/cn';
import toTw from 'opencc-js/to/tw';

(window as unknown as { sanwuCn2Tw: (text: string) => string }).sanwuCn2Tw = ConverterFactory(fromCn, toTw);
