import { err, ok, type Problem, type Result } from '../result';
import { RESOURCE_NEEDS } from './appointment-types';
import { findOverlap, isCovered, type Interval } from './intervals';
import {
  NO_INTERVALS,
  indexSchedule,
  patientClashes,
  type ResourceTime,
  type ScheduleIndex,
  type ScheduleInput,
} from './schedule-index';
import { HOUR_MS, MINUTE_MS, formatInstant, parseInstant, type Instant } from './time';
import type { AppointmentTypeId, Slot } from './types';

/** Restricts the search to some resources, e.g. staff picking a chair or a prescriber. */
export interface ResourceChoice {
  readonly chairIds?: readonly string[];
  readonly nurseIds?: readonly string[];
  readonly prescriberIds?: readonly string[];
}

/** What to look for. */
export interface SlotRequest {
  readonly appointmentType: AppointmentTypeId;
  /** Whole length, pre-check to end of recovery (`appointmentDuration(...).totalMinutes`). */
  readonly durationMinutes: number;
  /** Slots start at or after `from` and before `to`. */
  readonly window: { readonly from: Instant; readonly to: Instant };
  /** Only this location (chair appointments); all locations when absent. */
  readonly locationId?: string;
  /** Step between start times, from the start of each opening or working period. */
  readonly granularityMinutes: number;
  /** Leaves out times that clash with this patient's own bookings or spacing. */
  readonly patient?: { readonly id: string; readonly minSpacingHours: number };
  readonly only?: ResourceChoice;
  /** At most this many slots (the earliest). */
  readonly limit?: number;
}

export type FindSlotsInput = SlotRequest & Omit<ScheduleInput, 'range'>;

/** The resources assigned to one appointment. */
export interface Assignment {
  readonly chairId?: string;
  readonly nurseId?: string;
  readonly prescriberId: string;
}

const allowed = (ids: readonly string[] | undefined, id: string): boolean =>
  ids === undefined || ids.includes(id);

/**
 * The first free combination (by id) of chair, nurse below their own capacity and prescriber for
 * `[start, end)` at a location, or the first free prescriber for a consult; `undefined` if none.
 */
export function assignResources(
  index: ScheduleIndex,
  type: AppointmentTypeId,
  locationId: string | undefined,
  start: number,
  end: number,
  only: ResourceChoice = NO_CHOICE,
): Assignment | undefined {
  const needs = RESOURCE_NEEDS[type];
  if (needs.prescriber === 'exclusive' && !needs.chair && !needs.nurse) {
    const p = firstFree(index.prescriberTime, only.prescriberIds, start, end, true);
    return p === undefined ? undefined : { prescriberId: p };
  }
  const at = locationId === undefined ? undefined : index.byLocation.get(locationId);
  if (at === undefined) return undefined;
  const chairId = needs.chair ? firstFree(at.chairs, only.chairIds, start, end, false) : undefined;
  if (needs.chair && chairId === undefined) return undefined;
  const nurseId = needs.nurse ? firstFree(at.nurses, only.nurseIds, start, end, true) : undefined;
  if (needs.nurse && nurseId === undefined) return undefined;
  const prescriberId =
    needs.prescriber === 'on-site'
      ? firstFree(at.prescribers, only.prescriberIds, start, end, true)
      : firstFree(index.prescriberTime, only.prescriberIds, start, end, true);
  if (prescriberId === undefined) return undefined;
  const out: { chairId?: string; nurseId?: string; prescriberId: string } = { prescriberId };
  if (chairId !== undefined) out.chairId = chairId;
  if (nurseId !== undefined) out.nurseId = nurseId;
  return out;
}

const NO_CHOICE: ResourceChoice = {};

/** The id of the first resource (in id order) available for and not busy in `[start, end)`. */
function firstFree(
  list: readonly ResourceTime[],
  ids: readonly string[] | undefined,
  start: number,
  end: number,
  mustBeAvailable: boolean,
): string | undefined {
  for (const r of list) {
    if (ids !== undefined && !ids.includes(r.id)) continue;
    if (mustBeAvailable && !isCovered(r.available, start, end)) continue;
    if (r.busy.length > 0 && findOverlap(r.busy, start, end) !== undefined) continue;
    return r.id;
  }
  return undefined;
}

function checkRequest(request: SlotRequest, index: ScheduleIndex): Problem[] {
  const problems: Problem[] = [];
  if (!Number.isInteger(request.durationMinutes) || request.durationMinutes <= 0)
    problems.push({
      code: 'SCHEDULE.INVALID_DURATION',
      message: 'must be a positive whole number of minutes',
      path: 'durationMinutes',
    });
  if (!Number.isInteger(request.granularityMinutes) || request.granularityMinutes <= 0)
    problems.push({
      code: 'SCHEDULE.INVALID_GRANULARITY',
      message: 'must be a positive whole number of minutes',
      path: 'granularityMinutes',
    });
  const from = parseInstant(request.window.from);
  const to = parseInstant(request.window.to);
  if (from !== null && to !== null && to <= from)
    problems.push({
      code: 'SCHEDULE.INVALID_WINDOW',
      message: 'window.to must be after window.from',
      path: 'window.to',
    });
  if (request.locationId !== undefined && !index.locations.has(request.locationId))
    problems.push({
      code: 'SCHEDULE.UNKNOWN_LOCATION',
      message: `no location '${request.locationId}'`,
      path: 'locationId',
    });
  return problems;
}

/** Candidate starts: every `step` from the start of each period, inside `[from, to)`. */
function candidateStarts(
  periods: readonly Interval[],
  from: number,
  to: number,
  durationMs: number,
  stepMs: number,
  into: Set<number>,
): void {
  for (const p of periods) {
    if (p.end <= from || p.start >= to) continue;
    const skip = p.start >= from ? 0 : Math.ceil((from - p.start) / stepMs);
    for (let s = p.start + skip * stepMs; s < to && s + durationMs <= p.end; s += stepMs)
      into.add(s);
  }
}

/**
 * Bookable times in an indexed schedule. One slot per start time and location (consults: per
 * start time), with the first free chair, nurse and prescriber by id; sorted by start, then
 * location id. Every resource is free for the whole appointment, inside opening hours and the
 * staff members' schedules, never on a closure; a nurse is offered only below their own capacity
 * (`nurseCapacityById`, else the clinic's `nurseCapacity`).
 */
export function findSlotsIn(index: ScheduleIndex, request: SlotRequest): Result<Slot[], Problem[]> {
  const problems = checkRequest(request, index);
  const from = parseInstant(request.window.from);
  const to = parseInstant(request.window.to);
  if (problems.length > 0 || from === null || to === null) return err(problems);
  const durationMs = request.durationMinutes * MINUTE_MS;
  const stepMs = request.granularityMinutes * MINUTE_MS;
  const needs = RESOURCE_NEEDS[request.appointmentType];
  const spacingMs = (request.patient?.minSpacingHours ?? 0) * HOUR_MS;
  const limit = request.limit ?? Number.POSITIVE_INFINITY;

  const slots: Slot[] = [];
  const fits = (locationId: string | undefined, s: number, e: number): Assignment | undefined => {
    if (request.patient !== undefined) {
      const c = patientClashes(index, request.patient.id, request.appointmentType, s, e, spacingMs);
      if (c.overlap !== undefined || c.tooClose !== undefined) return undefined;
    }
    return assignResources(index, request.appointmentType, locationId, s, e, request.only);
  };
  const emit = (locationId: string | undefined, s: number, a: Assignment): void => {
    const e = s + durationMs;
    slots.push({
      start: formatInstant(s),
      end: formatInstant(e),
      startMs: s,
      endMs: e,
      ...(locationId === undefined ? {} : { locationId }),
      ...a,
    });
  };

  if (needs.chair) {
    const ids = request.locationId === undefined ? index.locationIds : [request.locationId];
    const perLocation = ids.map((id) => {
      const starts = new Set<number>();
      candidateStarts(index.opening.get(id) ?? NO_INTERVALS, from, to, durationMs, stepMs, starts);
      return { id, starts: [...starts].sort((a, b) => a - b) };
    });
    // Merge the locations' start lists in time order, ties by location id.
    const all: { id: string; s: number }[] = [];
    for (const l of perLocation) for (const s of l.starts) all.push({ id: l.id, s });
    all.sort((a, b) => a.s - b.s || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const { id, s } of all) {
      if (slots.length >= limit) break;
      const a = fits(id, s, s + durationMs);
      if (a !== undefined) emit(id, s, a);
    }
    return ok(slots);
  }
  const starts = new Set<number>();
  for (const p of index.prescribers) {
    if (!allowed(request.only?.prescriberIds, p.id)) continue;
    candidateStarts(
      index.work.get(p.id)?.any ?? NO_INTERVALS,
      from,
      to,
      durationMs,
      stepMs,
      starts,
    );
  }
  for (const s of [...starts].sort((a, b) => a - b)) {
    if (slots.length >= limit) break;
    const a = fits(undefined, s, s + durationMs);
    if (a !== undefined) emit(undefined, s, a);
  }
  return ok(slots);
}

/**
 * Bookable times for one appointment type: indexes the calendar and busy times, then searches
 * (`findSlotsIn`). Errors list every unreadable field with its path.
 */
export function findSlots(input: FindSlotsInput): Result<Slot[], Problem[]> {
  const { index, problems } = indexSchedule({ ...input, range: input.window });
  if (problems.length > 0) return err(problems);
  return findSlotsIn(index, input);
}
