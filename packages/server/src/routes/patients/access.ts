import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/client';
import { AppError } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import { isStaff, requireAuth } from '../../plugins/auth';
import { findPatientRow } from './repository';

/**
 * Lets staff and the patient themself reach a record. Anyone else gets the same 404 as for a
 * record that does not exist, so existence does not leak; both are audited.
 */
export async function assertPatientAccess(
  db: Database,
  request: FastifyRequest,
  patientId: string,
  action: string,
): Promise<void> {
  const { user } = requireAuth(request);
  const allowed = isStaff(user) || user.patientId === patientId;
  if (!allowed) {
    await appendAudit(db, request, {
      action,
      resourceType: 'Patient',
      resourceId: patientId,
      patientId,
      outcome: 'denied',
    });
    throw new AppError('RESOURCE.NOT_FOUND', 'No such patient.');
  }
  if (!(await findPatientRow(db, patientId))) {
    await appendAudit(db, request, {
      action,
      resourceType: 'Patient',
      resourceId: patientId,
      patientId,
      outcome: 'not-found',
    });
    throw new AppError('RESOURCE.NOT_FOUND', 'No such patient.');
  }
}
