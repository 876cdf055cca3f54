/**
 * The box's own small check of feed files (src/tv/data/feedCheck.ts), which replaced TypeBox's
 * validator on the box: it accepts every file the service's full validation accepts (the
 * committed sample) and names the field of what it refuses.
 */
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkDistrict, checkLedgerMonth, checkStreet, checkVillage } from '../../src/tv/data/feedCheck';
import { validateDistrict, validateLedgerMonth, validateStreet, validateVillage } from '../../src/feed/validate';

const FEED = 'static/feed';
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)],
  );
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

const CHECKS = {
  district: [checkDistrict, validateDistrict],
  street: [checkStreet, validateStreet],
  village: [checkVillage, validateVillage],
  ledgerMonth: [checkLedgerMonth, validateLedgerMonth],
} as const;

test('the box accepts every file of the sample feed, as the service does', () => {
  const feedFiles = files(FEED).filter((path) => path.endsWith('.json') && !path.includes('/media/'));
  expect(feedFiles.length).toBeGreaterThan(5);
  for (const path of feedFiles) {
    const data = json(path);
    const [boxCheck, serverCheck] = CHECKS[data.kind as keyof typeof CHECKS];
    expect(serverCheck(data).ok, path).toBe(true);
    expect(boxCheck(data), path).toEqual({ ok: true, value: data });
  }
});

test('the box refuses a file whose fields it reads are missing or of the wrong type, and names them', () => {
  const village = json(`${FEED}/villages/370703001001.json`) as {
    channels: { content: unknown }[];
    region: { name?: unknown };
  };
  const broken = structuredClone(village);
  delete broken.region.name;
  broken.channels[0]!.content = 'not a list';
  const result = checkVillage(broken);
  expect(result.ok).toBe(false);
  const paths = result.ok ? [] : result.problems.map((p) => p.path);
  expect(paths).toContain('/region/name');
  expect(paths.some((p) => p.startsWith('/channels/0'))).toBe(true);
  expect(checkVillage({ ...village, schemaVersion: 2 }).ok).toBe(false);
});

test('the box checks a ledger month adds up', () => {
  const dir = `${FEED}/villages/370703001001/ledger`;
  const month = json(join(dir, readdirSync(dir)[0]!));
  const result = checkLedgerMonth({ ...month, incomeFen: (month.incomeFen as number) + 1 });
  expect(result.ok).toBe(false);
  expect(result.ok ? [] : result.problems.map((p) => p.path)).toContain('/incomeFen');
});
