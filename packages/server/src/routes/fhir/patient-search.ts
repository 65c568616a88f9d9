/** Patient search in SQL: `_id`, `name` (FHIR string search) and `identifier` (system|value). */
import { and, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { fhirLinks, patients } from '../../db/schema/index';
import { SYSTEM } from './resources';

export async function searchPatients(
  db: Database,
  query: Readonly<Record<string, string>>,
  id: string | undefined,
): Promise<string[]> {
  const conditions = [];
  // One _id narrows in SQL; several (commas, repeats) are matched with the other filters.
  if (id !== undefined && id !== '' && !id.includes(','))
    conditions.push(sql`${patients.id}::text = ${id}`);
  // Comma-separated values are alternatives (FHIR R4 search 3.1.1.5: OR); an escaped `\,` is a
  // comma within one value.
  if (query.name !== undefined) conditions.push(anyOf(alternatives(query.name).map(nameMatches)));
  if (query.identifier !== undefined)
    conditions.push(anyOf(alternatives(query.identifier).map((v) => identifierMatches(db, v))));
  const rows = await db
    .select({ id: patients.id })
    .from(patients)
    .where(and(...conditions))
    .orderBy(patients.familyName, patients.givenName, patients.id);
  return rows.map((r) => r.id);
}

/** Any of the alternatives; none (a value of commas only) matches nobody. */
function anyOf(conditions: readonly (SQL | undefined)[]): SQL | undefined {
  return conditions.length === 0 ? sql`false` : or(...conditions);
}

/** The values of a parameter: split at commas not escaped as `\,`, escapes removed. */
function alternatives(raw: string): string[] {
  return raw
    .split(/(?<!\\),/)
    .map((v) => v.replaceAll('\\,', ','))
    .filter((v) => v !== '');
}

/**
 * FHIR string search on a name: a name part that starts with the value, ignoring case (`name=ann`
 * finds "Ann" and "Mary Ann", not "Joanne").
 */
function nameMatches(raw: string) {
  const value = raw.replace(/[%_\\]/g, (c) => `\\${c}`);
  const starts = `${value}%`;
  const laterWord = `% ${value}%`;
  return or(
    ilike(patients.familyName, starts),
    ilike(patients.familyName, laterWord),
    ilike(patients.givenName, starts),
    ilike(patients.givenName, laterWord),
  );
}

/** `system|value` or `value`: the KetaFlow MRN, or an identifier kept from an import. */
function identifierMatches(db: Database, token: string) {
  const bar = token.indexOf('|');
  const system = bar < 0 ? undefined : token.slice(0, bar);
  const value = bar < 0 ? token : token.slice(bar + 1);
  const escaped = value.replace(/[%_\\]/g, (c) => `\\${c}`);
  const linkKey =
    system === undefined
      ? like(fhirLinks.sourceKey, `Patient|%|${escaped}`)
      : eq(fhirLinks.sourceKey, `Patient|${system}|${value}`);
  const byLink = db.select({ id: fhirLinks.patientId }).from(fhirLinks).where(linkKey);
  return system === undefined || system === SYSTEM.mrn
    ? or(eq(patients.mrn, value), sql`${patients.id} in (${byLink})`)
    : sql`${patients.id} in (${byLink})`;
}
