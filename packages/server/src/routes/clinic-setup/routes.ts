import { asc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database, Transaction } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { chairs, clinics, locationClosures, locationHours, locations } from '../../db/schema/index';
import { AppError } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { requireRole, STAFF_ROLES } from '../../plugins/auth';
import { IdParams, problems, Uuid } from '../common-schemas';
import { loadLocation, loadLocations, mustLoadLocation } from './repository';
import {
  ChairBody,
  ClosureBody,
  HoursBody,
  LocationCreateBody,
  LocationSchema,
  LocationUpdateBody,
  weekdayNumber,
} from './schemas';
import { appointmentsAtLocationOn, AffectedAppointmentSchema } from './affected-bookings';
import { staffSetupRoutes } from './staff-routes';

export interface ClinicSetupRouteOptions {
  readonly db: Database;
  /** Which bookings an absence or closure falls on are those not yet over. */
  readonly clock: Clock;
  /** Name of the clinic created with the first location, when the database has none. */
  readonly clinicName: string;
}

const Created = z.object({ id: Uuid });
const tags = ['clinic set-up'];

/**
 * Clinic set-up for admins: locations with their time zone, opening hours, closures and chairs;
 * staff profiles, schedules and absences (staff-routes.ts). Staff may read all of it.
 */
export const clinicSetupRoutes: FastifyPluginAsyncZod<ClinicSetupRouteOptions> = async (
  app,
  options,
) => {
  const { db } = options;
  const adminOnly = requireRole('admin');
  const staffOnly = requireRole(...STAFF_ROLES);

  /** Runs a change and its audit row in one transaction. */
  async function audited<T>(
    request: FastifyRequest,
    action: string,
    resourceType: string,
    resourceId: string | null,
    change: (tx: Transaction) => Promise<T & { id: string }>,
  ): Promise<T & { id: string }> {
    return db.transaction(async (tx) => {
      const result = await change(tx);
      await appendAudit(tx, request, {
        action,
        resourceType,
        resourceId: resourceId ?? result.id,
        outcome: 'success',
      });
      return result;
    });
  }

  async function assertLocation(
    tx: Transaction,
    id: string,
  ): Promise<{ id: string; timeZone: string }> {
    const [row] = await tx
      .select({ id: locations.id, timeZone: locations.timeZone })
      .from(locations)
      .where(eq(locations.id, id));
    if (!row) throw new AppError('RESOURCE.NOT_FOUND', 'No such location.');
    return row;
  }

  app.get(
    '/api/clinic/locations',
    {
      preHandler: staffOnly,
      schema: {
        tags,
        summary: 'Locations with time zone, opening hours, closures and chairs',
        response: { 200: z.object({ items: z.array(LocationSchema) }), ...problems(401, 403) },
      },
    },
    async () => ({ items: await loadLocations(db) }),
  );

  app.get(
    '/api/clinic/locations/:id',
    {
      preHandler: staffOnly,
      schema: {
        tags,
        summary: 'One location',
        params: IdParams,
        response: { 200: LocationSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const location = await loadLocation(db, request.params.id);
      if (!location) throw new AppError('RESOURCE.NOT_FOUND', 'No such location.');
      return location;
    },
  );

  app.post(
    '/api/clinic/locations',
    {
      preHandler: adminOnly,
      schema: {
        tags,
        summary: 'Add a location',
        body: LocationCreateBody,
        response: { 201: LocationSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      let id: string;
      try {
        ({ id } = await audited(request, 'clinic.location.create', 'Location', null, async (tx) => {
          let [clinic] = await tx.select().from(clinics).orderBy(asc(clinics.name)).limit(1);
          clinic ??= (
            await tx
              .insert(clinics)
              .values({ name: options.clinicName, timeZone: b.timeZone })
              .returning()
          )[0];
          if (!clinic) throw new Error('clinic not created');
          const [row] = await tx
            .insert(locations)
            .values({ clinicId: clinic.id, ...b, addressLine: b.addressLine ?? null })
            .returning({ id: locations.id });
          if (!row) throw new Error('insert returned no row');
          return row;
        }));
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppError('RESOURCE.CONFLICT', `body.code: a location "${b.code}" exists`, [
            { path: 'body.code', message: 'is taken' },
          ]);
        throw error;
      }
      return reply.status(201).send(await mustLoadLocation(db, id));
    },
  );

  app.patch(
    '/api/clinic/locations/:id',
    {
      preHandler: adminOnly,
      schema: {
        tags,
        summary: 'Rename a location, or change its address or time zone',
        params: IdParams,
        body: LocationUpdateBody,
        response: { 200: LocationSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await audited(request, 'clinic.location.update', 'Location', id, async (tx) => {
        await assertLocation(tx, id);
        if (Object.keys(request.body).length > 0)
          await tx.update(locations).set(request.body).where(eq(locations.id, id));
        return { id };
      });
      return mustLoadLocation(db, id);
    },
  );

  app.put(
    '/api/clinic/locations/:id/hours',
    {
      preHandler: adminOnly,
      schema: {
        tags,
        summary: 'Replace the weekly opening hours (local time); a weekday not listed is closed',
        params: IdParams,
        body: HoursBody,
        response: { 200: LocationSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      await audited(request, 'clinic.location.hours.replace', 'Location', id, async (tx) => {
        await assertLocation(tx, id);
        await tx.delete(locationHours).where(eq(locationHours.locationId, id));
        if (request.body.hours.length > 0)
          await tx.insert(locationHours).values(
            request.body.hours.map((h) => ({
              locationId: id,
              weekday: weekdayNumber(h.weekday),
              opensAt: h.opensAt,
              closesAt: h.closesAt,
            })),
          );
        return { id };
      });
      return mustLoadLocation(db, id);
    },
  );

  app.post(
    '/api/clinic/locations/:id/closures',
    {
      preHandler: adminOnly,
      schema: {
        tags,
        summary: 'Close a location on whole days (both dates included)',
        params: IdParams,
        body: ClosureBody,
        description:
          'Bookings on those days are not moved: `affectedAppointments` lists them (booked or held, not yet over), to be rescheduled.',
        response: {
          201: Created.extend({ affectedAppointments: z.array(AffectedAppointmentSchema) }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const created = await audited(
        request,
        'clinic.closure.create',
        'Closure',
        null,
        async (tx) => {
          const location = await assertLocation(tx, id);
          const [row] = await tx
            .insert(locationClosures)
            .values({ locationId: id, ...request.body })
            .returning({ id: locationClosures.id });
          if (!row) throw new Error('insert returned no row');
          const affectedAppointments = await appointmentsAtLocationOn(
            tx,
            location,
            request.body.startsOn,
            request.body.endsOn,
            options.clock.now(),
          );
          return { id: row.id, affectedAppointments };
        },
      );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/clinic/closures/:id',
    {
      preHandler: adminOnly,
      schema: {
        tags,
        summary: 'Remove a closure',
        params: IdParams,
        response: { 204: z.null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await audited(request, 'clinic.closure.delete', 'Closure', id, async (tx) => {
        const gone = await tx
          .delete(locationClosures)
          .where(eq(locationClosures.id, id))
          .returning({ id: locationClosures.id });
        if (gone.length === 0) throw new AppError('RESOURCE.NOT_FOUND', 'No such closure.');
        return { id };
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/clinic/locations/:id/chairs',
    {
      preHandler: adminOnly,
      schema: {
        tags,
        summary: 'Add a chair to a location',
        params: IdParams,
        body: ChairBody,
        response: { 201: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const created = await audited(request, 'clinic.chair.create', 'Chair', null, async (tx) => {
        await assertLocation(tx, id);
        const [row] = await tx
          .insert(chairs)
          .values({ locationId: id, name: request.body.name })
          .returning({ id: chairs.id });
        if (!row) throw new Error('insert returned no row');
        return row;
      });
      return reply.status(201).send({ id: created.id });
    },
  );

  app.patch(
    '/api/clinic/chairs/:id',
    {
      preHandler: adminOnly,
      schema: {
        tags,
        summary: 'Rename a chair',
        params: IdParams,
        body: ChairBody,
        response: { 200: Created, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      return audited(request, 'clinic.chair.update', 'Chair', id, async (tx) => {
        const updated = await tx
          .update(chairs)
          .set({ name: request.body.name })
          .where(eq(chairs.id, id))
          .returning({ id: chairs.id });
        if (updated.length === 0) throw new AppError('RESOURCE.NOT_FOUND', 'No such chair.');
        return { id };
      });
    },
  );

  await app.register(staffSetupRoutes, { db, clock: options.clock });
};
