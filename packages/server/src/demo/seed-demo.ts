import { count } from 'drizzle-orm';
import type { Database } from '../db/client';
import {
  allergies,
  chairs,
  clinics,
  conditions,
  locations,
  medications,
  patientHeights,
  patients,
  patientWeights,
  users,
} from '../db/schema/index';
import type { Clock } from '../lib/clock';
import { hashPassword } from '../lib/passwords';
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
export async function seedDemoData(db: Database, clock: Clock): Promise<DemoLogin[] | null> {
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
    await tx.insert(users).values(DEMO_STAFF.map((s) => ({ ...s, passwordHash })));

    for (const [index, p] of DEMO_PATIENTS.entries()) {
      const [row] = await tx
        .insert(patients)
        .values({
          givenName: p.givenName,
          familyName: p.familyName,
          birthDate: p.birthDate,
          sex: p.sex,
          email: `${p.givenName.toLowerCase()}.${p.familyName.toLowerCase()}@example.org`,
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
        });
      }
    }
  });
  return [
    ...DEMO_STAFF.map((s) => ({ email: s.email, role: s.role })),
    { email: DEMO_PATIENT_LOGIN, role: 'patient' },
  ];
}
