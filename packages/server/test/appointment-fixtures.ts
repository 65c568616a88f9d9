import { DEMO_PASSWORD } from '../src/demo/demo-people';
import { hashPassword } from '../src/lib/passwords';
import { login, type Session, type TestApp } from './harness';

/** A location of its own for a test: hours, chairs, nurses and prescribers on duty, patients. */
export interface BookingClinic {
  readonly locationId: string;
  readonly chairIds: readonly string[];
  readonly nurseIds: readonly string[];
  readonly prescriberIds: readonly string[];
  readonly patientIds: readonly string[];
}

export interface ClinicSpec {
  readonly chairs?: number;
  readonly nurses?: number;
  /** Each nurse's profile capacity; the clinic setting when absent. */
  readonly nurseCapacity?: number;
  readonly prescribers?: number;
  readonly patients?: number;
  /** Local opening hours every day, Monday to Friday. */
  readonly opens?: string;
  readonly closes?: string;
  readonly timeZone?: string;
  readonly videoUrlTemplate?: string;
}

let counter = 0;

async function one(t: TestApp, text: string, params: unknown[]): Promise<string> {
  const rows = await t.database.query(text, params);
  const id = rows[0]?.id;
  if (typeof id !== 'string') throw new Error(`no id from ${text}`);
  return id;
}

/**
 * Given a clinic: one new location (New York time by default) open Monday to Friday, with its
 * chairs, staff scheduled for the opening hours there and synthetic patients, all written
 * straight to the database so that the test depends on nothing else.
 */
export async function givenClinic(t: TestApp, spec: ClinicSpec = {}): Promise<BookingClinic> {
  counter += 1;
  const tag = `t${String(counter)}${Math.random().toString(36).slice(2, 8)}`;
  const opens = spec.opens ?? '09:00';
  const closes = spec.closes ?? '17:00';
  const [clinic] = await t.database.query('select id from clinics limit 1');
  const clinicId =
    typeof clinic?.id === 'string'
      ? clinic.id
      : await one(
          t,
          `insert into clinics (name, time_zone) values ('Test', 'America/New_York') returning id`,
          [],
        );
  const locationId = await one(
    t,
    `insert into locations (clinic_id, code, name, time_zone) values ($1, $2, $3, $4) returning id`,
    [clinicId, `loc-${tag}`, `Site ${tag}`, spec.timeZone ?? 'America/New_York'],
  );
  for (let weekday = 1; weekday <= 5; weekday++) {
    await t.database.query(
      `insert into location_hours (location_id, weekday, opens_at, closes_at) values ($1, $2, $3, $4)`,
      [locationId, weekday, opens, closes],
    );
  }
  const chairIds: string[] = [];
  for (let n = 1; n <= (spec.chairs ?? 1); n++) {
    chairIds.push(
      await one(t, `insert into chairs (location_id, name) values ($1, $2) returning id`, [
        locationId,
        `Chair ${tag}-${String(n)}`,
      ]),
    );
  }
  const staff = async (role: 'nurse' | 'prescriber', n: number): Promise<string> => {
    const id = await one(
      t,
      `insert into users (email, password_hash, role, display_name, email_verified_at) values ($1, 'x', $2, $3, now()) returning id`,
      [`${role}${String(n)}-${tag}@test.ketaflow`, role, `${role} ${String(n)} ${tag}`],
    );
    for (let weekday = 1; weekday <= 5; weekday++) {
      await t.database.query(
        `insert into staff_schedules (user_id, location_id, weekday, starts_at, ends_at) values ($1, $2, $3, $4, $5)`,
        [id, locationId, weekday, opens, closes],
      );
    }
    const capacity = role === 'nurse' ? (spec.nurseCapacity ?? null) : null;
    const video = role === 'prescriber' ? (spec.videoUrlTemplate ?? null) : null;
    if (capacity !== null || video !== null) {
      await t.database.query(
        `insert into staff_profiles (user_id, nurse_capacity, video_url_template) values ($1, $2, $3)`,
        [id, capacity, video],
      );
    }
    return id;
  };
  const nurseIds: string[] = [];
  for (let n = 1; n <= (spec.nurses ?? 1); n++) nurseIds.push(await staff('nurse', n));
  const prescriberIds: string[] = [];
  for (let n = 1; n <= (spec.prescribers ?? 1); n++)
    prescriberIds.push(await staff('prescriber', n));
  const patientIds: string[] = [];
  for (let n = 1; n <= (spec.patients ?? 3); n++) {
    patientIds.push(
      await one(
        t,
        `insert into patients (given_name, family_name, birth_date) values ($1, $2, '1980-01-01') returning id`,
        [`Pat${String(n)}`, `Booking${tag}`],
      ),
    );
  }
  return { locationId, chairIds, nurseIds, prescriberIds, patientIds };
}

/** Closes a location on one local date. */
export async function givenClosure(
  t: TestApp,
  locationId: string,
  date: string,
  reason: string,
): Promise<void> {
  await t.database.query(
    `insert into location_closures (location_id, starts_on, ends_on, reason) values ($1, $2, $2, $3)`,
    [locationId, date, reason],
  );
}

/** Appointments that hold no resource row, and resource rows with no appointment: both must be 0. */
export async function partialRows(t: TestApp): Promise<{ bare: number; orphans: number }> {
  const [bare] = await t.database.query(
    `select count(*)::int as n from appointments a
      where not exists (select 1 from appointment_resources r where r.appointment_id = a.id)`,
  );
  const [orphans] = await t.database.query(
    `select count(*)::int as n from appointment_resources r
      where not exists (select 1 from appointments a where a.id = r.appointment_id)`,
  );
  return { bare: Number(bare?.n), orphans: Number(orphans?.n) };
}

/** A fresh patient with a portal account (the demo patient may already have appointments). */
export async function givenPatientAccount(t: TestApp): Promise<Session> {
  counter += 1;
  const tag = `p${String(counter)}${Math.random().toString(36).slice(2, 8)}`;
  const patientId = await one(
    t,
    `insert into patients (given_name, family_name, birth_date) values ('Portal', $1, '1985-05-05') returning id`,
    [tag],
  );
  const email = `${tag}@portal.ketaflow.test`;
  await t.database.query(
    // Made by the clinic, as staff do: verified from the start.
    `insert into users (email, password_hash, role, display_name, patient_id, email_verified_at) values ($1, $2, 'patient', $3, $4, now())`,
    [email, await hashPassword(DEMO_PASSWORD), `Portal ${tag}`, patientId],
  );
  return login(t.app, email);
}
