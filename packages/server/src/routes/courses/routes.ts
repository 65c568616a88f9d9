import { randomUUID } from 'node:crypto';
import { changeCourseStatus } from '@ketaflow/core';
import { desc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { courses, courseStatusChanges, screenings } from '../../db/schema/index';
import { AppError } from '../../errors/catalog';
import { appendAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import type { ClinicKnowledge } from '../../knowledge';
import {
  scheduleCourseChangeNotice,
  type CourseChange,
} from '../../notifications/course-change-notice';
import { requireAuth, requireRole, STAFF_ROLES } from '../../plugins/auth';
import type { BookingDeps } from '../appointments/booking';
import { IdParams, problems } from '../common-schemas';
import { assertPatientAccess } from '../patients/access';
import { assertCourseOrderable } from './order-checks';
import { lockCourse, mustLoadCourse } from './repository';
import {
  ChangeBody,
  CourseSchema,
  CreateBody,
  StatusBody,
  storedWeekdays,
  type CourseRow,
} from './schemas';
import { bookCourseSessions, cancelFutureSessions, type CancelledSession } from './sessions';

export interface CourseRouteOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly knowledge: ClinicKnowledge;
}

const tags = ['courses'];

export const courseRoutes: FastifyPluginAsyncZod<CourseRouteOptions> = async (app, options) => {
  const { db, clock, knowledge } = options;
  const prescriberOnly = requireRole('prescriber');

  const deps = (request: FastifyRequest): BookingDeps => ({
    kb: knowledge.kb,
    now: clock.now(),
    audit: (executor, entry) => appendAudit(executor, request, entry),
  });

  app.post(
    '/api/patients/:id/courses',
    {
      preHandler: prescriberOnly,
      schema: {
        tags,
        summary: 'Create a course from a signed screening; its sessions are planned and booked',
        description:
          'All sessions are booked in one transaction or none. 422 COURSE.SCREENING_UNSIGNED / COURSE.SCREENING_MISMATCH / COURSE.OUT_OF_PROTOCOL, 422 DOSE.BLOCKED (the dose is above a hard limit), 409 COURSE.SCREENING_STALE / COURSE.UNSCHEDULABLE (errors[] names each session and why).',
        params: IdParams,
        body: CreateBody,
        response: { 201: CourseSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const patientId = request.params.id;
      const b = request.body;
      await assertPatientAccess(db, request, patientId, 'patient.course.create');
      const { user } = requireAuth(request);
      const [screening] = await db
        .select()
        .from(screenings)
        .where(eq(screenings.id, b.screeningId));
      if (screening?.patientId !== patientId)
        throw new AppError('RESOURCE.NOT_FOUND', 'No such screening for this patient.', [
          { path: 'body.screeningId', message: 'no such screening for this patient' },
        ]);
      if (!screening.signedAt)
        throw new AppError(
          'COURSE.SCREENING_UNSIGNED',
          'The screening is not signed: a prescriber reviews and signs it first.',
          [{ path: 'body.screeningId', message: 'is not signed' }],
        );
      if (screening.staleAt)
        throw new AppError(
          'COURSE.SCREENING_STALE',
          'The record changed after this screening was signed: sign the current screening.',
          [{ path: 'body.screeningId', message: 'is out of date' }],
        );
      const mismatch = (['indication', 'product'] as const).filter((f) => screening[f] !== b[f]);
      if (mismatch.length > 0)
        throw new AppError(
          'COURSE.SCREENING_MISMATCH',
          `The screening was for ${screening.indication} (${screening.product}).`,
          mismatch.map((f) => ({
            path: `body.${f}`,
            message: `differs from the screening's ${f}`,
          })),
        );
      await assertCourseOrderable(db, knowledge.kb, b, clock.now());
      const id = await db.transaction(async (tx) => {
        const [course] = await tx
          .insert(courses)
          .values({
            patientId,
            screeningId: b.screeningId,
            indication: b.indication,
            product: b.product,
            locationId: b.locationId,
            dose: b.dose,
            sessionsPerWeek: b.sessionsPerWeek,
            weeks: b.weeks,
            startDate: b.startDate,
            preferredWeekdays: storedWeekdays(b.preferredWeekdays),
            preferredTime: b.preferredTime ?? null,
            createdBy: user.id,
            createdAt: clock.now(),
            updatedAt: clock.now(),
          })
          .returning();
        if (!course) throw new Error('insert returned no row');
        await tx.insert(courseStatusChanges).values({
          courseId: course.id,
          fromStatus: null,
          toStatus: 'planned',
          reason: 'Course created',
          changedBy: user.id,
          changedAt: clock.now(),
        });
        const booked = await bookCourseSessions(tx, deps(request), course, user.id);
        // One message listing every session (each session's own confirmation is not sent).
        await scheduleCourseChangeNotice(
          tx,
          {
            courseId: course.id,
            changeId: 'created',
            change: 'booked',
            cancelledIds: [],
            bookedIds: booked.map((a) => a.id),
          },
          clock.now(),
        );
        await appendAudit(tx, request, {
          action: 'patient.course.create',
          resourceType: 'CarePlan',
          resourceId: course.id,
          patientId,
          outcome: 'success',
          detail: { sessions: booked.length },
        });
        return course.id;
      });
      return reply.status(201).send(await mustLoadCourse(db, id));
    },
  );

  app.get(
    '/api/patients/:id/courses',
    {
      preHandler: requireRole(...STAFF_ROLES, 'patient'),
      schema: {
        tags,
        summary: 'A patient’s courses with their sessions',
        params: IdParams,
        response: { 200: z.object({ items: z.array(CourseSchema) }), ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const patientId = request.params.id;
      await assertPatientAccess(db, request, patientId, 'patient.course.list');
      const rows = await db
        .select({ id: courses.id })
        .from(courses)
        .where(eq(courses.patientId, patientId))
        .orderBy(desc(courses.createdAt));
      const items = await Promise.all(rows.map((r) => mustLoadCourse(db, r.id)));
      await appendAudit(db, request, {
        action: 'patient.course.list',
        resourceType: 'CarePlan',
        patientId,
        outcome: 'success',
        detail: { count: items.length },
      });
      return { items };
    },
  );

  app.get(
    '/api/courses/:id',
    {
      preHandler: requireRole(...STAFF_ROLES, 'patient'),
      schema: {
        tags,
        summary: 'One course with its status history and sessions',
        params: IdParams,
        response: { 200: CourseSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const course = await mustLoadCourse(db, request.params.id);
      await assertPatientAccess(db, request, course.patientId, 'patient.course.read');
      await appendAudit(db, request, {
        action: 'patient.course.read',
        resourceType: 'CarePlan',
        resourceId: course.id,
        patientId: course.patientId,
        outcome: 'success',
      });
      return course;
    },
  );

  app.post(
    '/api/courses/:id/status',
    {
      preHandler: prescriberOnly,
      schema: {
        tags,
        summary:
          'Change the status with a reason; pausing, stopping or completing cancels future sessions',
        description:
          'Allowed: planned→active|stopped, active→paused|completed|stopped, paused→active|stopped. Resuming a paused course books its remaining sessions again. 409 COURSE.TRANSITION_INVALID otherwise.',
        params: IdParams,
        body: StatusBody,
        response: { 200: CourseSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const { to, reason } = request.body;
      await db.transaction(async (tx) => {
        const course = await lockCourse(tx, request.params.id);
        const changed = changeCourseStatus(
          { status: course.status, history: [] },
          { to, reason, at: clock.now().toISOString(), by: user.id },
        );
        if (!changed.ok)
          throw new AppError(
            'COURSE.TRANSITION_INVALID',
            changed.error.map((p) => p.message).join('; '),
            changed.error.map((p) => ({ path: `body.${p.path ?? 'to'}`, message: p.message })),
          );
        const d = deps(request);
        let cancelled: CancelledSession[] = [];
        let booked: { id: string }[] = [];
        if (to === 'paused' || to === 'stopped' || to === 'completed')
          cancelled = await cancelFutureSessions(tx, d, course, `Course ${to}: ${reason}`, user.id);
        if (course.status === 'paused' && to === 'active')
          booked = await bookCourseSessions(tx, d, course, user.id);
        const sessions = cancelled.length + booked.length;
        await tx
          .update(courses)
          .set({ status: to, updatedAt: clock.now() })
          .where(eq(courses.id, course.id));
        const [change] = await tx
          .insert(courseStatusChanges)
          .values({
            courseId: course.id,
            fromStatus: course.status,
            toStatus: to,
            reason,
            changedBy: user.id,
            changedAt: clock.now(),
          })
          .returning({ id: courseStatusChanges.id });
        if (!change) throw new Error('insert returned no row');
        // One message for the whole change, not one per cancelled session.
        const what: CourseChange | undefined =
          to === 'active'
            ? 'resumed'
            : to === 'paused' || to === 'stopped' || to === 'completed'
              ? to
              : undefined;
        if (what !== undefined)
          await scheduleCourseChangeNotice(
            tx,
            {
              courseId: course.id,
              changeId: change.id,
              change: what,
              cancelledIds: cancelled.filter((c) => c.told).map((c) => c.id),
              bookedIds: booked.map((a) => a.id),
            },
            d.now,
          );
        await appendAudit(tx, request, {
          action: 'patient.course.status',
          resourceType: 'CarePlan',
          resourceId: course.id,
          patientId: course.patientId,
          outcome: 'success',
          detail: { from: course.status, to, sessions },
        });
      });
      return mustLoadCourse(db, request.params.id);
    },
  );

  app.patch(
    '/api/courses/:id',
    {
      preHandler: prescriberOnly,
      schema: {
        tags,
        summary: 'Change sessions per week, weeks or preferred times: future sessions are rebooked',
        description:
          'Fields left out keep their stored value. To clear a preference, send it as null ' +
          '(`preferredWeekdays: []` also clears the days): the future sessions are then booked on ' +
          'any open day, at the opening times, as for a course planned without preferences.',
        params: IdParams,
        body: ChangeBody,
        response: { 200: CourseSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const b = request.body;
      await db.transaction(async (tx) => {
        const course = await lockCourse(tx, request.params.id);
        if (course.status !== 'planned' && course.status !== 'active')
          throw new AppError(
            'COURSE.TRANSITION_INVALID',
            `A ${course.status} course cannot be changed; resume it first.`,
          );
        // Preferences not restated stay as they were; null clears one.
        const changed: CourseRow = {
          ...course,
          ...(b.sessionsPerWeek === undefined ? {} : { sessionsPerWeek: b.sessionsPerWeek }),
          ...(b.weeks === undefined ? {} : { weeks: b.weeks }),
          ...(b.preferredWeekdays === undefined
            ? {}
            : { preferredWeekdays: storedWeekdays(b.preferredWeekdays) }),
          ...(b.preferredTime === undefined ? {} : { preferredTime: b.preferredTime }),
        };
        const d = deps(request);
        const cancelled = await cancelFutureSessions(
          tx,
          d,
          course,
          `Course changed: ${b.reason}`,
          user.id,
        );
        await tx
          .update(courses)
          .set({
            sessionsPerWeek: changed.sessionsPerWeek,
            weeks: changed.weeks,
            preferredWeekdays: changed.preferredWeekdays,
            preferredTime: changed.preferredTime,
            updatedAt: clock.now(),
          })
          .where(eq(courses.id, course.id));
        const booked = await bookCourseSessions(tx, d, changed, user.id);
        // One message: the cancelled times and the new ones (the new sessions get no confirmation
        // of their own).
        await scheduleCourseChangeNotice(
          tx,
          {
            courseId: course.id,
            changeId: randomUUID(),
            change: 'replanned',
            cancelledIds: cancelled.filter((c) => c.told).map((c) => c.id),
            bookedIds: booked.map((a) => a.id),
          },
          d.now,
        );
        await appendAudit(tx, request, {
          action: 'patient.course.update',
          resourceType: 'CarePlan',
          resourceId: course.id,
          patientId: course.patientId,
          outcome: 'success',
          detail: { sessions: booked.length, fields: Object.keys(b).filter((k) => k !== 'reason') },
        });
      });
      return mustLoadCourse(db, request.params.id);
    },
  );
};
