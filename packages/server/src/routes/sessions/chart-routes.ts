import { ALDRETE_ITEMS, checkReading, dischargeReadiness, type Vitals } from '@ketaflow/core';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appointments } from '../../db/schema/index';
import { AppError } from '../../errors/catalog';
import { requireAuth, requireRole } from '../../plugins/auth';
import { isPressureSwapped, problems, Uuid } from '../common-schemas';
import { readingVitals, recoveryVitalsOf } from './build-session';
import { assertTakenInSession, chartReading, READING_STATES } from './chart-reading';
import { sessionWriter, type SessionRouteOptions } from './context';
import { appendEvent, assertState, assertTransition, setState } from './repository';
import {
  AMENDED_VALUE,
  AcknowledgeBody,
  AdverseEventBody,
  AmendmentBody,
  DischargeBody,
  ReadingBody,
  SessionSchema,
} from './schemas';

const WRITERS = ['nurse', 'prescriber'] as const;
const Params = z.object({ id: Uuid });
const VITAL_FIELDS = [
  'systolicMmHg',
  'diastolicMmHg',
  'heartRate',
  'spo2',
  'respiratoryRate',
  'temperatureC',
] as const;

function vitalsOf(
  body: Partial<Record<(typeof VITAL_FIELDS)[number], number | undefined>>,
): Vitals {
  return Object.fromEntries(
    VITAL_FIELDS.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]),
  );
}

/** Readings, alert acknowledgements, adverse events, discharge, amendments, REMS submission. */
export const sessionChartRoutes: FastifyPluginAsyncZod<SessionRouteOptions> = async (
  app,
  options,
) => {
  const { knowledge } = options;
  const { kb } = knowledge;
  const write = sessionWriter(options);

  app.post(
    '/api/sessions/:id/readings',
    {
      preHandler: requireRole(...WRITERS),
      schema: {
        tags: ['sessions'],
        summary: 'Chart a reading typed in by the nurse; out-of-range values raise an alert',
        params: Params,
        body: ReadingBody,
        response: { 200: SessionSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const values = vitalsOf(request.body);
      if (Object.keys(values).length === 0)
        throw new AppError('VALIDATION.FAILED', 'body: a reading needs at least one value', [
          { path: 'body', message: 'give at least one vital sign' },
        ]);
      const takenAt = new Date(request.body.takenAt);
      return write(request, request.params.id, 'patient.session.reading', async (tx, s, now) => {
        assertState(s.state, READING_STATES, 'Charting a reading');
        if (takenAt.getTime() > now.getTime() + 60_000)
          throw new AppError('VALIDATION.FAILED', 'body.takenAt: in the future', [
            { path: 'body.takenAt', message: 'must not be in the future' },
          ]);
        assertTakenInSession(s.current, takenAt, 'body.takenAt');
        const out = await chartReading(tx, kb, {
          sessionId: s.id,
          product: s.product,
          phase: s.state === 'recovery' ? 'after' : 'during',
          values,
          takenAt,
          recordedBy: user.id,
          now,
        });
        return { readingId: out.readingId, alert: out.alertId !== null };
      });
    },
  );

  app.post(
    '/api/sessions/:id/alerts/:alertId/acknowledge',
    {
      preHandler: requireRole(...WRITERS),
      schema: {
        tags: ['sessions'],
        summary: 'Acknowledge an alert with the action taken',
        params: z.object({ id: Uuid, alertId: Uuid }),
        body: AcknowledgeBody,
        response: { 200: SessionSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const { action, note, medication } = request.body;
      if (action === 'medication-given' && medication === undefined)
        throw new AppError('VALIDATION.FAILED', 'body.medication: name the medication given', [
          { path: 'body.medication', message: 'required when the action is medication-given' },
        ]);
      return write(
        request,
        request.params.id,
        'patient.session.alert-acknowledge',
        async (tx, s, now) => {
          const alert = s.current.alerts.find((a) => a.id === request.params.alertId);
          if (!alert) throw new AppError('RESOURCE.NOT_FOUND', 'No such alert in this session');
          if (alert.status !== 'open')
            throw new AppError('SESSION.ALERT_CLOSED', 'This alert was already acknowledged');
          await appendEvent(tx, {
            sessionId: s.id,
            kind: 'alert-acknowledgement',
            payload: { action, note, medication: medication ?? null },
            refersTo: alert.id,
            recordedBy: user.id,
            recordedAt: now,
          });
          return { alertId: alert.id, action };
        },
      );
    },
  );

  app.post(
    '/api/sessions/:id/adverse-events',
    {
      preHandler: requireRole(...WRITERS),
      schema: {
        tags: ['sessions'],
        summary: 'Record an adverse event with its severity and the actions taken',
        params: Params,
        body: AdverseEventBody,
        response: { 200: SessionSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      return write(
        request,
        request.params.id,
        'patient.session.adverse-event',
        async (tx, s, now) => {
          assertState(
            s.state,
            ['pre-check', 'in-progress', 'recovery', 'stopped'],
            'Recording an adverse event',
          );
          await appendEvent(tx, {
            sessionId: s.id,
            kind: 'adverse-event',
            payload: { ...request.body, note: request.body.note ?? null },
            recordedBy: user.id,
            recordedAt: now,
          });
          return { type: request.body.type, severity: request.body.severity };
        },
      );
    },
  );

  app.post(
    '/api/sessions/:id/discharge',
    {
      preHandler: requireRole(...WRITERS),
      schema: {
        tags: ['sessions'],
        summary: 'Discharge, only when every criterion is met (422 lists each unmet one)',
        params: Params,
        body: DischargeBody,
        response: { 200: SessionSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const body = request.body;
      return write(request, request.params.id, 'patient.session.discharge', async (tx, s, now) => {
        assertTransition(s.state, 'discharged');
        const esk = s.current.esketamine;
        const readiness = dischargeReadiness(kb, {
          product: s.product,
          aldrete: body.aldrete,
          escortName: body.escortName,
          openAlertCount: s.current.openAlertCount,
          now,
          dosedAt: esk?.dosedAt ? new Date(esk.dosedAt) : undefined,
          bpBeforeDoseAt: esk?.bpBeforeDose ? new Date(esk.bpBeforeDose.takenAt) : undefined,
          bpAfterDoseAt: esk?.bp40Min ? new Date(esk.bp40Min.takenAt) : undefined,
          recoveryVitals: recoveryVitalsOf(s.current.readings, s.current.recovery?.at),
        });
        if (!readiness.ready)
          throw new AppError(
            'SESSION.DISCHARGE_CRITERIA_UNMET',
            readiness.unmet.map((u) => u.message).join('; '),
            readiness.unmet.map((u) => ({
              path: u.field === 'aldrete' || u.field === 'escortName' ? `body.${u.field}` : u.field,
              message: u.message,
              code: u.code,
            })),
          );
        await appendEvent(tx, {
          sessionId: s.id,
          kind: 'discharge',
          payload: {
            aldrete: Object.fromEntries(ALDRETE_ITEMS.map((k) => [k, body.aldrete[k]])),
            aldreteTotal: readiness.aldreteTotal,
            escortName: body.escortName,
            notes: body.notes ?? null,
          },
          recordedBy: user.id,
          recordedAt: now,
        });
        await setState(tx, s.id, 'discharged', now);
        await tx
          .update(appointments)
          .set({ status: 'completed', updatedAt: now })
          .where(eq(appointments.id, s.current.appointmentId));
        return { aldreteTotal: readiness.aldreteTotal };
      });
    },
  );

  app.post(
    '/api/sessions/:id/amendments',
    {
      preHandler: requireRole(...WRITERS),
      schema: {
        tags: ['sessions'],
        summary: 'Correct a signed value by an amendment; the original is kept',
        params: Params,
        body: AmendmentBody,
        response: { 200: SessionSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const { target, targetId, field, value, reason } = request.body;
      return write(request, request.params.id, 'patient.session.amend', async (tx, s, now) => {
        const c = s.current;
        let original: unknown;
        const missing = () =>
          new AppError('VALIDATION.FAILED', `body.targetId: no ${target} with this id`, [
            { path: 'body.targetId', message: `no ${target} with this id in the session` },
          ]);
        const find = <T extends { id: string }>(list: readonly T[]): T => {
          const hit = list.find((x) => x.id === targetId);
          if (!hit) throw missing();
          return hit;
        };
        // A value the record shows must be one the field can hold, checked like a new entry.
        const checkValue = (schema: z.ZodType | undefined) => {
          const parsed = schema?.safeParse(value);
          if (parsed && !parsed.success)
            throw new AppError('VALIDATION.FAILED', `body.value: not a valid ${field}`, [
              { path: 'body.value', message: parsed.error.issues[0]?.message ?? 'is invalid' },
            ]);
        };
        let raise: ReturnType<typeof checkReading> = [];
        if (target === 'reading') {
          const r = find(c.readings);
          if (
            !(VITAL_FIELDS as readonly string[]).includes(field) ||
            (value !== null && typeof value !== 'number')
          )
            throw new AppError('VALIDATION.FAILED', 'body.field: not an amendable reading value', [
              { path: 'body.field', message: `one of ${VITAL_FIELDS.join(', ')}, with a number` },
            ]);
          checkValue(AMENDED_VALUE.reading[field]);
          original = (r as Record<string, unknown>)[field] ?? null;
          const amended = { ...r, [field]: value };
          if (isPressureSwapped(amended))
            throw new AppError('VALIDATION.FAILED', 'body.value: diastolic not below systolic', [
              {
                path: 'body.value',
                message: `the reading would be ${String(amended.systolicMmHg)}/${String(amended.diastolicMmHg)} mmHg: the diastolic must be below the systolic`,
              },
            ]);
          // The corrected value alerts like a charted one when it is beyond a limit it was not.
          const shown = new Set(r.findings.map((f) => f.code));
          raise = checkReading(kb, readingVitals(amended), {
            product: s.product,
            phase: s.state === 'recovery' ? 'after' : 'during',
          }).filter((f) => !shown.has(f.code));
        } else if (target === 'adverse-event') {
          checkValue(AMENDED_VALUE['adverse-event'][field]);
          original = (find(c.adverseEvents) as Record<string, unknown>)[field] ?? null;
        } else if (target === 'pre-check') {
          const pre = c.preCheck;
          if (pre === null || (targetId !== undefined && targetId !== pre.id)) throw missing();
          original = (pre as Record<string, unknown>)[field] ?? null;
        } else if (target === 'alert-acknowledgement') {
          const ack = c.alerts.map((a) => a.acknowledgement).filter((a) => a !== null);
          original = (find(ack) as Record<string, unknown>)[field] ?? null;
        } else {
          const part = target === 'discharge' ? c.discharge : target === 'start' ? c.start : c;
          if (part === null) throw missing();
          original = (part as Record<string, unknown>)[field] ?? null;
        }
        const refersTo = targetId ?? (target === 'pre-check' ? c.preCheck?.id : undefined);
        await appendEvent(tx, {
          sessionId: s.id,
          kind: 'amendment',
          payload: { target, field, original, value, reason },
          ...(refersTo === undefined ? {} : { refersTo }),
          recordedBy: user.id,
          recordedAt: now,
        });
        if (raise.length > 0 && targetId !== undefined)
          await appendEvent(tx, {
            sessionId: s.id,
            kind: 'alert',
            payload: { findings: raise },
            refersTo: targetId,
            recordedBy: user.id,
            recordedAt: now,
          });
        return { target, field, alert: raise.length > 0 };
      });
    },
  );

  app.post(
    '/api/sessions/:id/rems-submitted',
    {
      preHandler: requireRole(...WRITERS),
      schema: {
        tags: ['sessions'],
        summary: 'Record that the esketamine REMS patient monitoring form was submitted',
        params: Params,
        response: { 200: SessionSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      return write(
        request,
        request.params.id,
        'patient.session.rems-submitted',
        async (tx, s, now) => {
          const rems = s.current.esketamine?.rems;
          if (rems === undefined)
            throw new AppError('RESOURCE.CONFLICT', 'Only esketamine sessions have a REMS form');
          if (rems.submittedAt !== null)
            throw new AppError(
              'RESOURCE.CONFLICT',
              'The REMS form was already marked as submitted',
            );
          assertState(s.state, ['discharged', 'stopped'], 'Submitting the REMS form');
          await appendEvent(tx, {
            sessionId: s.id,
            kind: 'rems-submitted',
            payload: {},
            recordedBy: user.id,
            recordedAt: now,
          });
          return undefined;
        },
      );
    },
  );
};
