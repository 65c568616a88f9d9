import {
  assignResources,
  err,
  explainConflictIn,
  indexSchedule,
  ok,
  RESOURCE_NEEDS,
  type Assignment,
  type KnowledgeBase,
  type Problem,
  type ResourceChoice,
  type Result,
  type ScheduleIndex,
  type ScheduleInput,
} from '@ketaflow/core';
import type { AppointmentType } from '../../db/schema/index';
import type { BookingProblem } from './problem';

/** Conflicts that only say someone else has the time: the answer is 409, not 422. */
const TAKEN_CODES = new Set([
  'SCHEDULE.CHAIR_BUSY',
  'SCHEDULE.NO_CHAIR_FREE',
  'SCHEDULE.NURSE_CAPACITY',
  'SCHEDULE.PRESCRIBER_BUSY',
]);

export interface SlotCheck {
  readonly type: AppointmentType;
  readonly patientId: string;
  readonly start: Date;
  readonly end: Date;
  readonly now: Date;
  readonly locationId?: string;
  readonly only: ResourceChoice;
}

/** Resources to try, best first: core's assignment, then every other one free on its own. */
export interface Candidates {
  readonly chairIds: readonly string[];
  readonly nurseIds: readonly string[];
  readonly prescriberIds: readonly string[];
}

/** Request field a core conflict concerns: core says `start`, the API says `startsAt`. */
function toRequestPath(path: string | undefined): string {
  if (path === undefined || path === 'start') return 'startsAt';
  return path;
}

/**
 * Checks one requested time against the clinic's rules with core's conflict explanation. Returns
 * the resources to try, or every reason it is not possible: only "taken by someone else" reasons
 * give `SCHEDULE.SLOT_TAKEN`; any rule (closed, outside hours, off duty, spacing) gives
 * `SCHEDULE.CONFLICT`.
 */
export function checkSlot(
  input: ScheduleInput,
  kb: KnowledgeBase,
  check: SlotCheck,
): Result<Candidates, BookingProblem> {
  const startMs = check.start.getTime();
  if (startMs < check.now.getTime())
    return err({
      code: 'SCHEDULE.CONFLICT',
      message: 'startsAt: this time has passed',
      problems: [{ code: 'SCHEDULE.IN_PAST', message: 'this time has passed', path: 'startsAt' }],
    });
  const { index, problems } = indexSchedule(input);
  if (problems.length > 0) throw new Error(`clinic state unreadable: ${JSON.stringify(problems)}`);
  const durationMinutes = Math.round((check.end.getTime() - startMs) / 60_000);
  const explained = explainConflictIn(index, {
    appointmentType: check.type,
    start: startMs,
    durationMinutes,
    ...(check.locationId === undefined ? {} : { locationId: check.locationId }),
    ...(check.only.chairIds?.[0] === undefined ? {} : { chairId: check.only.chairIds[0] }),
    ...(check.only.nurseIds?.[0] === undefined ? {} : { nurseId: check.only.nurseIds[0] }),
    ...(check.only.prescriberIds?.[0] === undefined
      ? {}
      : { prescriberId: check.only.prescriberIds[0] }),
    patient: { id: check.patientId, minSpacingHours: kb.scheduling.minSpacingHours },
  });
  if (!explained.ok) {
    return err({
      code: 'VALIDATION.FAILED',
      message: explained.error.map((p) => `${toRequestPath(p.path)}: ${p.message}`).join('; '),
      problems: explained.error.map((p) => ({ ...p, path: toRequestPath(p.path) })),
    });
  }
  const { conflicts, assignment } = explained.value;
  if (conflicts.length > 0 || assignment === undefined) {
    const reasons: Problem[] =
      conflicts.length > 0
        ? conflicts.map((c) => ({ code: c.code, message: c.message, path: toRequestPath(c.path) }))
        : [
            {
              code: 'SCHEDULE.NO_COMBINATION',
              message: 'the chosen chair, nurse and prescriber are not free together',
              path: 'startsAt',
            },
          ];
    const taken = conflicts.length > 0 && conflicts.every((c) => TAKEN_CODES.has(c.code));
    return err({
      code: taken ? 'SCHEDULE.SLOT_TAKEN' : 'SCHEDULE.CONFLICT',
      message: reasons.map((r) => `${r.path ?? 'startsAt'}: ${r.message}`).join('; '),
      problems: reasons,
    });
  }
  return ok(candidatesFor(index, check, startMs, check.end.getTime(), assignment));
}

/**
 * Core's assignment first, then each other chair, nurse and prescriber that core also finds
 * free with the rest of the assignment: if a concurrent booking takes the first one, the
 * database tries the next before answering 409.
 */
function candidatesFor(
  index: ScheduleIndex,
  check: SlotCheck,
  s: number,
  e: number,
  a: Assignment,
): Candidates {
  const needs = RESOURCE_NEEDS[check.type];
  const fits = (only: ResourceChoice): boolean =>
    assignResources(index, check.type, check.locationId, s, e, only) !== undefined;
  const rest = {
    ...(a.chairId === undefined ? {} : { chairIds: [a.chairId] }),
    ...(a.nurseId === undefined ? {} : { nurseIds: [a.nurseId] }),
    prescriberIds: [a.prescriberId],
  };
  const chairIds =
    !needs.chair || a.chairId === undefined
      ? []
      : check.only.chairIds
        ? [a.chairId]
        : [
            a.chairId,
            ...(index.chairsByLocation.get(check.locationId ?? '') ?? [])
              .map((c) => c.id)
              .filter((id) => id !== a.chairId && fits({ ...rest, chairIds: [id] })),
          ];
  const nurseIds =
    !needs.nurse || a.nurseId === undefined
      ? []
      : check.only.nurseIds
        ? [a.nurseId]
        : [
            a.nurseId,
            ...index.nurses
              .map((n) => n.id)
              .filter((id) => id !== a.nurseId && fits({ ...rest, nurseIds: [id] })),
          ];
  const prescriberIds =
    needs.prescriber !== 'exclusive' || check.only.prescriberIds
      ? [a.prescriberId]
      : [
          a.prescriberId,
          ...index.prescribers
            .map((p) => p.id)
            .filter((id) => id !== a.prescriberId && fits({ ...rest, prescriberIds: [id] })),
        ];
  return { chairIds, nurseIds, prescriberIds };
}
