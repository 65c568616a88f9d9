/**
 * The patient's own record as FHIR R4: Patient, Condition, MedicationStatement,
 * AllergyIntolerance, vital-sign Observations and rating scores (Observation and
 * QuestionnaireResponse). Observation ids carry a prefix naming the table they come from
 * (`bp-`, `weight-`, `height-`, `pregnancy-`, `breastfeeding-`, `score-`). A history list
 * recorded as "none known" adds one IPS-coded resource (history-list-resources.ts).
 */
import { scoreResponse, toFhirObservation, toFhirQuestionnaireResponse } from '@ketaflow/core';
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import {
  allergies,
  bloodPressures,
  conditions,
  fhirLinks,
  medications,
  patientHeights,
  patients,
  patientWeights,
  reproductiveStatuses,
  scaleResponses,
} from '../../db/schema/index';
import { findInstrument } from '../outcomes/instruments';
import { COUNTING } from '../patients/history-lists';
import { noneKnownResources } from './history-list-resources';
import type { FhirResource } from './outcome';
import { readAll } from '../../db/read-all';
import {
  compact,
  loincConcept,
  patientRef,
  BREASTFEEDING_LOINC_ANSWERS,
  PREGNANCY_LOINC_ANSWERS,
  quantity,
  SYSTEM,
  systemUrl,
  VITAL_SIGNS,
  type ResourceContext,
} from './resource-parts';

export async function patientResources(
  ctx: ResourceContext,
  ids: string[],
): Promise<FhirResource[]> {
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

export async function conditionResources(ctx: ResourceContext, patientId: string) {
  const rows = await ctx.db
    .select()
    .from(conditions)
    .where(eq(conditions.patientId, patientId))
    .orderBy(asc(conditions.createdAt), asc(conditions.id));
  const held = rows.filter(COUNTING.conditions).length;
  const entries = rows.map((c) => {
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
  return [...entries, ...(await noneKnownResources(ctx, patientId, 'conditions', held))];
}

export async function medicationStatementResources(ctx: ResourceContext, patientId: string) {
  const rows = await ctx.db
    .select()
    .from(medications)
    .where(eq(medications.patientId, patientId))
    .orderBy(asc(medications.createdAt), asc(medications.id));
  const held = rows.filter(COUNTING.medications).length;
  const entries = rows.map((m) =>
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
  return [...entries, ...(await noneKnownResources(ctx, patientId, 'medications', held))];
}

export async function allergyResources(ctx: ResourceContext, patientId: string) {
  const rows = await ctx.db
    .select()
    .from(allergies)
    .where(eq(allergies.patientId, patientId))
    .orderBy(asc(allergies.createdAt), asc(allergies.id));
  const held = rows.filter(COUNTING.allergies).length;
  const entries = rows.map((a) => {
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
  return [...entries, ...(await noneKnownResources(ctx, patientId, 'allergies', held))];
}

export async function vitalSignResources(ctx: ResourceContext, patientId: string) {
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
    // Each status only where its row states it (null: the row is about the other one).
    ...repro.flatMap((r) => {
      if (r.pregnancy === null) return [];
      const answer =
        r.pregnancy === 'not-possible' ? undefined : PREGNANCY_LOINC_ANSWERS[r.pregnancy];
      return [
        {
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
        },
      ];
    }),
    // A breastfeeding status only where one was recorded: an absent one reads as unknown.
    ...repro.flatMap((r) => {
      if (r.breastfeeding === null || r.breastfeeding === 'unknown') return [];
      const answer = BREASTFEEDING_LOINC_ANSWERS[r.breastfeeding];
      return [
        {
          resourceType: 'Observation',
          id: `breastfeeding-${r.id}`,
          status: 'final',
          code: loincConcept('63895-7', 'Breastfeeding status'),
          subject,
          effectiveDateTime: r.recordedOn,
          valueCodeableConcept: {
            coding: [{ system: SYSTEM.loinc, ...answer }],
            text: answer.display,
          },
        },
      ];
    }),
  ] as FhirResource[];
}

/** Rating scores: one Observation (the total) and one QuestionnaireResponse per response. */
export async function scaleResources(ctx: ResourceContext, patientId: string) {
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
    const scored = scoreResponse(
      instrument.definition,
      row.answers,
      ctx.kb.crisisResources.resources,
    );
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
