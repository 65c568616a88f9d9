import { err, ok, type Problem, type Result } from '../result';
import { RESOURCE_NEEDS } from './appointment-types';
import { closureOn } from './calendar';
import { assignResources, type Assignment } from './find-slots';
import { findOverlap, isCovered, type Interval } from './intervals';
import {
  NO_INTERVALS,
  indexSchedule,
  nurseCapacityOf,
  patientClashes,
  type BusyEntry,
  type ScheduleIndex,
  type ScheduleInput,
} from './schedule-index';
import { HOUR_MS, MINUTE_MS, msToLocal, parseInstant, type Instant } from './time';
import type { AppointmentTypeId, StaffMember } from './types';

export const CONFLICT_CODES = [
  'SCHEDULE.UNKNOWN_LOCATION',
  'SCHEDULE.UNKNOWN_RESOURCE',
  'SCHEDULE.CLOSED',
  'SCHEDULE.OUTSIDE_HOURS',
  'SCHEDULE.CHAIR_ELSEWHERE',
  'SCHEDULE.CHAIR_BUSY',
  'SCHEDULE.NO_CHAIR_FREE',
  'SCHEDULE.NURSE_ABSENT',
  'SCHEDULE.NURSE_CAPACITY',
  'SCHEDULE.PRESCRIBER_ABSENT',
  'SCHEDULE.PRESCRIBER_BUSY',
  'SCHEDULE.PATIENT_BUSY',
  'SCHEDULE.SPACING_TOO_SHORT',
] as const;
export type ConflictCode = (typeof CONFLICT_CODES)[number];

/** Why a requested time is not possible, in words staff can act on. */
export interface Conflict extends Problem {
  readonly code: ConflictCode;
  /** The chair or staff member concerned. */
  readonly resourceId?: string;
  /** The booking in the way. */
  readonly bookingId?: string;
  /** A closure's or an absence's reason. */
  readonly reason?: string;
}

/** A time someone asked for (a booking, a drag on the day board, a patient's reschedule). */
export interface ConflictRequest {
  readonly appointmentType: AppointmentTypeId;
  readonly start: Instant;
  readonly durationMinutes: number;
  readonly locationId?: string;
  readonly chairId?: string;
  readonly nurseId?: string;
  readonly prescriberId?: string;
  readonly patient?: { readonly id: string; readonly minSpacingHours: number };
}

export type ExplainConflictInput = ConflictRequest & Omit<ScheduleInput, 'range'>;

/** `[]` and the resources to use when the time is possible, else every reason it is not. */
export interface ConflictExplanation {
  readonly conflicts: readonly Conflict[];
  readonly assignment?: Assignment;
}

function fmt(ms: number, zone: string): string {
  const l = msToLocal(ms, zone);
  return `${l.date} ${l.time}`;
}

function absenceReason(member: StaffMember, date: string): string | undefined {
  const e = member.exceptions.find((x) => x.kind === 'absent' && x.date === date);
  return e?.reason;
}

function blocker(index: ScheduleIndex, id: string, s: number, e: number): BusyEntry | undefined {
  return index.entries.find((b) => b.resourceId === id && b.start < e && b.end > s);
}

/** A resource as people know it: its name, else its id. */
const nameOf = (x: { readonly id: string; readonly name?: string | undefined }): string =>
  x.name ?? x.id;

/** A chair by its name ("Chair 2"), else "chair <id>". */
const chairOf = (c: { readonly id: string; readonly name?: string | undefined }): string =>
  c.name ?? `chair ${c.id}`;

/** A location by name, else its id. */
const placeOf = (index: ScheduleIndex, locationId: string): string =>
  index.locations.get(locationId)?.name ?? locationId;

function explainLocation(
  index: ScheduleIndex,
  r: ConflictRequest,
  s: number,
  e: number,
  out: Conflict[],
): string | undefined {
  // A clinic with one location needs no `locationId`.
  const only = index.locationIds.length === 1 ? index.locationIds[0] : undefined;
  const locationId = r.locationId ?? index.chairs.get(r.chairId ?? '')?.locationId ?? only;
  if (locationId === undefined) {
    out.push({
      code: 'SCHEDULE.UNKNOWN_LOCATION',
      message: 'say which location (or chair): the clinic has several',
      path: 'locationId',
    });
    return undefined;
  }
  const location = index.locations.get(locationId);
  if (location === undefined) {
    out.push({
      code: 'SCHEDULE.UNKNOWN_LOCATION',
      message: `no location '${locationId}'`,
      path: 'locationId',
    });
    return undefined;
  }
  const zone = location.timeZone;
  const date = msToLocal(s, zone).date;
  const closure = closureOn(location, date) ?? closureOn(location, msToLocal(e - 1, zone).date);
  if (closure !== undefined) {
    out.push({
      code: 'SCHEDULE.CLOSED',
      message: `${nameOf(location)} is closed on ${date}: ${closure.reason}`,
      path: 'start',
      reason: closure.reason,
    });
  } else if (!isCovered(index.opening.get(locationId) ?? NO_INTERVALS, s, e)) {
    out.push({
      code: 'SCHEDULE.OUTSIDE_HOURS',
      message: `${fmt(s, zone)}–${msToLocal(e, zone).time} is outside ${nameOf(location)}'s opening hours`,
      path: 'start',
    });
  }
  return locationId;
}

function explainChair(
  index: ScheduleIndex,
  r: ConflictRequest,
  locationId: string,
  s: number,
  e: number,
  out: Conflict[],
): void {
  if (r.chairId === undefined) {
    const free = (index.chairsByLocation.get(locationId) ?? []).some(
      (c) => findOverlap(index.chairBusy.get(c.id) ?? NO_INTERVALS, s, e) === undefined,
    );
    if (!free)
      out.push({
        code: 'SCHEDULE.NO_CHAIR_FREE',
        message: `every chair at ${placeOf(index, locationId)} is busy for part of this time`,
        path: 'start',
      });
    return;
  }
  const chair = index.chairs.get(r.chairId);
  if (chair === undefined) {
    out.push({
      code: 'SCHEDULE.UNKNOWN_RESOURCE',
      message: `no chair '${r.chairId}'`,
      path: 'chairId',
    });
    return;
  }
  if (chair.locationId !== locationId)
    out.push({
      code: 'SCHEDULE.CHAIR_ELSEWHERE',
      message: `${chairOf(chair)} is at ${placeOf(index, chair.locationId)}, not ${placeOf(index, locationId)}`,
      path: 'chairId',
      resourceId: chair.id,
    });
  const b = blocker(index, chair.id, s, e);
  if (b !== undefined)
    out.push({
      code: 'SCHEDULE.CHAIR_BUSY',
      message:
        b.bookingId === undefined
          ? `${chairOf(chair)} is blocked: ${b.reason ?? ''}`
          : `${chairOf(chair)} is booked (${b.bookingId})`,
      path: 'chairId',
      resourceId: chair.id,
      ...(b.bookingId === undefined ? {} : { bookingId: b.bookingId }),
      ...(b.reason === undefined ? {} : { reason: b.reason }),
    });
}

function explainNurse(
  index: ScheduleIndex,
  r: ConflictRequest,
  locationId: string,
  s: number,
  e: number,
  out: Conflict[],
): void {
  const candidates = index.nurses.filter((n) => r.nurseId === undefined || n.id === r.nurseId);
  const path = r.nurseId === undefined ? 'start' : 'nurseId';
  if (r.nurseId !== undefined && candidates.length === 0) {
    out.push({ code: 'SCHEDULE.UNKNOWN_RESOURCE', message: `no nurse '${r.nurseId}'`, path });
    return;
  }
  const onDuty = candidates.filter((n) =>
    isCovered(index.work.get(n.id)?.onSite.get(locationId) ?? NO_INTERVALS, s, e),
  );
  if (onDuty.length === 0) {
    const one = candidates.length === 1 ? candidates[0] : undefined;
    const zone = index.locations.get(locationId)?.timeZone ?? 'UTC';
    const reason =
      one === undefined ? undefined : absenceReason(one, msToLocal(s, one.timeZone).date);
    out.push({
      code: 'SCHEDULE.NURSE_ABSENT',
      message:
        one === undefined
          ? `no nurse is on duty at ${placeOf(index, locationId)} for all of ${fmt(s, zone)}–${msToLocal(e, zone).time}`
          : `nurse ${nameOf(one)} is not on duty at ${placeOf(index, locationId)} for the whole appointment${reason === undefined ? '' : `: ${reason}`}`,
      path,
      ...(one === undefined ? {} : { resourceId: one.id }),
      ...(reason === undefined ? {} : { reason }),
    });
    return;
  }
  const free = onDuty.find(
    (n) => findOverlap(index.nurseFull.get(n.id) ?? NO_INTERVALS, s, e) === undefined,
  );
  if (free === undefined) {
    const first = onDuty[0];
    // Each nurse's own capacity (their profile, else the clinic's).
    const chairsOf = (n: StaffMember): string => {
      const c = nurseCapacityOf(index, n.id);
      return `${String(c)} ${c === 1 ? 'chair' : 'chairs'}`;
    };
    const capacities = new Set(onDuty.map(chairsOf));
    const [shared] = capacities;
    out.push({
      code: 'SCHEDULE.NURSE_CAPACITY',
      message:
        onDuty.length === 1 && first !== undefined
          ? `nurse ${nameOf(first)} is at capacity (${chairsOf(first)}) for part of this time`
          : capacities.size === 1 && shared !== undefined
            ? `every nurse on duty is at capacity (${shared}) for part of this time`
            : `every nurse on duty is at capacity (${onDuty.map((n) => `${nameOf(n)}: ${chairsOf(n)}`).join(', ')}) for part of this time`,
      path,
      ...(onDuty.length === 1 && first !== undefined ? { resourceId: first.id } : {}),
    });
  }
}

function explainPrescriber(
  index: ScheduleIndex,
  r: ConflictRequest,
  locationId: string | undefined,
  s: number,
  e: number,
  out: Conflict[],
): void {
  const needs = RESOURCE_NEEDS[r.appointmentType];
  const candidates = index.prescribers.filter(
    (p) => r.prescriberId === undefined || p.id === r.prescriberId,
  );
  const path = r.prescriberId === undefined ? 'start' : 'prescriberId';
  if (r.prescriberId !== undefined && candidates.length === 0) {
    out.push({
      code: 'SCHEDULE.UNKNOWN_RESOURCE',
      message: `no prescriber '${r.prescriberId}'`,
      path,
    });
    return;
  }
  const present = (p: StaffMember): boolean => {
    const w = index.work.get(p.id);
    const list: readonly Interval[] | undefined =
      needs.prescriber === 'on-site'
        ? locationId === undefined
          ? undefined
          : w?.onSite.get(locationId)
        : w?.any;
    return isCovered(list ?? NO_INTERVALS, s, e);
  };
  const here = candidates.filter(present);
  const one = candidates.length === 1 ? candidates[0] : undefined;
  if (here.length === 0) {
    const reason =
      one === undefined ? undefined : absenceReason(one, msToLocal(s, one.timeZone).date);
    const where =
      needs.prescriber === 'on-site'
        ? ` on site at ${locationId === undefined ? '?' : placeOf(index, locationId)}`
        : '';
    out.push({
      code: 'SCHEDULE.PRESCRIBER_ABSENT',
      message: `${one === undefined ? 'no prescriber is' : `prescriber ${nameOf(one)} is not`} working${where} for the whole appointment${reason === undefined ? '' : `: ${reason}`}`,
      path,
      ...(one === undefined ? {} : { resourceId: one.id }),
      ...(reason === undefined ? {} : { reason }),
    });
    return;
  }
  if (needs.prescriber === 'exclusive') {
    const free = here.some(
      (p) => findOverlap(index.prescriberBusy.get(p.id) ?? NO_INTERVALS, s, e) === undefined,
    );
    if (!free) {
      const first = here[0];
      const b = first === undefined ? undefined : blocker(index, first.id, s, e);
      out.push({
        code: 'SCHEDULE.PRESCRIBER_BUSY',
        message: `${here.length === 1 && first !== undefined ? `prescriber ${nameOf(first)} is` : 'every prescriber working is'} busy for part of this time`,
        path,
        ...(here.length === 1 && first !== undefined ? { resourceId: first.id } : {}),
        ...(b?.bookingId === undefined ? {} : { bookingId: b.bookingId }),
      });
    }
  }
}

/** Every reason a requested time is not possible, in an indexed schedule (see `explainConflict`). */
export function explainConflictIn(
  index: ScheduleIndex,
  r: ConflictRequest,
): Result<ConflictExplanation, Problem[]> {
  const s = parseInstant(r.start);
  if (s === null)
    return err([{ code: 'SCHEDULE.INVALID_INSTANT', message: 'unreadable start', path: 'start' }]);
  if (!Number.isInteger(r.durationMinutes) || r.durationMinutes <= 0)
    return err([
      {
        code: 'SCHEDULE.INVALID_DURATION',
        message: 'must be a positive whole number of minutes',
        path: 'durationMinutes',
      },
    ]);
  const e = s + r.durationMinutes * MINUTE_MS;
  const conflicts: Conflict[] = [];
  const needs = RESOURCE_NEEDS[r.appointmentType];
  let locationId: string | undefined;
  if (needs.chair || needs.nurse || needs.prescriber === 'on-site') {
    locationId = explainLocation(index, r, s, e, conflicts);
    if (locationId !== undefined) {
      if (needs.chair) explainChair(index, r, locationId, s, e, conflicts);
      if (needs.nurse) explainNurse(index, r, locationId, s, e, conflicts);
    }
  }
  if (needs.prescriber === 'exclusive' || locationId !== undefined)
    explainPrescriber(index, r, locationId, s, e, conflicts);
  if (r.patient !== undefined) {
    const c = patientClashes(
      index,
      r.patient.id,
      r.appointmentType,
      s,
      e,
      r.patient.minSpacingHours * HOUR_MS,
    );
    if (c.overlap !== undefined)
      conflicts.push({
        code: 'SCHEDULE.PATIENT_BUSY',
        message: `the patient already has an appointment then (${c.overlap.bookingId})`,
        path: 'start',
        bookingId: c.overlap.bookingId,
      });
    if (c.tooClose !== undefined) {
      const hours = Math.abs(c.tooClose.start - s) / HOUR_MS;
      conflicts.push({
        code: 'SCHEDULE.SPACING_TOO_SHORT',
        message: `only ${String(Math.round(hours * 10) / 10)} h from the patient's session ${c.tooClose.bookingId}; at least ${String(r.patient.minSpacingHours)} h are needed`,
        path: 'start',
        bookingId: c.tooClose.bookingId,
      });
    }
  }
  if (conflicts.length > 0) return ok({ conflicts });
  const only = {
    ...(r.chairId === undefined ? {} : { chairIds: [r.chairId] }),
    ...(r.nurseId === undefined ? {} : { nurseIds: [r.nurseId] }),
    ...(r.prescriberId === undefined ? {} : { prescriberIds: [r.prescriberId] }),
  };
  const assignment = assignResources(index, r.appointmentType, locationId, s, e, only);
  // Each resource is free on its own; with choices fixed they may still not combine (rare).
  return ok(assignment === undefined ? { conflicts: [] } : { conflicts: [], assignment });
}

/**
 * Why a requested time is not possible: closed (with the closure's reason), outside opening
 * hours, the chair booked, no nurse on duty or at capacity, the prescriber absent (with the
 * absence's reason) or busy, the patient already booked or too close to another session. Every
 * reason is listed, not only the first. No conflicts means bookable, with the resources to use.
 */
export function explainConflict(
  input: ExplainConflictInput,
): Result<ConflictExplanation, Problem[]> {
  const s = parseInstant(input.start);
  if (s === null)
    return err([{ code: 'SCHEDULE.INVALID_INSTANT', message: 'unreadable start', path: 'start' }]);
  const range = { from: s, to: s + Math.max(1, input.durationMinutes) * MINUTE_MS };
  const { index, problems } = indexSchedule({ ...input, range });
  if (problems.length > 0) return err(problems);
  return explainConflictIn(index, input);
}
