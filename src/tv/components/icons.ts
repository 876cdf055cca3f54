/**
 * The icon textures' files (static/icons/, rendered from tools/icons/svg/ by `npm run icons`):
 * white pictograms on transparent, tinted by the element's `color` so one file serves every theme.
 */

/** A sub-channel's icon, as a path under static/. */
export const channelIconFile = (channel: number): string => `icons/channel-${String(channel).padStart(2, '0')}.png`;
export const LOCK_ICON_FILE = 'icons/lock.png';
