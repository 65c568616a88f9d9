/** Patient search in SQL: `_id`, `name` (FHIR string search) and `identifier` (system|value). */
import { and, eq, ilike, like, or, sql } from 'drizzle-orm';
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
  if (query.name !== undefined) {
    // FHIR string search: a name part that starts with the value, ignoring case (`name=ann`
    // finds "Ann" and "Mary Ann", not "Joanne").
    const value = query.name.replace(/[%_\\]/g, (c) => `\\${c}`);
    const starts = `${value}%`;
    const laterWord = `% ${value}%`;
    conditions.push(
      or(
        ilike(patients.familyName, starts),
        ilike(patients.familyName, laterWord),
        ilike(patients.givenName, starts),
        ilike(patients.givenName, laterWord),
      ),
    );
  }
  if (query.identifier !== undefined) {
    const bar = query.identifier.indexOf('|');
    const system = bar < 0 ? undefined : query.identifier.slice(0, bar);
    const value = bar < 0 ? query.identifier : query.identifier.slice(bar + 1);
    const escaped = value.replace(/[%_\\]/g, (c) => `\\${c}`);
    const linkKey =
      system === undefined
        ? like(fhirLinks.sourceKey, `Patient|%|${escaped}`)
        : eq(fhirLinks.sourceKey, `Patient|${system}|${value}`);
    const byLink = db.select({ id: fhirLinks.patientId }).from(fhirLinks).where(linkKey);
    conditions.push(
      system === undefined || system === SYSTEM.mrn
        ? or(eq(patients.mrn, value), sql`${patients.id} in (${byLink})`)
        : sql`${patients.id} in (${byLink})`,
    );
  }
  const rows = await db
    .select({ id: patients.id })
    .from(patients)
    .where(and(...conditions))
    .orderBy(patients.familyName, patients.givenName, patients.id);
  return rows.map((r) => r.id);
}
