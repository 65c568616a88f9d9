import { eq, inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database, Transaction } from '../../db/client';
import {
  locations,
  staffAbsences,
  staffProfiles,
  staffSchedules,
  users,
} from '../../db/schema/index';
import { AppError, fieldError } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import { requireRole, STAFF_ROLES } from '../../plugins/auth';
import { IdParams, problems, Uuid } from '../common-schemas';
import type { Clock } from '../../lib/clock';
import { AffectedAppointmentSchema, appointmentsOfStaffDuring } from './affected-bookings';
import { loadStaff, rangeOf } from './repository';
import {
  AbsenceBody,
  ProfileBody,
  ScheduleBody,
  StaffQuery,
  StaffSchema,
  weekdayNumber,
} from './schemas';

export interface StaffSetupRouteOptions {
  readonly db: Database;
  readonly clock: Clock;
}

const tags = ['clinic set-up'];

/** Staff profiles (video link, nurse capacity), weekly schedules and absences. */
export const staffSetupRoutes: FastifyPluginAsyncZod<StaffSetupRouteOptions> = async (
  app,
  options,
) => {
  const { db, clock } = options;
  const adminOnly = requireRole('admin');
  const staffOnly = requireRole(...STAFF_ROLES);

  async function one(id: string) {
    const [staff] = await loadStaff(db, { id });
    if (!staff) throw new AppError('RESOURCE.NOT_FOUND', 'No such staff member.');
    return staff;
  }

  /** The role of a staff member who is scheduled (nurse or prescriber), or a 404 / field error. */
  async function clinicalRole(tx: Transaction, id: string): Promise<'nurse' | 'prescriber'> {
    const [user] = await tx
      .select({ role: users.role })
      .from(users)
      .where(eq(users.id, id))
      .limit(1);
    if (!user || user.role === 'patient')
      throw new AppError('RESOURCE.NOT_FOUND', 'No such staff member.');
    if (user.role === 'admin')
      throw fieldError('params.id', 'only nurses and prescribers have schedules and profiles');
    return user.role;
  }

  app.get(
    '/api/clinic/staff',
    {
      preHandler: staffOnly,
      schema: {
        tags,
        summary: 'Staff with profile, weekly schedule and absences',
        querystring: StaffQuery,
        response: { 200: z.object({ items: z.array(StaffSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({
      items: await loadStaff(db, request.query.role ? { role: request.query.role } : {}),
    }),
  );

  app.get(
    '/api/clinic/staff/:id',
    {
      preHandler: staffOnly,
      schema: {
        tags,
        summary: 'One staff member',
        params: IdParams,
        response: { 200: StaffSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => one(request.params.id),
  );

  app.patch(
    '/api/clinic/staff/:id/profile',
    {
      preHandler: adminOnly,
      schema: {
        tags,
        summary: 'Set a prescriber’s video-visit link template or a nurse’s monitoring capacity',
        params: IdParams,
        body: ProfileBody,
        response: { 200: StaffSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const b = request.body;
      await db.transaction(async (tx) => {
        const role = await clinicalRole(tx, id);
        if (b.videoUrlTemplate != null && role !== 'prescriber')
          throw fieldError('body.videoUrlTemplate', 'only prescribers hold video visits');
        if (b.nurseCapacity != null && role !== 'nurse')
          throw fieldError('body.nurseCapacity', 'only nurses monitor chairs');
        const set = {
          ...(b.videoUrlTemplate === undefined ? {} : { videoUrlTemplate: b.videoUrlTemplate }),
          ...(b.nurseCapacity === undefined ? {} : { nurseCapacity: b.nurseCapacity }),
        };
        await tx
          .insert(staffProfiles)
          .values({ userId: id, ...set })
          .onConflictDoUpdate({ target: staffProfiles.userId, set: { ...set, userId: id } });
        await appendAudit(tx, request, {
          action: 'clinic.staff.profile.update',
          resourceType: 'Practitioner',
          resourceId: id,
          outcome: 'success',
          detail: { fields: Object.keys(set) },
        });
      });
      return one(id);
    },
  );

  app.put(
    '/api/clinic/staff/:id/schedule',
    {
      preHandler: adminOnly,
      schema: {
        tags,
        summary: 'Replace the weekly schedule: which days and hours the person works where',
        params: IdParams,
        body: ScheduleBody,
        response: { 200: StaffSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { periods } = request.body;
      await db.transaction(async (tx) => {
        await clinicalRole(tx, id);
        const wanted = [...new Set(periods.map((p) => p.locationId))];
        const known =
          wanted.length === 0
            ? []
            : await tx
                .select({ id: locations.id })
                .from(locations)
                .where(inArray(locations.id, wanted));
        const knownIds = new Set(known.map((l) => l.id));
        const unknown = periods
          .map((p, i) => ({ p, i }))
          .filter(({ p }) => !knownIds.has(p.locationId))
          .map(({ i }) => ({
            path: `body.periods.${String(i)}.locationId`,
            message: 'no such location',
          }));
        if (unknown.length > 0)
          throw new AppError(
            'VALIDATION.FAILED',
            unknown.map((e) => `${e.path}: ${e.message}`).join('; '),
            unknown,
          );
        await tx.delete(staffSchedules).where(eq(staffSchedules.userId, id));
        if (periods.length > 0)
          await tx.insert(staffSchedules).values(
            periods.map((p) => ({
              userId: id,
              locationId: p.locationId,
              weekday: weekdayNumber(p.weekday),
              startsAt: p.startsAt,
              endsAt: p.endsAt,
            })),
          );
        await appendAudit(tx, request, {
          action: 'clinic.staff.schedule.replace',
          resourceType: 'Practitioner',
          resourceId: id,
          outcome: 'success',
          detail: { periods: periods.length },
        });
      });
      return one(id);
    },
  );

  app.post(
    '/api/clinic/staff/:id/absences',
    {
      preHandler: adminOnly,
      schema: {
        tags,
        summary: 'Record an absence (leave, training) that overrides the weekly schedule',
        params: IdParams,
        body: AbsenceBody,
        description:
          'Bookings that already hold this person during the absence are not moved: `affectedAppointments` lists them (booked or held, not yet over), to be rescheduled.',
        response: {
          201: z.object({ id: Uuid, affectedAppointments: z.array(AffectedAppointmentSchema) }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const b = request.body;
      const created = await db.transaction(async (tx) => {
        await clinicalRole(tx, id);
        const [row] = await tx
          .insert(staffAbsences)
          .values({
            userId: id,
            during: rangeOf(new Date(b.startsAt), new Date(b.endsAt)),
            reason: b.reason,
          })
          .returning({ id: staffAbsences.id });
        if (!row) throw new Error('insert returned no row');
        await appendAudit(tx, request, {
          action: 'clinic.staff.absence.create',
          resourceType: 'Practitioner',
          resourceId: id,
          outcome: 'success',
          detail: { absenceId: row.id },
        });
        const affectedAppointments = await appointmentsOfStaffDuring(
          tx,
          id,
          new Date(b.startsAt),
          new Date(b.endsAt),
          clock.now(),
        );
        return { id: row.id, affectedAppointments };
      });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/clinic/absences/:id',
    {
      preHandler: adminOnly,
      schema: {
        tags,
        summary: 'Remove an absence',
        params: IdParams,
        response: { 204: z.null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await db.transaction(async (tx) => {
        const [gone] = await tx
          .delete(staffAbsences)
          .where(eq(staffAbsences.id, id))
          .returning({ userId: staffAbsences.userId });
        if (!gone) throw new AppError('RESOURCE.NOT_FOUND', 'No such absence.');
        await appendAudit(tx, request, {
          action: 'clinic.staff.absence.delete',
          resourceType: 'Practitioner',
          resourceId: gone.userId,
          outcome: 'success',
          detail: { absenceId: id },
        });
      });
      return reply.status(204).send(null);
    },
  );
};
