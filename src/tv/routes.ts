/**
 * The map of the whole app. Each route's data provider turns feed files into the
 * page's view model; pages never fetch. Depth from home: list → item → photos/video;
 * the ledger drills months → month → voucher → receipt.
 */
import { Router } from '@lightningjs/sdk';
import type { Channel } from '../feed/schema';
import { detached, drawAhead } from './components/drawAhead';
import { t } from '../i18n';
import { box } from './context';
import { FeedError } from './data/feedClient';
import {
  presentDocument,
  presentHome,
  presentList,
  presentPhotos,
  presentStreetPicker,
  presentVillagePicker,
} from './data/present';
import { householdTarget, presentHouseholdList, presentHouseholdTable, presentPairing } from './kinds/household';
import { presentMonth, presentReceipt, presentVoucher } from './kinds/ledger';
import { presentPeople } from './kinds/people';
import { presentTable } from './kinds/tables';
import { chooseVillage } from './data/village';
import { inScript } from './data/script';
import { CHOOSE_VILLAGE_PATH } from './routePaths';
import { ErrorPage } from './pages/ErrorPage';
import { GalleryPage } from './pages/GalleryPage';
import { HelpPage } from './pages/HelpPage';
import { HomePage } from './pages/HomePage';
import { ListPage } from './pages/ListPage';
import { MonthPage } from './pages/MonthPage';
import { PeoplePage } from './pages/PeoplePage';
import { PairingPage } from './pages/PairingPage';
import { PickerPage } from './pages/PickerPage';
import { ReaderPage } from './pages/ReaderPage';
import { ReceiptPage } from './pages/ReceiptPage';
import { SettingsPage } from './pages/SettingsPage';
import { TablePage } from './pages/TablePage';
import { VideoPage } from './pages/VideoPage';
import { VoucherPage } from './pages/VoucherPage';
import { AskPage } from './pages/AskPage';
import { PollPage } from './pages/PollPage';
import { RatePage } from './pages/RatePage';
import { pendingRating, rateAnswer } from './voice/ratings';
import { looksLikeHouseholdQuestion } from '../household/questions';
import { channelCrumbs } from './kinds/common';
import { castVote, PollBoard, presentPolls } from './voice/polls';
import { readTopics, sendSuggestion } from './voice/suggestions';
import { SuggestPage } from './pages/SuggestPage';
import { askedAboutVoucher } from './voice/askedAbout';
import { askQuestion, questionDocument } from './voice/questions';
import { itemTopic, rowTopic, voucherTopic, type AskTopic } from './voice/topics';

type Params = Record<string, string>;
type Provider<P> = (page: P, params: Params) => Promise<void>;
type RouteDefinition = Parameters<typeof Router.startRouter>[0]['routes'][number];

/**
 * A route that acts and shows no page of its own. The SDK's router runs a route's hook with
 * the params of its path whether or not it has a component; its types require one.
 */
const action = (path: string, hook: (params: Params) => void): RouteDefinition =>
  ({ path, hook: (_app: unknown, params: Params) => hook(params) }) as unknown as RouteDefinition;

/** How to fill each live page again after a feed update (media pages stay as they are). */
const refreshers = new WeakMap<object, () => Promise<void>>();

const live =
  <P extends object>(provide: Provider<P>): Provider<P> =>
  (page, params) => {
    refreshers.set(page, () => provide(page, params));
    return provide(page, params);
  };

/** Refills a page in place from the current feed; its focus and scroll stay as they are. */
export const refreshPage = (page: object): Promise<void> => refreshers.get(page)?.() ?? Promise.resolve();

const found = <T>(value: T | null | undefined, what: string): T => {
  if (value === null || value === undefined) throw new FeedError('notFound', what);
  return value;
};

/** The channel from the box's feeds, loading them first if needed. */
const channel = async (id: string): Promise<Channel> => {
  await box().store.load();
  return found(box().store.channel(Number(id)), `channel ${id}`);
};

const documentOf = async ({ channel: id = '', item = '' }: Params) =>
  found(presentDocument(await channel(id), item, box().now()), `${id}/${item}`);

const month = async (value = '') => box().store.ledgerMonth(value);

/** A page of the bound household, as last opened from the files sealed to this box. */
const householdPage = (id: string) => {
  const state = box().household.state;
  return state.kind === 'bound' ? state.pages[Number(id)] : undefined;
};

const lastPart = (target: string): string => target.slice(target.lastIndexOf('/') + 1);

/** 我要提问 about a topic: sent through the box's outbox, once the box is bound. */
const askAbout = (topic: AskTopic) => ({
  topic,
  bound: box().household.bound,
  send: (reason: Parameters<typeof askQuestion>[1]['reason'], callBack: boolean) =>
    void askQuestion(box().outbox, { subject: topic.subject, reason, callBack, about: topic.about }).then(showSent),
});

/** Once sent, the household's 25 on screen shows it as the service listed it (已收到), not 待发送. */
const showSent = async () => {
  await box().household.refresh(box().now());
  const page = Router.getActivePage();
  if (page && !Router.isNavigating() && String(Router.getActiveHash() ?? '').startsWith('mine/'))
    await refreshPage(page);
};

/** The village's polls as the service last told this household (asked again as a poll screen opens). */
const pollBoard = new PollBoard(() => {
  const { household, now } = box();
  return { identity: household.bound ? household.identity : null, serviceUrl: household.serviceUrl, now: now() };
});

/** Opened straight after a boot, the box first learns whether it is bound. */
const knowHousehold = async () => {
  const { household, now } = box();
  if (household.state.kind === 'unknown') await household.refresh(now());
};

/** Once a vote is sent (or kept to send), the poll on screen shows it as the service holds it. */
const showVote = async () => {
  await pollBoard.refresh();
  const page = Router.getActivePage();
  if (page && !Router.isNavigating() && String(Router.getActiveHash() ?? '').startsWith('poll'))
    await refreshPage(page);
};

export const routes = () => ({
  root: () => Promise.resolve(box().store.village ? 'home' : 'pick'),
  // Pages change inside the router, not through the URL's hash: each hash change was a
  // same-document navigation (about a third of opening a voucher on a slow box) and a browser
  // history entry, which made leaving the app (history.back()) return to the page before
  // instead. The hash is still read once at start, for a restart on a given page.
  updateHash: false,
  routes: [
    {
      path: 'home',
      component: HomePage,
      on: live(async (page: HomePage) => {
        const feeds = await box().store.load();
        page.model = presentHome(feeds, (id) => box().store.channel(id), box().now(), box().household.bound);
      }),
    },
    {
      path: 'pick',
      component: PickerPage,
      on: live(async (page: PickerPage) => {
        page.picker = presentStreetPicker(await box().store.district());
      }),
    },
    {
      path: 'pick/:street',
      component: PickerPage,
      on: live(async (page: PickerPage, { street = '' }: Params) => {
        page.picker = found(presentVillagePicker(await box().store.district(), street), street);
      }),
    },
    // The picker's village rows lead here (chooseVillageTarget).
    action(CHOOSE_VILLAGE_PATH, ({ village = '' }) => {
      chooseVillage(box().store, village);
      Router.navigate('home', { clearHistory: true }, false);
    }),
    {
      path: 'list/:channel',
      component: ListPage,
      on: live(async (page: ListPage, { channel: id = '' }: Params) => {
        page.model = presentList(await channel(id), box().now(), box().store.freshItems);
      }),
    },
    {
      path: 'read/:channel/:item',
      component: ReaderPage,
      on: live(async (page: ReaderPage, params: Params) => {
        const feeds = await box().store.load();
        const { channel: id = '', item = '' } = params;
        page.askTarget = itemTopic(feeds, await channel(id), item) ? `ask/item/${id}/${item}` : undefined;
        page.model = await documentOf(params);
      }),
    },
    {
      path: 'photos/:channel/:item',
      component: GalleryPage,
      on: async (page: GalleryPage, params: Params) => {
        page.gallery = presentPhotos(await documentOf(params));
      },
    },
    {
      path: 'video/:channel/:item',
      component: VideoPage,
      on: async (page: VideoPage, params: Params) => {
        const document = await documentOf(params);
        const video = found(document.video, `${params.channel}/${params.item} video`);
        page.video = { crumbs: [...document.crumbs, t('reader.playVideo')], title: document.title, src: video.src };
      },
    },
    {
      path: 'table/:channel/:index',
      component: TablePage,
      on: live(async (page: TablePage, { channel: id = '', index = '' }: Params) => {
        const tables = await channel(id);
        if (tables.kind !== 'tables') throw new FeedError('notFound', `table ${id}`);
        page.askRow = (row) => `ask/row/${id}/${index}/${row}`;
        page.table = found(presentTable(tables, Number(index), box().now()), `${id}/${index}`);
      }),
    },
    {
      path: 'people/:channel',
      component: PeoplePage,
      on: live(async (page: PeoplePage, { channel: id = '' }: Params) => {
        const people = await channel(id);
        if (people.kind !== 'people') throw new FeedError('notFound', `people ${id}`);
        page.people = presentPeople(people);
      }),
    },
    // A household tile leads here: on to the pairing code, or to the bound household's page.
    action('household/:channel', ({ channel: id = '' }) => {
      const { household, now } = box();
      const known = household.state.kind === 'unknown' ? household.refresh(now()) : Promise.resolve(false);
      void known.then(() => Router.navigate(householdTarget(Number(id), household.state)));
    }),
    {
      path: 'pair/:channel',
      component: PairingPage,
      on: live(async (page: PairingPage, { channel: id = '' }: Params) => {
        const { household } = box();
        const identity = household.identity;
        page.pairing = presentPairing(Number(id), household.state, identity?.id ?? null, identity?.deviceId ?? null);
      }),
    },
    {
      path: 'mine/table/:channel',
      component: TablePage,
      on: live(async (page: TablePage, { channel: id = '' }: Params) => {
        page.table = found(presentHouseholdTable(householdPage(id)), `household ${id}`);
      }),
    },
    {
      path: 'mine/list/:channel',
      component: ListPage,
      on: live(async (page: ListPage, { channel: id = '' }: Params) => {
        page.model = found(presentHouseholdList(householdPage(id), box().outbox.pending), `household ${id}`);
      }),
    },
    // 一键求助 (the blue key / B, or its row in 25): whether the box is bound decides what it shows.
    {
      path: 'help',
      component: HelpPage,
      on: async (page: HelpPage) => {
        const { household, now } = box();
        if (household.state.kind === 'unknown') await household.refresh(now());
        page.show();
      },
    },
    // 建言献策 (from 25): the village's topics, one sent with OK and a confirmation.
    {
      path: 'suggest',
      component: SuggestPage,
      on: async (page: SuggestPage) => {
        await knowHousehold();
        const { household, now, outbox } = box();
        page.board = {
          topics: household.identity ? await readTopics(household.identity, household.serviceUrl, now()) : null,
          pending: () => outbox.pending,
          send: (topic) => sendSuggestion(outbox, topic),
        };
      },
    },
    // 民意调查 (from 25): the village's polls, then one poll to vote in or to read its results.
    {
      path: 'polls',
      component: ListPage,
      on: live(async (page: ListPage) => {
        await knowHousehold();
        page.model = presentPolls(await pollBoard.refresh(), box().outbox.pending);
      }),
    },
    {
      path: 'poll/:id',
      component: PollPage,
      on: live(async (page: PollPage, { id = '' }: Params) => {
        await knowHousehold();
        await pollBoard.refresh();
        const poll = found(pollBoard.find(Number(id)), `poll ${id}`);
        page.poll = {
          poll,
          pending: () => box().outbox.pending,
          vote: (choice) => void castVote(box().outbox, poll, choice).then(showVote),
        };
      }),
    },
    {
      path: 'month/:month',
      component: MonthPage,
      on: live(async (page: MonthPage, params: Params) => {
        await box().store.load();
        const published = await month(params.month);
        page.month = presentMonth(published);
        page.opensAhead = (row) => {
          const voucher = row.target ? presentVoucher(published, lastPart(row.target)) : null;
          if (!voucher || !row.target) return null;
          // Drawn ahead as the route will show it, 提问 button and all.
          const askTarget = `ask/voucher/${params.month}/${lastPart(row.target)}`;
          return detached(page, VoucherPage, (ahead) => {
            ahead.askTarget = askTarget;
            ahead.voucher = voucher;
          });
        };
      }),
    },
    {
      path: 'voucher/:month/:voucher',
      component: VoucherPage,
      on: live(async (page: VoucherPage, params: Params) => {
        await box().store.load();
        const published = await month(params.month);
        page.askTarget = `ask/voucher/${params.month}/${params.voucher}`;
        const voucher = found(presentVoucher(published, params.voucher ?? ''), `voucher ${params.voucher}`);
        const asked = askedAboutVoucher(box().store.channel(20), published, params.voucher ?? '');
        page.voucher = asked
          ? { ...voucher, correction: [voucher.correction, asked].filter(Boolean).join(' · ') }
          : voucher;
        const receipt = presentReceipt(published, params.voucher ?? '');
        if (receipt) drawAhead(page, () => [detached(page, ReceiptPage, (ahead) => (ahead.receipt = receipt))]);
      }),
    },
    {
      path: 'receipt/:month/:voucher',
      component: ReceiptPage,
      on: async (page: ReceiptPage, params: Params) => {
        await box().store.load();
        page.receipt = found(
          presentReceipt(await month(params.month), params.voucher ?? ''),
          `receipt ${params.voucher}`,
        );
      },
    },
    // 我要提问 (issue 19): about a voucher, an item of a list, or a table's row.
    {
      path: 'ask/voucher/:month/:voucher',
      component: AskPage,
      on: live(async (page: AskPage, params: Params) => {
        const village = found(box().store.village, 'village');
        const topic = voucherTopic(village, await month(params.month), params.voucher ?? '');
        page.question = askAbout(found(topic, `voucher ${params.voucher}`));
      }),
    },
    {
      path: 'ask/item/:channel/:item',
      component: AskPage,
      on: live(async (page: AskPage, { channel: id = '', item = '' }: Params) => {
        const topic = itemTopic(await box().store.load(), await channel(id), item);
        page.question = askAbout(found(topic, `${id}/${item}`));
      }),
    },
    {
      path: 'ask/row/:channel/:index/:row',
      component: AskPage,
      on: live(async (page: AskPage, { channel: id = '', index = '', row = '' }: Params) => {
        const topic = rowTopic(await box().store.load(), await channel(id), Number(index), Number(row));
        page.question = askAbout(found(topic, `${id}/${index}/${row}`));
      }),
    },
    {
      // One of the household's questions, with its answer (from its 25).
      path: 'mine/question/:id',
      component: ReaderPage,
      on: live(async (page: ReaderPage, { id = '' }: Params) => {
        const messages = householdPage('25');
        const listed = messages?.channel === 25 ? inScript(messages).content.questions : undefined;
        page.model = found(questionDocument(listed, Number(id)), `question ${id}`);
      }),
    },
    {
      // 满意度: the household rates the answer to one of its questions (from its 25).
      path: 'rate/:id',
      component: RatePage,
      on: live(async (page: RatePage, { id = '' }: Params) => {
        const messages = householdPage('25');
        const listed = messages?.channel === 25 ? inScript(messages).content.questions : undefined;
        const q = found(
          (listed ?? []).filter(looksLikeHouseholdQuestion).find((x) => x.id === Number(id) && x.answer !== undefined),
          `question ${id}`,
        );
        page.rating = {
          crumbs: channelCrumbs(25),
          about: q.about,
          current: pendingRating(box().outbox.pending, q.id) ?? q.rating ?? null,
          send: (rating) => void rateAnswer(box().outbox, q.id, rating, q.about).then(showSent),
        };
      }),
    },
    {
      path: 'settings',
      component: SettingsPage,
      on: async (page: SettingsPage) => page.show(),
    },
    {
      // After a restart for a new look or language: back on the row that was changed.
      path: 'settings/:row',
      component: SettingsPage,
      on: async (page: SettingsPage, { row = '0' }: Params) => {
        page.row = Number(row);
        page.show();
      },
    },
    { path: '!', component: ErrorPage },
    { path: '*', component: ErrorPage },
  ],
});
