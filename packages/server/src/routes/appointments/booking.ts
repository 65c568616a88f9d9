import { randomUUID } from 'node:crypto';
import {
  appointmentDuration,
  err,
  ok,
  RESOURCE_NEEDS,
  type KnowledgeBase,
  type Problem,
  type ProtocolId,
  type Result,
} from '@ketaflow/core';
import { eq, sql } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '../../db/client';
import { hasSqlState } from '../../db/errors';
import { appointments, courses, type AppointmentType } from '../../db/schema/index';
import type { AuditEntry } from '../../lib/audit';
export type { BookingProblem } from './problem';
import type { BookingProblem } from './problem';
import { claimFirstFree, nurseLanes, tstzRangeText, type ResourceCandidate } from './claims';
import { loadClinicState } from './clinic-state';
import { checkSlot } from './availability';
import { releaseExpiredHolds } from './holds';
import { loadAppointment, type AppointmentDto } from './repository';

/** Records an audit row in the caller's transaction (routes pass `appendAudit` with the request). */
export type AuditSink = (executor: Executor, entry: AuditEntry) => Promise<void>;

export interface BookingDeps {
  readonly kb: KnowledgeBase;
  /** The server clock's now: holds are judged and stamped with it. */
  readonly now: Date;
  readonly audit?: AuditSink;
}

export interface BookingRequest {
  readonly type: AppointmentType;
  readonly patientId: string;
  readonly startsAt: Date;
  /** Whole length, pre-check to end of recovery; by default from the clinic settings. */
  readonly durationMinutes?: number;
  /** For an infusion without `durationMinutes`: its length follows the protocol. */
  readonly protocolId?: ProtocolId;
  /** Required for chair appointments (infusion, esketamine); ignored for consults. */
  readonly locationId?: string | null;
  readonly courseId?: string | null;
  /** Staff may pick resources; otherwise the first free ones are taken. */
  readonly chairId?: string;
  readonly nurseId?: string;
  readonly prescriberId?: string;
  /** Hold the slot (status `held`, expiring after the clinic setting) instead of booking it. */
  readonly hold?: boolean;
  /** When the hold lapses, if not the clinic setting from now: a moved hold keeps its own. */
  readonly holdExpiresAt?: Date;
  /** Set by rescheduling: the appointment this one replaces. */
  readonly rescheduledFrom?: string;
}

export interface BookingActor {
  readonly userId: string;
}

export type BookingResult = Result<AppointmentDto, BookingProblem>;

const problem = (
  code: BookingProblem['code'],
  message: string,
  problems: readonly Problem[] = [],
): { ok: false; error: BookingProblem } => err({ code, message, problems });

/** Thrown inside a savepoint to undo its rows, carrying the answer out. */
class Rollback extends Error {
  constructor(readonly problem: BookingProblem) {
    super(problem.code);
  }
}

/** Runs `work` in a savepoint that is rolled back when it answers with an error. */
export async function inSavepoint<T>(
  tx: Transaction,
  work: (savepoint: Transaction) => Promise<Result<T, BookingProblem>>,
): Promise<Result<T, BookingProblem>> {
  try {
    return await tx.transaction(async (savepoint) => {
      const result = await work(savepoint);
      if (!result.ok) throw new Rollback(result.error);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return err(error.problem);
    throw error;
  }
}

async function resolveDuration(
  tx: Transaction,
  kb: KnowledgeBase,
  request: BookingRequest,
): Promise<Result<number, BookingProblem>> {
  if (request.durationMinutes !== undefined) return ok(request.durationMinutes);
  let protocolId = request.protocolId;
  if (protocolId === undefined && request.courseId) {
    const [course] = await tx
      .select({ indication: courses.indication })
      .from(courses)
      .where(eq(courses.id, request.courseId));
    if (course && course.indication in kb.protocols) protocolId = course.indication as ProtocolId;
  }
  const duration = appointmentDuration(kb, {
    appointmentType: request.type,
    ...(protocolId === undefined ? {} : { protocolId }),
  });
  if (!duration.ok) {
    const path = duration.error.path === 'protocolId' ? 'protocolId' : 'durationMinutes';
    return problem('VALIDATION.FAILED', `${path}: ${duration.error.message}`, [
      { ...duration.error, path },
    ]);
  }
  return ok(duration.value.totalMinutes);
}

/**
 * Books (or holds) one appointment inside the caller's transaction: releases expired holds,
 * checks the request against the clinic's rules (hours, closures, schedules, absences, spacing,
 * capacity) with core's conflict explanation, then inserts the appointment and its resource rows
 * and lets the exclusion constraint have the last word. On any refusal nothing it wrote remains
 * (a savepoint), so the caller's transaction stays usable, e.g. to book a whole course at once.
 */
export async function bookAppointmentIn(
  tx: Transaction,
  deps: BookingDeps,
  request: BookingRequest,
  actor: BookingActor,
): Promise<BookingResult> {
  const { kb, now } = deps;
  await releaseExpiredHolds(tx, now);
  // One booking per patient at a time, so two concurrent requests cannot both pass the spacing check.
  const locked = await tx.execute(
    sql`select id from patients where id = ${request.patientId} for update`,
  );
  if ((locked as { rows: unknown[] }).rows.length === 0)
    return problem('RESOURCE.NOT_FOUND', 'No such patient.');

  if (request.courseId) {
    // A session belongs to a course of the same patient: the course view lists it by this link.
    const [course] = await tx
      .select({ patientId: courses.patientId })
      .from(courses)
      .where(eq(courses.id, request.courseId));
    if (course?.patientId !== request.patientId)
      return problem('RESOURCE.NOT_FOUND', 'courseId: no such course for this patient', [
        {
          code: 'RESOURCE.NOT_FOUND',
          message: 'no such course for this patient',
          path: 'courseId',
        },
      ]);
  }
  const minutes = await resolveDuration(tx, kb, request);
  if (!minutes.ok) return minutes;
  const needs = RESOURCE_NEEDS[request.type];
  const locationId = needs.chair ? (request.locationId ?? undefined) : undefined;
  if (needs.chair && locationId === undefined)
    return problem('VALIDATION.FAILED', `locationId: a ${request.type} needs a location`, [
      {
        code: 'SCHEDULE.LOCATION_REQUIRED',
        message: 'is required for this type',
        path: 'locationId',
      },
    ]);
  const startsAt = request.startsAt;
  const endsAt = new Date(startsAt.getTime() + minutes.value * 60_000);

  const state = await loadClinicState(tx, kb, {
    from: startsAt,
    to: endsAt,
    now,
    ...(request.rescheduledFrom ? { ignoreAppointmentIds: [request.rescheduledFrom] } : {}),
  });
  const check = checkSlot(state.input, kb, {
    type: request.type,
    patientId: request.patientId,
    start: startsAt,
    end: endsAt,
    now,
    ...(locationId === undefined ? {} : { locationId }),
    only: {
      ...(request.chairId ? { chairIds: [request.chairId] } : {}),
      ...(request.nurseId ? { nurseIds: [request.nurseId] } : {}),
      ...(request.prescriberId ? { prescriberIds: [request.prescriberId] } : {}),
    },
  });
  if (!check.ok) return err(check.error);
  const { chairIds, nurseIds, prescriberIds } = check.value;

  return inSavepoint(tx, async (sp) => {
    const id = randomUUID();
    const prescriberId = needs.prescriber === 'exclusive' ? prescriberIds[0] : undefined;
    const template = prescriberId ? state.videoUrlTemplate.get(prescriberId) : undefined;
    await sp.insert(appointments).values({
      id,
      patientId: request.patientId,
      type: request.type,
      status: request.hold ? 'held' : 'booked',
      locationId: locationId ?? null,
      courseId: request.courseId ?? null,
      startsAt,
      endsAt,
      holdExpiresAt: request.hold
        ? (request.holdExpiresAt ??
          new Date(now.getTime() + kb.scheduling.holdExpiryMinutes * 60_000))
        : null,
      videoUrl: template ? template.replaceAll('{appointmentId}', id) : null,
      rescheduledFrom: request.rescheduledFrom ?? null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const during = tstzRangeText(startsAt, endsAt);
    const groups: ResourceCandidate[][] = [];
    if (needs.chair) groups.push(chairIds.map((c) => ({ kind: 'chair', resourceId: c, lane: 0 })));
    if (needs.nurse)
      groups.push(nurseIds.flatMap((n) => nurseLanes(n, state.nurseCapacity.get(n) ?? 1)));
    if (needs.prescriber === 'exclusive')
      groups.push(prescriberIds.map((p) => ({ kind: 'prescriber', resourceId: p, lane: 0 })));
    for (const candidates of groups) {
      const held = await claimFirstFree(sp, id, during, candidates);
      if (!held)
        return problem(
          'SCHEDULE.SLOT_TAKEN',
          'Someone else booked this time just now; pick another slot.',
          [
            {
              code: `SCHEDULE.${(candidates[0]?.kind ?? 'resource').toUpperCase()}_TAKEN`,
              message: `no ${candidates[0]?.kind ?? 'resource'} is free for the whole appointment`,
              path: 'startsAt',
            },
          ],
        );
    }
    // A videoUrl template may name the appointment: resolved above from the id chosen here.
    await deps.audit?.(sp, {
      action: request.hold ? 'appointment.hold' : 'appointment.book',
      resourceType: 'Appointment',
      resourceId: id,
      patientId: request.patientId,
      outcome: 'success',
      detail: {
        type: request.type,
        ...(request.rescheduledFrom ? { rescheduledFrom: request.rescheduledFrom } : {}),
      },
    });
    const dto = await loadAppointment(sp, id);
    if (!dto) throw new Error('booked appointment not found');
    return ok(dto);
  });
}

/** Deadlocks and serialization failures leave nothing behind; the booking simply runs again. */
export function isRetryableTransactionError(error: unknown): boolean {
  return hasSqlState(error, '40P01') || hasSqlState(error, '40001');
}

/**
 * Books (or holds) one appointment in its own transaction; see `bookAppointmentIn`. For other
 * features (course sessions, consults) that have no transaction of their own.
 */
export async function bookAppointment(
  db: Database,
  deps: BookingDeps,
  request: BookingRequest,
  actor: BookingActor,
): Promise<BookingResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => bookAppointmentIn(tx, deps, request, actor));
    } catch (error) {
      if (!isRetryableTransactionError(error) || attempt >= 5) throw error;
    }
  }
}
