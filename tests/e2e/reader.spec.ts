/** Reading: long texts page with channel up/down; a clip plays full screen. */
import { test, expect, type Page } from '@playwright/test';
import type { Article, ChannelOfKind } from '../../src/feed/schema';
import { CHANNELS } from '../../src/feed/taxonomy';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import { expectCrumbs, expectFocusedText, expectText, goToTile, keepScreenshot, openHome, press, sample } from './tv';

const articleChannels = () => {
  const { district, street, village } = sample();
  return [...district.channels, ...street.channels, ...village.channels].filter(
    (c): c is ChannelOfKind<'articles'> => c.kind === 'articles',
  );
};

const length = (a: Article) => a.body.join('').length;

const openArticle = async (page: Page, channelId: number, index: number) => {
  const spec = CHANNELS.find((c) => c.id === channelId)!;
  const tileIndex = CHANNELS.filter((c) => c.section === spec.section).indexOf(spec);
  await goToTile(page, spec.section as 'district' | 'street' | 'village', tileIndex);
  await press(page, 'Enter');
  await expectCrumbs(page, zhHans[`section.${spec.section}`], zhHans[`channel.${channelId}` as keyof typeof zhHans]);
  await press(page, 'ArrowDown', index);
  await press(page, 'Enter');
};

test('a long article is read page by page with channel up/down', async ({ page }, testInfo) => {
  const channel = articleChannels().sort(
    (a, b) => Math.max(...b.content.map(length)) - Math.max(...a.content.map(length)),
  )[0]!;
  const article = channel.content.reduce((a, b) => (length(b) > length(a) ? b : a));
  expect(length(article)).toBeGreaterThan(2000);
  await openHome(page);
  await openArticle(page, channel.id, channel.content.indexOf(article));
  await expectText(page, article.title);
  const pageLabel = page.locator('[ref="PageNumber"]');
  await expect(pageLabel).toHaveAttribute('texture-text', /^第 1 \/ \d+ 页$/);
  const pages = Number(/\/ (\d+)/.exec((await pageLabel.getAttribute('texture-text'))!)![1]);
  expect(pages).toBeGreaterThan(2);
  const body = page.locator('[ref="Body"]:visible');
  const first = await body.getAttribute('texture-text');
  expect(first).toContain(article.body[0]!.slice(0, 10));
  await keepScreenshot(page, testInfo, 'reader-page-1');
  await press(page, 'PageDown');
  await expect(pageLabel).toHaveAttribute('texture-text', `第 2 / ${pages} 页`);
  await expect(body).not.toHaveAttribute('texture-text', first!);
  await press(page, 'PageDown', pages + 3);
  await expect(pageLabel).toHaveAttribute('texture-text', `第 ${pages} / ${pages} 页`);
  const lastLine = article.body[article.body.length - 1]!.slice(-8);
  expect((await body.getAttribute('texture-text'))!.replace(/\n/g, '')).toContain(lastLine);
  await press(page, 'PageUp');
  await expect(pageLabel).toHaveAttribute('texture-text', `第 ${pages - 1} / ${pages} 页`);
  // Back and in again: the reader remembers nothing stale, the list remembers the item.
  await press(page, 'Backspace');
  await expectFocusedText(page, article.title);
});

test('a news item with a clip plays it full screen, and Back returns to the item', async ({ page }, testInfo) => {
  const channel = articleChannels().find((c) => c.content.some((a) => a.video))!;
  const index = channel.content.findIndex((a) => a.video);
  await openHome(page);
  await openArticle(page, channel.id, index);
  await expectText(page, zhHans['reader.playVideo']);
  await press(page, 'Enter');
  const video = page.locator('video#video-player');
  await expect
    .poll(async () => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 })
    .toBeGreaterThan(0.3);
  await expect(video).toBeVisible();
  await keepScreenshot(page, testInfo, 'video');
  await press(page, 'Enter');
  await expect.poll(async () => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
  await press(page, 'Backspace');
  await expect(video).toBeHidden();
  await expectText(page, channel.content[index]!.title);
});
