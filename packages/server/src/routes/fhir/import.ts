/**
 * Transaction Bundle import (Synthea style: `POST` entries, `urn:uuid:` references). Patients are
 * matched on any identifier; every kept resource is linked to the row it made (`fhir_links`), so a
 * second import of the same bundle updates those rows. Resources KetaFlow does not keep are
 * counted and named in the transaction-response. An IPS "none known" statement records the
 * list's none-known statement instead of a row (import-history-lists.ts). Every entry is checked
 * and planned before anything is written (import-validation.ts), and all the problems found refuse
 * it together; the writes carry out those plans. An entry id that already names another kind of row
 * is a conflict found while writing, and refuses the transaction too, as do two entries that are
 * one resource (refused by the checks, or while writing when they prove to be about one patient)
 * and two Patient entries that are one patient (sharing an identifier, or linked to one record by
 * an earlier import). Imports of the same patient take turns (import-locks.ts).
 */
import { medicationIndex } from '@ketaflow/core';
import { eq } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { fhirLinks, patients } from '../../db/schema/index';
import { insertPatient } from '../patients/repository';
import { FhirError, operationOutcome, type FhirResource } from './outcome';
import { isObject, str, type Json, type Located } from './fhir-read';
import {
  applyListStatements,
  listOfEntry,
  listStatementOf,
  type ListStatement,
} from './import-history-lists';
import { entryLinkKey, entrySourceOf } from './import-limits';
import { lockPatientIdentifiers, lockPatientIds } from './import-locks';
import { checkImport, patientReferenceOf } from './import-validation';
import type { HistoryList } from '../patients/history-lists';

export interface ImportResult {
  readonly response: FhirResource;
  readonly patientIds: readonly string[];
  readonly kept: Readonly<Record<string, number>>;
  readonly notKept: Readonly<Record<string, number>>;
  /** Per patient, the history lists this import recorded as "none known" (IPS codes). */
  readonly noneKnown: Readonly<Record<string, readonly HistoryList[]>>;
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
  // A statement or request may name its medicine by a reference to a Medication entry.
  const medicationsInBundle = medicationIndex(entries, 'Bundle.entry');
  const checked = await checkImport(tx, entries, now, medicationsInBundle);

  // Every reference a write resolves: KetaFlow patients named as `Patient/<id>` (found by the
  // checks), then each Patient of the Bundle as it is kept.
  const patientByRef = new Map<string, string>(checked.known);
  const responses: Record<string, unknown>[] = entries.map(() => ({}));
  const kept: Record<string, number> = {};
  const notKept: Record<string, number> = {};
  const count = (into: Record<string, number>, type: string) => {
    into[type] = (into[type] ?? 0) + 1;
  };

  // Another import of the same patient waits for this one (import-locks.ts): each identifier is
  // locked before it is looked up, and every patient written about before anything is written.
  await lockPatientIdentifiers(
    tx,
    [...checked.patients.values()].flatMap((fields) => fields.keys),
  );
  const found = new Map<number, string>();
  for (const [i, { keys }] of checked.patients) {
    const patientId = await patientKnownBy(tx, keys);
    if (patientId !== undefined) found.set(i, patientId);
  }
  await lockPatientIds(tx, [...checked.known.values(), ...found.values()]);
  assertDifferentPatients(found);

  // Patients first, so that every other entry can find its patient.
  for (const [i, fields] of checked.patients) {
    const e = entries[i] as Json;
    const res = e.resource as Json;
    const { contact } = fields;
    // Not found is new: no earlier Patient entry of this Bundle shares an identifier (the checks).
    let patientId = found.get(i);
    const present = Object.fromEntries(
      Object.entries(contact).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    const { givenName, familyName, birthDate, sex } = fields;
    let status = '200 OK';
    if (patientId === undefined) {
      patientId = (
        await insertPatient(tx, { givenName, familyName, birthDate, sex, ...present }, now)
      ).id;
      status = '201 Created';
    } else {
      await tx
        .update(patients)
        .set({
          givenName,
          familyName,
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
    for (const key of fields.keys)
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

  // IPS "none known" / "no information" statements wait until every entry is kept: an entry of
  // the list anywhere in the bundle wins over "none known".
  const statements: ListStatement[] = [];
  const keptEntries = new Map<string, { patientId: string; list: HistoryList }>();
  const linkedHere = new Map<string, number>();
  for (const [i, e] of entries.entries()) {
    const entry = e as Json;
    const res = entry.resource as Json;
    const type = typeof res.resourceType === 'string' ? res.resourceType : 'unknown';
    if (type === 'Patient') continue;
    const { reference } = patientReferenceOf(res, i);
    const patientId = patientByRef.get(reference ?? '');
    const statement =
      patientId === undefined
        ? undefined
        : listStatementOf(res, type, patientId, i, medicationsInBundle);
    if (statement !== undefined) {
      statements.push(statement);
      continue;
    }
    // Planned by the checks; nothing a write does changes how a resource reads.
    const upsert = patientId === undefined ? undefined : checked.plans.get(i);
    if (patientId === undefined || upsert === undefined) {
      count(notKept, type);
      const why =
        type === 'Medication'
          ? 'Medication not kept on its own: KetaFlow keeps the name and codes of a medicine with the MedicationStatement or MedicationRequest that references it.'
          : patientId === undefined
            ? `${type} not kept: KetaFlow keeps only resources about a patient in the bundle or a KetaFlow patient (Patient/<id>).`
            : `${type} not kept: KetaFlow does not keep this kind of ${type}.`;
      responses[i] = {
        status: '200 OK',
        outcome: operationOutcome('information', 'not-supported', why, `Bundle.entry[${i}]`),
      };
      continue;
    }
    const key = entryLinkKey(patientId, type, entry, i);
    const [link] = await tx
      .select({ targetId: fhirLinks.targetId, targetTable: fhirLinks.targetTable })
      .from(fhirLinks)
      .where(eq(fhirLinks.sourceKey, key))
      .limit(1);
    if (link !== undefined && link.targetTable !== upsert.table)
      throw linkConflict(entrySourceOf(entry, i), type, link.targetTable, upsert.table);
    // The checks refuse two entries that are one resource; an entry about a Patient of the Bundle
    // and one about `Patient/<id>` that turn out to be one KetaFlow patient make that known only now.
    const earlier = linkedHere.get(key);
    if (earlier !== undefined) throw sameResource(entrySourceOf(entry, i), type, i, earlier);
    linkedHere.set(key, i);
    let targetId: string;
    if (link) {
      targetId = link.targetId;
      await upsert.update(targetId);
      await tx.update(fhirLinks).set({ updatedAt: now }).where(eq(fhirLinks.sourceKey, key));
      responses[i] = { status: '200 OK' };
    } else {
      targetId = await upsert.insert(patientId);
      await tx
        .insert(fhirLinks)
        .values({ sourceKey: key, patientId, targetTable: upsert.table, targetId });
      responses[i] = { status: '201 Created' };
    }
    count(kept, type);
    const list = listOfEntry(type);
    if (list !== undefined) keptEntries.set(`${patientId}|${list}`, { patientId, list });
    responses[i] = {
      ...responses[i],
      location: locationOf(type, upsert.prefix ?? upsert.table, targetId),
    };
  }
  const { noneKnown } = await applyListStatements(
    tx,
    statements,
    keptEntries.values(),
    now,
    (index, type, response, wasKept) => {
      responses[index] = response;
      count(wasKept ? kept : notKept, type);
    },
  );

  const summary = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([t, n]) => `${t} ${String(n)}`)
      .join(', ') || 'none';
  return {
    kept,
    notKept,
    noneKnown,
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

/** The KetaFlow patient an earlier import linked to one of `keys`, if any. */
async function patientKnownBy(
  tx: Transaction,
  keys: readonly string[],
): Promise<string | undefined> {
  for (const key of keys) {
    const [link] = await tx
      .select({ patientId: fhirLinks.patientId })
      .from(fhirLinks)
      .where(eq(fhirLinks.sourceKey, key))
      .limit(1);
    if (link) return link.patientId;
  }
  return undefined;
}

/** What a row of a table is, in words, for an Observation whose id names two kinds of row. */
const KIND_OF_ROW: Readonly<Record<string, string>> = {
  blood_pressures: 'a blood pressure',
  patient_weights: 'a weight',
  patient_heights: 'a height',
  reproductive_statuses: 'a pregnancy or breastfeeding status',
};
const kindOfRow = (table: string) => KIND_OF_ROW[table] ?? `a row of ${table.replace(/_/g, ' ')}`;

/**
 * An entry whose id (or fullUrl) already names a row of another kind for the same patient, made
 * by an earlier import or an earlier entry of this Bundle: one link cannot name two rows, and
 * overwriting the first would lose it, so the transaction is refused and writes nothing.
 */
function linkConflict(source: Located, type: string, had: string, wanted: string): FhirError {
  return new FhirError(
    409,
    'conflict',
    `${source.path}: ${type} ${source.value} is already kept for this patient as ${kindOfRow(had)} (from an earlier import or an earlier entry of this Bundle), so it cannot also be ${kindOfRow(wanted)}. Give each resource its own id.`,
    source.path,
  );
}

/**
 * Two Patient entries an earlier import linked to one KetaFlow patient (by different identifiers:
 * the checks refuse a shared one) would be written as one record, the later overwriting the
 * earlier, so the later is refused, before anything is written.
 */
function assertDifferentPatients(found: ReadonlyMap<number, string>): void {
  const entryOf = new Map<string, number>();
  for (const [index, patientId] of found) {
    const earlier = entryOf.get(patientId);
    if (earlier === undefined) {
      entryOf.set(patientId, index);
      continue;
    }
    const at = `Bundle.entry[${String(index)}]`;
    throw new FhirError(
      400,
      'invalid',
      `${at}: this Patient and Bundle.entry[${String(earlier)}] are one KetaFlow patient (Patient/${patientId}), linked by an earlier import to the identifiers of both, so the later would overwrite the earlier. Send each patient in one entry.`,
      at,
    );
  }
}

/** The entry at `index` is the resource of the entry at `earlier`, for one KetaFlow patient. */
function sameResource(source: Located, type: string, index: number, earlier: number): FhirError {
  const at = `Bundle.entry[${String(index)}]`;
  return new FhirError(
    400,
    'invalid',
    `${at}: ${type} ${source.value} (${source.path}) is the same resource as Bundle.entry[${String(earlier)}], since both are about the same KetaFlow patient. The entries of a transaction must each be a different resource.`,
    at,
  );
}

/** `table` is the Upsert's Observation prefix when it has one (`breastfeeding`). */
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
