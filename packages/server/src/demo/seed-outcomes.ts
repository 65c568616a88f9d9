import {
  addLocalDays,
  localToMs,
  msToLocal,
  scoreResponse,
  getInstrument,
  weekdayOf,
  type KnowledgeBase,
} from '@ketaflow/core';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import {
  courses,
  locations,
  patients,
  scaleResponses,
  screenings,
  users,
} from '../db/schema/index';
import { bookAppointment } from '../routes/appointments/booking';
import { runScreening } from '../routes/screening/service';

const ZONE = 'America/New_York';
/** Days before the seed clock: when each scale was filled in, and when sessions took place. */
const SCALE_DAYS = [29, 22, 15, 8];
const SESSION_DAYS = [28, 26, 23, 21, 16, 14];

/** Which demo patients (by index) get a past course, and their totals at each scale. */
const PLANS = [
  { patient: 0, indication: 'depression', instrument: 'phq-9', totals: [19, 13, 9, 6] },
  { patient: 1, indication: 'anxiety', instrument: 'gad-7', totals: [15, 11, 8, 6] },
  { patient: 2, indication: 'depression', instrument: 'phq-9', totals: [16, 12, 7, 4] },
  { patient: 3, indication: 'depression', instrument: 'phq-9', totals: [22, 20, 17, 15] },
] as const;

/** Answers adding up to `total`, filled from the first item; the last item (PHQ-9 item 9) stays 0. */
function answersFor(prefix: string, items: number, total: number): Record<string, number> {
  let left = total;
  const out: Record<string, number> = {};
  for (let i = 1; i <= items; i++) {
    const score = i === items && prefix === 'phq9' ? 0 : Math.min(3, left);
    out[`${prefix}-${String(i)}`] = score;
    left -= score;
  }
  return out;
}

/** The weekday on or after `date`. */
function weekday(date: string): string {
  let d = date;
  while (['sat', 'sun'].includes(weekdayOf(d))) d = addLocalDays(d, 1);
  return d;
}

/**
 * Past courses with sessions and PHQ-9 / GAD-7 scores over four weeks for a few demo patients,
 * so progress charts and the outcomes dashboard have something to show. Sessions are booked
 * through the booking engine as of the day before each (they stay `booked`, in the past), as
 * one-off bookings without a course link, which count for the patient's only course.
 */
export async function seedDemoOutcomes(db: Database, kb: KnowledgeBase, now: Date): Promise<void> {
  const [prescriber] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'prescriber@demo.ketaflow.test'));
  const [site] = await db.select().from(locations).where(eq(locations.code, 'downtown'));
  const demoPatients = await db.select({ id: patients.id }).from(patients).limit(8);
  const [nurse] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'nurse@demo.ketaflow.test'));
  if (!prescriber || !nurse || !site) return;
  const today = msToLocal(now.getTime(), ZONE).date;
  const at = (daysAgo: number, time: string) =>
    new Date(localToMs(weekday(addLocalDays(today, -daysAgo)), time, ZONE));
  const courseStart = new Date(now.getTime() - 35 * 86_400_000);

  for (const plan of PLANS) {
    const patient = demoPatients[plan.patient];
    if (!patient) continue;
    const screeningId = await runScreening(db, {
      kb,
      patientId: patient.id,
      indication: plan.indication,
      product: 'ketamine-iv',
      userId: prescriber.id,
      now: courseStart,
    });
    const [screening] = await db.select().from(screenings).where(eq(screenings.id, screeningId));
    if (!screening || screening.decision === 'contraindicated') continue;
    const result = screening.result as { findings: { severity: string; code: string }[] };
    const warnings = [
      ...new Set(result.findings.filter((f) => f.severity === 'warning').map((f) => f.code)),
    ];
    await db
      .update(screenings)
      .set({
        signedBy: prescriber.id,
        signedAt: courseStart,
        acceptances: warnings.map((code) => ({ code, reason: 'Reviewed with the patient' })),
      })
      .where(eq(screenings.id, screeningId));
    const [course] = await db
      .insert(courses)
      .values({
        patientId: patient.id,
        screeningId,
        indication: plan.indication,
        product: 'ketamine-iv',
        locationId: site.id,
        dose: { value: 0.5, unit: 'mg/kg' },
        sessionsPerWeek: 2,
        weeks: 3,
        startDate: weekday(addLocalDays(today, -Math.max(...SESSION_DAYS))),
        status: 'active',
        createdBy: prescriber.id,
        createdAt: courseStart,
        updatedAt: courseStart,
      })
      .returning({ id: courses.id });
    if (!course) continue;
    for (const [index, daysAgo] of SESSION_DAYS.entries()) {
      const startsAt = at(daysAgo, index % 2 === 0 ? '10:00' : '14:00');
      // Refused slots are skipped: the demo needs some sessions, not all of them.
      await bookAppointment(
        db,
        { kb, now: new Date(startsAt.getTime() - 86_400_000) },
        {
          type: 'infusion',
          patientId: patient.id,
          startsAt,
          locationId: site.id,
          protocolId: plan.indication,
        },
        { userId: prescriber.id },
      );
    }
    // The patient with a portal account filled them in there; the others on paper.
    const [account] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.patientId, patient.id));
    const instrument = getInstrument(kb, plan.instrument);
    const prefix = plan.instrument === 'phq-9' ? 'phq9' : 'gad7';
    for (const [index, daysAgo] of SCALE_DAYS.entries()) {
      const scored = scoreResponse(
        instrument,
        answersFor(prefix, instrument.items.length, plan.totals[index] ?? 0),
        kb.crisisResources.resources,
      );
      if (!scored.ok) throw new Error('demo scale answers do not score');
      await db.insert(scaleResponses).values({
        patientId: patient.id,
        instrument: plan.instrument,
        answers: Object.fromEntries(scored.value.items.map((i) => [i.itemId, i.score])),
        total: scored.value.total,
        bandId: scored.value.band?.id ?? null,
        bandLabel: scored.value.band?.label ?? null,
        knowledgeVersion: kb.knowledgeVersion,
        completedAt: at(daysAgo, '08:30'),
        source: account ? 'portal' : 'paper',
        enteredBy: account?.id ?? nurse.id,
        courseId: course.id,
      });
    }
  }
}
