/**
 * Every one of the 25 sub-channels is reached from home by the arrows and OK alone,
 * shows its own content, and Back returns to the very tile it was opened from.
 */
import { test, expect } from '@playwright/test';
import { CHANNELS, type SectionId } from '../../src/feed/taxonomy';
import zhHans from '../../src/i18n/zh-Hans.json' with { type: 'json' };
import {
  expectCrumbs,
  expectFocusedRef,
  expectText,
  feedChannel,
  firstText,
  goToTile,
  keepScreenshot,
  openHome,
  press,
} from './tv';

const SECTION_NAMES: Record<SectionId, string> = {
  district: zhHans['section.district'],
  street: zhHans['section.street'],
  village: zhHans['section.village'],
  household: zhHans['section.household'],
};

for (const section of ['district', 'street', 'village', 'household'] as const) {
  test(`every sub-channel of the ${section} section opens and Back returns to its tile`, async ({ page }, testInfo) => {
    const specs = CHANNELS.filter((c) => c.section === section);
    // Room by the work done: ten sub-channels opened and closed take long on a loaded machine.
    test.setTimeout(20_000 + specs.length * 12_000);
    await openHome(page);
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
