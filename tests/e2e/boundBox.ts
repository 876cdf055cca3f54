/**
 * Binding the box in front of the test to a household, as a newcomer does: 25 shows the pairing
 * code, the sample clerk binds it through the API of the suite's web server, and the box turns to
 * the household's pages by itself.
 */
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { HouseholdsFile } from '../../src/household/pages';
import { expectText, openHome, press, sample, screenTexts } from './tv';

const PORT = Number(process.env.SANWU_TEST_PORT ?? 8391);

/** The sample clerk's token on the suite's web server (its data directory's token file). */
export const clerkToken = () =>
  readFileSync(`.test-data/e2e-${PORT}/operator-tokens.txt`, 'utf8')
    .split('\n')
    .find((line) => line.startsWith('clerk\t'))!
    .split('\t')[3]!;

/** A household of the sample village's roll; each test takes an index no other test binds. */
export const sampleHousehold = (index: number) => {
  const { villageCode } = sample();
  const file = JSON.parse(readFileSync(`static/private/households/${villageCode}.json`, 'utf8')) as HouseholdsFile;
  return file.households[index]!;
};

/** Opens home, shows 25's pairing code (2, 5), binds it as the clerk, and waits for `shown` in the household's 25. */
export const bindShownBox = async (page: Page, household: string, shown: string) => {
  await openHome(page);
  await press(page, '2');
  await press(page, '5');
  await expectText(page, /^[0-9]{3} [0-9]{3}$/, 20_000);
  const code = (await screenTexts(page)).find((s) => /^[0-9]{3} [0-9]{3}$/.test(s))!.replace(' ', '');
  const bound = await page.request.post('/api/households/bind', {
    headers: { authorization: `Bearer ${clerkToken()}` },
    data: { code, household },
  });
  expect(bound.status()).toBe(201);
  await expectText(page, shown, 20_000);
};
