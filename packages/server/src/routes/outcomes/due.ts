import {
  instrumentForIndication,
  isIndicationId,
  preSessionWindowHours,
  scaleIntervalDays,
  type KnowledgeBase,
} from '@ketaflow/core';
import { and, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { appointments, courses, locations, scaleResponses } from '../../db/schema/index';
import { findInstrument } from './instruments';
import type { DueItemDto } from './schemas';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const OPEN_COURSE = ['planned', 'active', 'paused'] as const;
export const SESSION_TYPES = ['infusion', 'esketamine-session'] as const;

/**
 * What a patient should fill in now, one item per instrument, from their open courses:
 *
 * - `baseline`: the course's instrument has never been filled in;
 * - `before-session`: a session is booked within `preSessionWindowHours` (a clinic setting,
 *   default 72) and nothing was filled in since the window opened (scales are filled in before
 *   each session);
 * - `interval`: the last one is at least `scaleIntervalDays` old (between sessions).
 *
 * Derived from courses, sessions and responses rather than stored, so booking, moving or
 * cancelling a session changes it with no bookkeeping. A setting that names a custom form that
 * does not exist yields no item (the settings check cannot see the database).
 */
export async function dueScales(
  executor: Executor,
  kb: KnowledgeBase,
  patientId: string,
  now: Date,
): Promise<DueItemDto[]> {
  const open = await executor
    .select({ id: courses.id, indication: courses.indication })
    .from(courses)
    .where(and(eq(courses.patientId, patientId), inArray(courses.status, [...OPEN_COURSE])))
    .orderBy(desc(courses.createdAt));
  const windowMs = preSessionWindowHours(kb) * HOUR_MS;
  const items: DueItemDto[] = [];
  const seen = new Set<string>();
  for (const course of open) {
    if (!isIndicationId(course.indication)) continue;
    const ref = instrumentForIndication(kb, course.indication);
    if (seen.has(ref)) continue;
    seen.add(ref);
    const instrument = await findInstrument(executor, kb, ref);
    if (!instrument) continue;
    const [last] = await executor
      .select({ completedAt: scaleResponses.completedAt })
      .from(scaleResponses)
      .where(and(eq(scaleResponses.patientId, patientId), eq(scaleResponses.instrument, ref)))
      .orderBy(desc(scaleResponses.completedAt))
      .limit(1);
    // With its location's zone, so the portal shows the session on the clock of where it is held
    // (a location may keep another zone than the clinic's).
    const [next] = await executor
      .select({ startsAt: appointments.startsAt, timeZone: locations.timeZone })
      .from(appointments)
      .leftJoin(locations, eq(locations.id, appointments.locationId))
      .where(
        and(
          eq(appointments.courseId, course.id),
          eq(appointments.status, 'booked'),
          inArray(appointments.type, [...SESSION_TYPES]),
          gte(appointments.startsAt, now),
        ),
      )
      .orderBy(asc(appointments.startsAt))
      .limit(1);
    const lastAt = last?.completedAt ?? null;
    let reason: DueItemDto['reason'] | null = null;
    if (lastAt === null) reason = 'baseline';
    else if (
      next !== undefined &&
      next.startsAt.getTime() - now.getTime() <= windowMs &&
      lastAt.getTime() < next.startsAt.getTime() - windowMs
    )
      reason = 'before-session';
    else if (now.getTime() - lastAt.getTime() >= scaleIntervalDays(kb) * DAY_MS)
      reason = 'interval';
    if (reason === null) continue;
    items.push({
      instrument: ref,
      reason,
      courseId: course.id,
      indication: course.indication,
      nextSessionAt: next?.startsAt.toISOString() ?? null,
      nextSessionTimeZone: next?.timeZone ?? null,
      lastCompletedAt: lastAt?.toISOString() ?? null,
      definition: instrument.definition,
    });
  }
  return items;
}
