import { z } from 'zod';
import { evidenceLevelSchema, nonEmptyText, sourceIdsSchema } from './common';
import type { EvidenceLevel } from '../ids';

export const NOTE_TOPICS = [
  'onset',
  'research-update',
  'abuse',
  'regulatory',
  'dosing',
  'patient-advice',
] as const;

/** A dated statement (often the seed's) with what the evidence behind it actually shows. */
export interface KnowledgeNote {
  readonly id: string;
  readonly topic: (typeof NOTE_TOPICS)[number];
  /** For patients, in plain language. */
  readonly statement: string;
  /** Date the statement reflects (`YYYY` or `YYYY-MM`); `null` when no date is known. */
  readonly asOf: string | null;
  readonly evidenceLevel: EvidenceLevel;
  readonly evidenceNote: string;
  readonly sources: readonly string[];
}

export const knowledgeNoteSchema: z.ZodType<KnowledgeNote> = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  topic: z.enum(NOTE_TOPICS),
  statement: nonEmptyText,
  asOf: z
    .string()
    .regex(/^\d{4}(-\d{2})?$/)
    .nullable(),
  evidenceLevel: evidenceLevelSchema,
  evidenceNote: nonEmptyText,
  sources: sourceIdsSchema,
});
