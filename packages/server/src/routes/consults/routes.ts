import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { AppError } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import type { ClinicKnowledge } from '../../knowledge';
import { scheduleAppointmentNotices } from '../../notifications/appointment-notices';
import { loadNoticeFacts } from '../../notifications/notice-facts';
import { appointmentCalendarFile } from '../../notifications/calendar-file';
import { requireAuth, requireRole } from '../../plugins/auth';
import { bookAppointmentIn } from '../appointments/booking';
import { toAppError } from '../appointments/http';
import { runIdempotent } from '../appointments/idempotency';
import { AppointmentSchema, Instant } from '../appointments/schemas';
import { IdParams, problems, Uuid } from '../common-schemas';
import { CONSULT_WINDOW_DAYS, offeredConsults } from './offered';

export interface ConsultRouteOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly knowledge: ClinicKnowledge;
  readonly publicUrl: string;
}

const SlotsQuery = z.object({ from: Instant.optional(), to: Instant.optional() });
const ConsultSlot = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  prescriber: z.object({ id: Uuid, displayName: z.string() }),
});
const ConsultBody = z.strictObject({
  startsAt: Instant,
  prescriberId: Uuid,
  idempotencyKey: z
    .string()
    .min(8)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .describe('A fresh unique string (a UUID) per booking; a retry with it books once'),
});
const Confirmation = z.object({
  appointment: AppointmentSchema,
  videoUrl: z.string().nullable(),
  calendarUrl: z.string(),
});

const tags = ['consults'];

/** Telemedicine consults from the public site and the portal: offered times, booking, .ics. */
export const consultRoutes: FastifyPluginAsyncZod<ConsultRouteOptions> = async (app, options) => {
  const { db, clock, knowledge } = options;
  const calendarPath = (id: string) => `/api/me/appointments/${id}/calendar.ics`;

  app.get(
    '/api/public/consult-slots',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Offered video-consult times: a prescriber free for the whole consult',
        description: `From now (or from) for ${String(CONSULT_WINDOW_DAYS)} days (or to), at most 31 days. No log-in needed.`,
        querystring: SlotsQuery,
        response: { 200: z.object({ items: z.array(ConsultSlot) }), ...problems(400, 429) },
      },
    },
    async (request) => {
      const now = clock.now();
      const from = request.query.from ? new Date(request.query.from) : now;
      const to = request.query.to
        ? new Date(request.query.to)
        : new Date(from.getTime() + CONSULT_WINDOW_DAYS * 86_400_000);
      const found = await offeredConsults(db, knowledge.kb, now, from, to);
      if (!found.ok) {
        const errors = found.error.map((p) => ({
          path: `query.${p.path ?? 'from'}`,
          message: p.message,
          code: p.code,
        }));
        throw new AppError(
          'VALIDATION.FAILED',
          errors.map((e) => `${e.path}: ${e.message}`).join('; '),
          errors,
        );
      }
      return { items: found.value };
    },
  );

  app.post(
    '/api/me/consults',
    {
      preHandler: requireRole('patient'),
      schema: {
        tags,
        summary: 'Book a video consult for yourself; the answer has the video link and .ics',
        description:
          'The idempotencyKey makes a retry safe: the same key answers with the first booking. 409 SCHEDULE.SLOT_TAKEN when someone else took the time; 422 SCHEDULE.CONFLICT when the prescriber is not free then.',
        body: ConsultBody,
        response: { 201: Confirmation, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const patientId = user.patientId;
      if (!patientId) throw new AppError('AUTH.FORBIDDEN', 'No patient record.');
      const b = request.body;
      const now = clock.now();
      const outcome = await runIdempotent(
        db,
        {
          key: b.idempotencyKey,
          userId: user.id,
          method: request.method,
          path: '/api/me/consults',
          body: { startsAt: b.startsAt, prescriberId: b.prescriberId },
          now,
        },
        async (tx) => {
          const booked = await bookAppointmentIn(
            tx,
            {
              kb: knowledge.kb,
              now,
              audit: (executor, entry) => appendAudit(executor, request, entry),
            },
            {
              type: 'consult-telemedicine',
              patientId,
              startsAt: new Date(b.startsAt),
              prescriberId: b.prescriberId,
            },
            { userId: user.id },
          );
          if (!booked.ok) throw toAppError(booked.error, 'body');
          const appointment = booked.value;
          await scheduleAppointmentNotices(
            tx,
            { id: appointment.id, startsAt: new Date(appointment.startsAt) },
            now,
            knowledge.kb.scheduling.reminderLeadHours,
          );
          return {
            statusCode: 201,
            body: {
              appointment,
              videoUrl: appointment.videoUrl,
              calendarUrl: `${options.publicUrl}${calendarPath(appointment.id)}`,
            },
          };
        },
        (tx, error) =>
          appendAudit(tx, request, {
            action: 'appointment.book',
            resourceType: 'Appointment',
            patientId,
            outcome: error.status === 404 ? 'not-found' : 'invalid',
            detail: { code: error.code },
          }),
      );
      if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
      // The stored answer may be a problem of any status: send it as the route's plain reply.
      const plain: FastifyReply = reply;
      return plain
        .status(outcome.statusCode)
        .type(
          outcome.statusCode >= 400
            ? 'application/problem+json'
            : 'application/json; charset=utf-8',
        )
        .send(outcome.body);
    },
  );

  app.get(
    '/api/me/appointments/:id/calendar.ics',
    {
      preHandler: requireRole('patient'),
      schema: {
        tags,
        summary: 'One of your appointments as an iCalendar (.ics) file',
        params: IdParams,
        response: { 200: z.string().describe('text/calendar'), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const facts = await loadNoticeFacts(db, request.params.id);
      if (facts?.patientId !== user.patientId || !user.patientId) {
        await appendAudit(db, request, {
          action: 'appointment.calendar',
          resourceType: 'Appointment',
          resourceId: request.params.id,
          outcome: 'not-found',
        });
        throw new AppError('RESOURCE.NOT_FOUND', 'No such appointment.');
      }
      await appendAudit(db, request, {
        action: 'appointment.calendar',
        resourceType: 'Appointment',
        resourceId: facts.appointmentId,
        patientId: facts.patientId,
        outcome: 'success',
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="appointment-${facts.appointmentId}.ics"`,
        )
        .send(appointmentCalendarFile(facts, knowledge.clinicName, clock.now()));
    },
  );
};
