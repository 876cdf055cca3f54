/**
 * The app's timers, on the SDK's Registry: it clears every timer it holds when the app
 * closes, so that nothing of a closed app runs on (a poll, a retry, a notice's end).
 */
import { Registry } from '@lightningjs/sdk';
import { Timer, type Clock } from './timer';

export const appClock: Clock = {
  setTimeout: (callback, ms) => Registry.setTimeout(callback, ms) as unknown,
  // The Registry is told only of a timer still pending (Timer sees to it): it logs any other.
  clearTimeout: (id) => Registry.clearTimeout(id),
};

export const appTimer = (): Timer => new Timer(appClock);
