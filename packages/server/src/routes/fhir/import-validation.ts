/**
 * The validation phase of a transaction Bundle import, before anything is written: every entry is
 * read as the import would keep it, and every problem found is answered together (one issue
 * each, naming its element, at most MAX_ISSUES), so that an integrator fixes a Bundle in one round.
 * Any problem refuses the whole transaction.
 */
import type { MedicationIndex } from '@ketaflow/core';
import type { Transaction } from '../../db/client';
import { isObject, str, type Json } from './fhir-read';
import { checkTransactionEntry, fullUrlsOf } from './import-checks';
import { listStatementOf } from './import-history-lists';
import { entryLinkKey } from './import-limits';
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

/** What the Bundle's Patients answer to (fullUrl, `Patient/<id>`), as the writes resolve it. */
function patientReferencesOf(entries: readonly unknown[]): ReadonlySet<string> {
  const refs = new Set<string>();
  for (const e of entries) {
    if (!isObject(e) || !isObject(e.resource) || e.resource.resourceType !== 'Patient') continue;
    const url = str(e.fullUrl);
    if (url !== undefined) refs.add(url);
    const id = str(e.resource.id);
    if (id !== undefined) refs.add(`Patient/${id}`);
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
  // Entry by entry, so that the problems are listed (and cut at MAX_ISSUES) in Bundle order.
  for (const [index, entry] of entries.entries()) {
    if (!checkTransactionEntry(entry, index, fullUrls, problems)) continue;
    const e = entry as Json;
    const res = e.resource as Json;
    const type = res.resourceType;
    const path = `Bundle.entry[${String(index)}].resource`;
    if (type === 'Patient') {
      const fields = readPatient(res, path, problems);
      if (fields !== undefined) patients.set(index, fields);
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
    problems.attempt(() => {
      const upsert = plan(tx, res, type, now, path, medicationsInBundle);
      if (upsert === undefined) return;
      entryLinkKey(about, type, e, index);
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
