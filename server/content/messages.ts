/**
 * Turns validation problems into what an operator reads: which item, which field,
 * and why, in plain Chinese and in English.
 */
import type { FeedProblem } from '../../src/feed/validate';

export interface OperatorProblem {
  /** The item (or ledger month / voucher) concerned, e.g. "记-0042" or an item id. */
  item: string;
  /** JSON pointer of the field within the item. */
  field: string;
  zh: string;
  en: string;
}

const FIELD_NAMES: Record<string, [string, string]> = {
  id: ['编号', 'id'],
  title: ['标题', 'title'],
  summary: ['摘要', 'summary'],
  body: ['正文', 'body'],
  publishedAt: ['发布时间', 'publish time'],
  number: ['凭证号', 'voucher number'],
  date: ['日期', 'date'],
  account: ['科目', 'account'],
  code: ['编码', 'code'],
  name: ['名称', 'name'],
  direction: ['收支方向', 'direction'],
  amountFen: ['金额', 'amount'],
  openingFen: ['期初余额', 'opening balance'],
  incomeFen: ['本月收入', 'income'],
  expenseFen: ['本月支出', 'spending'],
  closingFen: ['期末余额', 'closing balance'],
  handler: ['经手人', 'handler'],
  witness: ['证明人', 'witness'],
  approver: ['审批人', 'approver'],
  bookkeeper: ['记账人', 'bookkeeper'],
  review: ['理财小组审核', 'oversight review'],
  reviewer: ['审核人', 'reviewer'],
  reviewedAt: ['审核时间', 'review time'],
  opinion: ['审核意见', 'review opinion'],
  sealed: ['盖章', 'seal'],
  attachmentCount: ['附件张数', 'number of attachments'],
  receipts: ['票据', 'receipts'],
  src: ['文件', 'file'],
  width: ['宽度', 'width'],
  height: ['高度', 'height'],
  phone: ['电话', 'phone'],
  question: ['问题', 'question'],
  answer: ['答复', 'answer'],
  askedAt: ['提问时间', 'time asked'],
  level: ['预警级别', 'alert level'],
  expiresAt: ['失效时间', 'expiry'],
  issuedBy: ['发布单位', 'issued by'],
  documents: ['所需材料', 'documents'],
  place: ['办理地点', 'place'],
  hours: ['办理时间', 'hours'],
  columns: ['表头', 'columns'],
  rows: ['表格行', 'rows'],
  role: ['职务', 'role'],
  duties: ['分工', 'duties'],
  photo: ['照片', 'photo'],
  month: ['月份', 'month'],
  vouchers: ['凭证', 'vouchers'],
};

/** The field's name for the last named segment of a path: /vouchers/3/amountFen → 金额. */
export const fieldName = (path: string): [string, string] => {
  const segment =
    path
      .split('/')
      .filter((s) => s && !/^\d+$/.test(s))
      .pop() ?? '';
  return FIELD_NAMES[segment] ?? [segment || '内容', segment || 'content'];
};

// TypeBox error types (ValueErrorType) that need their own wording.
const INTEGER = 27;
const INTEGER_MINIMUM = 25;
const NUMBER_MINIMUM = 39;
const REQUIRED = 45;
const MAX_LENGTH = 51;
const MIN_LENGTH = 52;
const PATTERN = 53;
const ARRAY_MIN_ITEMS = 4;
const ADDITIONAL_PROPERTY = 42;

/** The reason, in both languages, for one schema problem. */
const reason = (problem: FeedProblem): [string, string] => {
  switch (problem.code) {
    case REQUIRED:
      return ['缺少必填项', 'is required'];
    case INTEGER:
      return ['必须是整数（金额以分为单位）', 'must be a whole number (amounts in fen)'];
    case INTEGER_MINIMUM:
    case NUMBER_MINIMUM:
      if (problem.limit === 0) return ['不能为负数', 'must not be negative'];
      if (problem.limit === 1) return ['必须大于零', 'must be more than zero'];
      return [`不能小于 ${problem.limit}`, `must be at least ${problem.limit}`];
    case MIN_LENGTH:
    case ARRAY_MIN_ITEMS:
      return ['不能为空', 'must not be empty'];
    case MAX_LENGTH:
      return [`太长，最多 ${problem.limit} 字`, `is too long (at most ${problem.limit} characters)`];
    case PATTERN:
      return formatReason(String(problem.limit ?? ''));
    case ADDITIONAL_PROPERTY:
      return ['不是这类内容的字段，不能提交', 'is not a field of this kind of content'];
    default:
      return [`不符合要求（${problem.message}）`, problem.message];
  }
};

const formatReason = (pattern: string): [string, string] => {
  if (pattern.startsWith('^(1[3-9]'))
    return [
      '只能填工作电话：手机号、办公电话或服务热线（如 13812345678、0536-7251234、12345）',
      'must be a work phone: a mobile, office line or hotline (e.g. 13812345678, 0536-7251234, 12345)',
    ];
  if (pattern.includes('\\+08:00'))
    return ['时间格式不对，应为 2026-10-03T09:00:00+08:00', 'must be a time like 2026-10-03T09:00:00+08:00'];
  if (pattern.includes('\\*{3,}'))
    return ['必须打码后公开（如 138****5678）', 'must be masked before publishing (e.g. 138****5678)'];
  if (pattern.includes('[记收付转]')) return ['格式不对，应为 记-0042', 'must look like 记-0042'];
  if (pattern.includes('(0[1-9]|1[0-2])$')) return ['月份格式不对，应为 2026-10', 'must be a month like 2026-10'];
  if (pattern.startsWith('^(0[0-9]'))
    return ['只能公开办公电话或服务热线', 'must be an office line or service hotline'];
  return ['格式不对', 'has the wrong format'];
};

export const describeProblem = (item: string, problem: FeedProblem): OperatorProblem => {
  const [fieldZh, fieldEn] = fieldName(problem.path);
  const [whyZh, whyEn] = reason(problem);
  return { item, field: problem.path, zh: `「${item}」的「${fieldZh}」${whyZh}`, en: `${item}: ${fieldEn} ${whyEn}` };
};

/** A problem found by a domain rule rather than the schema. */
export const ruleProblem = (item: string, field: string, zh: string, en: string): OperatorProblem => {
  const [fieldZh, fieldEn] = fieldName(field);
  return { item, field, zh: `「${item}」的「${fieldZh}」${zh}`, en: `${item}: ${fieldEn} ${en}` };
};
