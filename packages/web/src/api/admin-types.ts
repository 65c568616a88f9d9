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
