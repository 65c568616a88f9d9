/**
 * What the course tests share: a patient ready for a course (a signed depression screening for
 * ketamine IV, with the blood pressure and weight it needs) and where a course's sessions fell.
 */
import { msToLocal } from '@ketaflow/core';
import { expect } from 'vitest';
import { as, type Session, type TestApp } from './harness';

const WEEKDAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Each booked session's local weekday and start time in `zone`, e.g. `tue 10:00`. */
export function bookedAt(
  course: { readonly sessions: readonly { readonly status: string; readonly startsAt: string }[] },
  zone: string,
): string[] {
  return course.sessions
    .filter((s) => s.status === 'booked')
    .map((s) => {
      const local = msToLocal(Date.parse(s.startsAt), zone);
      return `${WEEKDAY[new Date(`${local.date}T12:00:00Z`).getUTCDay()]!} ${local.time}`;
    });
}

/**
 * A new patient named `givenName familyName` with a blood pressure and a weight, screened for
 * depression (ketamine IV) by `nurse` and signed by `prescriber`, who accepts every warning.
 */
export async function screenedPatient(
  t: TestApp,
  staff: { readonly nurse: Session; readonly prescriber: Session },
  name: { readonly givenName: string; readonly familyName: string },
): Promise<{ patientId: string; screeningId: string }> {
  const nurse = as(t.app, staff.nurse);
  const created = await nurse('POST', '/api/patients', {
    ...name,
    birthDate: '1984-05-05',
    sex: 'male',
  });
  expect(created.statusCode, created.body).toBe(201);
  const patientId = created.json<{ id: string }>().id;
  await nurse('POST', `/api/patients/${patientId}/blood-pressures`, {
    systolicMmHg: 118,
    diastolicMmHg: 76,
    measuredOn: '2026-03-01',
  });
  await nurse('POST', `/api/patients/${patientId}/weights`, {
    weight: { value: 80, unit: 'kg' },
    measuredOn: '2026-03-01',
  });
  const screened = await nurse('POST', `/api/patients/${patientId}/screenings`, {
    indication: 'depression',
  });
  expect(screened.statusCode, screened.body).toBe(201);
  const screening = screened.json<{
    id: string;
    result: { findings: { severity: string; code: string }[] };
  }>();
  const codes = new Set(
    screening.result.findings.filter((f) => f.severity === 'warning').map((f) => f.code),
  );
  const signed = await as(t.app, staff.prescriber)('POST', `/api/screenings/${screening.id}/sign`, {
    acceptances: [...codes].map((code) => ({ code, reason: 'Reviewed with the patient' })),
  });
  expect(signed.statusCode, signed.body).toBe(200);
  return { patientId, screeningId: screening.id };
}

/** The id of the demo clinic's Downtown location. */
export async function downtownLocationId(t: TestApp, nurse: Session): Promise<string> {
  const locations = await as(t.app, nurse)('GET', '/api/clinic/locations');
  return locations
    .json<{ items: { id: string; code: string }[] }>()
    .items.find((l) => l.code === 'downtown')!.id;
}
