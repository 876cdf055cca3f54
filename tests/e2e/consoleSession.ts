/**
 * What the console's end-to-end specs share: a feed service of the spec's own (its sample
 * operators' passwords read from its data directory), browser contexts closed after each test,
 * signing in as an operator does, and the check every console page passes (axe-core, nothing
 * wider than the screen, its screenshot kept in docs/console/).
 */
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { readSampleSignIns } from '../../server/seed/seedSample';
import { startService, type RunningService } from '../server/harness';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };

interface PageOptions {
  viewport?: { width: number; height: number };
  baseURL?: string;
  /** Done to the context before its page opens (an init script, say). */
  prepare?: (context: BrowserContext) => Promise<unknown>;
}

/**
 * Registers the spec's hooks: its service started before its tests (`start`, by default a copy
 * of the run's seeded sample) and stopped after them, and the contexts a test opened closed
 * after it. The service and the passwords are read once the hooks have run.
 */
export const useConsoleService = (start: () => Promise<RunningService> = () => startService()) => {
  let service: RunningService | undefined;
  let passwords: Record<string, string> = {};
  const opened: BrowserContext[] = [];
  test.beforeAll(async () => {
    service = await start();
    passwords = Object.fromEntries(
      readSampleSignIns(join(service.dataDir, 'operator-tokens.txt')).map((s) => [s.username, s.password]),
    );
  });
  test.afterAll(async () => service?.stop());
  test.afterEach(async () => {
    for (const context of opened.splice(0)) await context.close();
  });
  const running = () => {
    if (!service) throw new Error('the console service is not started: use it inside a test');
    return service;
  };

  const newPage = async (browser: Browser, options: PageOptions = {}): Promise<Page> => {
    const context = await browser.newContext({
      viewport: options.viewport ?? DESKTOP,
      ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    });
    opened.push(context);
    await options.prepare?.(context);
    return context.newPage();
  };

  /** A fresh browser for one operator, signed in through the sign-in page (a sample operator's password unless given). */
  const signIn = async (
    browser: Browser,
    username: string,
    options: PageOptions & { password?: string; query?: string } = {},
  ): Promise<Page> => {
    const page = await newPage(browser, options);
    await page.goto(`${running().url}/console/${options.query ?? ''}`);
    await page.getByLabel('登录名').fill(username);
    await page.getByLabel('密码').fill(options.password ?? passwords[username]!);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
    return page;
  };

  return {
    get service() {
      return running();
    },
    get passwords() {
      return passwords;
    },
    newPage,
    signIn,
  };
};

/**
 * No serious or critical axe-core violation on the page as it is, nothing wider than its screen,
 * and its screenshot kept. With `alsoOnPhone`, the page is laid out again 360 px wide and must fit.
 */
export const checkPage = async (page: Page, name: string, options: { alsoOnPhone?: boolean } = {}) => {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  const fits = async () =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      page.viewportSize()!.width,
    );
  await fits();
  await page.screenshot({ path: `docs/console/${name}.png`, fullPage: true });
  if (options.alsoOnPhone) {
    const size = page.viewportSize()!;
    await page.setViewportSize(PHONE);
    await fits();
    await page.setViewportSize(size);
  }
};
