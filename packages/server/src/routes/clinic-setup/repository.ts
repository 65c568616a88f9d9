import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  chairs,
  locationClosures,
  locationHours,
  locations,
  staffAbsences,
  staffProfiles,
  staffSchedules,
  users,
} from '../../db/schema/index';
import { weekdayName, type LocationDto, type StaffDto } from './schemas';
import { readAll } from '../../db/read-all';

/** `08:00:00` from the database as `08:00`. */
export const hhmm = (time: string): string => time.slice(0, 5);

/** A `[from,to)` range literal for a tstzrange column. */
export const rangeOf = (from: Date, to: Date): string =>
  `[${from.toISOString()},${to.toISOString()})`;

/** Epoch milliseconds of a timestamptz expression, as a number on both drivers. */
export const epochMs = (expression: SQL) =>
  sql<number>`(extract(epoch from ${expression}) * 1000)::float8`.mapWith(Number);

/** Every location, or the ones named, with hours, closures and chairs. */
export async function loadLocations(executor: Executor, ids?: string[]): Promise<LocationDto[]> {
  const rows = await executor
    .select()
    .from(locations)
    .where(ids ? inArray(locations.id, ids) : undefined)
    .orderBy(asc(locations.name));
  if (rows.length === 0) return [];
  const locationIds = rows.map((r) => r.id);
  const [hours, closures, chairRows] = await readAll(executor, [
    executor
      .select()
      .from(locationHours)
      .where(inArray(locationHours.locationId, locationIds))
      .orderBy(asc(locationHours.weekday), asc(locationHours.opensAt)),
    executor
      .select()
      .from(locationClosures)
      .where(inArray(locationClosures.locationId, locationIds))
      .orderBy(asc(locationClosures.startsOn)),
    executor
      .select()
      .from(chairs)
      .where(inArray(chairs.locationId, locationIds))
      .orderBy(asc(chairs.name)),
  ]);
  return rows.map((l) => ({
    id: l.id,
    code: l.code,
    name: l.name,
    timeZone: l.timeZone,
    addressLine: l.addressLine,
    hours: hours
      .filter((h) => h.locationId === l.id)
      .map((h) => ({
        weekday: weekdayName(h.weekday),
        opensAt: hhmm(h.opensAt),
        closesAt: hhmm(h.closesAt),
      })),
    closures: closures
      .filter((c) => c.locationId === l.id)
      .map((c) => ({ id: c.id, startsOn: c.startsOn, endsOn: c.endsOn, reason: c.reason })),
    chairs: chairRows.filter((c) => c.locationId === l.id).map((c) => ({ id: c.id, name: c.name })),
  }));
}

export async function loadLocation(executor: Executor, id: string): Promise<LocationDto | null> {
  const [location] = await loadLocations(executor, [id]);
  return location ?? null;
}

/** A location that must exist (after a change to it). */
export async function mustLoadLocation(executor: Executor, id: string): Promise<LocationDto> {
  const location = await loadLocation(executor, id);
  if (!location) throw new Error(`location ${id} vanished`);
  return location;
}

type StaffRole = 'nurse' | 'prescriber' | 'admin';
const STAFF_ROLES: StaffRole[] = ['nurse', 'prescriber', 'admin'];

/** Staff members (not patients) with their profile, weekly schedule and absences. */
export async function loadStaff(
  executor: Executor,
  filter: { id?: string; role?: StaffRole } = {},
): Promise<StaffDto[]> {
  const rows = await executor
    .select({ user: users, profile: staffProfiles })
    .from(users)
    .leftJoin(staffProfiles, eq(staffProfiles.userId, users.id))
    .where(
      and(
        inArray(users.role, filter.role ? [filter.role] : STAFF_ROLES),
        filter.id ? eq(users.id, filter.id) : undefined,
        sql`${users.disabledAt} is null`,
      ),
    )
    .orderBy(asc(users.role), asc(users.displayName));
  if (rows.length === 0) return [];
  const userIds = rows.map((r) => r.user.id);
  const [periods, absences] = await readAll(executor, [
    executor
      .select()
      .from(staffSchedules)
      .where(inArray(staffSchedules.userId, userIds))
      .orderBy(asc(staffSchedules.weekday), asc(staffSchedules.startsAt)),
    executor
      .select({
        id: staffAbsences.id,
        userId: staffAbsences.userId,
        reason: staffAbsences.reason,
        startsAt: epochMs(sql`lower(${staffAbsences.during})`),
        endsAt: epochMs(sql`upper(${staffAbsences.during})`),
      })
      .from(staffAbsences)
      .where(inArray(staffAbsences.userId, userIds))
      .orderBy(asc(sql`lower(${staffAbsences.during})`)),
  ]);
  return rows.map(({ user, profile }) => ({
    id: user.id,
    displayName: user.displayName,
    role: user.role as StaffRole,
    videoUrlTemplate: profile?.videoUrlTemplate ?? null,
    nurseCapacity: profile?.nurseCapacity ?? null,
    schedule: periods
      .filter((p) => p.userId === user.id)
      .map((p) => ({
        id: p.id,
        locationId: p.locationId,
        weekday: weekdayName(p.weekday),
        startsAt: hhmm(p.startsAt),
        endsAt: hhmm(p.endsAt),
      })),
    absences: absences
      .filter((a) => a.userId === user.id)
      .map((a) => ({
        id: a.id,
        startsAt: new Date(a.startsAt).toISOString(),
        endsAt: new Date(a.endsAt).toISOString(),
        reason: a.reason,
      })),
  }));
}
