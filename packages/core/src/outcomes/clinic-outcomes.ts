import type { Progress } from './progress';

/** One patient's course on one instrument, by id only (no names). */
export interface PatientOutcome {
  readonly patientId: string;
  /** Indication id (`depression`...) or any label the clinic groups by. */
  readonly indication: string;
  readonly progress: Progress;
}

/** Outcomes of one indication. Rates are fractions 0-1, `null` when no patient counts. */
export interface IndicationOutcomes {
  readonly indication: string;
  readonly instrumentIds: readonly string[];
  readonly patients: number;
  /** Patients whose response can be judged (baseline above 0, a threshold defined). */
  readonly responseEligible: number;
  readonly responders: number;
  /** Responders / response-eligible: response at any score after baseline. */
  readonly responseRate: number | null;
  /** Patients whose baseline was outside the remission range and who have a threshold. */
  readonly remissionEligible: number;
  readonly remitters: number;
  readonly remissionRate: number | null;
  readonly medianDaysToResponse: number | null;
  readonly medianInfusionsToResponse: number | null;
}

export interface ClinicOutcomes {
  readonly byIndication: readonly IndicationOutcomes[];
}

/** Median of a list; the mean of the two middle values when the count is even. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  if (sorted.length % 2 === 1) return hi;
  return ((sorted[mid - 1] ?? hi) + hi) / 2;
}

/**
 * Clinic outcomes by indication: patients, response and remission rates, median days and
 * infusions to first response.
 *
 * Denominators leave out patients for whom the outcome cannot be judged, so they do not
 * flatter or hurt the rate: response needs a baseline above 0 (and above the change threshold on
 * the PCL-5) and a defined threshold; remission needs a defined threshold and a baseline outside
 * the remission range (a patient who starts in remission has not remitted). A patient counts once
 * per course given; response or remission at any single score counts (not sustained).
 */
export function clinicOutcomes(patients: readonly PatientOutcome[]): ClinicOutcomes {
  const groups = new Map<string, PatientOutcome[]>();
  for (const p of patients) {
    const list = groups.get(p.indication);
    if (list === undefined) groups.set(p.indication, [p]);
    else list.push(p);
  }
  const byIndication: IndicationOutcomes[] = [];
  for (const [indication, list] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const responseEligible = list.filter((p) => p.progress.responseDefined);
    const responders = responseEligible.filter((p) => p.progress.firstResponse !== null);
    const remissionEligible = list.filter(
      (p) => p.progress.criteria.remission.belowScore !== null && !p.progress.baselineInRemission,
    );
    const remitters = remissionEligible.filter((p) => p.progress.firstRemission !== null);
    const firsts = responders.flatMap((p) =>
      p.progress.firstResponse === null ? [] : [p.progress.firstResponse],
    );
    byIndication.push({
      indication,
      instrumentIds: [...new Set(list.map((p) => p.progress.instrumentId))].sort(),
      patients: new Set(list.map((p) => p.patientId)).size,
      responseEligible: responseEligible.length,
      responders: responders.length,
      responseRate:
        responseEligible.length === 0 ? null : responders.length / responseEligible.length,
      remissionEligible: remissionEligible.length,
      remitters: remitters.length,
      remissionRate:
        remissionEligible.length === 0 ? null : remitters.length / remissionEligible.length,
      medianDaysToResponse: median(firsts.map((f) => f.daysFromBaseline)),
      medianInfusionsToResponse: median(firsts.map((f) => f.sessionsBefore)),
    });
  }
  return { byIndication };
}
