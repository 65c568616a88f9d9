import { progress, type Progress, type Problem, type Result } from '@ketaflow/core';
import { and, asc, eq, inArray, lt, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { appointments } from '../../db/schema/index';
import { SESSION_TYPES } from './due';
import type { ResolvedInstrument } from './instruments';
import type { ScaleResponseRow } from './responses';

export interface SessionMarker {
  readonly appointmentId: string;
  readonly at: string;
  readonly type: string;
  readonly status: string;
}

/**
 * Treatment sessions that took place: infusions and esketamine sessions completed, or still
 * `booked` with a start in the past (charting a session as completed is not built yet).
 */
export async function sessionMarkers(
  executor: Executor,
  filter: { readonly patientId?: string; readonly courseId?: string },
  now: Date,
): Promise<(SessionMarker & { patientId: string; courseId: string | null })[]> {
  const rows = await executor
    .select({
      id: appointments.id,
      patientId: appointments.patientId,
      courseId: appointments.courseId,
      startsAt: appointments.startsAt,
      type: appointments.type,
      status: appointments.status,
    })
    .from(appointments)
    .where(
      and(
        filter.patientId === undefined ? undefined : eq(appointments.patientId, filter.patientId),
        filter.courseId === undefined ? undefined : eq(appointments.courseId, filter.courseId),
        inArray(appointments.type, [...SESSION_TYPES]),
        or(
          eq(appointments.status, 'completed'),
          and(eq(appointments.status, 'booked'), lt(appointments.startsAt, now)),
        ),
      ),
    )
    .orderBy(asc(appointments.startsAt));
  return rows.map((r) => ({
    appointmentId: r.id,
    patientId: r.patientId,
    courseId: r.courseId,
    at: r.startsAt.toISOString(),
    type: r.type,
    status: r.status,
  }));
}

/**
 * The sessions of one course: those booked on it, and sessions booked one-off (no course) when
 * the patient has only this course, so they can belong to nothing else.
 */
export function courseSessions<T extends { readonly courseId: string | null }>(
  sessions: readonly T[],
  courseId: string,
  onlyCourse: boolean,
): T[] {
  return sessions.filter((s) => s.courseId === courseId || (onlyCourse && s.courseId === null));
}

/** Core `progress` over stored responses and session markers; `null` without any score. */
export function progressOf(
  instrument: ResolvedInstrument,
  responses: readonly Pick<ScaleResponseRow, 'completedAt' | 'total'>[],
  sessions: readonly Pick<SessionMarker, 'at'>[],
): Result<Progress, Problem[]> | null {
  if (responses.length === 0) return null;
  return progress(
    {
      instrumentId: instrument.ref,
      points: responses.map((r) => ({ at: r.completedAt.toISOString(), total: r.total })),
    },
    sessions.map((s) => ({ at: s.at })),
    instrument.criteria,
  );
}
