import {
  closesSafetyAlert,
  recordSafetyFollowUp,
  safetyAlertFor,
  type InstrumentDefinition,
  type KnowledgeBase,
  type SafetyAlert,
} from '@ketaflow/core';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database, Executor } from '../../db/client';
import { patients, safetyAlerts, SAFETY_ALERT_STATUSES, users } from '../../db/schema/index';
import { AppError, bodyFieldErrors } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import type { ClinicKnowledge } from '../../knowledge';
import { requireAuth, requireRole, STAFF_ROLES } from '../../plugins/auth';
import { IdParams, problems, Uuid } from '../common-schemas';
import { findInstrument } from './instruments';
import { FollowUpBody, SafetyAlertSchema, type SafetyAlertDto } from './schemas';

export interface AlertRouteOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly knowledge: ClinicKnowledge;
}

const tags = ['outcomes'];
const LATE_ENTRY_MS = 5 * 60_000;
const reviewer = alias(users, 'reviewer');

/** The core alert for a stored row: its wording, actions and follow-up fields. */
function coreAlert(
  kb: KnowledgeBase,
  definition: InstrumentDefinition,
  itemId: string,
  answer: number,
): SafetyAlert {
  const item = definition.items.find((i) => i.id === itemId);
  const alert =
    item === undefined
      ? null
      : safetyAlertFor(definition, item, answer, kb.crisisResources.resources);
  if (alert === null) throw new Error(`stored safety alert on ${itemId} matches no safety rule`);
  return alert;
}

async function loadAlerts(
  executor: Executor,
  knowledge: ClinicKnowledge,
  filter: { readonly status?: (typeof SAFETY_ALERT_STATUSES)[number]; readonly id?: string },
): Promise<SafetyAlertDto[]> {
  const rows = await executor
    .select({ alert: safetyAlerts, patient: patients, reviewer })
    .from(safetyAlerts)
    .innerJoin(patients, eq(patients.id, safetyAlerts.patientId))
    .leftJoin(reviewer, eq(reviewer.id, safetyAlerts.followedUpBy))
    .where(
      and(
        filter.status === undefined ? undefined : eq(safetyAlerts.status, filter.status),
        filter.id === undefined ? undefined : eq(safetyAlerts.id, filter.id),
      ),
    )
    // Open alerts oldest first: the longest-waiting patient is at the top.
    .orderBy(filter.status === 'open' ? asc(safetyAlerts.raisedAt) : desc(safetyAlerts.raisedAt));
  const out: SafetyAlertDto[] = [];
  for (const { alert: a, patient: p, reviewer: r } of rows) {
    const instrument = await findInstrument(executor, knowledge.kb, a.instrument);
    if (!instrument) throw new Error(`instrument ${a.instrument} of a safety alert is gone`);
    const core = coreAlert(knowledge.kb, instrument.definition, a.itemId, a.answer);
    out.push({
      id: a.id,
      patient: { id: p.id, mrn: p.mrn, displayName: `${p.givenName} ${p.familyName}` },
      responseId: a.responseId,
      instrument: a.instrument,
      itemId: a.itemId,
      itemText: core.itemText,
      answer: core.answer,
      summary: core.summary,
      careTeamActions: core.careTeamActions,
      raisedAt: a.raisedAt.toISOString(),
      status: a.status,
      followUp: (a.followUp as Record<string, unknown> | null) ?? null,
      followedUpBy: r === null ? null : { id: r.id, displayName: r.displayName },
      followedUpAt: a.followedUpAt?.toISOString() ?? null,
      attempts: a.contactAttempts as SafetyAlertDto['attempts'],
      followUpFields: core.followUp.fields,
    });
  }
  return out;
}

/** Safety alerts (PHQ-9 item 9 above zero): the care team's list and the documented follow-up. */
export const alertRoutes: FastifyPluginAsyncZod<AlertRouteOptions> = async (app, options) => {
  const { db, clock, knowledge } = options;

  app.get(
    '/api/safety-alerts',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags,
        summary: 'Safety alerts, open ones oldest first',
        querystring: z.object({ status: z.enum(SAFETY_ALERT_STATUSES).optional() }),
        response: {
          200: z.object({ items: z.array(SafetyAlertSchema) }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const items = await loadAlerts(db, knowledge, {
        ...(request.query.status === undefined ? {} : { status: request.query.status }),
      });
      // One audit row per patient shown: every reader of a patient's data is on their trail.
      for (const patientId of new Set(items.map((i) => i.patient.id)))
        await appendAudit(db, request, {
          action: 'patient.safety-alert.list',
          resourceType: 'SafetyAlert',
          patientId,
          outcome: 'success',
          detail: { count: items.filter((i) => i.patient.id === patientId).length },
        });
      return { items };
    },
  );

  app.get(
    '/api/safety-alerts/:id',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags,
        summary: 'One safety alert with its follow-up fields',
        params: IdParams,
        response: { 200: SafetyAlertSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const [alert] = await loadAlerts(db, knowledge, { id: request.params.id });
      if (!alert) throw new AppError('RESOURCE.NOT_FOUND', 'No such safety alert.');
      await appendAudit(db, request, {
        action: 'patient.safety-alert.read',
        resourceType: 'SafetyAlert',
        resourceId: alert.id,
        patientId: alert.patient.id,
        outcome: 'success',
      });
      return alert;
    },
  );

  app.post(
    '/api/safety-alerts/:id/follow-up',
    {
      preHandler: requireRole('nurse', 'prescriber'),
      schema: {
        tags,
        summary: 'Document the follow-up of a safety alert; closes it once the patient was reached',
        description:
          'Checked by core: every bad field is named in `errors` (400 VALIDATION.FAILED). A contact of `not-reached` is kept in `attempts` (with `nextContactAt`) and the alert stays open; any other contact closes it. `reviewedBy` defaults to the caller and must be a nurse or prescriber; `reviewedAt` not in the future. 409 OUTCOME.ALERT_CLOSED when already documented.',
        params: IdParams,
        body: FollowUpBody,
        response: { 200: SafetyAlertSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const now = clock.now();
      const id = request.params.id;
      const errors = await db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(safetyAlerts)
          .where(eq(safetyAlerts.id, id))
          .for('update');
        if (!row) throw new AppError('RESOURCE.NOT_FOUND', 'No such safety alert.');
        if (row.status !== 'open')
          throw new AppError('OUTCOME.ALERT_CLOSED', 'This alert’s follow-up is documented.');
        const instrument = await findInstrument(tx, knowledge.kb, row.instrument);
        if (!instrument) throw new Error(`instrument ${row.instrument} of a safety alert is gone`);
        const input = { reviewedBy: user.id, ...request.body };
        const checked = recordSafetyFollowUp(
          coreAlert(knowledge.kb, instrument.definition, row.itemId, row.answer),
          input,
        );
        const found = checked.ok ? [] : bodyFieldErrors(checked.error);
        if (checked.ok) {
          const f = checked.value;
          // Not a UUID: no user's id (and the uuid column would refuse the comparison).
          const [clinician] = Uuid.safeParse(f.reviewedBy).success
            ? await tx
                .select({ id: users.id })
                .from(users)
                .where(
                  and(eq(users.id, f.reviewedBy), inArray(users.role, ['nurse', 'prescriber'])),
                )
            : [];
          if (!clinician)
            found.push({
              path: 'body.reviewedBy',
              message: 'must be the id of a nurse or prescriber',
              code: 'OUTCOME.FOLLOW_UP.REVIEWER',
            });
          if (Date.parse(f.reviewedAt) > now.getTime() + LATE_ENTRY_MS)
            found.push({
              path: 'body.reviewedAt',
              message: 'must not be in the future',
              code: 'OUTCOME.FOLLOW_UP.FUTURE',
            });
        }
        if (!checked.ok || found.length > 0) {
          await appendAudit(tx, request, {
            action: 'patient.safety-alert.follow-up',
            resourceType: 'SafetyAlert',
            resourceId: id,
            patientId: row.patientId,
            outcome: 'invalid',
            detail: { fields: found.map((e) => e.path) },
          });
          return found;
        }
        // A patient not reached has not been followed up: the attempt is kept and the alert stays open.
        const closes = closesSafetyAlert(checked.value);
        await tx
          .update(safetyAlerts)
          .set(
            closes
              ? {
                  status: 'followed-up',
                  followUp: checked.value,
                  followedUpBy: user.id,
                  followedUpAt: now,
                }
              : {
                  contactAttempts: [
                    ...row.contactAttempts,
                    { ...checked.value, recordedBy: user.id, recordedAt: now.toISOString() },
                  ],
                },
          )
          .where(eq(safetyAlerts.id, id));
        await appendAudit(tx, request, {
          action: 'patient.safety-alert.follow-up',
          resourceType: 'SafetyAlert',
          resourceId: id,
          patientId: row.patientId,
          outcome: 'success',
          detail: {
            contact: checked.value.contact,
            actions: checked.value.actions,
            status: closes ? 'followed-up' : 'open',
          },
        });
        return [];
      });
      // Thrown after the commit, so the refused attempt stays on the audit trail.
      if (errors.length > 0)
        throw new AppError(
          'VALIDATION.FAILED',
          errors.map((e) => `${e.path}: ${e.message}`).join('; '),
          errors,
        );
      const [alert] = await loadAlerts(db, knowledge, { id });
      if (!alert) throw new Error('safety alert vanished after its follow-up');
      return alert;
    },
  );
};
