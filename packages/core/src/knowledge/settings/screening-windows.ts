import type { Problem } from '../../result';
import { formatPath } from '../path';
import type { BloodPressureThresholds, RecencyWindow } from '../schema/contraindication';
import type { KnowledgeBase, OverrideValue } from '../schema/knowledge-base';
import type { PregnancyStatusRules, ReproductiveGuidance } from '../schema/reproductive';
import type { ClinicSettings } from './clinic-settings';

type Note = (
  path: readonly PropertyKey[],
  target: readonly PropertyKey[],
  from: OverrideValue | undefined,
  to: OverrideValue,
) => void;

function overrideWindow(window: RecencyWindow, to: number | undefined): RecencyWindow {
  if (to === undefined || to === window.maxAgeDays) return window;
  return {
    ...window,
    maxAgeDays: to,
    basis: 'clinic-setting',
    note: `Set by the clinic (knowledge-base default ${window.maxAgeDays} days). ${window.note}`,
  };
}

/** The blood-pressure reading window with the clinic's `bloodPressure.readingMaxAgeDays`. */
export function applyBpReadingWindow(
  code: string,
  bp: BloodPressureThresholds,
  s: ClinicSettings,
  note: Note,
): BloodPressureThresholds {
  const to = s.bloodPressure?.readingMaxAgeDays;
  if (to === undefined || bp.readingMaxAge === undefined) return bp;
  note(
    ['bloodPressure', 'readingMaxAgeDays'],
    ['contraindications', code, 'bloodPressure', 'readingMaxAge', 'maxAgeDays'],
    bp.readingMaxAge.maxAgeDays,
    to,
  );
  return { ...bp, readingMaxAge: overrideWindow(bp.readingMaxAge, to) };
}

/** Pregnancy-status rules with the clinic's `pregnancyStatus` settings. */
export function applyPregnancyStatusSettings(
  guidance: ReproductiveGuidance,
  s: ClinicSettings,
  note: Note,
): ReproductiveGuidance {
  const set = s.pregnancyStatus;
  const rules = guidance.statusRules;
  if (set === undefined || rules === undefined) return guidance;
  const target = ['pregnancyAndLactation', guidance.code, 'statusRules'];
  const { pregnantMaxAgeDays, notPregnantMaxAgeDays, askMinAgeYears, askMaxAgeYears } = set;
  if (pregnantMaxAgeDays !== undefined)
    note(
      ['pregnancyStatus', 'pregnantMaxAgeDays'],
      [...target, 'pregnantMaxAge', 'maxAgeDays'],
      rules.pregnantMaxAge.maxAgeDays,
      pregnantMaxAgeDays,
    );
  if (notPregnantMaxAgeDays !== undefined)
    note(
      ['pregnancyStatus', 'notPregnantMaxAgeDays'],
      [...target, 'notPregnantMaxAge', 'maxAgeDays'],
      rules.notPregnantMaxAge.maxAgeDays,
      notPregnantMaxAgeDays,
    );
  if (askMinAgeYears !== undefined)
    note(
      ['pregnancyStatus', 'askMinAgeYears'],
      [...target, 'askAgeYears', 'min'],
      rules.askAgeYears.min,
      askMinAgeYears,
    );
  if (askMaxAgeYears !== undefined)
    note(
      ['pregnancyStatus', 'askMaxAgeYears'],
      [...target, 'askAgeYears', 'max'],
      rules.askAgeYears.max,
      askMaxAgeYears,
    );
  const ask = rules.askAgeYears;
  const askChanged =
    (askMinAgeYears ?? ask.min) !== ask.min || (askMaxAgeYears ?? ask.max) !== ask.max;
  const statusRules: PregnancyStatusRules = {
    pregnantMaxAge: overrideWindow(rules.pregnantMaxAge, pregnantMaxAgeDays),
    notPregnantMaxAge: overrideWindow(rules.notPregnantMaxAge, notPregnantMaxAgeDays),
    askAgeYears: askChanged
      ? {
          ...ask,
          min: askMinAgeYears ?? ask.min,
          max: askMaxAgeYears ?? ask.max,
          basis: 'clinic-setting',
          note: `Set by the clinic (knowledge-base default ${ask.min}-${ask.max} years). ${ask.note}`,
        }
      : ask,
  };
  return { ...guidance, statusRules };
}

/** Cross-field checks of the screening windows a clinic sets. */
export function checkScreeningWindowSettings(
  settings: ClinicSettings,
  base: KnowledgeBase,
): Problem[] {
  const set = settings.pregnancyStatus;
  if (set === undefined) return [];
  const rules = base.pregnancyAndLactation.find((g) => g.statusRules !== undefined)?.statusRules;
  if (rules === undefined)
    return [
      {
        code: 'SETTINGS.UNKNOWN_CODE',
        message: 'the knowledge base has no pregnancy-status rules to override',
        path: 'pregnancyStatus',
      },
    ];
  const min = set.askMinAgeYears ?? rules.askAgeYears.min;
  const max = set.askMaxAgeYears ?? rules.askAgeYears.max;
  if (min <= max) return [];
  const key = set.askMinAgeYears !== undefined ? 'askMinAgeYears' : 'askMaxAgeYears';
  return [
    {
      code: 'SETTINGS.INCONSISTENT',
      message: `the youngest age asked (${min}) must not be above the oldest (${max})`,
      path: formatPath(['pregnancyStatus', key]),
    },
  ];
}
