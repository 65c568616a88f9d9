/**
 * How one imported FHIR resource becomes a KetaFlow row, or updates the row an earlier import
 * made: conditions, medicines, allergies and vital-sign, pregnancy or breastfeeding status
 * Observations. Anything else
 * is not kept, and the caller counts it.
 */
import { medicationConceptOf, type MedicationIndex } from '@ketaflow/core';
import { eq } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import {
  allergies,
  bloodPressures,
  conditions,
  medications,
  patientHeights,
  patientWeights,
} from '../../db/schema/index';
import {
  arr,
  codesOf,
  dateOf,
  firstCode,
  isObject,
  located,
  str,
  textAt,
  type Json,
} from './fhir-read';
import { fit, MAX_CHARS } from './import-limits';
import { planReproductiveStatus, type Upsert } from './import-reproductive';
import { FhirError } from './outcome';

const SHORT_SYSTEMS: Readonly<Record<string, string>> = {
  'http://snomed.info/sct': 'snomed',
  'http://hl7.org/fhir/sid/icd-10-cm': 'icd10cm',
  'http://www.nlm.nih.gov/research/umls/rxnorm': 'rxnorm',
};
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const LOINC = 'http://loinc.org';

const CLINICAL = ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved'];
const VERIFICATION = [
  'unconfirmed',
  'provisional',
  'differential',
  'confirmed',
  'refuted',
  'entered-in-error',
];
const MED_STATUS: Readonly<Record<string, string>> = {
  active: 'active',
  'on-hold': 'on-hold',
  completed: 'completed',
  stopped: 'stopped',
  'entered-in-error': 'entered-in-error',
  cancelled: 'stopped',
  'not-taken': 'stopped',
  intended: 'active',
  draft: 'active',
  unknown: 'active',
};

async function returningId(rows: { id: string }[]): Promise<string> {
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return Promise.resolve(row.id);
}

/**
 * The bounds a kept vital sign must be within: the same as the API's (weights and heights as
 * entered, blood pressures as the table checks them). Storage and plausibility ranges, not
 * clinical thresholds; a value outside them is refused, naming the element.
 */
const MAX_ENTERED_WEIGHT = 1500;
const MIN_WEIGHT_KG = 0.001;
const MAX_ENTERED_HEIGHT = 300;
const MIN_HEIGHT_CM = 0.01;
const SYSTOLIC = [30, 320] as const;
const DIASTOLIC = [10, 250] as const;

function outOfRange(path: string, what: string): FhirError {
  return new FhirError(400, 'value', `${path}: ${what}`, path);
}

/**
 * How one resource becomes (or updates) a KetaFlow row; undefined when KetaFlow does not keep it.
 * `path` is the resource's place in the Bundle, for errors. It reads the resource alone, never
 * the database, and is told its patient only when it inserts: the checks plan each entry before
 * its patient exists, and the writes use that same plan.
 */
export function plan(
  tx: Transaction,
  res: Json,
  type: string,
  now: Date,
  path: string,
  medicationsInBundle: MedicationIndex,
): Upsert | undefined {
  switch (type) {
    case 'Condition': {
      const coding = codesOf(res.code).find((c) => SHORT_SYSTEMS[c.system ?? ''] !== undefined);
      const codeSystem = coding === undefined ? null : (SHORT_SYSTEMS[coding.system ?? ''] ?? null);
      const clinical = firstCode(res.clinicalStatus) ?? 'active';
      const verification = firstCode(res.verificationStatus) ?? 'unconfirmed';
      const codePath = `${path}.code.coding[${String(coding?.index)}].code`;
      const values = {
        text:
          fit(
            textAt(res.code, `${path}.code`) ?? located(coding?.code, codePath),
            MAX_CHARS.recordText,
          ) ?? 'condition without text',
        codeSystem: codeSystem === 'rxnorm' ? null : codeSystem,
        code:
          codeSystem === 'rxnorm'
            ? null
            : (fit(located(coding?.code, codePath), MAX_CHARS.code) ?? null),
        clinicalStatus: CLINICAL.includes(clinical) ? clinical : 'active',
        verificationStatus: VERIFICATION.includes(verification) ? verification : 'unconfirmed',
        onsetDate: dateOf(res, ['onsetDateTime', 'onsetPeriod'], path) ?? null,
        abatementDate: dateOf(res, ['abatementDateTime', 'abatementPeriod'], path) ?? null,
      };
      return {
        table: 'conditions',
        insert: async (patientId) =>
          returningId(
            await tx
              .insert(conditions)
              .values({ patientId, ...values, createdAt: now })
              .returning({ id: conditions.id }),
          ),
        update: async (id) => {
          await tx.update(conditions).set(values).where(eq(conditions.id, id));
        },
      };
    }
    case 'MedicationStatement':
    case 'MedicationRequest': {
      // Named in place or by a reference to a Medication (contained or in the bundle): its code
      // is what screening reads, so it is kept with the statement.
      const named = medicationConceptOf(res, path, medicationsInBundle);
      const concept = named?.concept;
      const conceptPath = named?.path ?? `${path}.medicationCodeableConcept`;
      const rx = codesOf(concept).find((c) => c.system === RXNORM);
      const dosageKey = type === 'MedicationRequest' ? 'dosageInstruction' : 'dosage';
      const dosages = arr(res[dosageKey]);
      const dosageAt = dosages.findIndex(isObject);
      const dosage = dosages[dosageAt] as Json | undefined;
      const reference = isObject(res.medicationReference) ? res.medicationReference : undefined;
      const values = {
        text:
          fit(
            textAt(concept, conceptPath) ??
              located(str(reference?.display), `${path}.medicationReference.display`),
            MAX_CHARS.recordText,
          ) ?? 'medication without text',
        rxnormCode:
          fit(
            located(rx?.code, `${conceptPath}.coding[${String(rx?.index)}].code`),
            MAX_CHARS.rxnormCode,
          ) ?? null,
        doseText:
          fit(
            located(str(dosage?.text), `${path}.${dosageKey}[${String(dosageAt)}].text`),
            MAX_CHARS.doseText,
          ) ?? null,
        status: MED_STATUS[str(res.status) ?? 'unknown'] ?? 'active',
        startedOn:
          dateOf(
            res,
            ['authoredOn', 'effectiveDateTime', 'effectivePeriod', 'dateAsserted'],
            path,
          ) ?? null,
        stoppedOn: isObject(res.effectivePeriod)
          ? (dateOf(res.effectivePeriod, ['end'], `${path}.effectivePeriod`) ?? null)
          : null,
        updatedAt: now,
      };
      return {
        table: 'medications',
        insert: async (patientId) =>
          returningId(
            await tx
              .insert(medications)
              .values({ patientId, ...values, createdAt: now })
              .returning({ id: medications.id }),
          ),
        update: async (id) => {
          await tx.update(medications).set(values).where(eq(medications.id, id));
        },
      };
    }
    case 'AllergyIntolerance': {
      const coding = codesOf(res.code)[0];
      const codePath = `${path}.code.coding[${String(coding?.index)}].code`;
      const clinical = firstCode(res.clinicalStatus);
      const criticality = str(res.criticality);
      const reactions = arr(res.reaction);
      const reactionAt = reactions.findIndex(isObject);
      const reaction = reactions[reactionAt] as Json | undefined;
      const values = {
        substance:
          fit(
            textAt(res.code, `${path}.code`) ?? located(coding?.code, codePath),
            MAX_CHARS.substance,
          ) ?? 'substance without text',
        codeSystem:
          coding?.system === undefined ? null : (SHORT_SYSTEMS[coding.system] ?? coding.system),
        code: fit(located(coding?.code, codePath), MAX_CHARS.code) ?? null,
        reaction:
          fit(
            textAt(
              arr(reaction?.manifestation)[0],
              `${path}.reaction[${String(reactionAt)}].manifestation[0]`,
            ),
            MAX_CHARS.reaction,
          ) ?? null,
        criticality:
          criticality === 'low' || criticality === 'high' || criticality === 'unable-to-assess'
            ? criticality
            : null,
        status: clinical === 'inactive' || clinical === 'resolved' ? clinical : 'active',
      };
      return {
        table: 'allergies',
        insert: async (patientId) =>
          returningId(
            await tx
              .insert(allergies)
              .values({ patientId, ...values, createdAt: now })
              .returning({ id: allergies.id }),
          ),
        update: async (id) => {
          await tx.update(allergies).set(values).where(eq(allergies.id, id));
        },
      };
    }
    case 'Observation':
      return planObservation(tx, res, now, path);
    default:
      return undefined;
  }
}

function planObservation(tx: Transaction, res: Json, now: Date, path: string): Upsert | undefined {
  const status = str(res.status);
  if (status === 'entered-in-error' || status === 'cancelled') return undefined;
  const loinc = codesOf(res.code)
    .filter((c) => c.system === LOINC)
    .map((c) => c.code);
  const date = dateOf(res, ['effectiveDateTime', 'effectivePeriod', 'issued'], path);
  if (date === undefined) return undefined;
  const q = isObject(res.valueQuantity) ? res.valueQuantity : undefined;
  const value = typeof q?.value === 'number' ? q.value : undefined;
  const unit = str(q?.code) ?? str(q?.unit);
  if (loinc.includes('85354-9') || loinc.includes('55284-4')) {
    const part = (code: string) => {
      const c = arr(res.component)
        .filter(isObject)
        .find((comp) => codesOf(comp.code).some((x) => x.code === code));
      const v = isObject(c?.valueQuantity) ? c.valueQuantity.value : undefined;
      return typeof v === 'number' ? Math.round(v) : undefined;
    };
    const systolic = part('8480-6');
    const diastolic = part('8462-4');
    if (systolic === undefined || diastolic === undefined) return undefined;
    if (systolic < SYSTOLIC[0] || systolic > SYSTOLIC[1])
      throw outOfRange(
        `${path}.component`,
        `systolic ${String(systolic)} mmHg is outside ${String(SYSTOLIC[0])} to ${String(SYSTOLIC[1])} mmHg.`,
      );
    if (diastolic < DIASTOLIC[0] || diastolic > DIASTOLIC[1])
      throw outOfRange(
        `${path}.component`,
        `diastolic ${String(diastolic)} mmHg is outside ${String(DIASTOLIC[0])} to ${String(DIASTOLIC[1])} mmHg.`,
      );
    const values = { systolicMmHg: systolic, diastolicMmHg: diastolic, measuredOn: date };
    return {
      table: 'blood_pressures',
      insert: async (patientId) =>
        returningId(
          await tx
            .insert(bloodPressures)
            .values({ patientId, ...values, source: 'clinic', createdAt: now })
            .returning({ id: bloodPressures.id }),
        ),
      update: async (id) => {
        await tx.update(bloodPressures).set(values).where(eq(bloodPressures.id, id));
      },
    };
  }
  if (loinc.includes('29463-7') && value !== undefined) {
    const factor =
      unit === 'kg'
        ? 1
        : unit === 'g'
          ? 0.001
          : unit === '[lb_av]' || unit === 'lb'
            ? 0.45359237
            : undefined;
    if (factor === undefined || value <= 0) return undefined;
    const isLb = factor !== 1 && factor !== 0.001;
    const entered = isLb ? value : value * factor;
    if (entered > MAX_ENTERED_WEIGHT || value * factor < MIN_WEIGHT_KG)
      throw outOfRange(
        `${path}.valueQuantity`,
        `a weight of ${String(value)} ${unit ?? ''} is outside ${String(MIN_WEIGHT_KG)} kg to ${String(MAX_ENTERED_WEIGHT)} ${isLb ? 'lb' : 'kg'}.`,
      );
    const values = {
      weightKg: (value * factor).toFixed(3),
      enteredValue: (isLb ? value : value * factor).toFixed(3),
      enteredUnit: isLb ? ('lb' as const) : ('kg' as const),
      measuredOn: date,
    };
    return {
      table: 'patient_weights',
      insert: async (patientId) =>
        returningId(
          await tx
            .insert(patientWeights)
            .values({ patientId, ...values, createdAt: now })
            .returning({ id: patientWeights.id }),
        ),
      update: async (id) => {
        await tx.update(patientWeights).set(values).where(eq(patientWeights.id, id));
      },
    };
  }
  if (loinc.includes('8302-2') && value !== undefined) {
    const factor = unit === 'cm' ? 1 : unit === 'm' ? 100 : unit === '[in_i]' ? 2.54 : undefined;
    if (factor === undefined || value <= 0) return undefined;
    const entered = factor === 2.54 ? value : value * factor;
    if (entered > MAX_ENTERED_HEIGHT || value * factor < MIN_HEIGHT_CM)
      throw outOfRange(
        `${path}.valueQuantity`,
        `a height of ${String(value)} ${unit ?? ''} is outside ${String(MIN_HEIGHT_CM)} cm to ${String(MAX_ENTERED_HEIGHT)} ${factor === 2.54 ? 'in' : 'cm'}.`,
      );
    const values = { heightCm: (value * factor).toFixed(2), measuredOn: date };
    return {
      table: 'patient_heights',
      insert: async (patientId) =>
        returningId(
          await tx
            .insert(patientHeights)
            .values({ patientId, ...values, createdAt: now })
            .returning({ id: patientHeights.id }),
        ),
      update: async (id) => {
        await tx.update(patientHeights).set(values).where(eq(patientHeights.id, id));
      },
    };
  }
  return planReproductiveStatus(tx, res, loinc, date, now);
}
