import {
  addLocalDays,
  msToLocal,
  resolveLocalTime,
  type Booking,
  type ClinicCalendar,
  type Hold,
  type KnowledgeBase,
  type LocalHours,
  type ScheduleException,
  type ScheduleInput,
  type StaffMember,
  type Weekday,
  type WorkPeriod,
} from '@ketaflow/core';
import { and, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  appointmentResources,
  appointments,
  chairs,
  clinics,
  locationClosures,
  locationHours,
  locations,
  staffProfiles,
  staffSchedules,
  users,
} from '../../db/schema/index';
import { nurseLaneCount } from './claims';

/** The database counts weekdays from Sunday (0) like PostgreSQL's `dow`; core names them. */
const DAY_MS = 86_400_000;
const WEEKDAY_BY_DOW: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const hhmm = (time: string): string => time.slice(0, 5);

interface AbsenceRow {
  readonly user_id: string;
  readonly starts: string | Date;
  readonly ends: string | Date;
  readonly reason: string;
}

/** The clinic's calendar and busy times over a window, as core's slot search reads them. */
export interface ClinicState {
  readonly input: ScheduleInput;
  /**
   * Per nurse, how many chairs they may monitor: their profile, else the clinic setting, as lanes
   * (`nurseLaneCount`). `input.nurseCapacityById` carries the same numbers to the slot search.
   */
  readonly nurseCapacity: ReadonlyMap<string, number>;
  /** Per prescriber, the video-visit link template (`{appointmentId}` is replaced). */
  readonly videoUrlTemplate: ReadonlyMap<string, string>;
  readonly timeZoneOf: ReadonlyMap<string, string>;
}

export interface ClinicStateWindow {
  readonly from: Date;
  readonly to: Date;
  /** Holds are judged at this instant: expired ones block nothing. */
  readonly now: Date;
  /** Appointments to leave out (the one being rescheduled). */
  readonly ignoreAppointmentIds?: readonly string[];
}

/**
 * Loads locations (time zone, hours, closures), chairs, nurses and prescribers (weekly schedules,
 * absences, capacity) and every appointment that holds resources around the window (booked,
 * completed and unexpired holds), widened by the spacing setting so a patient's earlier and later
 * sessions count.
 */
export async function loadClinicState(
  executor: Executor,
  kb: KnowledgeBase,
  window: ClinicStateWindow,
): Promise<ClinicState> {
  const spacingMs = kb.scheduling.minSpacingHours * 3_600_000;
  const from = new Date(window.from.getTime() - spacingMs - DAY_MS);
  // Never an inverted range (a window that ended before it began, e.g. a course long over).
  const to = new Date(Math.max(window.to.getTime(), window.from.getTime()) + spacingMs + DAY_MS);

  const [clinic] = await executor.select({ timeZone: clinics.timeZone }).from(clinics).limit(1);
  const locationRows = await executor.select().from(locations);
  const clinicZone = clinic?.timeZone ?? locationRows[0]?.timeZone ?? 'UTC';
  const hours = await executor.select().from(locationHours);
  const closures = await executor.select().from(locationClosures);
  const chairRows = await executor.select().from(chairs);
  const staffRows = await executor
    .select({
      id: users.id,
      name: users.displayName,
      role: users.role,
      capacity: staffProfiles.nurseCapacity,
      video: staffProfiles.videoUrlTemplate,
    })
    .from(users)
    .leftJoin(staffProfiles, eq(staffProfiles.userId, users.id))
    .where(and(inArray(users.role, ['nurse', 'prescriber']), isNull(users.disabledAt)));
  const schedules = await executor.select().from(staffSchedules);
  const absenceResult: unknown = await executor.execute(
    sql`select user_id, lower(during) as starts, upper(during) as ends, reason
          from staff_absences
         where during && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)`,
  );
  const absences = (absenceResult as { rows: AbsenceRow[] }).rows;

  const calendar: ClinicCalendar = {
    locations: locationRows.map((l) => {
      const openingHours: Partial<Record<Weekday, LocalHours[]>> = {};
      for (const h of hours.filter((x) => x.locationId === l.id)) {
        const day = WEEKDAY_BY_DOW[h.weekday];
        if (day === undefined) continue;
        (openingHours[day] ??= []).push({ open: hhmm(h.opensAt), close: hhmm(h.closesAt) });
      }
      return {
        id: l.id,
        name: l.name,
        timeZone: l.timeZone,
        openingHours,
        closures: closures
          .filter((c) => c.locationId === l.id)
          .map((c) => ({ from: c.startsOn, to: c.endsOn, reason: c.reason })),
      };
    }),
    chairs: chairRows.map((c) => ({ id: c.id, name: c.name, locationId: c.locationId })),
    staff: staffRows.map((s): StaffMember => {
      const schedule: WorkPeriod[] = schedules
        .filter((p) => p.userId === s.id)
        .flatMap((p) => {
          const weekday = WEEKDAY_BY_DOW[p.weekday];
          return weekday === undefined
            ? []
            : [{ weekday, start: hhmm(p.startsAt), end: hhmm(p.endsAt), locationId: p.locationId }];
        });
      const exceptions = absences
        .filter((a) => a.user_id === s.id)
        .flatMap((a) =>
          // Clipped to the window (a day either side, for the zone): an absence entered as
          // lasting years is not expanded day by day.
          absenceToExceptions(
            new Date(Math.max(new Date(a.starts).getTime(), from.getTime() - DAY_MS)),
            new Date(Math.min(new Date(a.ends).getTime(), to.getTime() + DAY_MS)),
            clinicZone,
            a.reason,
          ),
        );
      return {
        id: s.id,
        name: s.name,
        role: s.role === 'nurse' ? 'nurse' : 'prescriber',
        timeZone: clinicZone,
        schedule,
        exceptions,
      };
    }),
  };

  const { bookings, holds } = await loadBusy(executor, from, to, window);
  // One number per nurse for both the search and the lanes the booking claims.
  const nurseCapacity = new Map(
    staffRows
      .filter((s) => s.role === 'nurse')
      .map((s) => [s.id, nurseLaneCount(s.capacity ?? kb.scheduling.nurseCapacity)] as const),
  );
  return {
    input: {
      calendar,
      bookings,
      holds,
      asOf: window.now.toISOString(),
      nurseCapacity: nurseLaneCount(kb.scheduling.nurseCapacity),
      nurseCapacityById: Object.fromEntries(nurseCapacity),
      ...(window.ignoreAppointmentIds ? { ignoreBookingIds: window.ignoreAppointmentIds } : {}),
      range: { from: window.from.toISOString(), to: window.to.toISOString() },
    },
    nurseCapacity,
    videoUrlTemplate: new Map(
      staffRows.flatMap((s) => (s.video ? [[s.id, s.video] as const] : [])),
    ),
    timeZoneOf: new Map(locationRows.map((l) => [l.id, l.timeZone])),
  };
}

/** An absence `[start, end)` as whole or partial absent days in the staff member's zone. */
export function absenceToExceptions(
  start: Date,
  end: Date,
  zone: string,
  reason: string,
): ScheduleException[] {
  // A start in the second pass of a fall-back hour reads as the first pass: absent longer, safe.
  const first = msToLocal(start.getTime(), zone);
  const last = localEnd(end.getTime(), zone);
  const out: ScheduleException[] = [];
  for (let date = first.date; date <= last.date; date = addLocalDays(date, 1)) {
    const from = date === first.date ? first.time : '00:00';
    const until = date === last.date ? last.time : '24:00';
    if (from >= until) continue;
    out.push({ kind: 'absent', date, start: from, end: until, reason });
  }
  return out;
}

/**
 * The local date and time that ends an absence at `ms`. On a fall-back night the repeated times
 * read as their first pass (core's rule), so an end in the second pass would end the absence an
 * hour early, or before it began (01:30 EDT to 01:15 EST): such an end moves on by the length of
 * the change, past the repeated hour. The person counts as away a little longer, never shorter.
 */
function localEnd(ms: number, zone: string): { readonly date: string; readonly time: string } {
  const local = msToLocal(ms, zone);
  const read = resolveLocalTime(local.date, local.time, zone);
  if (read.kind !== 'ambiguous' || ms < read.laterMs) return local;
  return msToLocal(ms + (read.laterMs - read.ms), zone);
}

async function loadBusy(
  executor: Executor,
  from: Date,
  to: Date,
  window: ClinicStateWindow,
): Promise<{ bookings: Booking[]; holds: Hold[] }> {
  const rows = await executor
    .select()
    .from(appointments)
    .where(
      and(
        lt(appointments.startsAt, to),
        gt(appointments.endsAt, from),
        or(
          inArray(appointments.status, ['booked', 'completed']),
          and(eq(appointments.status, 'held'), gt(appointments.holdExpiresAt, window.now)),
        ),
      ),
    );
  if (rows.length === 0) return { bookings: [], holds: [] };
  const resources = await executor
    .select()
    .from(appointmentResources)
    .where(
      and(
        eq(appointmentResources.active, true),
        inArray(
          appointmentResources.appointmentId,
          rows.map((r) => r.id),
        ),
      ),
    );
  const bookings: Booking[] = [];
  const holds: Hold[] = [];
  for (const a of rows) {
    const held = resources.filter((r) => r.appointmentId === a.id);
    const chairId = held.find((r) => r.kind === 'chair')?.resourceId;
    const nurseId = held.find((r) => r.kind === 'nurse')?.resourceId;
    const prescriberId = held.find((r) => r.kind === 'prescriber')?.resourceId;
    const booking: Booking = {
      id: a.id,
      appointmentType: a.type,
      start: a.startsAt.toISOString(),
      end: a.endsAt.toISOString(),
      patientId: a.patientId,
      ...(a.locationId ? { locationId: a.locationId } : {}),
      ...(chairId ? { chairId } : {}),
      ...(nurseId ? { nurseId } : {}),
      ...(prescriberId ? { prescriberId } : {}),
    };
    if (a.status === 'held' && a.holdExpiresAt) {
      holds.push({ ...booking, expiresAt: a.holdExpiresAt.toISOString() });
    } else {
      bookings.push(booking);
    }
  }
  return { bookings, holds };
}
