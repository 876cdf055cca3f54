/**
 * Original receipts as a scanner would give them: a VAT invoice, a receipt-book slip or a
 * bank slip, on tinted paper, slightly askew and soft, with a red seal. Amounts in words and
 * figures match the voucher. Tax IDs, accounts and phones are masked as on a public board,
 * and every image says it is a sample.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { parts, zhDate, type Wall } from '../clock';
import { amountInWords, plainYuan } from '../numerals';
import type { Rng } from '../prng';
import type { InvoiceItem, ReceiptSpec } from '../templates';
import { drawSeal, ensureFont, fitText, font } from './canvas';

/** Receipts are laid out on a 1200×760 sheet and stored at this size. */
export const RECEIPT_WIDTH = 1024;
export const RECEIPT_HEIGHT = Math.round((RECEIPT_WIDTH * 760) / 1200);
const SHEET_WIDTH = 1200;
const SHEET_HEIGHT = 760;
// Text is JPEG's worst case (about 200 bytes a hanzi at 28 px); storing the sheet a little
// smaller, softened like a scan, at a low quality keeps a receipt under 30 KB and still
// reads well on a TV.
const QUALITY = 27;
const SOFTEN = 0.66;

/**
 * What backs a voucher beyond its original receipt: the bank slip of the payment (or of the
 * money banked), the list people signed on receiving goods or money, the spending approval.
 */
export type AttachmentSpec =
  | ReceiptSpec
  | { kind: 'signoff'; title: string; items: string[]; names: string[] }
  | { kind: 'approval'; summary: string; handler: string; approver: string; reviewer: string };

export interface ReceiptInput {
  spec: AttachmentSpec;
  amountFen: number;
  direction: 'income' | 'expense';
  date: Wall;
  /** The village committee as buyer or payee, e.g. 东杨村村民委员会. */
  committee: string;
  /** The village's economic cooperative, which issues receipts for money it takes in. */
  cooperative: string;
  clerk: string;
  rng: Rng;
}

/** The label the feed gives each kind of receipt; `paysFor` marks a bank slip that backs another receipt. */
export const receiptKindLabel = (spec: AttachmentSpec, paysFor = false): string => {
  switch (spec.kind) {
    case 'vat':
      return spec.electronic ? '电子发票（普通发票）' : '增值税普通发票';
    case 'receipt':
      return '收款收据';
    case 'bank':
      return paysFor ? '付款凭证（银行回单）' : '银行电子回单';
    case 'signoff':
      return '签收单';
    case 'approval':
      return '支出审批单';
  }
};

const INK = '#2f2f33';
const RULE = '#7a6f5c';
const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
const maskedCreditCode = (rng: Rng, prefix: string) =>
  `${prefix}${'*'.repeat(10)}${digits(rng, 3)}${rng.pick(['X', 'K', 'M', '1', '7'])}`;
const maskedAccount = (rng: Rng) => `****${digits(rng, 4)}`;
const figures = (fen: number) => `¥${plainYuan(fen)}`;

const paper = (g: SKRSContext2D, rng: Rng) => {
  const tint = rng.int(0, 6);
  g.fillStyle = `rgb(${244 - tint}, ${240 - tint}, ${229 - tint})`;
  g.fillRect(0, 0, SHEET_WIDTH, SHEET_HEIGHT);
  // Scanner lid shadow: a soft darkening toward one edge, cheap for JPEG.
  const shade = g.createLinearGradient(0, 0, SHEET_WIDTH, 0);
  shade.addColorStop(0, 'rgba(90, 80, 60, 0.10)');
  shade.addColorStop(0.08, 'rgba(90, 80, 60, 0)');
  shade.addColorStop(1, 'rgba(90, 80, 60, 0.04)');
  g.fillStyle = shade;
  g.fillRect(0, 0, SHEET_WIDTH, SHEET_HEIGHT);
};

const sampleMark = (g: SKRSContext2D) => {
  g.save();
  g.fillStyle = 'rgba(120, 110, 100, 0.8)';
  g.font = font(20);
  g.textAlign = 'right';
  g.fillText('示例票据（虚构） 仅供演示', SHEET_WIDTH - 36, SHEET_HEIGHT - 18);
  g.restore();
};

/** Splits the net amount and the tax over the items so that both add up exactly. */
const lines = (rng: Rng, items: InvoiceItem[], netFen: number, taxFen: number) => {
  const weights = items.map(() => 1 + rng.next() * 3);
  const total = weights.reduce((a, b) => a + b, 0);
  let netLeft = netFen;
  let taxLeft = taxFen;
  return items.map((it, i) => {
    const last = i === items.length - 1;
    const net = last
      ? netLeft
      : Math.max(1, Math.min(netLeft - (items.length - 1 - i), Math.round((netFen * (weights[i] ?? 1)) / total)));
    const tax = last ? taxLeft : Math.min(taxLeft, Math.round((taxFen * net) / netFen));
    netLeft -= net;
    taxLeft -= tax;
    const qty = it.qty[1] > 0 ? rng.int(it.qty[0], it.qty[1]) : 0;
    return { name: it.name, quantity: qty > 0 ? `${qty}${it.unit}` : '', net, tax };
  });
};

const vatInvoice = (g: SKRSContext2D, input: ReceiptInput, spec: Extract<ReceiptSpec, { kind: 'vat' }>) => {
  const { rng, amountFen } = input;
  const netFen = Math.round(amountFen / (1 + spec.taxRate));
  const taxFen = amountFen - netFen;
  const L = 50;
  const R = SHEET_WIDTH - 50;
  g.fillStyle = '#8a5a2b';
  g.textAlign = 'center';
  g.font = font(44);
  g.fillText(spec.electronic ? '电子发票（普通发票）' : '山东增值税普通发票', SHEET_WIDTH / 2, 72);
  g.strokeStyle = '#8a5a2b';
  g.lineWidth = 3;
  g.beginPath();
  g.moveTo(SHEET_WIDTH / 2 - 220, 90);
  g.lineTo(SHEET_WIDTH / 2 + 220, 90);
  g.stroke();
  g.fillStyle = INK;
  g.textAlign = 'left';
  g.font = font(26);
  g.fillText(`发票号码：${digits(rng, 8)}`, L, 140);
  g.fillText(`开票日期：${zhDate(input.date)}`, 760, 140);

  const top = 162;
  g.strokeStyle = RULE;
  g.lineWidth = 2;
  g.strokeRect(L, top, R - L, 500);
  const rule = (y: number) => {
    g.beginPath();
    g.moveTo(L, y);
    g.lineTo(R, y);
    g.stroke();
  };
  fitText(g, `购买方：${input.committee}`, L + 20, top + 44, 28, R - L - 40);
  fitText(g, `销售方：${spec.seller}　税号：${maskedCreditCode(rng, '9137')}`, L + 20, top + 90, 28, R - L - 40);
  rule(top + 112);

  const cols = [L + 20, L + 520, L + 650, L + 840, L + 950];
  g.font = font(24);
  ['项目名称', '数量', '金额', '税率', '税额'].forEach((h, i) => g.fillText(h, cols[i] ?? 0, top + 150));
  g.font = font(28);
  lines(rng, spec.items.slice(0, 2), netFen, taxFen).forEach((r, i) => {
    const y = top + 196 + i * 44;
    fitText(g, r.name, cols[0] ?? 0, y, 28, 480);
    g.fillText(r.quantity, cols[1] ?? 0, y);
    g.fillText(plainYuan(r.net), cols[2] ?? 0, y);
    g.fillText(`${Math.round(spec.taxRate * 100)}%`, cols[3] ?? 0, y);
    g.fillText(plainYuan(r.tax), cols[4] ?? 0, y);
  });
  rule(top + 296);
  g.fillText('合　计', cols[0] ?? 0, top + 336);
  g.fillText(figures(netFen), cols[2] ?? 0, top + 336);
  g.fillText(figures(taxFen), cols[4] ?? 0, top + 336);
  rule(top + 360);
  g.font = font(30);
  fitText(g, `价税合计（大写）⊗${amountInWords(amountFen, '圆')}`, L + 20, top + 408, 30, 700);
  g.fillText(`（小写）${figures(amountFen)}`, 800, top + 408);
  rule(top + 432);
  g.font = font(24);
  g.fillText(`备注：收款账户 ${maskedAccount(rng)}`, L + 20, top + 474);
  g.fillText(`开票人：${rng.pick(['王', '张', '李', '刘', '孙'])}**`, L, SHEET_HEIGHT - 40);
  drawSeal(g, 930, 640, { rx: 110, ry: 72, owner: spec.seller, use: '发票专用章', angle: rng.next() * 0.2 - 0.1 });
};

const receiptSlip = (g: SKRSContext2D, input: ReceiptInput, spec: Extract<ReceiptSpec, { kind: 'receipt' }>) => {
  const { rng, amountFen } = input;
  const L = 90;
  const R = SHEET_WIDTH - 60;
  g.fillStyle = INK;
  g.textAlign = 'center';
  g.font = font(48);
  g.fillText('收　款　收　据', SHEET_WIDTH / 2, 86);
  g.textAlign = 'left';
  g.fillStyle = '#b03030';
  g.font = font(28);
  g.fillText(`No. ${digits(rng, 7)}`, R - 220, 60);
  g.fillStyle = INK;
  g.font = font(26);
  g.fillText(zhDate(input.date), R - 240, 132);
  // The carbon-copy part's name, printed down the left margin.
  g.font = font(22);
  Array.from('第二联 交付款人').forEach((ch, i) => g.fillText(ch, 36, 200 + i * 30));
  g.strokeStyle = RULE;
  g.lineWidth = 2;
  g.strokeRect(L, 160, R - L, 420);
  const rows: [string, string][] = [
    ['今收到', spec.payer],
    ['交　来', spec.reason],
    ['人民币（大写）', amountInWords(amountFen)],
  ];
  rows.forEach(([label, value], i) => {
    const y = 240 + i * 100;
    g.font = font(30);
    g.fillText(label, L + 24, y);
    fitText(g, value, L + 250, y, 32, R - L - 280);
    g.beginPath();
    g.moveTo(L + 240, y + 16);
    g.lineTo(R - 24, y + 16);
    g.stroke();
  });
  g.font = font(34);
  g.fillText(`¥ ${plainYuan(amountFen)}`, R - 330, 540);
  g.font = font(26);
  fitText(g, `收款单位（盖章）：${input.cooperative}`, L, 640, 26, 640);
  g.fillText(`收款人：${input.clerk}`, R - 300, 640);
  drawSeal(g, 390, 590, {
    rx: 96,
    ry: 96,
    owner: input.cooperative,
    use: '财务专用章',
    angle: rng.next() * 0.3 - 0.15,
  });
};

const bankSlip = (g: SKRSContext2D, input: ReceiptInput, spec: Extract<ReceiptSpec, { kind: 'bank' }>) => {
  const { rng, amountFen } = input;
  const incoming = input.direction === 'income';
  const L = 50;
  const R = SHEET_WIDTH - 50;
  g.fillStyle = '#1f4e79';
  g.textAlign = 'center';
  g.font = font(40);
  g.fillText('寒亭农商银行　电子回单', SHEET_WIDTH / 2, 70);
  g.fillStyle = INK;
  g.textAlign = 'left';
  g.font = font(24);
  g.fillText(`回单编号：${parts(input.date).year}${digits(rng, 10)}`, L, 120);
  g.fillText(`交易时间：${zhDate(input.date)}`, 760, 120);
  g.strokeStyle = RULE;
  g.lineWidth = 2;
  g.strokeRect(L, 140, R - L, 480);
  const mid = (L + R) / 2;
  g.beginPath();
  g.moveTo(mid, 140);
  g.lineTo(mid, 340);
  for (const y of [340, 420, 500]) {
    g.moveTo(L, y);
    g.lineTo(R, y);
  }
  g.stroke();
  const village = input.committee;
  const payer = incoming ? spec.counterparty : village;
  const payee = incoming ? village : spec.counterparty;
  const party = (title: string, name: string, x: number) => {
    g.font = font(26);
    g.fillText(title, x + 16, 180);
    fitText(g, `户名：${name}`, x + 16, 230, 24, mid - L - 40);
    g.font = font(24);
    g.fillText(`账号：${maskedAccount(rng)}`, x + 16, 285);
  };
  party('付款人', payer, L);
  party('收款人', payee, mid);
  g.font = font(28);
  fitText(g, `金额（大写）：人民币${amountInWords(amountFen)}`, L + 16, 392, 28, 700);
  g.fillText(`（小写）${figures(amountFen)}`, 800, 392);
  g.font = font(26);
  fitText(g, `用途：${spec.purpose}`, L + 16, 472, 26, R - L - 40);
  g.font = font(24);
  g.fillText(`交易流水号：${digits(rng, 6)}******${digits(rng, 4)}`, L + 16, 552);
  drawSeal(g, 960, 560, {
    rx: 86,
    ry: 86,
    owner: '寒亭农商银行',
    use: '电子回单专用章',
    angle: rng.next() * 0.3 - 0.15,
  });
};

const signOffSheet = (g: SKRSContext2D, input: ReceiptInput, spec: Extract<AttachmentSpec, { kind: 'signoff' }>) => {
  const { rng } = input;
  const L = 70;
  const R = SHEET_WIDTH - 70;
  g.fillStyle = INK;
  g.textAlign = 'center';
  g.font = font(42);
  g.fillText(spec.title, SHEET_WIDTH / 2, 78);
  g.textAlign = 'left';
  g.font = font(24);
  fitText(g, `单位：${input.committee}`, L, 128, 24, 640);
  g.fillText(`日期：${zhDate(input.date)}`, R - 330, 128);
  const cols = [L, L + 90, L + 520, L + 760];
  const rowH = 62;
  const top = 150;
  const rows = Math.min(6, spec.names.length);
  g.strokeStyle = RULE;
  g.lineWidth = 2;
  g.strokeRect(L, top, R - L, rowH * (rows + 1));
  g.beginPath();
  for (let r = 1; r <= rows; r++) {
    g.moveTo(L, top + r * rowH);
    g.lineTo(R, top + r * rowH);
  }
  for (const x of cols.slice(1)) {
    g.moveTo(x, top);
    g.lineTo(x, top + rowH * (rows + 1));
  }
  g.stroke();
  g.font = font(26);
  ['序号', '物品或款项', '领取人', '签字'].forEach((h, i) => g.fillText(h, (cols[i] ?? 0) + 16, top + 42));
  for (let r = 0; r < rows; r++) {
    const y = top + (r + 1) * rowH + 42;
    g.fillStyle = INK;
    g.font = font(26);
    g.fillText(String(r + 1), (cols[0] ?? 0) + 24, y);
    fitText(g, spec.items[r % spec.items.length] ?? '', (cols[1] ?? 0) + 16, y, 26, 400);
    g.fillText(spec.names[r] ?? '', (cols[2] ?? 0) + 16, y);
    // A hand's signature: a few loose strokes in blue ink.
    g.strokeStyle = '#2b4aa0';
    g.lineWidth = 2.5;
    g.beginPath();
    let x = (cols[3] ?? 0) + 30;
    g.moveTo(x, y - 8);
    for (let k = 0; k < 5; k++) {
      x += rng.int(18, 34);
      g.quadraticCurveTo(x - 10, y - rng.int(14, 30), x, y - rng.int(0, 12));
    }
    g.stroke();
    g.strokeStyle = RULE;
  }
  g.fillStyle = INK;
  g.font = font(24);
  g.fillText(`经办人：${input.clerk}`, L, SHEET_HEIGHT - 60);
  drawSeal(g, 930, SHEET_HEIGHT - 120, {
    rx: 90,
    ry: 90,
    owner: input.committee,
    use: '',
    angle: rng.next() * 0.3 - 0.15,
  });
};

const approvalForm = (g: SKRSContext2D, input: ReceiptInput, spec: Extract<AttachmentSpec, { kind: 'approval' }>) => {
  const { rng, amountFen } = input;
  const L = 80;
  const R = SHEET_WIDTH - 80;
  g.fillStyle = INK;
  g.textAlign = 'center';
  g.font = font(42);
  g.fillText('村级财务支出审批单', SHEET_WIDTH / 2, 80);
  g.textAlign = 'left';
  g.font = font(24);
  g.fillText(`填报日期：${zhDate(input.date)}`, R - 330, 128);
  const rows: [string, string][] = [
    ['支出事由', spec.summary],
    ['金额（大写）', `人民币${amountInWords(amountFen)}`],
    ['金额（小写）', figures(amountFen)],
    ['经办人', spec.handler],
    ['民主理财小组意见', `同意。${spec.reviewer}`],
    ['审批人', spec.approver],
  ];
  const rowH = 80;
  const top = 150;
  g.strokeStyle = RULE;
  g.lineWidth = 2;
  g.strokeRect(L, top, R - L, rowH * rows.length);
  g.beginPath();
  for (let r = 1; r < rows.length; r++) {
    g.moveTo(L, top + r * rowH);
    g.lineTo(R, top + r * rowH);
  }
  g.moveTo(L + 280, top);
  g.lineTo(L + 280, top + rowH * rows.length);
  g.stroke();
  rows.forEach(([label, value], r) => {
    const y = top + r * rowH + 52;
    g.font = font(28);
    g.fillText(label, L + 20, y);
    fitText(g, value, L + 300, y, 28, R - L - 320);
  });
  drawSeal(g, 900, top + rowH * 5, { rx: 96, ry: 96, owner: input.committee, use: '', angle: rng.next() * 0.3 - 0.15 });
};

/** Draws one receipt and encodes it as a small JPEG (or PNG, to look at while tuning). */
export const renderReceipt = (input: ReceiptInput, format: 'jpeg' | 'png' = 'jpeg'): Buffer => {
  ensureFont();
  const sheet = createCanvas(SHEET_WIDTH, SHEET_HEIGHT);
  const g = sheet.getContext('2d');
  paper(g, input.rng);
  g.save();
  // Scans are never quite straight.
  g.translate(SHEET_WIDTH / 2, SHEET_HEIGHT / 2);
  g.rotate((input.rng.next() - 0.5) * 0.008);
  g.translate(-SHEET_WIDTH / 2, -SHEET_HEIGHT / 2);
  const { spec } = input;
  if (spec.kind === 'vat') vatInvoice(g, input, spec);
  else if (spec.kind === 'receipt') receiptSlip(g, input, spec);
  else if (spec.kind === 'bank') bankSlip(g, input, spec);
  else if (spec.kind === 'signoff') signOffSheet(g, input, spec);
  else approvalForm(g, input, spec);
  g.restore();
  sampleMark(g);
  // A scanner's softness (down and up again), which also keeps the JPEG small.
  const small = createCanvas(Math.round(RECEIPT_WIDTH * SOFTEN), Math.round(RECEIPT_HEIGHT * SOFTEN));
  const sm = small.getContext('2d');
  sm.imageSmoothingQuality = 'high';
  sm.drawImage(sheet, 0, 0, small.width, small.height);
  const stored = createCanvas(RECEIPT_WIDTH, RECEIPT_HEIGHT);
  const st = stored.getContext('2d');
  st.imageSmoothingQuality = 'high';
  st.drawImage(small, 0, 0, RECEIPT_WIDTH, RECEIPT_HEIGHT);
  return format === 'png' ? stored.encodeSync('png') : stored.encodeSync('jpeg', QUALITY);
};
