/**
 * Every one of the 25 sub-channels is reached from home by the arrows and OK alone,
 * shows its own content, and Back returns to the very tile it was opened from.
 */
import { test, expect } from '@playwright/test';
import type { Channel } from '../../src/feed/schema';
import { CHANNELS, type SectionId } from '../../src/feed/taxonomy';
import { formatMonth } from '../../src/format/dates';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import { expectCrumbs, expectFocusedRef, expectText, goToTile, keepScreenshot, openHome, press, sample } from './tv';

const SECTION_NAMES: Record<SectionId, string> = {
  district: zhHans['section.district'],
  street: zhHans['section.street'],
  village: zhHans['section.village'],
  household: zhHans['section.household'],
};

/** A text that only this sub-channel's own screen would show. */
const firstText = (channel: Channel): string => {
  switch (channel.kind) {
    case 'articles':
      return channel.content[0]!.title;
    case 'faq':
      return channel.content[0]!.items[0]!.question.slice(0, 12);
    case 'qa':
      return channel.content[0]!.title;
    case 'alerts':
      return channel.content[0]!.title;
    case 'guide':
      return channel.content[0]!.title;
    case 'tables':
      return channel.content[0]!.title;
    case 'contacts':
      return channel.content[0]!.name;
    case 'people':
      return channel.content[0]!.name;
    case 'profile':
      return channel.content.title;
    case 'ledger':
      return formatMonth(channel.content.months[channel.content.months.length - 1]!.month);
  }
};

const feedChannel = (id: number): Channel | undefined => {
  const { district, street, village } = sample();
  return [...district.channels, ...street.channels, ...village.channels].find((c) => c.id === id);
};

for (const section of ['district', 'street', 'village', 'household'] as const) {
  test(`every sub-channel of the ${section} section opens and Back returns to its tile`, async ({ page }, testInfo) => {
    await openHome(page);
    const specs = CHANNELS.filter((c) => c.section === section);
    for (const [index, spec] of specs.entries()) {
      await goToTile(page, section, index);
      await expectFocusedRef(page, `Channel-${spec.id}`);
      await press(page, 'Enter');
      const name = zhHans[`channel.${spec.id}` as keyof typeof zhHans];
      await expectCrumbs(page, SECTION_NAMES[section], name);
      const channel = feedChannel(spec.id);
      await expectText(page, channel ? firstText(channel) : zhHans['household.unbound.title']);
      if (index === 0) await keepScreenshot(page, testInfo, `${section}-${spec.id}`);
      await press(page, 'Backspace');
      await expectFocusedRef(page, `Channel-${spec.id}`);
    }
    expect(specs.length).toBeGreaterThan(0);
  });
}
