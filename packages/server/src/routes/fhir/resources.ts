/**
 * KetaFlow rows as FHIR R4 resources, per patient. Observation ids carry a prefix naming the
 * table they come from (`bp-`, `weight-`, `height-`, `pregnancy-`, `score-`).
 */
import {
  scoreResponse,
  toFhirObservation,
  toFhirQuestionnaireResponse,
  type KnowledgeBase,
} from '@ketaflow/core';
import { and, asc, eq, inArray, isNotNull, like } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  allergies,
  appointments,
  bloodPressures,
  conditions,
  courses,
  doseCalculations,
  fhirLinks,
  medications,
  patientHeights,
  patients,
  patientWeights,
  reproductiveStatuses,
  scaleResponses,
  sessionEvents,
  treatmentSessions,
} from '../../db/schema/index';
import { findInstrument } from '../outcomes/instruments';
import type { FhirResource } from './outcome';
import { readAll } from '../../db/read-all';

export const SEARCHABLE_TYPES = [
  'Patient',
  'Condition',
  'MedicationStatement',
  'AllergyIntolerance',
  'Observation',
  'QuestionnaireResponse',
  'Appointment',
  'CarePlan',
  'MedicationAdministration',
  'MedicationRequest',
] as const;
export type SearchableType = (typeof SEARCHABLE_TYPES)[number];

export function isSearchableType(value: string): value is SearchableType {
  return (SEARCHABLE_TYPES as readonly string[]).includes(value);
}

export const SYSTEM = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  ucum: 'http://unitsofmeasure.org',
  mrn: 'https://ketaflow.org/fhir/sid/mrn',
} as const;

const SHORT_TO_URL: Readonly<Record<string, string>> = {
  snomed: SYSTEM.snomed,
  icd10cm: SYSTEM.icd10cm,
  icd10: SYSTEM.icd10cm,
  rxnorm: SYSTEM.rxnorm,
  loinc: SYSTEM.loinc,
};

/** A stored code system (a short name or a URL) as a FHIR system URL. */
export function systemUrl(stored: string | null): string | undefined {
  if (stored === null) return undefined;
  return SHORT_TO_URL[stored] ?? (stored.includes(':') ? stored : undefined);
}

export const PREGNANCY_LOINC_ANSWERS = {
  pregnant: { code: 'LA15173-0', display: 'Pregnant' },
  'not-pregnant': { code: 'LA26683-5', display: 'Not pregnant' },
  unknown: { code: 'LA4489-6', display: 'Unknown' },
} as const;

const VITAL_SIGNS = [
  {
    coding: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/observation-category',
        code: 'vital-signs',
        display: 'Vital Signs',
      },
    ],
  },
];

export interface ResourceContext {
  readonly db: Executor;
  readonly kb: KnowledgeBase;
}

const patientRef = (id: string) => ({ reference: `Patient/${id}` });

function loincConcept(code: string, display: string) {
  return { coding: [{ system: SYSTEM.loinc, code, display }], text: display };
}

function quantity(value: number, unit: string) {
  return { value, unit, system: SYSTEM.ucum, code: unit };
}

function compact(resource: Record<string, unknown>): FhirResource {
  return Object.fromEntries(
    Object.entries(resource).filter(([, v]) => v !== undefined && v !== null),
  ) as FhirResource;
}

async function patientResources(ctx: ResourceContext, ids: string[]): Promise<FhirResource[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db.select().from(patients).where(inArray(patients.id, ids));
  const links = await ctx.db
    .select({ key: fhirLinks.sourceKey, patientId: fhirLinks.patientId })
    .from(fhirLinks)
    .where(and(inArray(fhirLinks.patientId, ids), like(fhirLinks.sourceKey, 'Patient|%')));
  return rows.map((p) => {
    const identifiers = links
      .filter((l) => l.patientId === p.id)
      .map((l) => {
        const rest = l.key.slice('Patient|'.length);
        const bar = rest.indexOf('|');
        const system = rest.slice(0, bar);
        return compact({ system: system === '' ? undefined : system, value: rest.slice(bar + 1) });
      });
    const telecom = [
      ...(p.email === null ? [] : [{ system: 'email', value: p.email }]),
      ...(p.phone === null ? [] : [{ system: 'phone', value: p.phone }]),
    ];
    const address = compact({
      line: p.addressLine === null ? undefined : [p.addressLine],
      city: p.city,
      postalCode: p.postalCode,
    });
    return compact({
      resourceType: 'Patient',
      id: p.id,
      meta: { lastUpdated: p.updatedAt.toISOString() },
      identifier: [
        {
          type: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }],
          },
          system: SYSTEM.mrn,
          value: p.mrn,
        },
        ...identifiers,
      ],
      name: [{ family: p.familyName, given: [p.givenName] }],
      gender: p.sex,
      birthDate: p.birthDate,
      telecom: telecom.length === 0 ? undefined : telecom,
      address: Object.keys(address).length === 0 ? undefined : [address],
    });
  });
}

async function conditionResources(ctx: ResourceContext, patientId: string) {
  const rows = await ctx.db
    .select()
    .from(conditions)
    .where(eq(conditions.patientId, patientId))
    .orderBy(asc(conditions.createdAt), asc(conditions.id));
  return rows.map((c) => {
    const system = systemUrl(c.codeSystem);
    return compact({
      resourceType: 'Condition',
      id: c.id,
      clinicalStatus: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
            code: c.clinicalStatus,
          },
        ],
      },
      verificationStatus: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
            code: c.verificationStatus,
          },
        ],
      },
      code: compact({
        coding: c.code === null ? undefined : [compact({ system, code: c.code, display: c.text })],
        text: c.text,
      }),
      subject: patientRef(patientId),
      onsetDateTime: c.onsetDate,
      abatementDateTime: c.abatementDate,
    });
  });
}

async function medicationStatementResources(ctx: ResourceContext, patientId: string) {
  const rows = await ctx.db
    .select()
    .from(medications)
    .where(eq(medications.patientId, patientId))
    .orderBy(asc(medications.createdAt), asc(medications.id));
  return rows.map((m) =>
    compact({
      resourceType: 'MedicationStatement',
      id: m.id,
      status: m.status,
      medicationCodeableConcept: compact({
        coding:
          m.rxnormCode === null
            ? undefined
            : [{ system: SYSTEM.rxnorm, code: m.rxnormCode, display: m.text }],
        text: m.text,
      }),
      subject: patientRef(patientId),
      effectivePeriod:
        m.startedOn === null && m.stoppedOn === null
          ? undefined
          : compact({ start: m.startedOn, end: m.stoppedOn }),
      dosage: m.doseText === null ? undefined : [{ text: m.doseText }],
    }),
  );
}

async function allergyResources(ctx: ResourceContext, patientId: string) {
  const rows = await ctx.db
    .select()
    .from(allergies)
    .where(eq(allergies.patientId, patientId))
    .orderBy(asc(allergies.createdAt), asc(allergies.id));
  return rows.map((a) => {
    const system = systemUrl(a.codeSystem);
    return compact({
      resourceType: 'AllergyIntolerance',
      id: a.id,
      clinicalStatus: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
            code: a.status,
          },
        ],
      },
      code: compact({
        coding:
          a.code === null ? undefined : [compact({ system, code: a.code, display: a.substance })],
        text: a.substance,
      }),
      criticality: a.criticality,
      patient: patientRef(patientId),
      reaction: a.reaction === null ? undefined : [{ manifestation: [{ text: a.reaction }] }],
    });
  });
}

async function vitalSignResources(ctx: ResourceContext, patientId: string) {
  const [bps, weights, heights, repro] = await readAll(ctx.db, [
    ctx.db
      .select()
      .from(bloodPressures)
      .where(eq(bloodPressures.patientId, patientId))
      .orderBy(asc(bloodPressures.measuredOn), asc(bloodPressures.id)),
    ctx.db
      .select()
      .from(patientWeights)
      .where(eq(patientWeights.patientId, patientId))
      .orderBy(asc(patientWeights.measuredOn), asc(patientWeights.id)),
    ctx.db
      .select()
      .from(patientHeights)
      .where(eq(patientHeights.patientId, patientId))
      .orderBy(asc(patientHeights.measuredOn), asc(patientHeights.id)),
    ctx.db
      .select()
      .from(reproductiveStatuses)
      .where(eq(reproductiveStatuses.patientId, patientId))
      .orderBy(asc(reproductiveStatuses.recordedOn), asc(reproductiveStatuses.id)),
  ]);
  const subject = patientRef(patientId);
  return [
    ...bps.map((b) => ({
      resourceType: 'Observation',
      id: `bp-${b.id}`,
      status: 'final',
      category: VITAL_SIGNS,
      code: loincConcept('85354-9', 'Blood pressure panel with all children optional'),
      subject,
      effectiveDateTime: b.measuredOn,
      component: [
        {
          code: loincConcept('8480-6', 'Systolic blood pressure'),
          valueQuantity: quantity(b.systolicMmHg, 'mm[Hg]'),
        },
        {
          code: loincConcept('8462-4', 'Diastolic blood pressure'),
          valueQuantity: quantity(b.diastolicMmHg, 'mm[Hg]'),
        },
      ],
    })),
    ...weights.map((w) => ({
      resourceType: 'Observation',
      id: `weight-${w.id}`,
      status: 'final',
      category: VITAL_SIGNS,
      code: loincConcept('29463-7', 'Body weight'),
      subject,
      effectiveDateTime: w.measuredOn,
      valueQuantity: quantity(Number(w.weightKg), 'kg'),
    })),
    ...heights.map((h) => ({
      resourceType: 'Observation',
      id: `height-${h.id}`,
      status: 'final',
      category: VITAL_SIGNS,
      code: loincConcept('8302-2', 'Body height'),
      subject,
      effectiveDateTime: h.measuredOn,
      valueQuantity: quantity(Number(h.heightCm), 'cm'),
    })),
    ...repro.map((r) => {
      const answer =
        r.pregnancy === 'not-possible' ? undefined : PREGNANCY_LOINC_ANSWERS[r.pregnancy];
      return {
        resourceType: 'Observation',
        id: `pregnancy-${r.id}`,
        status: 'final',
        code: loincConcept('82810-3', 'Pregnancy status'),
        subject,
        effectiveDateTime: r.recordedOn,
        valueCodeableConcept:
          answer === undefined
            ? { text: 'Pregnancy not possible' }
            : { coding: [{ system: SYSTEM.loinc, ...answer }], text: answer.display },
      };
    }),
  ] as FhirResource[];
}

/** Rating scores: one Observation (the total) and one QuestionnaireResponse per response. */
async function scaleResources(ctx: ResourceContext, patientId: string) {
  const rows = await ctx.db
    .select()
    .from(scaleResponses)
    .where(eq(scaleResponses.patientId, patientId))
    .orderBy(asc(scaleResponses.completedAt), asc(scaleResponses.id));
  const observations: FhirResource[] = [];
  const answers: FhirResource[] = [];
  for (const row of rows) {
    const instrument = await findInstrument(ctx.db, ctx.kb, row.instrument);
    if (!instrument) continue;
    const scored = scoreResponse(instrument.definition, row.answers);
    if (!scored.ok) continue;
    const context = {
      subject: patientRef(patientId),
      effectiveDateTime: row.completedAt.toISOString(),
    };
    observations.push({
      ...toFhirObservation(instrument.definition, scored.value, {
        ...context,
        id: `score-${row.id}`,
        questionnaireResponse: { reference: `QuestionnaireResponse/${row.id}` },
      }),
    });
    answers.push({
      ...toFhirQuestionnaireResponse(instrument.definition, scored.value, {
        ...context,
        id: row.id,
      }),
    });
  }
  return { observations, answers };
}

const APPOINTMENT_STATUS = {
  held: 'pending',
  booked: 'booked',
  cancelled: 'cancelled',
  completed: 'fulfilled',
  'no-show': 'noshow',
} as const;

async function appointmentResources(ctx: ResourceContext, patientId: string) {
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

async function carePlanResources(ctx: ResourceContext, patientId: string) {
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
async function medicationRequestResources(ctx: ResourceContext, patientId: string) {
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
async function administrationResources(ctx: ResourceContext, patientId: string) {
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

/** Every resource of one type about a patient (the Patient itself for `Patient`). */
export async function resourcesFor(
  ctx: ResourceContext,
  type: SearchableType,
  patientId: string,
): Promise<FhirResource[]> {
  switch (type) {
    case 'Patient':
      return patientResources(ctx, [patientId]);
    case 'Condition':
      return conditionResources(ctx, patientId);
    case 'MedicationStatement':
      return medicationStatementResources(ctx, patientId);
    case 'AllergyIntolerance':
      return allergyResources(ctx, patientId);
    case 'Observation':
      return [
        ...(await vitalSignResources(ctx, patientId)),
        ...(await scaleResources(ctx, patientId)).observations,
      ];
    case 'QuestionnaireResponse':
      return (await scaleResources(ctx, patientId)).answers;
    case 'Appointment':
      return appointmentResources(ctx, patientId);
    case 'CarePlan':
      return carePlanResources(ctx, patientId);
    case 'MedicationAdministration':
      return administrationResources(ctx, patientId);
    case 'MedicationRequest':
      return medicationRequestResources(ctx, patientId);
  }
}

export { patientResources };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The patient a resource id belongs to, or undefined when there is no such resource. */
export async function ownerOf(
  db: Executor,
  type: SearchableType,
  id: string,
): Promise<string | undefined> {
  let rawId = id;
  let table:
    | typeof conditions
    | typeof medications
    | typeof allergies
    | typeof bloodPressures
    | typeof patientWeights
    | typeof patientHeights
    | typeof reproductiveStatuses
    | typeof scaleResponses
    | typeof appointments
    | typeof courses
    | typeof treatmentSessions;
  switch (type) {
    case 'Patient': {
      if (!UUID.test(id)) return undefined;
      const [row] = await db
        .select({ id: patients.id })
        .from(patients)
        .where(eq(patients.id, id))
        .limit(1);
      return row?.id;
    }
    case 'Condition':
      table = conditions;
      break;
    case 'MedicationStatement':
      table = medications;
      break;
    case 'AllergyIntolerance':
      table = allergies;
      break;
    case 'QuestionnaireResponse':
      table = scaleResponses;
      break;
    case 'Appointment':
      table = appointments;
      break;
    case 'CarePlan':
    case 'MedicationRequest':
      table = courses;
      break;
    case 'MedicationAdministration':
      table = treatmentSessions;
      break;
    case 'Observation': {
      const dash = id.indexOf('-');
      const prefix = id.slice(0, dash);
      rawId = id.slice(dash + 1);
      const tables = {
        bp: bloodPressures,
        weight: patientWeights,
        height: patientHeights,
        pregnancy: reproductiveStatuses,
        score: scaleResponses,
      } as const;
      if (!(prefix in tables)) return undefined;
      table = tables[prefix as keyof typeof tables];
      break;
    }
  }
  if (!UUID.test(rawId)) return undefined;
  const [row] = await db
    .select({ patientId: table.patientId })
    .from(table)
    .where(eq(table.id, rawId))
    .limit(1);
  return row?.patientId;
}
