import type { Problem } from '../result';
import { RESOURCE_NEEDS, isTreatmentSession } from './appointment-types';
import { openingIntervals, workIntervals, type WorkIntervals } from './calendar';
import { mergeIntervals, saturatedIntervals, type Interval } from './intervals';
import { parseInstant, type Instant } from './time';
import { validateCalendar } from './validate-calendar';
import type {
  AppointmentTypeId,
  Booking,
  Chair,
  ClinicCalendar,
  Hold,
  Location,
  ResourceBlock,
  StaffMember,
} from './types';

/** What the slot search and the conflict explanation read, before indexing. */
export interface ScheduleInput {
  readonly calendar: ClinicCalendar;
  /** Existing appointments (any status that holds resources: booked, checked in, ...). */
  readonly bookings: readonly Booking[];
  /** Short holds; those with `expiresAt` at or before `asOf` are ignored. */
  readonly holds?: readonly Hold[];
  /** The time holds are judged at (the server's clock, passed in: core has none). */
  readonly asOf?: Instant;
  readonly blocks?: readonly ResourceBlock[];
  /**
   * Chairs one nurse may monitor at once (`kb.scheduling.nurseCapacity`): the clinic default, for
   * every nurse without an entry in `nurseCapacityById`.
   */
  readonly nurseCapacity: number;
  /** Per nurse id, that nurse's own capacity (their staff profile); overrides `nurseCapacity`. */
  readonly nurseCapacityById?: Readonly<Record<string, number>>;
  /** Bookings to leave out, e.g. the one being rescheduled. */
  readonly ignoreBookingIds?: readonly string[];
  /** The period searched or checked; calendars are expanded over it (plus a day each side). */
  readonly range: { readonly from: Instant; readonly to: Instant };
}

/** A busy interval with what makes it busy, for explanations. */
export interface BusyEntry extends Interval {
  readonly bookingId?: string;
  readonly appointmentType?: AppointmentTypeId;
  readonly reason?: string;
}

export interface PatientEntry extends Interval {
  readonly bookingId: string;
  readonly appointmentType: AppointmentTypeId;
}

/**
 * Calendars expanded to intervals and busy times indexed per resource (sorted, merged), so each
 * check is a binary search. Build once per search; reuse for many checks.
 */
export interface ScheduleIndex {
  readonly locations: ReadonlyMap<string, Location>;
  /** Location ids, sorted. */
  readonly locationIds: readonly string[];
  /** Chairs per location, sorted by id. */
  readonly chairsByLocation: ReadonlyMap<string, readonly Chair[]>;
  readonly chairs: ReadonlyMap<string, Chair>;
  /** Nurses and prescribers, each sorted by id. */
  readonly nurses: readonly StaffMember[];
  readonly prescribers: readonly StaffMember[];
  readonly staff: ReadonlyMap<string, StaffMember>;
  readonly opening: ReadonlyMap<string, readonly Interval[]>;
  readonly work: ReadonlyMap<string, WorkIntervals>;
  readonly chairBusy: ReadonlyMap<string, readonly Interval[]>;
  /** Where a nurse already watches as many chairs as their capacity (or is blocked). */
  readonly nurseFull: ReadonlyMap<string, readonly Interval[]>;
  /** A prescriber's own appointments (consults, follow-ups) and blocks. */
  readonly prescriberBusy: ReadonlyMap<string, readonly Interval[]>;
  /** Everything per resource id with its booking, unmerged, for explanations. */
  readonly entries: readonly (BusyEntry & { readonly resourceId: string })[];
  readonly patients: ReadonlyMap<string, readonly PatientEntry[]>;
  /** The clinic default capacity; `nurseCapacityOf` gives each nurse's own. */
  readonly nurseCapacity: number;
  /** Per-nurse capacities given in the input (`nurseCapacityById`). */
  readonly nurseCapacityById: ReadonlyMap<string, number>;
  /** Per location, in id order: what the slot search checks for each start (precomputed). */
  readonly byLocation: ReadonlyMap<string, LocationResources>;
  /** Prescribers in id order with all their working time and own busy time (consults). */
  readonly prescriberTime: readonly PrescriberTime[];
}

export interface ResourceTime {
  readonly id: string;
  /** Where the resource can be used (chairs: unused). */
  readonly available: readonly Interval[];
  /** Where it cannot (chairs: booked; nurses: at capacity; prescribers: own appointments). */
  readonly busy: readonly Interval[];
}
export type PrescriberTime = ResourceTime;

export interface LocationResources {
  readonly chairs: readonly ResourceTime[];
  readonly nurses: readonly ResourceTime[];
  /** Prescribers scheduled on site there (`busy` unused: supervision is not exclusive). */
  readonly prescribers: readonly ResourceTime[];
}

const EMPTY: readonly Interval[] = [];

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** The chairs a nurse may monitor at once: their own capacity, else the clinic default. */
export function nurseCapacityOf(index: ScheduleIndex, nurseId: string): number {
  return index.nurseCapacityById.get(nurseId) ?? index.nurseCapacity;
}

const isCapacity = (n: number): boolean => Number.isInteger(n) && n > 0;

/** Capacities that are not positive whole numbers, each with its field. */
function capacityProblems(input: ScheduleInput): Problem[] {
  const problem = (path: string): Problem => ({
    code: 'SCHEDULE.INVALID_CAPACITY',
    message: 'must be a positive whole number of chairs',
    path,
  });
  const out: Problem[] = [];
  if (!isCapacity(input.nurseCapacity)) out.push(problem('nurseCapacity'));
  for (const [id, n] of Object.entries(input.nurseCapacityById ?? {}))
    if (!isCapacity(n)) out.push(problem(`nurseCapacityById.${id}`));
  return out;
}

const byId = <T extends { readonly id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Indexes calendars and busy times; every unreadable instant is a problem with its path. */
export function indexSchedule(input: ScheduleInput): { index: ScheduleIndex; problems: Problem[] } {
  const problems: Problem[] = [];
  const instant = (value: Instant, path: string): number | null => {
    const ms = parseInstant(value);
    if (ms === null)
      problems.push({
        code: 'SCHEDULE.INVALID_INSTANT',
        message: 'must be an ISO 8601 date-time with an offset or Z, or epoch milliseconds',
        path,
      });
    return ms;
  };
  const fromMs = instant(input.range.from, 'window.from') ?? 0;
  const toMs = instant(input.range.to, 'window.to') ?? 0;
  const asOf = input.asOf === undefined ? null : instant(input.asOf, 'asOf');
  problems.push(...capacityProblems(input));
  const nurseCapacityById = new Map(Object.entries(input.nurseCapacityById ?? {}));
  const capacityOf = (id: string): number => nurseCapacityById.get(id) ?? input.nurseCapacity;
  problems.push(
    ...validateCalendar(input.calendar).map((p) => ({ ...p, path: `calendar.${p.path ?? ''}` })),
  );
  // An invalid calendar cannot be expanded: search an empty one and report the problems.
  const calendar: ClinicCalendar = problems.some((p) => p.code === 'SCHEDULE.INVALID_CALENDAR')
    ? { locations: [], chairs: [], staff: [] }
    : input.calendar;

  const locations = new Map(calendar.locations.map((l) => [l.id, l]));
  const locationIds = [...locations.keys()].sort();
  const chairs = new Map(calendar.chairs.map((c) => [c.id, c]));
  const chairsByLocation = new Map<string, Chair[]>();
  for (const c of [...calendar.chairs].sort(byId)) push(chairsByLocation, c.locationId, c);
  const sortedStaff = [...calendar.staff].sort(byId);
  const staff = new Map(sortedStaff.map((s) => [s.id, s]));
  const opening = new Map<string, readonly Interval[]>();
  for (const l of calendar.locations) opening.set(l.id, openingIntervals(l, fromMs, toMs));
  const work = new Map<string, WorkIntervals>();
  for (const s of sortedStaff) work.set(s.id, workIntervals(s, locations, fromMs, toMs));

  const ignore = new Set(input.ignoreBookingIds ?? []);
  const entries: (BusyEntry & { readonly resourceId: string })[] = [];
  const chairRaw = new Map<string, Interval[]>();
  const nurseRaw = new Map<string, Interval[]>();
  const nurseBlocked = new Map<string, Interval[]>();
  const prescriberRaw = new Map<string, Interval[]>();
  const patients = new Map<string, PatientEntry[]>();

  const addBooking = (b: Booking, path: string): void => {
    if (ignore.has(b.id)) return;
    const start = instant(b.start, `${path}.start`);
    const end = instant(b.end, `${path}.end`);
    if (start === null || end === null) return;
    const entry: BusyEntry = { start, end, bookingId: b.id, appointmentType: b.appointmentType };
    if (b.chairId !== undefined) {
      push(chairRaw, b.chairId, entry);
      entries.push({ ...entry, resourceId: b.chairId });
    }
    if (b.nurseId !== undefined) {
      push(nurseRaw, b.nurseId, entry);
      entries.push({ ...entry, resourceId: b.nurseId });
    }
    if (
      b.prescriberId !== undefined &&
      RESOURCE_NEEDS[b.appointmentType].prescriber === 'exclusive'
    ) {
      push(prescriberRaw, b.prescriberId, entry);
      entries.push({ ...entry, resourceId: b.prescriberId });
    }
    if (b.patientId !== undefined)
      push(patients, b.patientId, {
        start,
        end,
        bookingId: b.id,
        appointmentType: b.appointmentType,
      });
  };
  input.bookings.forEach((b, i) => {
    addBooking(b, `bookings[${String(i)}]`);
  });
  (input.holds ?? []).forEach((h, i) => {
    const expires = instant(h.expiresAt, `holds[${String(i)}].expiresAt`);
    if (asOf !== null && expires !== null && expires <= asOf) return;
    addBooking(h, `holds[${String(i)}]`);
  });
  (input.blocks ?? []).forEach((b, i) => {
    const start = instant(b.start, `blocks[${String(i)}].start`);
    const end = instant(b.end, `blocks[${String(i)}].end`);
    if (start === null || end === null) return;
    const entry: BusyEntry = { start, end, reason: b.reason };
    entries.push({ ...entry, resourceId: b.resourceId });
    const member = staff.get(b.resourceId);
    if (member?.role === 'nurse') push(nurseBlocked, b.resourceId, entry);
    else if (member?.role === 'prescriber') push(prescriberRaw, b.resourceId, entry);
    else push(chairRaw, b.resourceId, entry);
  });

  const mergeAll = (raw: Map<string, Interval[]>): Map<string, readonly Interval[]> =>
    new Map([...raw].map(([id, list]) => [id, mergeIntervals(list)]));
  const nurseFull = new Map<string, readonly Interval[]>();
  for (const id of new Set([...nurseRaw.keys(), ...nurseBlocked.keys()])) {
    nurseFull.set(
      id,
      mergeIntervals([
        ...saturatedIntervals(nurseRaw.get(id) ?? EMPTY, capacityOf(id)),
        ...(nurseBlocked.get(id) ?? EMPTY),
      ]),
    );
  }
  const chairBusy = mergeAll(chairRaw);
  const prescriberBusy = mergeAll(prescriberRaw);
  const nurses = sortedStaff.filter((s) => s.role === 'nurse');
  const prescribers = sortedStaff.filter((s) => s.role === 'prescriber');
  const onSite = (member: StaffMember, locationId: string): readonly Interval[] =>
    work.get(member.id)?.onSite.get(locationId) ?? EMPTY;
  const byLocation = new Map<string, LocationResources>();
  for (const id of locationIds) {
    byLocation.set(id, {
      chairs: (chairsByLocation.get(id) ?? []).map((c) => ({
        id: c.id,
        available: EMPTY,
        busy: chairBusy.get(c.id) ?? EMPTY,
      })),
      nurses: nurses
        .filter((n) => onSite(n, id).length > 0)
        .map((n) => ({ id: n.id, available: onSite(n, id), busy: nurseFull.get(n.id) ?? EMPTY })),
      prescribers: prescribers
        .filter((p) => onSite(p, id).length > 0)
        .map((p) => ({ id: p.id, available: onSite(p, id), busy: EMPTY })),
    });
  }
  const prescriberTime = prescribers.map((p) => ({
    id: p.id,
    available: work.get(p.id)?.any ?? EMPTY,
    busy: prescriberBusy.get(p.id) ?? EMPTY,
  }));
  for (const list of patients.values()) list.sort((a, b) => a.start - b.start);

  return {
    index: {
      locations,
      locationIds,
      chairsByLocation,
      chairs,
      nurses,
      prescribers,
      staff,
      opening,
      work,
      chairBusy,
      nurseFull,
      prescriberBusy,
      entries,
      patients,
      nurseCapacity: input.nurseCapacity,
      nurseCapacityById,
      byLocation,
      prescriberTime,
    },
    problems,
  };
}

/** The patient's bookings that clash with a session at `[start, end)`: overlap or spacing. */
export function patientClashes(
  index: ScheduleIndex,
  patientId: string,
  type: AppointmentTypeId,
  start: number,
  end: number,
  minSpacingMs: number,
): { readonly overlap?: PatientEntry; readonly tooClose?: PatientEntry } {
  const list = index.patients.get(patientId);
  if (list === undefined) return {};
  let overlap: PatientEntry | undefined;
  let tooClose: PatientEntry | undefined;
  const spaced = isTreatmentSession(type);
  for (const p of list) {
    if (overlap === undefined && p.start < end && p.end > start) overlap = p;
    if (
      tooClose === undefined &&
      spaced &&
      isTreatmentSession(p.appointmentType) &&
      Math.abs(p.start - start) < minSpacingMs
    )
      tooClose = p;
  }
  return {
    ...(overlap === undefined ? {} : { overlap }),
    ...(tooClose === undefined ? {} : { tooClose }),
  };
}

export { EMPTY as NO_INTERVALS };
