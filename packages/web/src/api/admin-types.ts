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

/** One rule's CDS Hooks cards and what prescribers did with them (`GET /api/admin/cds-feedback`). */
export interface CdsRuleFeedback {
  /** The card's `source.topic.code`: a screening finding code or a `CDS.*` rule. */
  rule: string;
  cardsIssued: number;
  accepted: number;
  overridden: number;
  /** overridden / (accepted + overridden); `null` when no feedback has come in. */
  overrideRate: number | null;
  /** Override reason codes; `(no reason)` counts overrides sent without one. */
  reasons: { code: string; count: number }[];
}

export interface CdsFeedbackReport {
  rules: CdsRuleFeedback[];
}
