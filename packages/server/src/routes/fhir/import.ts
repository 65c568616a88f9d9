/**
 * Transaction Bundle import (Synthea style: `POST` entries, `urn:uuid:` references). Patients are
 * matched on any identifier; every kept resource is linked to the row it made (`fhir_links`), so a
 * second import of the same bundle updates those rows. Resources KetaFlow does not keep are
 * counted and named in the transaction-response. An IPS "none known" statement records the
 * list's none-known statement instead of a row (import-history-lists.ts).
 */
import { medicationIndex } from '@ketaflow/core';
import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { fhirLinks, patients } from '../../db/schema/index';
import { insertPatient } from '../patients/repository';
import { FhirError, operationOutcome, type FhirResource } from './outcome';
import { arr, isObject, located, str, type Json } from './fhir-read';
import { checkTransactionEntries } from './import-checks';
import {
  applyListStatements,
  listOfEntry,
  listStatementOf,
  type ListStatement,
} from './import-history-lists';
import { fit, fitLinkKey, MAX_CHARS } from './import-limits';
import { plan } from './import-plan';
import { ownerOf } from './resources';
import { IsoDate } from '../common-schemas';
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
  checkTransactionEntries(entries);
  // A statement or request may name its medicine by a reference to a Medication entry.
  const medicationsInBundle = medicationIndex(entries, 'Bundle.entry');

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
    const names = arr(res.name);
    const nameAt = names.findIndex(isObject);
    const name = names[nameAt] as Json | undefined;
    const namePath = `${path}.name[${String(nameAt)}]`;
    const family = fit(located(str(name?.family), `${namePath}.family`), MAX_CHARS.name);
    const given = fit(located(str(arr(name?.given)[0]), `${namePath}.given[0]`), MAX_CHARS.name);
    const birthDate = str(res.birthDate);
    if (family === undefined || given === undefined)
      throw new FhirError(
        400,
        'required',
        'The Patient needs a family and a given name.',
        `${path}.name`,
      );
    if (birthDate === undefined || !IsoDate.safeParse(birthDate).success)
      throw new FhirError(
        400,
        'required',
        'The Patient needs a full birthDate (YYYY-MM-DD, a calendar date from 1900 to 2999).',
        `${path}.birthDate`,
      );
    const gender = str(res.gender);
    const sex = gender === 'female' || gender === 'male' || gender === 'other' ? gender : 'unknown';
    const keys = arr(res.identifier).flatMap((id, k) => {
      const value = isObject(id) ? str(id.value) : undefined;
      if (!isObject(id) || value === undefined) return [];
      const key = `Patient|${str(id.system) ?? ''}|${value}`;
      return [fitLinkKey(key, `${path}.identifier[${String(k)}]`)];
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
    const telecom = arr(res.telecom);
    const telecomValue = (system: string, max: number) => {
      const at = telecom.findIndex((t) => isObject(t) && t.system === system);
      const value = str((telecom[at] as Json | undefined)?.value);
      return fit(located(value, `${path}.telecom[${String(at)}].value`), max);
    };
    const addresses = arr(res.address);
    const addressAt = addresses.findIndex(isObject);
    const address = addresses[addressAt] as Json | undefined;
    const addressPath = `${path}.address[${String(addressAt)}]`;
    const contact = {
      email: telecomValue('email', MAX_CHARS.email),
      phone: telecomValue('phone', MAX_CHARS.phone),
      addressLine: fit(
        located(str(arr(address?.line)[0]), `${addressPath}.line[0]`),
        MAX_CHARS.addressLine,
      ),
      city: fit(located(str(address?.city), `${addressPath}.city`), MAX_CHARS.city),
      postalCode: fit(
        located(str(address?.postalCode), `${addressPath}.postalCode`),
        MAX_CHARS.postalCode,
      ),
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

  // IPS "none known" / "no information" statements wait until every entry is kept: an entry of
  // the list anywhere in the bundle wins over "none known".
  const statements: ListStatement[] = [];
  const keptEntries = new Map<string, { patientId: string; list: HistoryList }>();
  for (const [i, e] of entries.entries()) {
    const entry = e as Json;
    const res = entry.resource as Json;
    const type = typeof res.resourceType === 'string' ? res.resourceType : 'unknown';
    if (type === 'Patient') continue;
    const field = isObject(res.subject) ? 'subject' : isObject(res.patient) ? 'patient' : undefined;
    const reference = field === undefined ? undefined : str((res[field] as Json).reference);
    let patientId = patientByRef.get(reference ?? '');
    if (patientId === undefined && reference !== undefined) {
      patientId = await existingPatient(
        tx,
        reference,
        `Bundle.entry[${String(i)}].resource.${field ?? 'subject'}.reference`,
      );
      if (patientId !== undefined) patientByRef.set(reference, patientId);
    }
    const statement =
      patientId === undefined
        ? undefined
        : listStatementOf(res, type, patientId, i, medicationsInBundle);
    if (statement !== undefined) {
      statements.push(statement);
      continue;
    }
    const upsert =
      patientId === undefined
        ? undefined
        : plan(
            tx,
            res,
            type,
            patientId,
            now,
            `Bundle.entry[${String(i)}].resource`,
            medicationsInBundle,
          );
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
    const entryPath = `Bundle.entry[${String(i)}]`;
    const source =
      located(str(res.id), `${entryPath}.resource.id`) ??
      located(str(entry.fullUrl), `${entryPath}.fullUrl`);
    const key = fitLinkKey(
      `${patientId}|${type}|${source?.value ?? String(i)}`,
      source?.path ?? entryPath,
    );
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
