/** Reading a course with its history and sessions, and locking one for a change. */
import { asc, eq } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client';
import {
  appointments,
  courses,
  courseStatusChanges,
  locations,
  users,
} from '../../db/schema/index';
import { AppError } from '../../errors/catalog';
import { loadAppointments } from '../appointments/repository';
import { inChainOrder } from './history';
import type { CourseDto, CourseRow } from './schemas';

/** The course as the API answers it: its history in chain order and every session. */
export async function loadCourse(db: Database, id: string): Promise<CourseDto | null> {
  const [row] = await db
    .select({ course: courses, location: locations, creator: users })
    .from(courses)
    .innerJoin(locations, eq(locations.id, courses.locationId))
    .innerJoin(users, eq(users.id, courses.createdBy))
    .where(eq(courses.id, id));
  if (!row) return null;
  const history = await db
    .select({ change: courseStatusChanges, by: users })
    .from(courseStatusChanges)
    .innerJoin(users, eq(users.id, courseStatusChanges.changedBy))
    .where(eq(courseStatusChanges.courseId, id))
    .orderBy(asc(courseStatusChanges.changedAt), asc(courseStatusChanges.id));
  const ids = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(eq(appointments.courseId, id));
  const sessions =
    ids.length === 0
      ? []
      : await loadAppointments(db, { ids: ids.map((a) => a.id), includeCancelled: true });
  const c = row.course;
  return {
    id: c.id,
    patientId: c.patientId,
    screeningId: c.screeningId,
    indication: c.indication,
    product: c.product,
    dose: c.dose as { value: number; unit: string },
    sessionsPerWeek: c.sessionsPerWeek,
    weeks: c.weeks,
    startDate: c.startDate,
    preferredWeekdays: c.preferredWeekdays === null ? null : [...c.preferredWeekdays],
    preferredTime: c.preferredTime,
    location: { id: row.location.id, name: row.location.name, timeZone: row.location.timeZone },
    status: c.status,
    createdAt: c.createdAt.toISOString(),
    createdBy: { id: row.creator.id, displayName: row.creator.displayName },
    history: inChainOrder(history).map((h) => ({
      from: h.change.fromStatus,
      to: h.change.toStatus,
      reason: h.change.reason,
      changedAt: h.change.changedAt.toISOString(),
      changedBy: { id: h.by.id, displayName: h.by.displayName },
    })),
    sessions: [...sessions],
  };
}

export async function mustLoadCourse(db: Database, id: string): Promise<CourseDto> {
  const course = await loadCourse(db, id);
  if (!course) throw new AppError('RESOURCE.NOT_FOUND', 'No such course.');
  return course;
}

export async function lockCourse(tx: Transaction, id: string): Promise<CourseRow> {
  const [row] = await tx.select().from(courses).where(eq(courses.id, id)).for('update');
  if (!row) throw new AppError('RESOURCE.NOT_FOUND', 'No such course.');
  return row;
}
