/** View models: what pages show, already formatted. Pages never see feed files. */
import type { AudioRef, ImageRef, VideoRef } from '../../feed/schema';
import type { SectionId } from '../../feed/taxonomy';

export interface TileModel {
  channel: number;
  title: string;
  updated: string;
  overdue: boolean;
  /** A household sub-channel on a box not bound to a household: it shows only how to bind. */
  locked: boolean;
  target: string;
}

export interface HomeModel {
  villageName: string;
  streetName: string;
  fictional: boolean;
  sections: { id: SectionId; title: string; tiles: TileModel[] }[];
}

export interface RowModel {
  title: string;
  detail?: string;
  /** A short status word shown at the right (已答复, 红色预警…). */
  tag?: string;
  tagColor?: number;
  /** A right-aligned amount, with its direction in words beside it. */
  amount?: string;
  amountColor?: number;
  /** An on/off setting, drawn as a switch (its word, its knob's side and its fill all change). */
  switchOn?: boolean;
  /** A horizontal bar under the title, filled to this share (0–1): a poll's result. */
  bar?: number;
  /** Route opened by OK; rows without one are read in place. */
  target?: string;
}

export interface ListModel {
  crumbs: string[];
  title: string;
  /** The sub-channel whose list this is: its icon goes before the title. */
  channel?: number;
  /** Lines above the list (a posting period, totals). */
  notes: { text: string; color?: number }[];
  rows: RowModel[];
  emptyText: string;
}

export interface DocumentModel {
  crumbs: string[];
  title: string;
  meta: string[];
  correction?: string;
  figures: { label: string; value: string }[];
  paragraphs: string[];
  photos: ImageRef[];
  video?: VideoRef;
  /** A recording of the item read aloud, played by the read key instead of synthesis. */
  audio?: AudioRef;
  /** An alert's level (1 red … 4 blue) and its words: the reader draws it as a warning band. */
  alert?: { level: 1 | 2 | 3 | 4; label: string };
  /** Routes for the actions OK can take (video first, then photos). */
  videoTarget?: string;
  photosTarget?: string;
}

export interface TableModel {
  crumbs: string[];
  title: string;
  notes: { text: string; color?: number }[];
  columns: { label: string; align: 'left' | 'right'; width: number }[];
  rows: string[][];
}

export interface MonthModel {
  crumbs: string[];
  title: string;
  totals: { label: string; value: string; color?: number }[];
  notes: string[];
  rows: RowModel[];
  emptyText: string;
}

export interface VoucherModel {
  crumbs: string[];
  title: string;
  amount: string;
  amountInWords: string;
  direction: string;
  directionColor: number;
  fields: { label: string; value: string }[];
  correction?: string;
  receiptTarget?: string;
  /** How many images OK opens: one per attachment. */
  receiptCount: number;
}

export interface ReceiptModel {
  crumbs: string[];
  images: { src: string; width: number; height: number; label: string }[];
  facts: string[];
}

export interface PeopleModel {
  crumbs: string[];
  title: string;
  /** Each card's target opens everything about the person, whatever the card had to cut. */
  people: { name: string; role: string; duties: string; phone: string; photo: string; target: string }[];
}

export interface GalleryModel {
  crumbs: string[];
  title: string;
  photos: { src: string; width: number; height: number; caption: string }[];
}

export interface VideoModel {
  crumbs: string[];
  title: string;
  src: string;
}

/** An unbound box's household section: the pairing code and the box's id, in large text. */
export interface PairingModel {
  crumbs: string[];
  title: string;
  codeLabel: string;
  /** The code as read out, 123 456; empty while the box has none. */
  code: string;
  /** The box id and the platform's device id, one line. */
  identity: string;
  /** How long the code holds, or why there is none. */
  status: string;
  body: string;
}

export interface PickerModel {
  title: string;
  step: string;
  rows: RowModel[];
}
