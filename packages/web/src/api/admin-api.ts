import type {
  AuditEntry,
  AuditFilters,
  CdsFeedbackFilters,
  CdsFeedbackReport,
  OutboxMessage,
} from './admin-types';
import { requestJson, withQuery } from './http';
import type { Page } from './page';

export const auditPageSize = 25;

export function fetchAuditLog(filters: AuditFilters): Promise<Page<AuditEntry>> {
  return requestJson('GET', withQuery('/api/audit', { ...filters, pageSize: auditPageSize }));
}

export function fetchOutbox(page: number): Promise<Page<OutboxMessage>> {
  return requestJson('GET', withQuery('/api/outbox', { page }));
}

/** CDS Hooks cards issued and their feedback, per rule (admins only). */
export function fetchCdsFeedback(filters: CdsFeedbackFilters): Promise<CdsFeedbackReport> {
  return requestJson('GET', withQuery('/api/admin/cds-feedback', { ...filters }));
}
