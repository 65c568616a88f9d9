/**
 * Transaction Bundle import (Synthea style: `POST` entries, `urn:uuid:` references). Patients are
 * matched on any identifier; every kept resource is linked to the row it made (`fhir_links`), so a
 * second import of the same bundle updates those rows. Resources KetaFlow does not keep are
 * counted and named in the transaction-response.
 */
import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
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
} from '../../db/schema/index';
import { insertPatient } from '../patients/repository';
import { FhirError, operationOutcome, type FhirResource } from './outcome';

type Json = Readonly<Record<string, unknown>>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : undefined;
const arr = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

interface Code {
  readonly system: string | undefined;
  readonly code: string;
  readonly display: string | undefined;
}

function codesOf(concept: unknown): Code[] {
  if (!isObject(concept)) return [];
  return arr(concept.coding).flatMap((c) => {
    if (!isObject(c)) return [];
    const code = str(c.code);
    return code === undefined ? [] : [{ system: str(c.system), code, display: str(c.display) }];
  });
}

function textOf(concept: unknown): string | undefined {
  if (!isObject(concept)) return undefined;
  return str(concept.text) ?? codesOf(concept).find((c) => c.display !== undefined)?.display;
}

const firstCode = (concept: unknown): string | undefined => codesOf(concept)[0]?.code;

function dateOf(resource: Json, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const v = resource[key];
    const s = typeof v === 'string' ? v : isObject(v) ? str(v.start) : undefined;
    if (s !== undefined && /^\d{4}-\d{2}-\d{2}/.test(s)) return s.slice(0, 10);
  }
  return undefined;
}

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
const PREGNANCY: Readonly<Record<string, 'pregnant' | 'not-pregnant' | 'unknown'>> = {
  'LA15173-0': 'pregnant',
  '77386006': 'pregnant',
  'LA26683-5': 'not-pregnant',
  '60001007': 'not-pregnant',
  'LA4489-6': 'unknown',
  '261665006': 'unknown',
};

export interface ImportResult {
  readonly response: FhirResource;
  readonly patientIds: readonly string[];
  readonly kept: Readonly<Record<string, number>>;
  readonly notKept: Readonly<Record<string, number>>;
}

interface Upsert {
  readonly table: string;
  insert(): Promise<string>;
  update(id: string): Promise<void>;
}

async function returningId(rows: { id: string }[]): Promise<string> {
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return Promise.resolve(row.id);
}

export async function importTransaction(
  tx: Transaction,
  bundle: unknown,
  now: Date,
): Promise<ImportResult> {
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle')
    throw new FhirError(400, 'invalid', 'The body must be a FHIR Bundle.', 'Bundle.resourceType');
  if (bundle.type !== 'transaction')
    throw new FhirError(400, 'invalid', 'Only transaction Bundles are accepted.', 'Bundle.type');
  if (!Array.isArray(bundle.entry))
    throw new FhirError(400, 'required', 'Bundle.entry must be an array.', 'Bundle.entry');
  const entries = bundle.entry as unknown[];

  const patientByRef = new Map<string, string>();
  const responses: Record<string, unknown>[] = entries.map(() => ({}));
  const kept: Record<string, number> = {};
  const notKept: Record<string, number> = {};
  const count = (into: Record<string, number>, type: string) => {
    into[type] = (into[type] ?? 0) + 1;
  };

  // Patients first, so that every other entry can find its patient.
  for (const [i, e] of entries.entries()) {
    if (!isObject(e) || !isObject(e.resource))
      throw new FhirError(400, 'invalid', 'Each entry needs a resource.', `Bundle.entry[${i}]`);
    const res = e.resource;
    if (res.resourceType !== 'Patient') continue;
    const path = `Bundle.entry[${i}].resource`;
    const name = arr(res.name).find(isObject);
    const family = str(name?.family);
    const given = str(arr(name?.given)[0]);
    const birthDate = str(res.birthDate);
    if (family === undefined || given === undefined)
      throw new FhirError(
        400,
        'required',
        'The Patient needs a family and a given name.',
        `${path}.name`,
      );
    if (birthDate === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate))
      throw new FhirError(
        400,
        'required',
        'The Patient needs a full birthDate.',
        `${path}.birthDate`,
      );
    const gender = str(res.gender);
    const sex = gender === 'female' || gender === 'male' || gender === 'other' ? gender : 'unknown';
    const keys = arr(res.identifier)
      .filter(isObject)
      .flatMap((id) => {
        const value = str(id.value);
        return value === undefined ? [] : [`Patient|${str(id.system) ?? ''}|${value}`];
      });
    let patientId: string | undefined;
    for (const key of keys) {
      const [link] = await tx
        .select({ patientId: fhirLinks.patientId })
        .from(fhirLinks)
        .where(eq(fhirLinks.sourceKey, key))
        .limit(1);
      if (link) {
        patientId = link.patientId;
        break;
      }
    }
    const telecom = arr(res.telecom).filter(isObject);
    const address = arr(res.address).find(isObject);
    const contact = {
      email: str(telecom.find((t) => t.system === 'email')?.value),
      phone: str(telecom.find((t) => t.system === 'phone')?.value),
      addressLine: str(arr(address?.line)[0]),
      city: str(address?.city),
      postalCode: str(address?.postalCode),
    };
    const present = Object.fromEntries(
      Object.entries(contact).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    let status = '200 OK';
    if (patientId === undefined) {
      patientId = (
        await insertPatient(
          tx,
          { givenName: given, familyName: family, birthDate, sex, ...present },
          now,
        )
      ).id;
      status = '201 Created';
    } else {
      await tx
        .update(patients)
        .set({
          givenName: given,
          familyName: family,
          birthDate,
          sex,
          email: contact.email ?? null,
          phone: contact.phone ?? null,
          addressLine: contact.addressLine ?? null,
          city: contact.city ?? null,
          postalCode: contact.postalCode ?? null,
          updatedAt: now,
        })
        .where(eq(patients.id, patientId));
    }
    for (const key of keys)
      await tx
        .insert(fhirLinks)
        .values({ sourceKey: key, patientId, targetTable: 'patients', targetId: patientId })
        .onConflictDoNothing();
    const url = str(e.fullUrl);
    if (url !== undefined) patientByRef.set(url, patientId);
    const id = str(res.id);
    if (id !== undefined) patientByRef.set(`Patient/${id}`, patientId);
    count(kept, 'Patient');
    responses[i] = { status, location: `Patient/${patientId}` };
  }

  for (const [i, e] of entries.entries()) {
    const entry = e as Json;
    const res = entry.resource as Json;
    const type = typeof res.resourceType === 'string' ? res.resourceType : 'unknown';
    if (type === 'Patient') continue;
    const subject = isObject(res.subject)
      ? res.subject
      : isObject(res.patient)
        ? res.patient
        : undefined;
    const patientId = patientByRef.get(str(subject?.reference) ?? '');
    const upsert = patientId === undefined ? undefined : plan(tx, res, type, patientId, now);
    if (patientId === undefined || upsert === undefined) {
      count(notKept, type);
      responses[i] = {
        status: '200 OK',
        outcome: operationOutcome(
          'information',
          'not-supported',
          patientId === undefined
            ? `${type} not kept: KetaFlow keeps only resources about a patient in the bundle.`
            : `${type} not kept: KetaFlow does not keep this kind of ${type}.`,
          `Bundle.entry[${i}]`,
        ),
      };
      continue;
    }
    const key = `${patientId}|${type}|${str(res.id) ?? str(entry.fullUrl) ?? String(i)}`;
    const [link] = await tx
      .select({ targetId: fhirLinks.targetId })
      .from(fhirLinks)
      .where(and(eq(fhirLinks.sourceKey, key), eq(fhirLinks.targetTable, upsert.table)))
      .limit(1);
    let targetId: string;
    if (link) {
      targetId = link.targetId;
      await upsert.update(targetId);
      await tx.update(fhirLinks).set({ updatedAt: now }).where(eq(fhirLinks.sourceKey, key));
      responses[i] = { status: '200 OK' };
    } else {
      targetId = await upsert.insert();
      await tx
        .insert(fhirLinks)
        .values({ sourceKey: key, patientId, targetTable: upsert.table, targetId });
      responses[i] = { status: '201 Created' };
    }
    count(kept, type);
    responses[i] = { ...responses[i], location: locationOf(type, upsert.table, targetId) };
  }

  const summary = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([t, n]) => `${t} ${String(n)}`)
      .join(', ') || 'none';
  return {
    kept,
    notKept,
    patientIds: [...new Set(patientByRef.values())],
    response: {
      resourceType: 'Bundle',
      type: 'transaction-response',
      entry: responses.map((response, i) =>
        i === 0
          ? {
              response: {
                ...response,
                outcome: {
                  ...operationOutcome(
                    'information',
                    'informational',
                    `Kept: ${summary(kept)}. Not kept: ${summary(notKept)}.`,
                  ),
                },
              },
            }
          : { response },
      ),
    },
  };
}

function locationOf(type: string, table: string, id: string): string {
  if (type !== 'Observation')
    return `${type === 'MedicationRequest' ? 'MedicationStatement' : type}/${id}`;
  const prefix: Readonly<Record<string, string>> = {
    blood_pressures: 'bp',
    patient_weights: 'weight',
    patient_heights: 'height',
    reproductive_statuses: 'pregnancy',
  };
  return `Observation/${prefix[table] ?? table}-${id}`;
}

/** How one resource becomes (or updates) a KetaFlow row; undefined when KetaFlow does not keep it. */
function plan(
  tx: Transaction,
  res: Json,
  type: string,
  patientId: string,
  now: Date,
): Upsert | undefined {
  switch (type) {
    case 'Condition': {
      const coding = codesOf(res.code).find((c) => SHORT_SYSTEMS[c.system ?? ''] !== undefined);
      const codeSystem = coding === undefined ? null : (SHORT_SYSTEMS[coding.system ?? ''] ?? null);
      const clinical = firstCode(res.clinicalStatus) ?? 'active';
      const verification = firstCode(res.verificationStatus) ?? 'unconfirmed';
      const values = {
        text: textOf(res.code) ?? coding?.code ?? 'condition without text',
        codeSystem: codeSystem === 'rxnorm' ? null : codeSystem,
        code: codeSystem === 'rxnorm' ? null : (coding?.code ?? null),
        clinicalStatus: CLINICAL.includes(clinical) ? clinical : 'active',
        verificationStatus: VERIFICATION.includes(verification) ? verification : 'unconfirmed',
        onsetDate: dateOf(res, ['onsetDateTime', 'onsetPeriod']) ?? null,
        abatementDate: dateOf(res, ['abatementDateTime', 'abatementPeriod']) ?? null,
      };
      return {
        table: 'conditions',
        insert: async () =>
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
      const concept = res.medicationCodeableConcept;
      const rx = codesOf(concept).find((c) => c.system === RXNORM);
      const dosage = arr(type === 'MedicationRequest' ? res.dosageInstruction : res.dosage).find(
        isObject,
      );
      const values = {
        text:
          textOf(concept) ??
          str((res.medicationReference as Json | undefined)?.display) ??
          'medication without text',
        rxnormCode: rx?.code ?? null,
        doseText: str(dosage?.text) ?? null,
        status: MED_STATUS[str(res.status) ?? 'unknown'] ?? 'active',
        startedOn:
          dateOf(res, ['authoredOn', 'effectiveDateTime', 'effectivePeriod', 'dateAsserted']) ??
          null,
        stoppedOn: isObject(res.effectivePeriod)
          ? (dateOf(res.effectivePeriod, ['end']) ?? null)
          : null,
        updatedAt: now,
      };
      return {
        table: 'medications',
        insert: async () =>
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
      const clinical = firstCode(res.clinicalStatus);
      const criticality = str(res.criticality);
      const reaction = arr(res.reaction).find(isObject);
      const values = {
        substance: textOf(res.code) ?? coding?.code ?? 'substance without text',
        codeSystem:
          coding?.system === undefined ? null : (SHORT_SYSTEMS[coding.system] ?? coding.system),
        code: coding?.code ?? null,
        reaction: textOf(arr(reaction?.manifestation)[0]) ?? null,
        criticality:
          criticality === 'low' || criticality === 'high' || criticality === 'unable-to-assess'
            ? criticality
            : null,
        status: clinical === 'inactive' || clinical === 'resolved' ? clinical : 'active',
      };
      return {
        table: 'allergies',
        insert: async () =>
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
      return planObservation(tx, res, patientId, now);
    default:
      return undefined;
  }
}

function planObservation(
  tx: Transaction,
  res: Json,
  patientId: string,
  now: Date,
): Upsert | undefined {
  const status = str(res.status);
  if (status === 'entered-in-error' || status === 'cancelled') return undefined;
  const loinc = codesOf(res.code)
    .filter((c) => c.system === LOINC)
    .map((c) => c.code);
  const date = dateOf(res, ['effectiveDateTime', 'effectivePeriod', 'issued']);
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
    const values = { systolicMmHg: systolic, diastolicMmHg: diastolic, measuredOn: date };
    return {
      table: 'blood_pressures',
      insert: async () =>
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
    const values = {
      weightKg: (value * factor).toFixed(3),
      enteredValue: (isLb ? value : value * factor).toFixed(3),
      enteredUnit: isLb ? ('lb' as const) : ('kg' as const),
      measuredOn: date,
    };
    return {
      table: 'patient_weights',
      insert: async () =>
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
    const values = { heightCm: (value * factor).toFixed(2), measuredOn: date };
    return {
      table: 'patient_heights',
      insert: async () =>
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
  if (loinc.includes('82810-3')) {
    const answer =
      codesOf(res.valueCodeableConcept)
        .map((c) => PREGNANCY[c.code])
        .find((s) => s !== undefined) ?? 'unknown';
    const values = { pregnancy: answer, recordedOn: date };
    return {
      table: 'reproductive_statuses',
      insert: async () =>
        returningId(
          await tx
            .insert(reproductiveStatuses)
            .values({
              patientId,
              ...values,
              breastfeeding: 'unknown',
              source: 'clinic',
              createdAt: now,
            })
            .returning({ id: reproductiveStatuses.id }),
        ),
      update: async (id) => {
        await tx.update(reproductiveStatuses).set(values).where(eq(reproductiveStatuses.id, id));
      },
    };
  }
  return undefined;
}
