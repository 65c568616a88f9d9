import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import type { SessionVital } from '../knowledge/schema/monitoring';
import { err, ok, type Problem, type Result } from '../result';
import { VITAL_LABELS } from './vital-limits';

/** Modified Aldrete items, each scored 0-2 (Aldrete 1995; S74, S76). */
export const ALDRETE_ITEMS = [
  'activity',
  'respiration',
  'circulation',
  'consciousness',
  'oxygenSaturation',
] as const;
export type AldreteItem = (typeof ALDRETE_ITEMS)[number];
export type AldreteScores = Readonly<Record<AldreteItem, number>>;

/** The modified Aldrete total (0-10), or a problem per item that is not an integer 0-2. */
export function scoreAldrete(scores: AldreteScores): Result<number, Problem[]> {
  const problems: Problem[] = [];
  let total = 0;
  for (const item of ALDRETE_ITEMS) {
    const v = scores[item];
    if (!Number.isInteger(v) || v < 0 || v > 2)
      problems.push({
        code: 'ALDRETE.ITEM_INVALID',
        message: 'must be 0, 1 or 2',
        path: `aldrete.${item}`,
      });
    else total += v;
  }
  return problems.length > 0 ? err(problems) : ok(total);
}

export interface DischargeInput {
  readonly product: 'ketamine-iv' | 'esketamine-nasal';
  readonly aldrete?: AldreteScores | undefined;
  readonly escortName?: string | undefined;
  readonly openAlertCount: number;
  readonly now: Date;
  /**
   * The vital signs charted at least once in recovery (at or after the infusion or dosing ended).
   * Absent means none: each vital the knowledge base requires is then an unmet criterion.
   */
  readonly recoveryVitals?: readonly SessionVital[] | undefined;
  /** Esketamine only: when the dose was given and when BP was taken before and ~40 min after. */
  readonly dosedAt?: Date | undefined;
  readonly bpBeforeDoseAt?: Date | undefined;
  readonly bpAfterDoseAt?: Date | undefined;
}

export interface UnmetCriterion {
  readonly code: string;
  readonly field: string;
  readonly message: string;
  readonly sources: readonly string[];
}

/** Whether a BP taken at `takenAt` counts as the label's check ~40 min after the dose. */
export function isPostDoseBpCheck(kb: KnowledgeBase, dosedAt: Date, takenAt: Date): boolean {
  const minutes = (takenAt.getTime() - dosedAt.getTime()) / 60_000;
  const esk = kb.monitoring.esketamineSession;
  return minutes >= esk.bpRecheckMinutesAfterDose - esk.bpRecheckEarlyMinutes;
}

/** The earliest discharge time after an esketamine dose (label: at least 2 h of observation). */
export function esketamineObservationEndsAt(kb: KnowledgeBase, dosedAt: Date): Date {
  return new Date(
    dosedAt.getTime() + kb.monitoring.esketamineSession.observationMinMinutes * 60_000,
  );
}

/**
 * Whether a patient may leave, with every unmet criterion: modified Aldrete at or above the
 * clinic's minimum (knowledge-base default 9), a responsible adult escort, the vital signs the
 * knowledge base requires charted in recovery (BP, heart rate, SpO2), no open alerts; for
 * esketamine also the label's observation time and the BP before and about 40 min after dosing.
 */
export function dischargeReadiness(
  kb: KnowledgeBase,
  input: DischargeInput,
): {
  readonly ready: boolean;
  readonly unmet: readonly UnmetCriterion[];
  readonly aldreteTotal: number | null;
} {
  const d = kb.monitoring.discharge;
  const esk = kb.monitoring.esketamineSession;
  const unmet: UnmetCriterion[] = [];
  let aldreteTotal: number | null = null;
  if (input.aldrete === undefined) {
    unmet.push({
      code: 'DISCHARGE.ALDRETE_MISSING',
      field: 'aldrete',
      message: 'The modified Aldrete score is not recorded',
      sources: d.sources,
    });
  } else {
    const scored = scoreAldrete(input.aldrete);
    if (!scored.ok) {
      for (const p of scored.error)
        unmet.push({
          code: p.code,
          field: p.path ?? 'aldrete',
          message: p.message,
          sources: d.sources,
        });
    } else {
      aldreteTotal = scored.value;
      if (scored.value < d.aldreteMinScore)
        unmet.push({
          code: 'DISCHARGE.ALDRETE_TOO_LOW',
          field: 'aldrete',
          message: `Modified Aldrete score ${scored.value} is below ${d.aldreteMinScore}`,
          sources: d.sources,
        });
    }
  }
  if (d.responsibleAdultRequired && (input.escortName ?? '').trim() === '')
    unmet.push({
      code: 'DISCHARGE.NO_ESCORT',
      field: 'escortName',
      message: 'A responsible adult must accompany the patient',
      sources: d.sources,
    });
  const charted = new Set(input.recoveryVitals ?? []);
  for (const vital of d.recoveryVitalsRequired)
    if (!charted.has(vital))
      unmet.push({
        code: 'DISCHARGE.RECOVERY_VITAL_MISSING',
        field: `readings.${vital}`,
        message: `${VITAL_LABELS[vital]} has not been charted in recovery: unknown is never normal`,
        sources: d.sources,
      });
  if (input.openAlertCount > 0)
    unmet.push({
      code: 'DISCHARGE.OPEN_ALERTS',
      field: 'alerts',
      message: `${input.openAlertCount} alert(s) are not acknowledged`,
      sources: kb.monitoring.vitalSigns.sources,
    });
  if (input.product === 'esketamine-nasal') {
    if (input.dosedAt === undefined) {
      unmet.push({
        code: 'DISCHARGE.DOSE_TIME_MISSING',
        field: 'esketamine.dosedAt',
        message: 'The dosing time is not recorded',
        sources: esk.sources,
      });
    } else {
      const endsAt = esketamineObservationEndsAt(kb, input.dosedAt);
      if (input.now < endsAt)
        unmet.push({
          code: 'DISCHARGE.OBSERVATION_TOO_SHORT',
          field: 'esketamine.observationEndsAt',
          message: `Esketamine needs at least ${esk.observationMinMinutes} minutes of observation after dosing (until ${endsAt.toISOString()})`,
          sources: esk.sources,
        });
      if (input.bpAfterDoseAt === undefined)
        unmet.push({
          code: 'DISCHARGE.BP_AFTER_DOSE_MISSING',
          field: 'esketamine.bp40Min',
          message: `Blood pressure about ${esk.bpRecheckMinutesAfterDose} minutes after dosing is not recorded`,
          sources: esk.sources,
        });
    }
    if (input.bpBeforeDoseAt === undefined)
      unmet.push({
        code: 'DISCHARGE.BP_BEFORE_DOSE_MISSING',
        field: 'esketamine.bpBeforeDose',
        message: 'Blood pressure before dosing is not recorded',
        sources: esk.sources,
      });
  }
  return { ready: unmet.length === 0, unmet, aldreteTotal };
}
