/**
 * The patient's care as FHIR R4: Appointment, CarePlan (courses), MedicationRequest (the course's
 * order) and MedicationAdministration (infusions and esketamine doses given).
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import {
  appointments,
  courses,
  doseCalculations,
  sessionEvents,
  treatmentSessions,
} from '../../db/schema/index';
import type { FhirResource } from './outcome';
import { compact, patientRef, quantity, SYSTEM, type ResourceContext } from './resource-parts';

const APPOINTMENT_STATUS = {
  held: 'pending',
  booked: 'booked',
  cancelled: 'cancelled',
  completed: 'fulfilled',
  'no-show': 'noshow',
} as const;

export async function appointmentResources(ctx: ResourceContext, patientId: string) {
  const rows = await ctx.db
    .select()
    .from(appointments)
    .where(eq(appointments.patientId, patientId))
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
  return rows.map((a) =>
    compact({
      resourceType: 'Appointment',
      id: a.id,
      status: APPOINTMENT_STATUS[a.status],
      serviceType: [{ text: a.type }],
      cancelationReason: a.cancelReason === null ? undefined : { text: a.cancelReason },
      start: a.startsAt.toISOString(),
      end: a.endsAt.toISOString(),
      basedOn: a.courseId === null ? undefined : [{ reference: `CarePlan/${a.courseId}` }],
      participant: [{ actor: patientRef(patientId), status: 'accepted' }],
    }),
  );
}

const COURSE_STATUS = {
  planned: 'draft',
  active: 'active',
  paused: 'on-hold',
  completed: 'completed',
  stopped: 'revoked',
} as const;

const PRODUCTS = {
  'ketamine-iv': { rxcui: '6130', name: 'ketamine', text: 'Ketamine intravenous infusion' },
  'esketamine-nasal': { rxcui: '2119365', name: 'esketamine', text: 'Esketamine nasal spray' },
} as const;

function productConcept(product: keyof typeof PRODUCTS) {
  const p = PRODUCTS[product];
  return { coding: [{ system: SYSTEM.rxnorm, code: p.rxcui, display: p.name }], text: p.text };
}

export async function carePlanResources(ctx: ResourceContext, patientId: string) {
  const rows = await ctx.db
    .select()
    .from(courses)
    .where(eq(courses.patientId, patientId))
    .orderBy(asc(courses.startDate), asc(courses.id));
  return rows.map((c) => {
    const rhythm =
      c.sessionsPerWeek === null || c.weeks === null
        ? 'as needed'
        : `${String(c.sessionsPerWeek)} per week for ${String(c.weeks)} weeks`;
    return compact({
      resourceType: 'CarePlan',
      id: c.id,
      status: COURSE_STATUS[c.status],
      intent: 'plan',
      title: `${PRODUCTS[c.product].text} course for ${c.indication}`,
      description: `${PRODUCTS[c.product].text}, ${rhythm}.`,
      subject: patientRef(patientId),
      period: { start: c.startDate },
      created: c.createdAt.toISOString(),
      activity: [
        {
          detail: {
            kind: 'MedicationRequest',
            status: c.status === 'completed' ? 'completed' : 'scheduled',
            productCodeableConcept: productConcept(c.product),
          },
        },
      ],
    });
  });
}

const ORDER_STATUS = {
  planned: 'draft',
  active: 'active',
  paused: 'on-hold',
  completed: 'completed',
  stopped: 'stopped',
} as const;

/**
 * A course is the prescriber's order: one MedicationRequest per course (the same id as its
 * CarePlan), with the dose basis as ordered. Imported MedicationRequests are kept on the
 * medication list and answer as MedicationStatements.
 */
export async function medicationRequestResources(ctx: ResourceContext, patientId: string) {
  const rows = await ctx.db
    .select()
    .from(courses)
    .where(eq(courses.patientId, patientId))
    .orderBy(asc(courses.startDate), asc(courses.id));
  return rows.map((c) => {
    const dose = c.dose as { value?: unknown; unit?: unknown };
    const doseText =
      typeof dose.value === 'number' && typeof dose.unit === 'string'
        ? `${String(dose.value)} ${dose.unit}`
        : undefined;
    return compact({
      resourceType: 'MedicationRequest',
      id: c.id,
      status: ORDER_STATUS[c.status],
      intent: 'order',
      medicationCodeableConcept: productConcept(c.product),
      subject: patientRef(patientId),
      authoredOn: c.createdAt.toISOString(),
      basedOn: [{ reference: `CarePlan/${c.id}` }],
      reasonCode: [{ text: c.indication }],
      dosageInstruction:
        doseText === undefined
          ? undefined
          : [
              {
                text: `${doseText} per session`,
                route: { text: c.product === 'ketamine-iv' ? 'intravenous' : 'nasal' },
              },
            ],
    });
  });
}

const ADMINISTRATION_STATUS = {
  'in-progress': 'in-progress',
  recovery: 'completed',
  discharged: 'completed',
  stopped: 'stopped',
} as const;

/** Infusions and esketamine doses: treatment sessions that started, with the dose given. */
export async function administrationResources(ctx: ResourceContext, patientId: string) {
  const rows = await ctx.db
    .select({ session: treatmentSessions, result: doseCalculations.result })
    .from(treatmentSessions)
    .innerJoin(doseCalculations, eq(doseCalculations.id, treatmentSessions.doseCalculationId))
    .where(
      and(
        eq(treatmentSessions.patientId, patientId),
        isNotNull(treatmentSessions.doseCalculationId),
      ),
    )
    .orderBy(asc(treatmentSessions.createdAt), asc(treatmentSessions.id));
  if (rows.length === 0) return [];
  const starts = await ctx.db
    .select({ sessionId: sessionEvents.sessionId, at: sessionEvents.recordedAt })
    .from(sessionEvents)
    .where(
      and(
        inArray(
          sessionEvents.sessionId,
          rows.map((r) => r.session.id),
        ),
        eq(sessionEvents.kind, 'start'),
      ),
    );
  const out: FhirResource[] = [];
  for (const { session, result } of rows) {
    const state = session.state;
    if (!(state in ADMINISTRATION_STATUS)) continue;
    const start = starts.find((s) => s.sessionId === session.id);
    const dose = (result as { dose?: { value?: unknown; unit?: unknown } }).dose;
    out.push(
      compact({
        resourceType: 'MedicationAdministration',
        id: session.id,
        status: ADMINISTRATION_STATUS[state as keyof typeof ADMINISTRATION_STATUS],
        medicationCodeableConcept: productConcept(session.product),
        subject: patientRef(patientId),
        effectiveDateTime: (start?.at ?? session.createdAt).toISOString(),
        dosage:
          typeof dose?.value === 'number' && typeof dose.unit === 'string'
            ? {
                route: { text: session.product === 'ketamine-iv' ? 'intravenous' : 'nasal' },
                dose: quantity(dose.value, dose.unit),
              }
            : undefined,
      }),
    );
  }
  return out;
}
