/**
 * 一键求助, shared by box and service: the kinds a villager picks from, the steps a request goes
 * through, and the rules both sides count on (the acknowledgement target, the hourly limit).
 */

/** 看病 / 老人需要帮助 / 安全 / 其他, in the order the box lists them. */
export const HELP_KINDS = ['medical', 'elderly', 'safety', 'other'] as const;
export type HelpKind = (typeof HELP_KINDS)[number];

/** 已发送 → 已收到 → 处理中 → 已完成: a request only moves forward. */
export const HELP_STATUSES = ['sent', 'acknowledged', 'in_progress', 'done'] as const;
export type HelpStatus = (typeof HELP_STATUSES)[number];

/** The duty officer's target: acknowledged within 10 minutes of arriving. */
export const HELP_ACK_TARGET_MS = 10 * 60 * 1000;
/** At most this many help requests per household in an hour. */
export const HELP_PER_HOUR = 3;
/** A box's idempotency key: the same key sent twice is one request. */
export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9+/_-]{16,64}$';

export const isHelpKind = (value: unknown): value is HelpKind => HELP_KINDS.includes(value as HelpKind);
export const isHelpStatus = (value: unknown): value is HelpStatus => HELP_STATUSES.includes(value as HelpStatus);

/** A help request as the box is told of it. */
export interface HelpRequestView {
  id: number;
  kind: HelpKind;
  status: HelpStatus;
  /** China time (+08:00). */
  createdAt: string;
  acknowledgedAt: string | null;
  updatedAt: string | null;
}

/** The box's own check of the service's answer (it carries no schema validator). */
export const looksLikeHelpRequest = (value: unknown): value is HelpRequestView => {
  const v = value as Partial<HelpRequestView> | null;
  return (
    !!v &&
    typeof v.id === 'number' &&
    isHelpKind(v.kind) &&
    isHelpStatus(v.status) &&
    typeof v.createdAt === 'string' &&
    (v.acknowledgedAt === null || typeof v.acknowledgedAt === 'string')
  );
};
