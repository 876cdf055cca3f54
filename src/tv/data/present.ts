/**
 * Feed → view models: money formatted, dates localised, states put into words, feed text in
 * the box's script (inScript: Traditional boxes convert what operators wrote in Simplified).
 * Pure functions of the feed and "now", so they are unit-tested without a browser.
 */
import type {
  Alert,
  Article,
  Channel,
  ChannelOfKind,
  Contact,
  DistrictFeed,
  FaqGroup,
  LedgerMonthFeed,
  Profile,
  Question,
  ServiceCard,
  Table,
  Voucher,
} from '../../feed/schema';
import { channelsOf, channelSpec, SECTIONS, type SectionId } from '../../feed/taxonomy';
import { chinaTime, daysUntil, formatDate, formatDateTime, formatMonth, toEpoch, type DateStyle } from '../../format/dates';
import { amountInWords, formatFen } from '../../format/money';
import { language, t, type MessageKey } from '../../i18n';
import { ALERT_TEXT_COLOR, COLOR, currentLook, TYPE } from '../theme';
import type {
  DocumentModel,
  GalleryModel,
  HomeModel,
  ListModel,
  MonthModel,
  PeopleModel,
  PickerModel,
  ReceiptModel,
  RowModel,
  TableModel,
  TileModel,
  VoucherModel,
} from './models';
import { inScript } from './script';
import type { BoxFeeds } from './store';

const REPLY_DAYS = 10;
const DAY_MS = 86_400_000;

const style = (): DateStyle => (language() === 'en' ? 'en' : 'zh');
const date = (iso: string) => formatDate(iso, style());
const dateTime = (iso: string) => formatDateTime(iso, style());

export const channelTitle = (id: number): string => t(`channel.${id}` as MessageKey);
export const sectionTitle = (id: SectionId): string => t(`section.${id}` as MessageKey);
export const channelCrumbs = (id: number): string[] => [sectionTitle(channelSpec(id).section), channelTitle(id)];

/** Where OK on a home tile leads. */
export const channelTarget = (id: number, channel: Channel | undefined): string => {
  const kind = channelSpec(id).kind;
  if (kind === 'household') return `household/${id}`;
  if (kind === 'people') return `people/${id}`;
  if (kind === 'profile' && channel?.kind === 'profile') return `read/${id}/${channel.content.id}`;
  return `list/${id}`;
};

export const isOverdue = (channel: Channel | undefined, now: number): boolean =>
  !!channel?.nextDueAt && toEpoch(channel.nextDueAt) < now;

const tile = (id: number, channel: Channel | undefined, now: number): TileModel => ({
  channel: id,
  title: channelTitle(id),
  updated: channel ? t('tile.updatedOn', { date: date(channel.updatedAt) }) : channelSpec(id).kind === 'household' ? '' : t('tile.notPublished'),
  overdue: isOverdue(channel, now),
  // No box is bound to a household yet (binding is done at the village office, not built here).
  locked: channelSpec(id).kind === 'household',
  target: channelTarget(id, channel),
});

export const presentHome = (published: BoxFeeds, channelOf: (id: number) => Channel | undefined, now: number): HomeModel => {
  const feeds = inScript(published);
  return {
    villageName: feeds.village.region.name,
    streetName: feeds.street.region.name,
    fictional: !!feeds.district.fictional,
    sections: SECTIONS.map((section) => ({
      id: section,
      title: sectionTitle(section),
      tiles: channelsOf(section).map((spec) => tile(spec.id, channelOf(spec.id), now)),
    })),
  };
};

export const presentStreetPicker = (published: DistrictFeed): PickerModel => {
  const district = inScript(published);
  return {
    title: t('picker.title'),
    step: t('picker.street'),
    rows: district.streets.map((s) => ({ title: s.name, detail: t('picker.villageCount', { count: s.villages.length }), target: `pick/${s.code}` })),
  };
};

export const presentVillagePicker = (published: DistrictFeed, streetCode: string): PickerModel | null => {
  const district = inScript(published);
  const street = district.streets.find((s) => s.code === streetCode);
  if (!street) return null;
  return {
    title: t('picker.title'),
    step: `${street.name} · ${t('picker.village')}`,
    // The page's note says once that the box remembers; the rows carry only the names.
    rows: street.villages.map((v) => ({ title: v.name, target: `choose/${v.code}` })),
  };
};

type Correctable = { correction?: { correctedAt: string; note: string } | undefined; correctedBy?: string | undefined };

/** What the reader says of a correction: what this item corrects, or that it was corrected. */
const corrected = (item: Correctable): string | undefined => {
  if (item.correctedBy) return t('reader.superseded');
  return item.correction ? t('reader.correction', { date: date(item.correction.correctedAt), note: item.correction.note }) : undefined;
};

const correctedTag = (item: Correctable): Pick<RowModel, 'tag' | 'tagColor'> => {
  if (item.correctedBy) return { tag: t('state.superseded'), tagColor: COLOR.warning };
  return item.correction ? { tag: t('state.corrected'), tagColor: COLOR.corrected } : {};
};

/** The reply clock of a villager's question: answered, days left, or days overdue. */
export const replyStatus = (q: Question, now: number): { text: string; color: number } => {
  if (q.answer) return { text: t('qa.answered'), color: COLOR.income };
  const due = toEpoch(q.askedAt) + REPLY_DAYS * DAY_MS;
  const days = Math.ceil((due - now) / DAY_MS);
  return days >= 0 ? { text: `${t('qa.pending')} · ${t('qa.daysLeft', { days })}`, color: COLOR.warning } : { text: t('qa.overdue', { days: -days }), color: COLOR.overdue };
};

const alertActive = (a: Alert, now: number) => toEpoch(a.expiresAt) > now;

/** A row's status word when it has none of its own: 新 for what the last update brought. */
const withFresh = (fresh: ReadonlySet<string>) => (itemId: string, row: RowModel): RowModel =>
  row.tag || !fresh.has(itemId) ? row : { ...row, tag: t('state.fresh'), tagColor: COLOR.focus };

const listRows = (channel: Channel, now: number, fresh: ReadonlySet<string>): RowModel[] => {
  const id = channel.id;
  const mark = withFresh(fresh);
  switch (channel.kind) {
    case 'articles':
      return channel.content.map((a: Article) => mark(a.id, { title: a.title, detail: date(a.publishedAt), ...correctedTag(a), target: `read/${id}/${a.id}` }));
    case 'faq':
      return channel.content.flatMap((g: FaqGroup) => g.items.map((q) => ({ title: q.question, detail: g.title, ...correctedTag(q), target: `read/${id}/${q.id}` })));
    case 'qa':
      return channel.content.map((q: Question) => {
        const status = replyStatus(q, now);
        return { title: q.title, detail: t('qa.askedAt', { date: date(q.askedAt) }), tag: status.text, tagColor: status.color, target: `read/${id}/${q.id}` };
      });
    case 'alerts':
      return channel.content.map((a: Alert) => mark(a.id, {
        title: a.title,
        detail: `${dateTime(a.publishedAt)} · ${alertActive(a, now) ? t('alert.active') : t('alert.expired')}`,
        tag: t(`alert.level.${a.level}` as MessageKey),
        tagColor: currentLook().highContrast ? COLOR.warning : ALERT_TEXT_COLOR[a.level],
        target: `read/${id}/${a.id}`,
      }));
    case 'guide':
      return channel.content.map((s: ServiceCard) => ({ title: s.title, detail: `${s.place} · ${s.hours}`, target: `read/${id}/${s.id}` }));
    case 'contacts':
      // OK opens the whole entry: a long role or address cut here is there in full.
      return channel.content.map((c: Contact) => ({ title: `${c.name}  ${c.role}`, detail: c.address ? `${c.org} · ${c.address}` : c.org, tag: c.phone, tagColor: COLOR.text, target: `read/${id}/${c.id}` }));
    case 'tables':
      return channel.content.map((table: Table, index) => ({
        title: table.title,
        detail: `${t('table.rows', { count: table.rows.length })} · ${date(table.publishedAt)}`,
        ...correctedTag(table),
        target: `table/${id}/${index}`,
      }));
    case 'ledger':
      return [...channel.content.months].reverse().map((m) => ({
        title: formatMonth(m.month, style()),
        detail: `${t('ledger.income')} ${formatFen(m.incomeFen)} · ${t('ledger.expense')} ${formatFen(m.expenseFen)} · ${t('ledger.vouchers', { count: m.voucherCount })}`,
        amount: formatFen(m.closingFen),
        target: `month/${m.month}`,
      }));
    case 'people':
    case 'profile':
      return [];
  }
};

export const presentList = (published: Channel, now: number, fresh: ReadonlySet<string> = new Set()): ListModel => {
  const channel = inScript(published);
  const notes: ListModel['notes'] =
    channel.kind === 'ledger' ? [{ text: `${t('ledger.account', { name: channel.content.accountName })} · ${t('ledger.closingColumn')}` }] : [];
  return { crumbs: channelCrumbs(channel.id), title: channelTitle(channel.id), channel: channel.id, notes, rows: listRows(channel, now, fresh), emptyText: t('state.empty') };
};

const documentBase = (channelId: number, title: string, publishedAt: string, item: { correction?: { correctedAt: string; note: string } | undefined }) => ({
  crumbs: [...channelCrumbs(channelId), title],
  title,
  meta: [t('reader.publishedAt', { date: date(publishedAt) })],
  correction: corrected(item),
  figures: [] as DocumentModel['figures'],
  photos: [] as DocumentModel['photos'],
});

/** The reader's document for one item of a sub-channel, or null when it is gone. */
export const presentDocument = (published: Channel, itemId: string, now: number): DocumentModel | null => {
  const channel = inScript(published);
  const id = channel.id;
  const media = (item: { id: string; video?: DocumentModel['video']; photos?: DocumentModel['photos']; audio?: DocumentModel['audio'] }) => ({
    video: item.video,
    audio: item.audio,
    videoTarget: item.video ? `video/${id}/${item.id}` : undefined,
    photos: item.photos ?? [],
    photosTarget: item.photos?.length ? `photos/${id}/${item.id}` : undefined,
  });
  switch (channel.kind) {
    case 'articles': {
      const a = channel.content.find((x) => x.id === itemId);
      if (!a) return null;
      return { ...documentBase(id, a.title, a.publishedAt, a), paragraphs: a.summary ? [a.summary, ...a.body] : a.body, ...media(a) };
    }
    case 'faq': {
      for (const group of channel.content) {
        const q = group.items.find((x) => x.id === itemId);
        if (q) return { ...documentBase(id, q.question, q.publishedAt, q), meta: [group.title], paragraphs: q.answer, audio: q.audio };
      }
      return null;
    }
    case 'qa': {
      const q = channel.content.find((x) => x.id === itemId);
      if (!q) return null;
      const status = replyStatus(q, now);
      const meta = [t('qa.askedAt', { date: date(q.askedAt) }), status.text];
      if (q.askedBy) meta.push(t('qa.askedBy', { name: q.askedBy }));
      if (q.department) meta.push(t('qa.department', { name: q.department }));
      const answer = q.answer
        ? [`【${t('qa.answer')}】${q.answeredAt ? t('qa.answeredAt', { date: date(q.answeredAt) }) : ''}`, q.answer]
        : [t('qa.noAnswerYet', { date: date(chinaTime(toEpoch(q.askedAt) + REPLY_DAYS * DAY_MS)) })];
      return { ...documentBase(id, q.title, q.publishedAt, q), meta, paragraphs: [q.question, ...answer], ...media(q) };
    }
    case 'alerts': {
      const a = channel.content.find((x) => x.id === itemId);
      if (!a) return null;
      return {
        ...documentBase(id, a.title, a.publishedAt, a),
        meta: [dateTime(a.publishedAt), t('alert.issuedBy', { name: a.issuedBy })],
        alert: { level: a.level, label: `${t(`alert.level.${a.level}` as MessageKey)} · ${alertActive(a, now) ? t('alert.active') : t('alert.expired')}` },
        paragraphs: [a.body],
        audio: a.audio,
      };
    }
    case 'guide': {
      const s = channel.content.find((x) => x.id === itemId);
      if (!s) return null;
      const paragraphs = [
        `【${t('guide.documents')}】${s.documents.map((d, i) => `${i + 1}. ${d}`).join('  ')}`,
        `【${t('guide.place')}】${s.place}`,
        `【${t('guide.hours')}】${s.hours}`,
        `【${t('guide.phone')}】${s.phone}`,
      ];
      if (s.notes) paragraphs.push(s.notes);
      return { ...documentBase(id, s.title, s.publishedAt, s), paragraphs };
    }
    case 'people': {
      const p = channel.content.find((x) => x.id === itemId);
      if (!p) return null;
      return { ...documentBase(id, p.name, p.publishedAt, p), meta: [p.role], paragraphs: [t('people.phone', { phone: p.phone }), p.duties] };
    }
    case 'contacts': {
      const c = channel.content.find((x) => x.id === itemId);
      if (!c) return null;
      const paragraphs = [t('people.phone', { phone: c.phone }), c.org];
      if (c.address) paragraphs.push(c.address);
      return { ...documentBase(id, c.name, c.publishedAt, c), meta: [c.role], paragraphs };
    }
    case 'profile': {
      const p: Profile = channel.content;
      if (p.id !== itemId) return null;
      return { ...documentBase(id, p.title, p.publishedAt, p), figures: p.figures, paragraphs: p.body, ...media(p) };
    }
    default:
      return null;
  }
};

export const presentPhotos = (document: DocumentModel): GalleryModel => ({
  crumbs: [...document.crumbs, t('profile.photos')],
  title: document.title,
  photos: document.photos.map((p, i) => ({ src: p.src, width: p.width, height: p.height, caption: p.caption ?? `${i + 1}` })),
});

const TABLE_WIDTH = 1728;
/** A cell's padding on both sides. */
const CELL_PAD = 48;

/** About how wide a string is in em of the app's font: hanzi 1, Latin letters and digits less. */
const ems = (value: string): number => Array.from(value).reduce((w, ch) => w + (ch.charCodeAt(0) >= 0x2e80 ? 1 : 0.6), 0);

/**
 * Columns as wide as their widest cell at the table's text size (which grows with large
 * text), the spare width shared out; when they do not fit, all shrink alike.
 */
const columnWidths = (cells: string[][]): number[] => {
  const count = cells[0]?.length ?? 0;
  const need = Array.from({ length: count }, (_, i) => cells.reduce((widest, row) => Math.max(widest, ems(row[i] ?? '')), 0) * TYPE.small + CELL_PAD);
  const total = need.reduce((a, b) => a + b, 0);
  const spare = (TABLE_WIDTH - total) / Math.max(count, 1);
  return need.map((w) => Math.floor(total <= TABLE_WIDTH ? w + spare : (w * TABLE_WIDTH) / total));
};

export const presentTable = (published: ChannelOfKind<'tables'>, index: number, now: number): TableModel | null => {
  const channel = inScript(published);
  const table = channel.content[index];
  if (!table) return null;
  const notes: TableModel['notes'] = [];
  if (table.note) notes.push({ text: table.note });
  if (table.posting) {
    const days = daysUntil(table.posting.until, now);
    notes.push(
      days >= 0
        ? { text: t('table.posting', { date: date(table.posting.until), days, to: table.posting.objectionsTo }), color: COLOR.warning }
        : { text: t('table.postingEnded', { date: date(table.posting.until) }) },
    );
  }
  if (table.correction) notes.push({ text: corrected(table) ?? '', color: COLOR.corrected });
  const rows = table.rows.map((row) =>
    table.columns.map((c) => {
      const value = row[c.key];
      if (value === undefined) return '';
      if (c.type === 'money' && typeof value === 'number') return formatFen(value);
      if (c.type === 'date' && typeof value === 'string') return date(value);
      return String(value);
    }),
  );
  const widths = columnWidths([table.columns.map((c) => c.label), ...rows]);
  return {
    crumbs: [...channelCrumbs(channel.id), table.title],
    title: table.title,
    notes,
    columns: table.columns.map((c, i) => ({
      label: c.label,
      align: c.type === 'money' || c.type === 'number' ? 'right' : 'left',
      width: widths[i] ?? 0,
    })),
    rows,
  };
};

export const presentPeople = (published: ChannelOfKind<'people'>): PeopleModel => {
  const channel = inScript(published);
  return {
    crumbs: channelCrumbs(channel.id),
    title: channelTitle(channel.id),
    people: channel.content.map((p) => ({ name: p.name, role: p.role, duties: p.duties, phone: t('people.phone', { phone: p.phone }), photo: p.photo.src, target: `read/${channel.id}/${p.id}` })),
  };
};

const directionColor = (v: Voucher) => (v.direction === 'income' ? COLOR.income : COLOR.expense);
const directionWord = (v: Voucher) => t(`ledger.direction.${v.direction}` as MessageKey);

/**
 * A month's model, by the month as the store holds it: Back to a month (or a feed update
 * elsewhere) does not format its thousands of entries again. A changed month is a new object.
 */
const presentedMonths = new WeakMap<LedgerMonthFeed, MonthModel>();

export const presentMonth = (published: LedgerMonthFeed): MonthModel => {
  const presented = presentedMonths.get(published) ?? presentMonthAnew(published);
  presentedMonths.set(published, presented);
  return presented;
};

const presentMonthAnew = (published: LedgerMonthFeed): MonthModel => {
  const month = inScript(published);
  const monthTitle = formatMonth(month.month, style());
  const notes: string[] = [];
  const hasIncome = month.vouchers.some((v) => v.direction === 'income');
  const hasExpense = month.vouchers.some((v) => v.direction === 'expense');
  if (month.vouchers.length > 0 && !hasExpense) notes.push(t('ledger.noExpense'));
  if (month.vouchers.length > 0 && !hasIncome) notes.push(t('ledger.noIncome'));
  return {
    crumbs: [...channelCrumbs(15), monthTitle],
    title: monthTitle,
    totals: [
      { label: t('ledger.opening'), value: formatFen(month.openingFen) },
      { label: t('ledger.income'), value: formatFen(month.incomeFen), color: COLOR.income },
      { label: t('ledger.expense'), value: formatFen(month.expenseFen), color: COLOR.expense },
      { label: t('ledger.closing'), value: formatFen(month.closingFen) },
    ],
    notes,
    rows: month.vouchers.map((v) => ({
      title: v.summary,
      detail: `${date(v.date)} · ${v.number} · ${v.account.name}`,
      tag: directionWord(v),
      tagColor: directionColor(v),
      amount: formatFen(v.amountFen),
      amountColor: directionColor(v),
      target: `voucher/${month.month}/${v.id}`,
    })),
    emptyText: t('ledger.noVouchers'),
  };
};

export const presentVoucher = (published: LedgerMonthFeed, voucherId: string): VoucherModel | null => {
  const month = inScript(published);
  const v = month.vouchers.find((x) => x.id === voucherId);
  if (!v) return null;
  const title = t('voucher.title', { number: v.number });
  return {
    crumbs: [...channelCrumbs(15), formatMonth(month.month, style()), title],
    title,
    amount: formatFen(v.amountFen),
    amountInWords: amountInWords(v.amountFen),
    direction: directionWord(v),
    directionColor: directionColor(v),
    fields: [
      { label: t('voucher.number'), value: v.number },
      { label: t('voucher.date'), value: date(v.date) },
      { label: t('voucher.summary'), value: v.summary },
      { label: t('voucher.account'), value: `${v.account.code} ${v.account.name}` },
      { label: t('voucher.direction'), value: directionWord(v) },
      { label: t('voucher.handler'), value: v.handler },
      { label: t('voucher.witness'), value: v.witness },
      { label: t('voucher.approver'), value: v.approver },
      { label: t('voucher.bookkeeper'), value: v.bookkeeper },
      { label: t('voucher.attachments'), value: t('voucher.attachmentsValue', { count: v.attachmentCount }) },
      {
        label: t('voucher.review'),
        value: `${v.review.reviewer} · ${date(v.review.reviewedAt)} · ${v.review.opinion} · ${v.review.sealed ? t('voucher.sealed') : t('voucher.unsealed')}`,
      },
    ],
    correction: corrected(v),
    receiptTarget: v.receipts.length ? `receipt/${month.month}/${v.id}` : undefined,
    receiptCount: v.receipts.length,
  };
};

export const presentReceipt = (published: LedgerMonthFeed, voucherId: string): ReceiptModel | null => {
  const month = inScript(published);
  const v = month.vouchers.find((x) => x.id === voucherId);
  if (!v || !v.receipts.length) return null;
  return {
    crumbs: [...channelCrumbs(15), formatMonth(month.month, style()), t('voucher.title', { number: v.number })],
    images: v.receipts.map((r, i) => ({ src: r.src, width: r.width, height: r.height, label: `${t('voucher.receiptIndex', { index: i + 1, count: v.receipts.length })} · ${r.kind}` })),
    facts: [`${directionWord(v)} ${formatFen(v.amountFen)}`, date(v.date), v.summary, `${t('voucher.approver')}：${v.approver}`],
  };
};
