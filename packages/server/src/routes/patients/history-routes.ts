import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import { requireRole, STAFF_ROLES } from '../../plugins/auth';
import { problems } from '../common-schemas';
import { assertPatientAccess } from './access';
import {
  countingEntries,
  HistoryListParams,
  setNoneKnown,
  type HistoryList,
} from './history-lists';
import { touchPatient } from './repository';
import { mustLoad, type PatientRouteOptions } from './routes';
import { PatientSchema } from './schemas';

const WHAT: Readonly<Record<HistoryList, string>> = {
  conditions: 'no known medical conditions',
  medications: 'takes no medicines',
  allergies: 'no known allergies',
};

/**
 * "None known" for a history list: staff record that they took the history and the list is
 * empty, or withdraw it. An empty list without it is not recorded, which screening reads as
 * unknown. Every change is audited and screens the patient again, as any change to the record.
 */
export const historyRoutes: FastifyPluginAsyncZod<PatientRouteOptions> = async (
  app,
  { db, clock, afterChange },
) => {
  const staffOnly = requireRole(...STAFF_ROLES);
  const answer = { 200: PatientSchema, ...problems(400, 401, 403, 404, 409) };

  async function change(
    request: FastifyRequest,
    patientId: string,
    list: HistoryList,
    on: boolean,
  ) {
    const action = `patient.${list}.none-known.${on ? 'record' : 'withdraw'}`;
    await assertPatientAccess(db, request, patientId, action);
    await db.transaction(async (tx) => {
      if (on) {
        const entries = await countingEntries(tx, patientId, list);
        if (entries > 0)
          throw new AppError(
            'RESOURCE.CONFLICT',
            `The ${list} list has ${String(entries)} ${entries === 1 ? 'entry' : 'entries'}: it cannot also be "none known".`,
          );
      }
      const now = clock.now();
      await setNoneKnown(tx, patientId, list, on ? now : null);
      await touchPatient(tx, patientId, now);
      await appendAudit(tx, request, {
        action,
        resourceType: 'Patient',
        resourceId: patientId,
        patientId,
        outcome: 'success',
      });
      await afterChange?.(tx, request, patientId);
    });
    return mustLoad(db, patientId);
  }

  app.put(
    '/api/patients/:id/history/:list/none-known',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['patients'],
        summary: 'Record that a history list has none known (no conditions, no medicines, NKA)',
        description: `After taking the history: the patient has ${Object.values(WHAT).join(', or ')}. Refused with 409 while the list has an entry; adding an entry later withdraws it.`,
        params: HistoryListParams,
        response: answer,
      },
    },
    async (request) => change(request, request.params.id, request.params.list, true),
  );

  app.delete(
    '/api/patients/:id/history/:list/none-known',
    {
      preHandler: staffOnly,
      schema: {
        tags: ['patients'],
        summary: 'Withdraw "none known" for a history list (it is then not recorded)',
        params: HistoryListParams,
        response: answer,
      },
    },
    async (request) => change(request, request.params.id, request.params.list, false),
  );
};
