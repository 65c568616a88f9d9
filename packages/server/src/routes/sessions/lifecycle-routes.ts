import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isUniqueViolation } from '../../db/errors';
import { appointments, courses, locations, treatmentSessions } from '../../db/schema/index';
import { AppError } from '../../errors/catalog';
import { appendAudit, appendAuditPerPatient } from '../../lib/audit';
import { requireAuth, requireRole, STAFF_ROLES } from '../../plugins/auth';
import { IdParams, problems } from '../common-schemas';
import { AUDIT_RESOURCE, localDate, sessionWriter, type SessionRouteOptions } from './context';
import { appendEvent, assertTransition, listSessions, loadSession, setState } from './repository';
import {
  ReasonBody,
  SessionRecordSchema,
  SessionSchema,
  SessionsQuery,
  SessionSummarySchema,
} from './schemas';

const WRITERS = ['nurse', 'prescriber'] as const;

/** The appointment stopped being booked (cancelled, moved, a no-show) while checking in. */
class AppointmentChanged extends Error {
  constructor(readonly status: string) {
    super(`appointment ${status}`);
  }
}

/** Check-in, lists, one session, its printable record, recovery and stop. */
export const sessionLifecycleRoutes: FastifyPluginAsyncZod<SessionRouteOptions> = async (
  app,
  options,
) => {
  const { db, clock, knowledge } = options;
  const write = sessionWriter(options);

  app.post(
    '/api/appointments/:id/session',
    {
      preHandler: requireRole('nurse'),
      schema: {
        tags: ['sessions'],
        summary:
          'Check a patient in: open the session of a booked infusion or esketamine appointment today',
        params: IdParams,
        response: { 201: SessionSchema, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const now = clock.now();
      const [appt] = await db
        .select({
          id: appointments.id,
          patientId: appointments.patientId,
          type: appointments.type,
          status: appointments.status,
          startsAt: appointments.startsAt,
          locationId: appointments.locationId,
          timeZone: locations.timeZone,
          indication: courses.indication,
        })
        .from(appointments)
        .leftJoin(locations, eq(locations.id, appointments.locationId))
        .leftJoin(courses, eq(courses.id, appointments.courseId))
        .where(eq(appointments.id, request.params.id));
      if (!appt) throw new AppError('RESOURCE.NOT_FOUND', 'No such appointment');
      const refuse = async (
        detail: string,
        code: 'SESSION.APPOINTMENT_INVALID' | 'RESOURCE.CONFLICT',
      ) => {
        await appendAudit(db, request, {
          action: 'patient.session.create',
          resourceType: AUDIT_RESOURCE,
          patientId: appt.patientId,
          outcome: 'invalid',
          detail: { code, appointmentId: appt.id },
        });
        return new AppError(code, detail);
      };
      const product =
        appt.type === 'infusion'
          ? 'ketamine-iv'
          : appt.type === 'esketamine-session'
            ? 'esketamine-nasal'
            : null;
      if (product === null)
        throw await refuse(
          'Only infusion and esketamine appointments have sessions',
          'SESSION.APPOINTMENT_INVALID',
        );
      if (appt.status !== 'booked')
        throw await refuse(
          `The appointment is ${appt.status}, not booked`,
          'SESSION.APPOINTMENT_INVALID',
        );
      const timeZone = appt.timeZone ?? 'UTC';
      const today = localDate(now, timeZone);
      const sessionDate = localDate(appt.startsAt, timeZone);
      if (sessionDate !== today)
        throw await refuse(
          `The appointment is on ${sessionDate}, not today (${today})`,
          'SESSION.APPOINTMENT_INVALID',
        );
      const [existing] = await db
        .select({ id: treatmentSessions.id })
        .from(treatmentSessions)
        .where(eq(treatmentSessions.appointmentId, appt.id));
      if (existing)
        throw await refuse(
          `The appointment already has session ${existing.id}`,
          'RESOURCE.CONFLICT',
        );
      // A racing check-in of the same appointment loses on the unique appointment_id: 409, not 500.
      // A cancellation, move or no-show racing this check-in locks the appointment as this does:
      // whichever comes second sees the other's outcome (changes.ts refuses a checked-in one).
      const id = await db
        .transaction(async (tx) => {
          const [locked] = await tx
            .select({ status: appointments.status })
            .from(appointments)
            .where(eq(appointments.id, appt.id))
            .for('update');
          if (locked?.status !== 'booked') throw new AppointmentChanged(locked?.status ?? 'gone');
          const [row] = await tx
            .insert(treatmentSessions)
            .values({
              appointmentId: appt.id,
              patientId: appt.patientId,
              product,
              indication: appt.indication,
              locationId: appt.locationId,
              sessionDate,
              state: 'checked-in',
              createdBy: user.id,
              createdAt: now,
              updatedAt: now,
            })
            .returning({ id: treatmentSessions.id });
          if (!row) throw new Error('insert into treatment_sessions returned no row');
          await appendEvent(tx, {
            sessionId: row.id,
            kind: 'check-in',
            payload: {},
            recordedBy: user.id,
            recordedAt: now,
          });
          await appendAudit(tx, request, {
            action: 'patient.session.create',
            resourceType: AUDIT_RESOURCE,
            resourceId: row.id,
            patientId: appt.patientId,
            outcome: 'success',
            detail: { appointmentId: appt.id },
          });
          return row.id;
        })
        .catch(async (error: unknown) => {
          if (error instanceof AppointmentChanged)
            throw await refuse(
              `The appointment is ${error.status}, not booked`,
              'SESSION.APPOINTMENT_INVALID',
            );
          if (!isUniqueViolation(error)) throw error;
          throw await refuse('The appointment already has a session', 'RESOURCE.CONFLICT');
        });
      return reply.status(201).send(await loadSession(db, knowledge.kb, id, clock.now()));
    },
  );

  app.get(
    '/api/sessions',
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: ['sessions'],
        summary: 'The sessions of one clinic date (the chair board), optionally at one location',
        querystring: SessionsQuery,
        response: {
          200: z.object({ items: z.array(SessionSummarySchema) }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const sessions = await listSessions(db, knowledge.kb, request.query, clock.now());
      await appendAuditPerPatient(
        db,
        request,
        {
          action: 'patient.session.list',
          resourceType: AUDIT_RESOURCE,
          outcome: 'success',
          detail: {
            date: request.query.date,
            count: sessions.length,
            sessionIds: sessions.map((x) => x.id),
          },
        },
        sessions.map((x) => x.patient.id),
      );
      return {
        items: sessions.map((s) => ({
          id: s.id,
          appointmentId: s.appointmentId,
          patient: { id: s.patient.id, displayName: s.patient.displayName, mrn: s.patient.mrn },
          product: s.product,
          state: s.state,
          location: s.location,
          scheduledStart: s.scheduledStart,
          checkedInAt: s.checkedIn.at,
          preCheckDecision: s.preCheck?.decision ?? null,
          preCheckApproved: (s.preCheck?.approval ?? null) !== null,
          openAlertCount: s.openAlertCount,
          nextReadingDueAt: s.nextReadingDueAt,
        })),
      };
    },
  );

  const readOne = (path: string, action: string, record: boolean) =>
    app.get(
      path,
      {
        preHandler: requireRole(...STAFF_ROLES),
        schema: {
          tags: ['sessions'],
          summary: record
            ? 'Everything for the one-page printable session record'
            : 'One session with its pre-check, dose, readings, alerts, events and amendments',
          params: IdParams,
          response: {
            200: record ? SessionRecordSchema : SessionSchema,
            ...problems(401, 403, 404),
          },
        },
      },
      async (request) => {
        const now = clock.now();
        let session;
        try {
          session = await loadSession(db, knowledge.kb, request.params.id, now);
        } catch (error) {
          if (error instanceof AppError)
            await appendAudit(db, request, {
              action,
              resourceType: AUDIT_RESOURCE,
              resourceId: request.params.id,
              outcome: 'not-found',
            });
          throw error;
        }
        await appendAudit(db, request, {
          action,
          resourceType: AUDIT_RESOURCE,
          resourceId: session.id,
          patientId: session.patient.id,
          outcome: 'success',
        });
        return record
          ? {
              generatedAt: now.toISOString(),
              knowledgeVersion: knowledge.kb.knowledgeVersion,
              session,
            }
          : session;
      },
    );
  readOne('/api/sessions/:id', 'patient.session.read', false);
  readOne('/api/sessions/:id/record', 'patient.session.record', true);

  app.post(
    '/api/sessions/:id/recovery',
    {
      preHandler: requireRole(...WRITERS),
      schema: {
        tags: ['sessions'],
        summary: 'The infusion (or esketamine dosing) ended: the patient is in recovery',
        params: IdParams,
        response: { 200: SessionSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      return write(request, request.params.id, 'patient.session.recovery', async (tx, s, now) => {
        assertTransition(s.state, 'recovery');
        await appendEvent(tx, {
          sessionId: s.id,
          kind: 'recovery',
          payload: {},
          recordedBy: user.id,
          recordedAt: now,
        });
        await setState(tx, s.id, 'recovery', now);
        return undefined;
      });
    },
  );

  app.post(
    '/api/sessions/:id/stop',
    {
      preHandler: requireRole(...WRITERS),
      schema: {
        tags: ['sessions'],
        summary: 'Stop the session early, with a reason (from any state that is not final)',
        params: IdParams,
        body: ReasonBody,
        response: { 200: SessionSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      return write(request, request.params.id, 'patient.session.stop', async (tx, s, now) => {
        assertTransition(s.state, 'stopped');
        await appendEvent(tx, {
          sessionId: s.id,
          kind: 'stop',
          payload: { reason: request.body.reason, fromState: s.state },
          recordedBy: user.id,
          recordedAt: now,
        });
        await setState(tx, s.id, 'stopped', now);
        // The visit took place and is over: the booking is completed, as after a discharge (it
        // stayed "booked" on the calendars).
        await tx
          .update(appointments)
          .set({ status: 'completed', updatedAt: now })
          .where(eq(appointments.id, s.current.appointmentId));
        return { fromState: s.state };
      });
    },
  );
};
