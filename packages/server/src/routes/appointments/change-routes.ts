import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireAuth, requireRole, STAFF_ROLES } from '../../plugins/auth';
import { IdParams, problems } from '../common-schemas';
import { cancelAppointment, confirmHold, recordNoShow, rescheduleAppointment } from './changes';
import { depsFor, sendIdempotent, toAppError, type AppointmentRouteOptions } from './http';
import { AppointmentSchema, CancelBody, IdempotencyHeaders, RescheduleBody } from './schemas';

const OWN_OR_STAFF = requireRole(...STAFF_ROLES, 'patient');

/** Confirm a hold, cancel, reschedule and record a no-show; each with an optional Idempotency-Key. */
export const appointmentChangeRoutes: FastifyPluginAsyncZod<AppointmentRouteOptions> = async (
  app,
  options,
) => {
  app.post(
    '/api/appointments/:id/confirm',
    {
      onRequest: OWN_OR_STAFF,
      schema: {
        tags: ['appointments'],
        summary: 'Turn a live hold into a booking (409 SCHEDULE.HOLD_EXPIRED once it lapsed)',
        headers: IdempotencyHeaders,
        params: IdParams,
        response: { 200: AppointmentSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const id = request.params.id;
      return sendIdempotent(
        options,
        request,
        reply,
        { action: 'appointment.confirm', resourceId: id },
        async (tx) => {
          const done = await confirmHold(tx, depsFor(options, request), id, {
            userId: user.id,
            patientId: user.role === 'patient' ? user.patientId : null,
          });
          if (!done.ok) throw toAppError(done.error, 'body');
          return { statusCode: 200, body: done.value };
        },
      );
    },
  );

  app.post(
    '/api/appointments/:id/cancel',
    {
      onRequest: OWN_OR_STAFF,
      schema: {
        tags: ['appointments'],
        summary: 'Cancel with a reason; patients only their own, before the clinic cut-off',
        headers: IdempotencyHeaders,
        params: IdParams,
        body: CancelBody,
        response: { 200: AppointmentSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const id = request.params.id;
      return sendIdempotent(
        options,
        request,
        reply,
        { action: 'appointment.cancel', resourceId: id },
        async (tx) => {
          const done = await cancelAppointment(
            tx,
            depsFor(options, request),
            id,
            request.body.reason,
            { userId: user.id, patientId: user.role === 'patient' ? user.patientId : null },
          );
          if (!done.ok) throw toAppError(done.error, 'body');
          return { statusCode: 200, body: done.value };
        },
      );
    },
  );

  app.post(
    '/api/appointments/:id/reschedule',
    {
      onRequest: OWN_OR_STAFF,
      schema: {
        tags: ['appointments'],
        summary: 'Move to a new time: a new appointment replaces this one, atomically',
        description:
          'The old appointment is cancelled with the reason and the new one (201) names it in rescheduledFrom. A hold stays a hold, with the same expiry, and still needs confirming (409 SCHEDULE.HOLD_EXPIRED once it lapsed). 409 SCHEDULE.SLOT_TAKEN or 422 SCHEDULE.CONFLICT leave both unchanged. Patients: their own, before the cut-off.',
        headers: IdempotencyHeaders,
        params: IdParams,
        body: RescheduleBody,
        response: { 201: AppointmentSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const id = request.params.id;
      const body = request.body;
      return sendIdempotent(
        options,
        request,
        reply,
        { action: 'appointment.reschedule', resourceId: id },
        async (tx) => {
          const moved = await rescheduleAppointment(
            tx,
            depsFor(options, request),
            id,
            {
              startsAt: new Date(body.startsAt),
              reason: body.reason,
              ...(body.locationId === undefined ? {} : { locationId: body.locationId }),
              ...(body.chairId === undefined ? {} : { chairId: body.chairId }),
              ...(body.nurseId === undefined ? {} : { nurseId: body.nurseId }),
              ...(body.prescriberId === undefined ? {} : { prescriberId: body.prescriberId }),
            },
            { userId: user.id, patientId: user.role === 'patient' ? user.patientId : null },
          );
          if (!moved.ok) throw toAppError(moved.error, 'body');
          return { statusCode: 201, body: moved.value };
        },
      );
    },
  );

  app.post(
    '/api/appointments/:id/no-show',
    {
      onRequest: requireRole(...STAFF_ROLES),
      schema: {
        tags: ['appointments'],
        summary: 'Record that the patient did not come (staff, once the start has passed)',
        headers: IdempotencyHeaders,
        params: IdParams,
        response: { 200: AppointmentSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const id = request.params.id;
      return sendIdempotent(
        options,
        request,
        reply,
        { action: 'appointment.no-show', resourceId: id },
        async (tx) => {
          const done = await recordNoShow(tx, depsFor(options, request), id, { userId: user.id });
          if (!done.ok) throw toAppError(done.error, 'body');
          return { statusCode: 200, body: done.value };
        },
      );
    },
  );
};
