import { isWithinLocalDays } from '@ketaflow/core';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { AppError, fieldError } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import { scheduleAppointmentNotices } from '../../notifications/appointment-notices';
import { requireAuth, requireRole, STAFF_ROLES, type SessionUser } from '../../plugins/auth';
import { IdParams, problems } from '../common-schemas';
import { bookAppointmentIn } from './booking';
import { appointmentChangeRoutes } from './change-routes';
import {
  auditList,
  depsFor,
  sendIdempotent,
  toAppError,
  type AppointmentRouteOptions,
} from './http';
import { loadAppointment, loadAppointments } from './repository';
import {
  AppointmentSchema,
  BookBody,
  IdempotencyHeaders,
  ListQuery,
  MyListQuery,
  SlotQuery,
  SlotSchema,
  type BookBodyInput,
} from './schemas';
import { searchSlots } from './slots';

const MAX_LIST_DAYS = 62;

/** The patient a booking is for: staff name one; a patient books a consult for themself. */
async function bookingPatient(
  db: Database,
  request: FastifyRequest,
  user: SessionUser,
  body: BookBodyInput,
): Promise<string> {
  if (user.role !== 'patient') {
    if (!body.patientId) throw fieldError('body.patientId', 'is required');
    return body.patientId;
  }
  const own = user.patientId;
  if (!own || (body.patientId !== undefined && body.patientId !== own)) {
    await appendAudit(db, request, {
      action: 'appointment.book',
      resourceType: 'Patient',
      resourceId: body.patientId ?? null,
      patientId: body.patientId ?? null,
      outcome: 'denied',
    });
    throw new AppError('RESOURCE.NOT_FOUND', 'No such patient.');
  }
  if (body.type !== 'consult-telemedicine')
    throw new AppError('AUTH.FORBIDDEN', 'Patients book telemedicine consults online only.');
  return own;
}

/**
 * Slot search, booking with holds and idempotency keys, listing for the day board and week
 * calendars; cancel, reschedule and no-show live in `change-routes.ts`.
 */
export const appointmentRoutes: FastifyPluginAsyncZod<AppointmentRouteOptions> = async (
  app,
  options,
) => {
  const { db, clock, knowledge } = options;

  app.get(
    '/api/appointments/slots',
    {
      onRequest: requireRole(...STAFF_ROLES, 'patient'),
      schema: {
        tags: ['appointments'],
        summary: 'Bookable times: a chair, a nurse with capacity and a prescriber all free',
        description:
          'Staff search any type; a patient searches telemedicine consults for themself. Each slot names the resources to pass back when booking. Expired holds block nothing. An infusion needs `protocolId` (its length depends on the protocol) or `durationMinutes`. When rescheduling, pass `excludeAppointmentId` so the appointment being moved does not block its own new time.',
        querystring: SlotQuery,
        response: { 200: z.object({ items: z.array(SlotSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const q = request.query;
      let patientId = q.patientId;
      if (user.role === 'patient') {
        if (q.type !== 'consult-telemedicine')
          throw new AppError('AUTH.FORBIDDEN', 'Patients may search telemedicine consults only.');
        patientId = user.patientId ?? undefined;
      }
      const found = await searchSlots(db, knowledge.kb, clock.now(), {
        type: q.type,
        from: new Date(q.from),
        to: new Date(q.to),
        ...(q.locationId === undefined ? {} : { locationId: q.locationId }),
        ...(patientId === undefined ? {} : { patientId }),
        ...(q.prescriberId === undefined ? {} : { prescriberId: q.prescriberId }),
        ...(q.durationMinutes === undefined ? {} : { durationMinutes: q.durationMinutes }),
        ...(q.protocolId === undefined ? {} : { protocolId: q.protocolId }),
        ...(q.limit === undefined ? {} : { limit: q.limit }),
        ...(q.excludeAppointmentId === undefined
          ? {}
          : { excludeAppointmentId: q.excludeAppointmentId }),
      });
      if (!found.ok) {
        const errors = found.error.map((p) => ({
          path: `query.${p.path ?? 'type'}`,
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

  for (const hold of [false, true]) {
    app.post(
      hold ? '/api/appointments/holds' : '/api/appointments',
      {
        onRequest: requireRole(...STAFF_ROLES, 'patient'),
        schema: {
          tags: ['appointments'],
          summary: hold
            ? 'Hold a slot for a short while (the clinic setting), to confirm later'
            : 'Book an appointment: chair, nurse lane and prescriber in one transaction',
          description:
            'The database refuses double booking (exclusion constraint) on every instance: 409 SCHEDULE.SLOT_TAKEN when the time is taken, 422 SCHEDULE.CONFLICT with every reason when it breaks a rule. Send an Idempotency-Key to make retries safe. Patients book telemedicine consults for themselves.',
          headers: IdempotencyHeaders,
          body: BookBody,
          response: { 201: AppointmentSchema, ...problems(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const { user } = requireAuth(request);
        const body = request.body;
        const patientId = await bookingPatient(db, request, user, body);
        return sendIdempotent(
          options,
          request,
          reply,
          { action: hold ? 'appointment.hold' : 'appointment.book', patientId },
          async (tx) => {
            const deps = depsFor(options, request);
            const booked = await bookAppointmentIn(
              tx,
              deps,
              {
                type: body.type,
                patientId,
                startsAt: new Date(body.startsAt),
                hold,
                ...(body.locationId === undefined ? {} : { locationId: body.locationId }),
                ...(body.durationMinutes === undefined
                  ? {}
                  : { durationMinutes: body.durationMinutes }),
                ...(body.protocolId === undefined ? {} : { protocolId: body.protocolId }),
                ...(body.courseId === undefined ? {} : { courseId: body.courseId }),
                ...(body.chairId === undefined ? {} : { chairId: body.chairId }),
                ...(body.nurseId === undefined ? {} : { nurseId: body.nurseId }),
                ...(body.prescriberId === undefined ? {} : { prescriberId: body.prescriberId }),
              },
              { userId: user.id },
            );
            if (!booked.ok) throw toAppError(booked.error, 'body');
            // A hold gets its confirmation when it is confirmed (`confirmHold`), not now.
            if (!hold)
              await scheduleAppointmentNotices(
                tx,
                { id: booked.value.id, startsAt: new Date(booked.value.startsAt) },
                deps.now,
                deps.kb.scheduling.reminderLeadHours,
              );
            return { statusCode: 201, body: booked.value };
          },
        );
      },
    );
  }

  app.get(
    '/api/appointments',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: ['appointments'],
        summary: 'Appointments overlapping a window: the day board and week calendars',
        description:
          'Filter by location, staff member (nurse or prescriber held) or patient. Cancelled ones only with includeCancelled=true; expired holds never. Each read is audited per patient.',
        querystring: ListQuery,
        response: {
          200: z.object({ items: z.array(AppointmentSchema) }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const from = new Date(q.from);
      const to = new Date(q.to);
      if (to <= from) throw fieldError('query.to', 'must be after from');
      if (!isWithinLocalDays(from.getTime(), to.getTime(), MAX_LIST_DAYS))
        throw fieldError('query.to', `at most ${String(MAX_LIST_DAYS)} days after from`);
      const items = await loadAppointments(db, {
        from,
        to,
        now: clock.now(),
        includeCancelled: q.includeCancelled ?? false,
        ...(q.locationId === undefined ? {} : { locationId: q.locationId }),
        ...(q.staffId === undefined ? {} : { staffId: q.staffId }),
        ...(q.patientId === undefined ? {} : { patientId: q.patientId }),
      });
      await auditList(db, request, 'appointment.list', items);
      return { items };
    },
  );

  app.get(
    '/api/me/appointments',
    {
      onRequest: requireRole('patient'),
      schema: {
        tags: ['appointments'],
        summary: "The signed-in patient's own appointments",
        querystring: MyListQuery,
        response: {
          200: z.object({ items: z.array(AppointmentSchema) }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      if (!user.patientId) throw new AppError('AUTH.FORBIDDEN', 'No patient record.');
      const q = request.query;
      const items = await loadAppointments(db, {
        patientId: user.patientId,
        now: clock.now(),
        includeCancelled: q.includeCancelled ?? false,
        ...(q.from === undefined ? {} : { from: new Date(q.from) }),
        ...(q.to === undefined ? {} : { to: new Date(q.to) }),
      });
      await appendAudit(db, request, {
        action: 'appointment.list',
        resourceType: 'Appointment',
        patientId: user.patientId,
        outcome: 'success',
        detail: { count: items.length },
      });
      return { items };
    },
  );

  app.get(
    '/api/appointments/:id',
    {
      onRequest: requireRole(...STAFF_ROLES, 'patient'),
      schema: {
        tags: ['appointments'],
        summary: 'One appointment with its resources (staff, or the patient it is for)',
        params: IdParams,
        response: { 200: AppointmentSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const found = await loadAppointment(db, request.params.id);
      const visible = found && (user.role !== 'patient' || found.patientId === user.patientId);
      await appendAudit(db, request, {
        action: 'appointment.read',
        resourceType: 'Appointment',
        resourceId: request.params.id,
        patientId: found?.patientId ?? null,
        outcome: visible ? 'success' : found ? 'denied' : 'not-found',
      });
      if (!visible) throw new AppError('RESOURCE.NOT_FOUND', 'No such appointment.');
      return found;
    },
  );

  await app.register(appointmentChangeRoutes, options);
};
