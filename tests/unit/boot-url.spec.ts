/** The reload after a lost WebGL context keeps every parameter and the router's page (hash). */
import { test, expect } from '@playwright/test';
import { withParam } from '../../src/tv/boot/url';

test('withParam sets one parameter and keeps the rest and the hash', () => {
  expect(withParam('http://box/?village=370703001001&lang=en#village/12', 'renderer', 'canvas2d')).toBe(
    'http://box/?village=370703001001&lang=en&renderer=canvas2d#village/12',
  );
  expect(withParam('http://box/', 'renderer', 'canvas2d')).toBe('http://box/?renderer=canvas2d');
  expect(withParam('http://box/?renderer=webgl#home', 'renderer', 'canvas2d')).toBe(
    'http://box/?renderer=canvas2d#home',
  );
});
