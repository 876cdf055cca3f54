/**
 * 我要提问 from the remote, in Chromium against the real service (polled every 2 s): a newcomer
 * binds the box, asks about a voucher's amount with the green key, the clerk answers through
 * the API as of public interest, and without a reload the box's 25 shows the answer, 20 shows
 * the public version, and the voucher says it was asked and answered. And a box that is offline
 * keeps its question (待发送) and delivers it exactly once when the network is back.
 */
import { test, expect, type Page } from '@playwright/test';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import { call, startService, type RunningService } from '../server/harness';
import { expectText, focusedTexts, goToTile, press, sample, screenTexts } from './tv';

let service: RunningService;
test.beforeAll(async () => {
  service = await startService(undefined, ['--poll-seconds', '2']);
});
test.afterAll(async () => service.stop());

interface Listed {
  id: number;
  household: string;
  about: string;
  status: string;
}

const questionsOf = async (household: string): Promise<Listed[]> => {
  const answer = await call(service, 'GET', '/api/questions', service.tokens.clerk.token);
  expect(answer.status).toBe(200);
  return (answer.body as Listed[]).filter((q) => q.household === household);
};

const markDocument = (page: Page) =>
  page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
const sameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);

/** Opens the box on the sample village, shows its pairing code and binds it to `household` as the clerk. */
const bindBox = async (page: Page, household: string) => {
  await page.goto(`${service.url}/?inspector=1&village=${sample().villageCode}`);
  await expect(page.locator('[ref="Tab-village"]')).toBeVisible();
  await markDocument(page);
  await goToTile(page, 'household', 4);
  await press(page, 'Enter');
  await expectText(page, /^[0-9]{3} [0-9]{3}$/, 20_000);
  const code = (await screenTexts(page)).find((s) => /^[0-9]{3} [0-9]{3}$/.test(s))!.replace(' ', '');
  const bound = await call(service, 'POST', '/api/households/bind', service.tokens.clerk.token, { code, household });
  expect(bound.status, JSON.stringify(bound.body)).toBe(201);
  // The box leaves the code for the household's 25 by itself: its first row is 一键求助.
  await expectText(page, zhHans['household.helpEntry.detail'], 20_000);
};

/** The first voucher of the newest month, by channel number and OK, as a villager reaches it. */
const openVoucher = async (page: Page): Promise<string> => {
  await press(page, '1');
  await press(page, '5');
  await expectText(page, zhHans['channel.15']);
  await press(page, 'Enter');
  await press(page, 'Enter');
  await expectText(page, zhHans['ask.button']);
  const title = (await screenTexts(page)).find((s) => /^凭证 [记收付转]-[0-9]+$/.test(s));
  expect(title).toBeTruthy();
  return title!.replace('凭证 ', '');
};

/** The green key on the voucher, 金额有疑问 (OK), 确认提交 (OK): three presses. */
const askAboutAmount = async (page: Page) => {
  await press(page, 'g');
  await expectText(page, zhHans['ask.title']);
  await expectText(page, zhHans['ask.reason.amount']);
  await press(page, 'Enter');
  await press(page, 'Enter');
  await expectText(page, zhHans['channel.25']);
};

test('a newcomer binds the box, asks about a voucher amount, the clerk answers in public, and the TV shows the answer in 25, the public Q&A in 20 and the mark on the voucher, without a reload', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const household = `${sample().villageCode}-h011`;
  await bindBox(page, household);
  const voucher = await openVoucher(page);
  await askAboutAmount(page);
  await expectText(page, zhHans['question.status.received'], 15_000);
  await expectText(page, voucher);

  const [question] = await questionsOf(household);
  expect(question).toMatchObject({ status: 'received' });
  expect(question!.about).toContain(voucher);
  expect(question!.about).toMatch(/¥[0-9,]+\.[0-9]{2}$/);
  const text = '经核对，这笔支出与发票金额一致，发票已附在凭证后。';
  const answered = await call(service, 'POST', `/api/questions/${question!.id}/answer`, service.tokens.clerk.token, {
    text,
    public: true,
  });
  expect(answered.status, JSON.stringify(answered.body)).toBe(200);

  // The household's 25 shows the answer within a poll; OK reads it in full.
  await expectText(page, zhHans['question.status.answered'], 15_000);
  // Down from 一键求助, 25's first row, to the question.
  const onAnswer = async () => (await focusedTexts(page)).some((s) => s.includes(zhHans['question.status.answered']));
  for (let row = 0; row < 5 && !(await onAnswer()); row++) await press(page, 'ArrowDown');
  expect(await onAnswer()).toBe(true);
  await press(page, 'Enter');
  // The reader wraps the answer over lines.
  const wrapped = (words: string) => new RegExp(Array.from(words).join('\\s*'));
  await expectText(page, wrapped(`答复：${text}`));

  // The committee approves the public version and the street publishes it: 20 shows it, the asker as 村民.
  const { committee, admin } = service.tokens;
  expect(
    (await call(service, 'POST', `/api/drafts/${answered.body.publicDraft}/approve`, committee.token)).status,
  ).toBe(200);
  expect((await call(service, 'POST', '/api/publish', admin.token, {})).status).toBe(200);
  await press(page, '2');
  await press(page, '0');
  const title = `关于${question!.about}的提问`;
  await expectText(page, title, 15_000);
  const onIt = async () => (await focusedTexts(page)).some((s) => s.includes(title));
  // The list may have come before the publish and kept its focus on the row it had: from the top.
  await press(page, 'PageUp');
  for (let row = 0; row < 20 && !(await onIt()); row++) await press(page, 'ArrowDown');
  expect(await onIt()).toBe(true);
  await press(page, 'Enter');
  await expectText(page, wrapped(text));
  await expectText(page, '提问人：村民');
  // The voucher says it was asked and answered.
  await openVoucher(page);
  await expectText(page, zhHans['voucher.askedAnswered']);
  expect(await sameDocument(page)).toBe(true);
});

test('an offline box keeps its question as 待发送 and delivers it exactly once when the network is back', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const household = `${sample().villageCode}-h012`;
  await bindBox(page, household);
  await openVoucher(page);
  await page.context().setOffline(true);
  await askAboutAmount(page);
  await expectText(page, zhHans['question.status.pending']);
  expect(await questionsOf(household)).toEqual([]);

  await page.context().setOffline(false);
  await expectText(page, zhHans['question.status.received'], 20_000);
  expect(await questionsOf(household)).toHaveLength(1);
  // Two more polls later (each sends whatever is still queued), still one.
  for (let i = 0; i < 2; i++) await page.waitForRequest(/\/feed\/manifest\.json/, { timeout: 15_000 });
  expect(await questionsOf(household)).toHaveLength(1);
  expect(await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.endsWith('outbox'))?.[1])).toBe('[]');
  expect(await sameDocument(page)).toBe(true);
});
