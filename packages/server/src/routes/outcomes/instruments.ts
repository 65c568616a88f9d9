import {
  customFormCriteria,
  getInstrument,
  OUTCOME_INSTRUMENTS,
  outcomeCriteria,
  parseCustomForm,
  type CustomForm,
  type InstrumentDefinition,
  type InstrumentRef,
  type KnowledgeBase,
  type OutcomeCriteria,
  type OutcomeInstrument,
} from '@ketaflow/core';
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { customForms } from '../../db/schema/index';
import { AppError } from '../../errors/catalog';

/** An instrument as the server uses it: its definition and its response/remission criteria. */
export interface ResolvedInstrument {
  readonly ref: InstrumentRef;
  readonly definition: InstrumentDefinition;
  readonly criteria: OutcomeCriteria;
}

const CUSTOM_PREFIX = 'custom:';

function isBuiltIn(ref: string): ref is OutcomeInstrument {
  return (OUTCOME_INSTRUMENTS as readonly string[]).includes(ref);
}

/** A stored custom form, checked again by core (a row that no longer parses is a bug). */
export function formFromRow(definition: unknown): CustomForm {
  const parsed = parseCustomForm(definition);
  if (!parsed.ok) throw new Error('a stored custom form no longer parses');
  return parsed.value;
}

/**
 * Resolves `phq-9`, `gad-7`, `pcl-5`, `pain-nrs` or `custom:<form id>`; `null` when the ref is
 * neither a built-in instrument nor an existing custom form.
 */
export async function findInstrument(
  executor: Executor,
  kb: KnowledgeBase,
  ref: string,
): Promise<ResolvedInstrument | null> {
  if (isBuiltIn(ref))
    return { ref, definition: getInstrument(kb, ref), criteria: outcomeCriteria(kb, ref) };
  if (!ref.startsWith(CUSTOM_PREFIX)) return null;
  const id = ref.slice(CUSTOM_PREFIX.length);
  const [row] = await executor.select().from(customForms).where(eq(customForms.id, id));
  if (!row) return null;
  const form = formFromRow(row.definition);
  return { ref: `custom:${form.id}`, definition: form, criteria: customFormCriteria(form) };
}

/** Like `findInstrument`, but an unknown ref is a 422 naming the field. */
export async function mustFindInstrument(
  executor: Executor,
  kb: KnowledgeBase,
  ref: string,
  path = 'body.instrument',
): Promise<ResolvedInstrument> {
  const found = await findInstrument(executor, kb, ref);
  if (found) return found;
  const message = ref.startsWith(CUSTOM_PREFIX)
    ? `no custom form '${ref.slice(CUSTOM_PREFIX.length)}' exists`
    : `must be ${OUTCOME_INSTRUMENTS.join(', ')} or custom:<form id>`;
  throw new AppError('OUTCOME.UNKNOWN_INSTRUMENT', `${path}: ${message}`, [{ path, message }]);
}

/** Every instrument a form can be filled in with: the built-in ones, then the clinic's. */
export async function listInstruments(
  executor: Executor,
  kb: KnowledgeBase,
): Promise<ResolvedInstrument[]> {
  const rows = await executor.select().from(customForms).orderBy(asc(customForms.id));
  return [
    ...OUTCOME_INSTRUMENTS.map((id) => ({
      ref: id,
      definition: getInstrument(kb, id),
      criteria: outcomeCriteria(kb, id),
    })),
    ...rows.map((row) => {
      const form = formFromRow(row.definition);
      return {
        ref: `custom:${form.id}` as const,
        definition: form,
        criteria: customFormCriteria(form),
      };
    }),
  ];
}
