import type { Interaction } from '../knowledge/schema/interaction';
import { interactionClassIdsOf } from '../vocabulary/classes';
import { findIngredient, normalizeMedication } from '../vocabulary/normalize';
import type { ProductRules } from './compile-rules';
import { clip } from './finding';
import type { EvidenceRef, Finding, MedicationFact } from './types';

/** Stopped, completed, cancelled, entered-in-error and not-taken medicines do not count. */
const NOT_CURRENT: ReadonlySet<MedicationFact['status']> = new Set([
  'stopped',
  'completed',
  'cancelled',
  'entered-in-error',
  'not-taken',
]);

const RXNORM_SOURCE = ['RXNORM'];

function hasNoClass(names: readonly string[]): boolean {
  return names.every((name) => (findIngredient(name)?.classIds.length ?? 1) === 0);
}

interface Hit {
  readonly ix: Interaction;
  readonly evidence: EvidenceRef[];
  readonly readings: string[];
}

/** Interactions of current medicines, and every current medicine nobody could read. */
export function screenMedications(
  medications: readonly MedicationFact[],
  rules: ProductRules,
  out: Finding[],
): void {
  const hits = new Map<string, Hit>();
  for (const med of medications) {
    if (NOT_CURRENT.has(med.status)) continue;
    const n = normalizeMedication(med.rxnormCodes, med.text);
    // Readings that all lack an interaction class change nothing (e.g. two iron salts).
    if (n.status === 'ambiguous' && n.candidates.every(hasNoClass)) continue;
    if (n.status === 'ambiguous') {
      out.push({
        kind: 'unrecognized-input',
        severity: 'warning',
        code: 'VOCAB.AMBIGUOUS_MEDICATION',
        summary: clip(`"${n.word}" could be several medicines: a clinician must say which.`),
        detail: `Possible readings: ${n.candidates.map((c) => c.join(' + ')).join('; ')}.`,
        management:
          'Confirm the medicine with the patient or the prescriber and record it by name.',
        evidence: [med.ref],
        sources: rules.sourcesOf(RXNORM_SOURCE),
      });
      continue;
    }
    if (n.status === 'unrecognized') {
      out.push({
        kind: 'unrecognized-input',
        severity: 'warning',
        code: 'VOCAB.UNRECOGNIZED_MEDICATION',
        summary:
          med.text === undefined && med.rxnormCodes.length === 0
            ? 'A medicine is recorded with neither an RxNorm code nor a name: a clinician must check it.'
            : clip(`Medicine not recognised: "${med.ref.display}". A clinician must check it.`),
        detail:
          "Neither its RxNorm code nor its name matched KetaFlow's vocabulary, so its interactions are unknown.",
        management: 'Identify the medicine and check it against the interaction list.',
        evidence: [med.ref],
        sources: rules.sourcesOf(RXNORM_SOURCE),
      });
      continue;
    }
    const reading =
      n.confidence === 'fuzzy'
        ? `"${med.ref.display}" read as ${n.ingredients.map((i) => i.name).join(' + ')} (spelling corrected, ${n.distance} edit${n.distance === 1 ? '' : 's'})`
        : undefined;
    for (const ingredient of n.ingredients) {
      for (const classId of interactionClassIdsOf(ingredient)) {
        for (const ix of rules.interactionsByClass.get(classId) ?? []) {
          let hit = hits.get(ix.code);
          if (hit === undefined) {
            hit = { ix, evidence: [], readings: [] };
            hits.set(ix.code, hit);
          }
          if (!hit.evidence.includes(med.ref)) hit.evidence.push(med.ref);
          if (reading !== undefined && !hit.readings.includes(reading)) hit.readings.push(reading);
        }
      }
    }
  }
  for (const { ix, evidence, readings } of hits.values()) {
    out.push({
      kind: 'interaction',
      severity: ix.severity,
      code: ix.code,
      summary: ix.summary,
      detail: readings.length === 0 ? ix.effect : `${ix.effect} Note: ${readings.join('; ')}.`,
      management: ix.management,
      evidence,
      sources: rules.interactionSources.get(ix.code) ?? [],
    });
  }
}
