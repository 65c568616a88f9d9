import {
  addLocalDays,
  knowledgeBase,
  localToMs,
  msToLocal,
  weekdayOf,
  type KnowledgeBase,
} from '@ketaflow/core';
import { count, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import {
  allergies,
  chairs,
  clinics,
  conditions,
  locationClosures,
  locationHours,
  locations,
  medications,
  patientHeights,
  patients,
  patientWeights,
  staffProfiles,
  staffSchedules,
  users,
} from '../db/schema/index';
import { bookAppointment } from '../routes/appointments/booking';
import type { Clock } from '../lib/clock';
import { hashPassword } from '../lib/passwords';
import { seedDemoOutcomes } from './seed-outcomes';
import { DEMO_PASSWORD, DEMO_PATIENT_LOGIN, DEMO_PATIENTS, DEMO_STAFF } from './demo-people';

export interface DemoLogin {
  readonly email: string;
  readonly role: string;
}

function daysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Fills an empty database with one synthetic clinic: two locations, six chairs, staff of each
 * role and 20 patients. Does nothing (returns null) when any patient or user already exists.
 */
export async function seedDemoData(
  db: Database,
  clock: Clock,
  kb: KnowledgeBase = knowledgeBase,
): Promise<DemoLogin[] | null> {
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return null;
  const now = clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    const [clinic] = await tx
      .insert(clinics)
      .values({ name: 'KetaFlow Demo Clinic', timeZone: 'America/New_York' })
      .returning();
    if (!clinic) throw new Error('demo clinic not created');
    const sites = await tx
      .insert(locations)
      .values([
        {
          clinicId: clinic.id,
          code: 'downtown',
          name: 'Downtown',
          timeZone: 'America/New_York',
          addressLine: '100 Main Street',
        },
        {
          clinicId: clinic.id,
          code: 'riverside',
          name: 'Riverside',
          timeZone: 'America/New_York',
          addressLine: '25 River Road',
        },
      ])
      .returning();
    await tx
      .insert(chairs)
      .values(
        sites.flatMap((site, s) =>
          [1, 2, 3].map((n) => ({ locationId: site.id, name: `Chair ${s * 3 + n}` })),
        ),
      );
    await tx
      .insert(users)
      .values(DEMO_STAFF.map((s) => ({ ...s, passwordHash, emailVerifiedAt: now })));
    await seedClinicCalendar(tx, sites, now);

    for (const [index, p] of DEMO_PATIENTS.entries()) {
      const [row] = await tx
        .insert(patients)
        .values({
          givenName: p.givenName,
          familyName: p.familyName,
          birthDate: p.birthDate,
          sex: p.sex,
          email: `${p.givenName.toLowerCase()}.${p.familyName.toLowerCase()}@example.org`,
          // The demo clinic took every history: an empty list is "none known", not unrecorded.
          conditionsNoneKnownAt: p.conditions.length === 0 ? now : null,
          medicationsNoneKnownAt: p.medications.length === 0 ? now : null,
          allergiesNoneKnownAt: p.allergies.length === 0 ? now : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!row) throw new Error('demo patient not created');
      // Two weights per patient: an older one and a recent one, so history and "latest" both show.
      await tx.insert(patientWeights).values([
        {
          patientId: row.id,
          weightKg: String(p.weightKg + 1.5),
          enteredValue: String(p.weightKg + 1.5),
          enteredUnit: 'kg',
          measuredOn: daysBefore(now, 60 + index),
        },
        {
          patientId: row.id,
          weightKg: String(p.weightKg),
          enteredValue: String(p.weightKg),
          enteredUnit: 'kg',
          measuredOn: daysBefore(now, 3 + (index % 5)),
        },
      ]);
      await tx.insert(patientHeights).values({
        patientId: row.id,
        heightCm: String(p.heightCm),
        measuredOn: daysBefore(now, 60 + index),
      });
      if (p.conditions.length > 0) {
        await tx.insert(conditions).values(
          p.conditions.map((c) => ({
            patientId: row.id,
            text: c.text,
            codeSystem: c.codeSystem ?? null,
            code: c.code ?? null,
            clinicalStatus: c.clinicalStatus,
            verificationStatus: 'confirmed',
          })),
        );
      }
      if (p.medications.length > 0) {
        await tx.insert(medications).values(
          p.medications.map((m) => ({
            patientId: row.id,
            text: m.text,
            rxnormCode: m.rxnormCode ?? null,
            status: m.status,
            ...(m.status === 'stopped' ? { stoppedOn: daysBefore(now, 30) } : {}),
          })),
        );
      }
      if (p.allergies.length > 0) {
        await tx
          .insert(allergies)
          .values(p.allergies.map((substance) => ({ patientId: row.id, substance })));
      }
      if (index === 0) {
        await tx.insert(users).values({
          email: DEMO_PATIENT_LOGIN,
          passwordHash,
          role: 'patient',
          displayName: `${p.givenName} ${p.familyName}`,
          patientId: row.id,
          emailVerifiedAt: now,
        });
      }
    }
  });
  await seedBookedTreatments(db, kb, now);
  await seedDemoOutcomes(db, kb, now);
  return [
    ...DEMO_STAFF.map((s) => ({ email: s.email, role: s.role })),
    { email: DEMO_PATIENT_LOGIN, role: 'patient' },
  ];
}

const ZONE = 'America/New_York';
const WEEKDAYS_MON_FRI = [1, 2, 3, 4, 5];

const WEEKEND = [6, 0];
const WEEKEND_HOURS = { startsAt: '09:00', endsAt: '15:00' } as const;
/** Riverside's prescriber and nurse also cover Downtown's weekend hours. */
const WEEKEND_ROSTER = ['prescriber2@demo.ketaflow.test', 'nurse3@demo.ketaflow.test'];

/** Who works where (Monday to Friday, 08:00-18:00): a prescriber and nurses at each site. */
const DEMO_ROSTER: Record<string, readonly string[]> = {
  downtown: [
    'prescriber@demo.ketaflow.test',
    'nurse@demo.ketaflow.test',
    'nurse2@demo.ketaflow.test',
  ],
  riverside: ['prescriber2@demo.ketaflow.test', 'nurse3@demo.ketaflow.test'],
};

/** Opening hours, a closure, staff schedules and video-visit links for the demo clinic. */
async function seedClinicCalendar(
  tx: Parameters<Parameters<Database['transaction']>[0]>[0],
  sites: readonly (typeof locations.$inferSelect)[],
  now: Date,
): Promise<void> {
  const today = msToLocal(now.getTime(), ZONE).date;
  await tx.insert(locationHours).values([
    ...sites.flatMap((site) =>
      WEEKDAYS_MON_FRI.map((weekday) => ({
        locationId: site.id,
        weekday,
        opensAt: '08:00',
        closesAt: '18:00',
      })),
    ),
    // Downtown also opens at weekends, shorter: the demo has a working day whenever it starts.
    ...sites
      .filter((site) => site.code === 'downtown')
      .flatMap((site) =>
        WEEKEND.map((weekday) => ({
          locationId: site.id,
          weekday,
          opensAt: WEEKEND_HOURS.startsAt,
          closesAt: WEEKEND_HOURS.endsAt,
        })),
      ),
  ]);
  const downtown = sites.find((s) => s.code === 'downtown');
  if (downtown) {
    // A weekday about three weeks out, so the closure shows in the calendar and in planning.
    let closed = addLocalDays(today, 21);
    while (['sat', 'sun'].includes(weekdayOf(closed))) closed = addLocalDays(closed, 1);
    await tx.insert(locationClosures).values({
      locationId: downtown.id,
      startsOn: closed,
      endsOn: closed,
      reason: 'Staff training day',
    });
  }
  const staff = await tx
    .select({ id: users.id, email: users.email, role: users.role })
    .from(users)
    .where(inArray(users.email, Object.values(DEMO_ROSTER).flat()));
  for (const site of sites) {
    for (const email of DEMO_ROSTER[site.code] ?? []) {
      const person = staff.find((s) => s.email === email);
      if (!person) continue;
      await tx.insert(staffSchedules).values(
        WEEKDAYS_MON_FRI.map((weekday) => ({
          userId: person.id,
          locationId: site.id,
          weekday,
          startsAt: '08:00',
          endsAt: '18:00',
        })),
      );
    }
  }
  const downtownSite = sites.find((s) => s.code === 'downtown');
  for (const email of WEEKEND_ROSTER) {
    const person = staff.find((s) => s.email === email);
    if (!person || !downtownSite) continue;
    await tx.insert(staffSchedules).values(
      WEEKEND.map((weekday) => ({
        userId: person.id,
        locationId: downtownSite.id,
        weekday,
        ...WEEKEND_HOURS,
      })),
    );
  }
  await tx.insert(staffProfiles).values(
    staff.map((s) => ({
      userId: s.id,
      videoUrlTemplate:
        s.role === 'prescriber'
          ? `https://video.ketaflow.test/${s.email.split('@')[0] ?? 'visit'}/{appointmentId}`
          : null,
      nurseCapacity: s.role === 'nurse' ? 2 : null,
    })),
  );
}

/**
 * Treatments booked through the booking engine, so the day board shows real chair, nurse and
 * prescriber rows: a few infusions this week and next (weekdays), and today's list at Downtown
 * at whatever time of day the demo starts. Today's are booked as at the start of the clinic's day
 * (the engine refuses a start already past), so "Today's sessions" and the day board have
 * patients a nurse can check in and chart (check-in takes only today's appointments); they are
 * patients the week's plan leaves out, so spacing rules hold. A slot the engine refuses (a
 * closure) is skipped.
 */
async function seedBookedTreatments(db: Database, kb: KnowledgeBase, now: Date): Promise<void> {
  const sites = await db.select().from(locations);
  const [prescriber] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'prescriber@demo.ketaflow.test'));
  const demoPatients = await db.select({ id: patients.id }).from(patients).limit(10);
  if (!prescriber || demoPatients.length === 0) return;
  const today = msToLocal(now.getTime(), ZONE).date;
  const startOfDay = new Date(localToMs(today, '00:00', ZONE));
  const plan: {
    day: number;
    time: string;
    site: string;
    patient: number;
    type?: 'esketamine-session';
  }[] = [
    { day: 1, time: '09:00', site: 'downtown', patient: 0 },
    { day: 1, time: '10:30', site: 'riverside', patient: 1 },
    { day: 2, time: '13:00', site: 'downtown', patient: 2 },
    { day: 3, time: '09:00', site: 'downtown', patient: 3 },
    { day: 4, time: '11:00', site: 'riverside', patient: 1 },
    { day: 5, time: '09:00', site: 'downtown', patient: 0 },
    { day: 8, time: '09:00', site: 'downtown', patient: 0 },
    { day: 8, time: '14:00', site: 'riverside', patient: 4 },
    { day: 9, time: '10:00', site: 'downtown', patient: 5 },
    { day: 10, time: '09:30', site: 'riverside', patient: 1 },
    { day: 11, time: '13:30', site: 'downtown', patient: 6 },
    { day: 0, time: '09:00', site: 'downtown', patient: 7 },
    { day: 0, time: '10:30', site: 'downtown', patient: 8, type: 'esketamine-session' },
    { day: 0, time: '12:00', site: 'downtown', patient: 9 },
  ];
  for (const entry of plan) {
    const date = addLocalDays(today, entry.day);
    if (entry.day > 0 && ['sat', 'sun'].includes(weekdayOf(date))) continue;
    const site = sites.find((s) => s.code === entry.site);
    const patient = demoPatients[entry.patient];
    if (!site || !patient) continue;
    await bookAppointment(
      db,
      { kb, now: entry.day === 0 ? startOfDay : now },
      {
        patientId: patient.id,
        startsAt: new Date(localToMs(date, entry.time, ZONE)),
        locationId: site.id,
        ...(entry.type === undefined
          ? { type: 'infusion', protocolId: 'depression' }
          : { type: entry.type }),
      },
      { userId: prescriber.id },
    );
  }
}
