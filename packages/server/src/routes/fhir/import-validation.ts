/**
 * The validation phase of a transaction Bundle import, before anything is written: every entry is
 * read as the import would keep it, and every problem found is answered together (one issue
 * each, naming its element, at most MAX_ISSUES), so that an integrator fixes a Bundle in one round.
 * Any problem refuses the whole transaction.
 */
import type { MedicationIndex } from '@ketaflow/core';
import type { Transaction } from '../../db/client';
import { isObject, str, type Json } from './fhir-read';
import { checkTransactionEntry, earlierWithFullUrl, fullUrlsOf } from './import-checks';
import { listStatementOf } from './import-history-lists';
import { entryLinkKey, entrySourceOf } from './import-limits';
import { readPatient, type PatientFields } from './import-patient';
import { plan } from './import-plan';
import type { Upsert } from './import-reproductive';
import { FhirError, Problems } from './outcome';
import { ownerOf } from './resources';

/**
 * Stands for a patient this import has yet to create while its entries are checked: a UUID like
 * every patient id, so link keys are measured at their real length. Checks write nothing, so it is
 * never stored.
 */
const PATIENT_TO_CREATE = '00000000-0000-0000-0000-000000000000';

export interface CheckedImport {
  /** Each Patient entry's fields, by its place in the Bundle. */
  readonly patients: ReadonlyMap<number, PatientFields>;
  /** `Patient/<id>` references to KetaFlow patients (not entries of the Bundle), with their ids. */
  readonly known: ReadonlyMap<string, string>;
  /**
   * How each entry the import keeps as a row is written, by its place in the Bundle: planned once,
   * here, and written as planned. An entry not in it is not kept.
   */
  readonly plans: ReadonlyMap<number, Upsert>;
}

/** The reference to the patient a resource is about (`subject`, else `patient`), and its place. */
export function patientReferenceOf(
  res: Json,
  index: number,
): { readonly reference: string | undefined; readonly path: string } {
  const field = isObject(res.subject) ? 'subject' : isObject(res.patient) ? 'patient' : undefined;
  return {
    reference: field === undefined ? undefined : str((res[field] as Json).reference),
    path: `Bundle.entry[${String(index)}].resource.${field ?? 'subject'}.reference`,
  };
}

/**
 * What the Bundle's Patients answer to (fullUrl, `Patient/<id>`), as the writes resolve it, each
 * with the place of its Patient entry.
 */
function patientReferencesOf(entries: readonly unknown[]): ReadonlyMap<string, number> {
  const refs = new Map<string, number>();
  for (const [index, e] of entries.entries()) {
    if (!isObject(e) || !isObject(e.resource) || e.resource.resourceType !== 'Patient') continue;
    const url = str(e.fullUrl);
    if (url !== undefined) refs.set(url, index);
    const id = str(e.resource.id);
    if (id !== undefined) refs.set(`Patient/${id}`, index);
  }
  return refs;
}

/** Throws every problem of the Bundle's entries together; else what the writes need. */
export async function checkImport(
  tx: Transaction,
  entries: readonly unknown[],
  now: Date,
  medicationsInBundle: MedicationIndex,
): Promise<CheckedImport> {
  const problems = new Problems();
  const fullUrls = fullUrlsOf(entries);
  const inBundle = patientReferencesOf(entries);
  const patients = new Map<number, PatientFields>();
  const known = new Map<string, string>();
  const plans = new Map<number, Upsert>();
  const sameResource = new RepeatedEntries();
  const samePatient = new PatientIdentifiers();
  // Entry by entry, so that the problems are listed (and cut at MAX_ISSUES) in Bundle order.
  for (const [index, entry] of entries.entries()) {
    if (!checkTransactionEntry(entry, index, fullUrls, problems)) continue;
    const e = entry as Json;
    const res = e.resource as Json;
    const type = res.resourceType;
    const path = `Bundle.entry[${String(index)}].resource`;
    if (type === 'Patient') {
      const fields = readPatient(res, path, problems);
      if (fields === undefined) continue;
      problems.attempt(() => {
        samePatient.assertFirst(fields, index);
      });
      patients.set(index, fields);
      continue;
    }
    if (typeof type !== 'string') continue;
    const { reference, path: referencePath } = patientReferenceOf(res, index);
    if (reference === undefined) continue;
    let patientId = inBundle.has(reference) ? PATIENT_TO_CREATE : known.get(reference);
    if (patientId === undefined) {
      patientId = await problems.attemptAsync(() => existingPatient(tx, reference, referencePath));
      if (patientId !== undefined) known.set(reference, patientId);
    }
    // A resource about no patient is not kept, and an IPS statement is no row: neither is read.
    if (
      patientId === undefined ||
      listStatementOf(res, type, patientId, index, medicationsInBundle) !== undefined
    )
      continue;
    const about = patientId;
    // Patients of the Bundle are told apart by their entry while none has an id yet.
    const patientEntry = inBundle.get(reference);
    const who = patientEntry === undefined ? patientId : `Bundle.entry[${String(patientEntry)}]`;
    problems.attempt(() => {
      const upsert = plan(tx, res, type, now, path, medicationsInBundle);
      if (upsert === undefined) return;
      entryLinkKey(about, type, e, index);
      // A repeated fullUrl is refused as such (checkTransactionEntry): once is enough.
      if (earlierWithFullUrl(e, index, fullUrls) === undefined)
        sameResource.assertFirst(who, type, e, index, upsert.table);
      plans.set(index, upsert);
    });
  }
  problems.settle();
  return { patients, known, plans };
}

/**
 * A relative `Patient/<id>` reference that no entry of the Bundle answers is read against the
 * server (FHIR R4 3.1.0.11): it names a KetaFlow patient, or the transaction is refused, naming the
 * element, so that nothing is kept about a patient KetaFlow does not have. Other references (an
 * absolute URL, another type) are left to the caller, which does not keep the resource.
 */
async function existingPatient(
  tx: Transaction,
  reference: string,
  where: string,
): Promise<string | undefined> {
  const match = /^Patient\/([^/]+)$/.exec(reference);
  if (match?.[1] === undefined) return undefined;
  const id = await ownerOf(tx, 'Patient', match[1]);
  if (id === undefined)
    throw new FhirError(
      400,
      'not-found',
      `${where}: ${reference} is neither an entry of this Bundle nor a KetaFlow patient.`,
      where,
    );
  return id;
}

/**
 * A transaction's entries must each be a different resource (FHIR R4 transaction rules,
 * https://hl7.org/fhir/R4/http.html#trules). Two entries kept as the same kind of row for one
 * patient under one id (or fullUrl) would be one row, which the second silently rewrites while
 * the answer counts both as kept: the later entry is refused, naming it. So is an exact copy of
 * an earlier entry, since R4 allows no exception and the sender loses nothing by sending it once.
 * An id shared by two kinds of row is refused while writing (409, import.ts).
 */
class RepeatedEntries {
  private readonly first = new Map<string, { index: number; table: string; resource: unknown }>();

  /** Throws when an earlier entry has the same patient, type, id or fullUrl, and table. */
  assertFirst(patient: string, type: string, entry: Json, index: number, table: string): void {
    const source = entrySourceOf(entry, index);
    const key = `${patient}|${type}|${source.value}`;
    const earlier = this.first.get(key);
    if (earlier === undefined) {
      this.first.set(key, { index, table, resource: entry.resource });
      return;
    }
    if (earlier.table !== table) return;
    const at = `Bundle.entry[${String(index)}]`;
    const was = `Bundle.entry[${String(earlier.index)}]`;
    const said =
      JSON.stringify(earlier.resource) === JSON.stringify(entry.resource)
        ? `${at}: this ${type} is an exact copy of ${was}. Send it once.`
        : `${at}: ${type} ${source.value} (${source.path}) is the same resource as ${was}, for the same patient. Give each resource its own id, or send it once.`;
    throw new FhirError(
      400,
      'invalid',
      `${said} The entries of a transaction must each be a different resource.`,
      at,
    );
  }
}

/**
 * Patients are matched on any identifier (import.ts), so two Patient entries sharing one (system
 * and value) would be one KetaFlow patient: the later would overwrite the name, birth date and
 * contact details of the earlier, both would be counted as kept, and each entry's resources would
 * be filed under the one record. Which of the two is right cannot be told, so the later entry is
 * refused, naming its identifier (not its value, which may be a national number).
 */
class PatientIdentifiers {
  private readonly first = new Map<string, { index: number; path: string }>();

  /** Throws when an earlier Patient entry has one of the identifiers of `fields`. */
  assertFirst(fields: PatientFields, index: number): void {
    for (const key of fields.keys) {
      const earlier = this.first.get(key);
      if (earlier !== undefined && earlier.index !== index) {
        const at = `Bundle.entry[${String(index)}]`;
        const where = fields.keyPaths.get(key) ?? at;
        throw new FhirError(
          400,
          'invalid',
          `${at}: ${where} is the same identifier (system and value) as ${earlier.path}, so both entries would be one KetaFlow patient, the later overwriting the name, birth date and contact details of the earlier. Send each patient in one entry.`,
          where,
        );
      }
    }
    for (const [key, path] of fields.keyPaths)
      if (!this.first.has(key)) this.first.set(key, { index, path });
  }
}
