import { z } from 'zod';
import { nonEmptyText } from './common';

export const SOURCE_KINDS = [
  'label',
  'regulatory',
  'guideline',
  'review',
  'trial',
  'cohort',
  'pk-study',
  'case-report',
  'drug-database',
  'terminology',
  'manufacturer-page',
  'secondary-summary',
  'news',
  'clinic-patient-page',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** One entry of the reference list (clinical-facts.md section 9), cited by id. */
export interface Source {
  /** `S01` style ids from the reference; `SEED` and `RXNORM` are KetaFlow's own. */
  readonly id: string;
  readonly title: string;
  /** Year of publication or revision; `null` when the source does not state one. */
  readonly year: number | null;
  readonly kind: SourceKind;
  /** True when the text is a copy or summary of the primary document, not the document itself. */
  readonly secondary: boolean;
  readonly publisher?: string;
  readonly journal?: string;
  readonly url?: string;
  /** DOI, PMID, PMCID, DailyMed set id, Federal Register citation, ... */
  readonly identifier?: string;
  /** Caveats about what the source supports. */
  readonly note?: string;
}

export const sourceSchema: z.ZodType<Source> = z.strictObject({
  id: z.string().regex(/^(S\d{2,3}[a-z]?|SEED|RXNORM)$/),
  title: nonEmptyText,
  year: z.number().int().min(1900).max(2100).nullable(),
  kind: z.enum(SOURCE_KINDS),
  secondary: z.boolean(),
  publisher: nonEmptyText.exactOptional(),
  journal: nonEmptyText.exactOptional(),
  url: z.url().exactOptional(),
  identifier: nonEmptyText.exactOptional(),
  note: nonEmptyText.exactOptional(),
});
