export interface AuditEntry {
  id: string;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  patientId: string | null;
  resourceType: string | null;
  resourceId: string | null;
  clientIp: string | null;
  outcome: string;
}

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
}

export interface AuditFilters {
  patientId?: string;
  actorUserId?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
}

/** The CDS Hooks services whose cards the override-rate report can be narrowed to. */
export type CdsServiceId =
  'ketaflow-order-select' | 'ketaflow-order-sign' | 'ketaflow-patient-view';

/** Narrows `GET /api/admin/cds-feedback`: one service, and inclusive `YYYY-MM-DD` days (UTC). */
export interface CdsFeedbackFilters {
  serviceId?: CdsServiceId;
  /** Cards by the day they were issued, feedback by its outcome timestamp. */
  from?: string;
  to?: string;
}

/** One rule's CDS Hooks cards and what prescribers did with them (`GET /api/admin/cds-feedback`). */
export interface CdsRuleFeedback {
  /** The card's `source.topic.code`: a screening finding code or a `CDS.*` rule. */
  rule: string;
  /** A readable name from the server (knowledge base or card wording); `null` for an unknown rule. */
  title: string | null;
  /** The indicator of the rule's most recent card. */
  indicator: 'info' | 'warning' | 'critical' | null;
  cardsIssued: number;
  accepted: number;
  overridden: number;
  /** overridden / (accepted + overridden); `null` when no feedback has come in. */
  overrideRate: number | null;
  /** Per (system, code), most used first; code `(no reason)` (system `null`) counts overrides sent without one. */
  reasons: { code: string; system: string | null; display: string; count: number }[];
  /** The latest comments prescribers typed (at most 5), newest first. */
  comments: { comment: string; outcomeTimestamp: string }[];
}

export interface CdsFeedbackReport {
  rules: CdsRuleFeedback[];
}
