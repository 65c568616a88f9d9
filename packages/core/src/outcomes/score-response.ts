import { formatPath } from '../knowledge/path';
import type { CrisisResource } from '../knowledge/schema/crisis-resources';
import {
  totalRange,
  type InstrumentDefinition,
  type SeverityBand,
} from '../knowledge/schema/outcome-instrument';
import type { Problem } from '../result';
import { safetyAlertFor, type SafetyAlert } from './safety-alert';

/** One answered item. */
export interface ScoredItem {
  readonly itemId: string;
  readonly score: number;
  readonly label: string;
  readonly cluster?: string;
}

/** A complete, valid response, scored. */
export interface ScoredResponse {
  readonly instrumentId: string;
  readonly instrumentKind: InstrumentDefinition['kind'];
  readonly total: number;
  readonly minTotal: number;
  readonly maxTotal: number;
  /** `null` when the instrument has no validated bands (PCL-5, pain NRS, some custom forms). */
  readonly band: SeverityBand | null;
  readonly items: readonly ScoredItem[];
  /** Raised from single answers (PHQ-9 item 9 above zero); empty when none. */
  readonly safetyAlerts: readonly SafetyAlert[];
}

/**
 * Why a response was not scored. Safety alerts are still raised from the answers that were
 * valid: a partial PHQ-9 with item 9 above zero alerts the care team even though no total exists.
 */
export interface ScoringFailure {
  readonly problems: readonly Problem[];
  readonly safetyAlerts: readonly SafetyAlert[];
}

export type ScoreResult =
  | { readonly ok: true; readonly value: ScoredResponse }
  | { readonly ok: false; readonly error: ScoringFailure };

/** The band holding `total`, or `null` when the instrument has none. */
export function bandFor(
  instrument: Pick<InstrumentDefinition, 'bands'>,
  total: number,
): SeverityBand | null {
  for (const band of instrument.bands) if (total >= band.min && total <= band.max) return band;
  return null;
}

/**
 * Scores a response: the total is the sum of the chosen answers' scores, with the severity band.
 *
 * `answers` maps item ids to scores (untrusted input, e.g. a JSON body). Every item must be
 * answered with one of its answers' scores: a missing, unknown or out-of-range answer is a
 * problem naming the item (`answers.phq9-4`), and the response is not scored. Nothing is
 * pro-rated: the reference gives no pro-rating rule for these instruments, so a partial PHQ-9 is
 * refused, never silently scored. Every problem is reported at once. `crisisResources` (the
 * clinic's, knowledge base `crisisResources.resources`) go into any safety alert raised.
 */
export function scoreResponse(
  instrument: InstrumentDefinition,
  answers: unknown,
  crisisResources: readonly CrisisResource[],
): ScoreResult {
  const problems: Problem[] = [];
  const safetyAlerts: SafetyAlert[] = [];
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return {
      ok: false,
      error: {
        problems: [
          {
            code: 'OUTCOME.ANSWERS_NOT_AN_OBJECT',
            message: 'answers must be an object mapping item ids to scores',
            path: 'answers',
          },
        ],
        safetyAlerts,
      },
    };
  }
  const given = answers as Readonly<Record<string, unknown>>;
  const items: ScoredItem[] = [];
  let total = 0;
  for (const item of instrument.items) {
    const value = Object.hasOwn(given, item.id) ? given[item.id] : undefined;
    const path = formatPath(['answers', item.id]);
    if (value === undefined || value === null) {
      problems.push({
        code: 'OUTCOME.MISSING_ANSWER',
        message: `item ${item.id} is not answered: every item must be answered (no pro-rating)`,
        path,
      });
      continue;
    }
    const option =
      typeof value === 'number' ? item.options.find((o) => o.score === value) : undefined;
    if (option === undefined) {
      const scores = item.options.map((o) => o.score);
      problems.push({
        code: 'OUTCOME.ANSWER_OUT_OF_RANGE',
        message: `item ${item.id} must be one of ${scores.join(', ')}`,
        path,
      });
      continue;
    }
    const alert = safetyAlertFor(instrument, item, option.score, crisisResources);
    if (alert !== null) safetyAlerts.push(alert);
    total += option.score;
    items.push(
      item.cluster === undefined
        ? { itemId: item.id, score: option.score, label: option.label }
        : { itemId: item.id, score: option.score, label: option.label, cluster: item.cluster },
    );
  }
  const known = new Set(instrument.items.map((i) => i.id));
  for (const key of Object.keys(given)) {
    if (!known.has(key))
      problems.push({
        code: 'OUTCOME.UNKNOWN_ITEM',
        message: `${instrument.shortName} has no item '${key}'`,
        path: formatPath(['answers', key]),
      });
  }
  if (problems.length > 0) return { ok: false, error: { problems, safetyAlerts } };
  const range = totalRange(instrument.items);
  return {
    ok: true,
    value: {
      instrumentId: instrument.id,
      instrumentKind: instrument.kind,
      total,
      minTotal: range.min,
      maxTotal: range.max,
      band: bandFor(instrument, total),
      items,
      safetyAlerts,
    },
  };
}

/** Safety alerts from the answers alone, whether or not the response is complete. */
export function checkSafety(
  instrument: InstrumentDefinition,
  answers: unknown,
  crisisResources: readonly CrisisResource[],
): SafetyAlert[] {
  const result = scoreResponse(instrument, answers, crisisResources);
  return [...(result.ok ? result.value.safetyAlerts : result.error.safetyAlerts)];
}
