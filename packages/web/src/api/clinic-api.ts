import { requestJson, withQuery } from './http';
import type {
  Location,
  OpeningHours,
  RecordedUnavailability,
  StaffMember,
  StaffRole,
  Weekday,
} from './scheduling-types';

const loc = (id: string, rest = '') => `/api/clinic/locations/${encodeURIComponent(id)}${rest}`;
const staff = (id: string, rest = '') => `/api/clinic/staff/${encodeURIComponent(id)}${rest}`;

export async function fetchLocations(): Promise<Location[]> {
  return (await requestJson<{ items: Location[] }>('GET', '/api/clinic/locations')).items;
}

export function createLocation(body: {
  code: string;
  name: string;
  timeZone: string;
  addressLine?: string;
}): Promise<Location> {
  return requestJson('POST', '/api/clinic/locations', body);
}

export function updateLocation(
  id: string,
  body: { name?: string; timeZone?: string; addressLine?: string | null },
): Promise<Location> {
  return requestJson('PATCH', loc(id), body);
}

/** Replaces the weekly hours; a weekday not listed is closed. */
export function replaceHours(id: string, hours: OpeningHours[]): Promise<Location> {
  return requestJson('PUT', loc(id, '/hours'), { hours });
}

export function addClosure(
  id: string,
  body: { startsOn: string; endsOn: string; reason: string },
): Promise<RecordedUnavailability> {
  return requestJson('POST', loc(id, '/closures'), body);
}

export function removeClosure(id: string): Promise<void> {
  return requestJson('DELETE', `/api/clinic/closures/${encodeURIComponent(id)}`);
}

export function addChair(locationId: string, name: string): Promise<{ id: string }> {
  return requestJson('POST', loc(locationId, '/chairs'), { name });
}

export function renameChair(id: string, name: string): Promise<{ id: string }> {
  return requestJson('PATCH', `/api/clinic/chairs/${encodeURIComponent(id)}`, { name });
}

export async function fetchStaff(role?: StaffRole): Promise<StaffMember[]> {
  return (
    await requestJson<{ items: StaffMember[] }>('GET', withQuery('/api/clinic/staff', { role }))
  ).items;
}

export function updateProfile(
  id: string,
  body: { videoUrlTemplate?: string | null; nurseCapacity?: number | null },
): Promise<StaffMember> {
  return requestJson('PATCH', staff(id, '/profile'), body);
}

export interface PeriodInput {
  locationId: string;
  weekday: Weekday;
  startsAt: string;
  endsAt: string;
}

export function replaceSchedule(id: string, periods: PeriodInput[]): Promise<StaffMember> {
  return requestJson('PUT', staff(id, '/schedule'), { periods });
}

export function addAbsence(
  id: string,
  body: { startsAt: string; endsAt: string; reason: string },
): Promise<RecordedUnavailability> {
  return requestJson('POST', staff(id, '/absences'), body);
}

export function removeAbsence(id: string): Promise<void> {
  return requestJson('DELETE', `/api/clinic/absences/${encodeURIComponent(id)}`);
}
