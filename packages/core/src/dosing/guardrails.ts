/**
 * Guardrails as a smart-pump drug library applies them [P1][P2][P4]: a value above a hard
 * maximum (or below a hard minimum) blocks; past a soft bound it may go on only with a reason,
 * which is recorded. Comparisons use the exact value, never the rounded one shown.
 */
import { clinicSettingField, clinicSettingText, SETTING_DEFAULT_TEXT } from './clinic-setting';
import { compareRatio } from './exact';
import {
  LIMIT_SCALE,
  type CompiledBound,
  type CompiledRange,
  type SoftHardKey,
} from './compile-range';
import type { UcumUnit } from './quantity';
import { roundForDisplay, type DisplayIncrement, type Rounded } from './rounding';
import type { LimitField, LimitFinding, SoftLimitOverride } from './types';

export interface RangeSpec {
  readonly field: LimitField;
  readonly label: string;
  readonly unit: UcumUnit;
  readonly aboveHard: string;
  readonly belowHard: string;
  readonly aboveSoft: string;
  readonly belowSoft: string;
  /**
   * Said after a bound of the knowledge base's own when no clinical source sets it (its default
   * is a clinic setting, documented in the guardrails' notes); empty when the bound is sourced.
   * A finding against such a bound carries `clinicSetting` with `atDefault: true` as well.
   */
  readonly unsourced: string;
}

function spec(
  field: LimitField,
  label: string,
  unit: UcumUnit,
  code: string,
  unsourced = '',
): RangeSpec {
  return {
    field,
    label,
    unit,
    unsourced,
    aboveHard: `DOSE.${code}_ABOVE_HARD_LIMIT`,
    belowHard: `DOSE.${code}_BELOW_HARD_LIMIT`,
    aboveSoft: `DOSE.${code}_ABOVE_SOFT_LIMIT`,
    belowSoft: `DOSE.${code}_BELOW_SOFT_LIMIT`,
  };
}

/** Each guarded quantity, its unit and its limit codes (`DOSE.<NAME>_<ABOVE|BELOW>_<SOFT|HARD>_LIMIT`). */
export const RANGE_SPECS: Readonly<Record<SoftHardKey | 'weightKg', RangeSpec>> = {
  doseMgPerKg: spec('doseMgPerKg', 'Dose', 'mg/kg', 'DOSE_PER_KG'),
  totalDoseMg: spec('totalDoseMg', 'Total dose', 'mg', 'TOTAL_DOSE'),
  doseRateMgPerKgPerHour: spec('doseRateMgPerKgPerHour', 'Dose rate', 'mg/kg/h', 'DOSE_RATE'),
  durationMin: spec('durationMin', 'Duration', 'min', 'DURATION'),
  finalConcentrationMgPerMl: spec(
    'finalConcentrationMgPerMl',
    'Final concentration',
    'mg/mL',
    'CONCENTRATION',
  ),
  // A plausibility range against typing and unit errors: no clinical source sets it.
  weightKg: spec(
    'weightKg',
    'Weight',
    'kg',
    'WEIGHT',
    ' (a clinic setting with no clinical source)',
  ),
};

/** No clinical source sets the bound: the whole field's range, or this bound by the knowledge base. */
function isUnsourced(s: RangeSpec, bound: CompiledBound): boolean {
  return s.unsourced !== '' || bound.settingDefault === true;
}

/** Whose number the bound is, after it in a message: empty for a sourced knowledge-base bound. */
function whoseText(s: RangeSpec, bound: CompiledBound): string {
  const clinic = clinicSettingText(bound, s.unit);
  if (clinic !== '') return clinic;
  if (s.unsourced !== '') return s.unsourced;
  return bound.settingDefault === true ? SETTING_DEFAULT_TEXT : '';
}

function finding(
  s: RangeSpec,
  level: 'soft' | 'hard',
  above: boolean,
  bound: CompiledBound,
  shown: Rounded,
  protocolId: string,
): LimitFinding {
  const code = above
    ? level === 'hard'
      ? s.aboveHard
      : s.aboveSoft
    : level === 'hard'
      ? s.belowHard
      : s.belowSoft;
  const valueText = shown.wasRounded ? shown.exactText : shown.text;
  const consequence = level === 'hard' ? 'blocked' : 'going on needs an override with a reason';
  return {
    level,
    code,
    // A prescriber must see when the number is the clinic's choice rather than the knowledge base's.
    message: `${s.label} ${valueText} ${s.unit} is ${above ? 'above' : 'below'} the ${level} ${above ? 'maximum' : 'minimum'} of ${bound.value} ${s.unit}${whoseText(s, bound)} for ${protocolId}: ${consequence}`,
    field: s.field,
    value: { value: shown.value, unit: s.unit },
    limit: { value: bound.value, unit: s.unit },
    ...clinicSettingField(
      bound,
      s.unit,
      `${s.field}.${level}.${above ? 'max' : 'min'}`,
      isUnsourced(s, bound),
    ),
  };
}

/**
 * Sign of n/d − bound. `x` is the float n/d: within 2^-53 (relative) of the exact value, as the
 * bound's float is of its own, so a gap wider than 10^-12 decides; near-ties compare exactly.
 */
function compareToBound(x: number, n: number, d: number, bound: CompiledBound): number {
  if (x > bound.surelyAbove) return 1;
  if (x < bound.surelyBelow) return -1;
  return compareRatio(n, d, bound.scaled, LIMIT_SCALE);
}

/**
 * Check the exact value n / d against a range; append at most one finding per side (a hard
 * finding replaces the soft one on the same side).
 */
export function checkRange(
  findings: LimitFinding[],
  s: RangeSpec,
  range: CompiledRange,
  n: number,
  d: number,
  shown: Rounded,
  protocolId: string,
): void {
  const x = n / d;
  if (x < range.quietBelow && x > range.quietAbove) return; // the usual case: within every bound
  const { hardMax, softMax, hardMin, softMin } = range;
  if (hardMax !== undefined && compareToBound(x, n, d, hardMax) > 0) {
    findings.push(finding(s, 'hard', true, hardMax, shown, protocolId));
  } else if (softMax !== undefined && compareToBound(x, n, d, softMax) > 0) {
    findings.push(finding(s, 'soft', true, softMax, shown, protocolId));
  }
  if (hardMin !== undefined && compareToBound(x, n, d, hardMin) < 0) {
    findings.push(finding(s, 'hard', false, hardMin, shown, protocolId));
  } else if (softMin !== undefined && compareToBound(x, n, d, softMin) < 0) {
    findings.push(finding(s, 'soft', false, softMin, shown, protocolId));
  }
}

/** What a delivered-quantity check calls its value and what to do about it. */
export interface DeliveredText {
  readonly label: string;
  readonly advice: string;
}

/**
 * Check a quantity the patient actually receives against the hard bounds of `range`: the dose
 * drawn up after the volume is rounded to what the syringe measures, the dose rate at the pump
 * rate programmed after rounding, or a dose per kg of actual weight when the dose is on another
 * weight basis. The ordered value's own check (`checkRange`) decides the soft limits and their
 * overrides; this one only blocks, and is skipped on a side where a hard limit already blocks.
 *
 * The code is `DOSE.<stem>_ABOVE_HARD_LIMIT` (or `_BELOW_`). The value shown and the text
 * (`describe(stem, context)`, a plain function: no closure per call on this hot path) are made
 * only when a finding is.
 */
export function checkDeliveredHard<C>(
  findings: LimitFinding[],
  s: RangeSpec,
  range: CompiledRange,
  n: number,
  d: number,
  display: DisplayIncrement,
  protocolId: string,
  stem: string,
  describe: (stem: string, context: C) => DeliveredText,
  context: C,
): void {
  const x = n / d;
  if (x < range.quietBelow && x > range.quietAbove) return;
  const { hardMax, hardMin } = range;
  // A value is past one side at most (a range's minimum is below its maximum).
  const past: readonly ['ABOVE' | 'BELOW', CompiledBound] | undefined =
    hardMax !== undefined && compareToBound(x, n, d, hardMax) > 0
      ? ['ABOVE', hardMax]
      : hardMin !== undefined && compareToBound(x, n, d, hardMin) < 0
        ? ['BELOW', hardMin]
        : undefined;
  if (past === undefined || blocks(findings, s, past[0])) return;
  const [side, bound] = past;
  findings.push(
    delivered(
      s,
      side,
      bound,
      roundForDisplay(n, d, display),
      protocolId,
      stem,
      describe(stem, context),
    ),
  );
}

/** A hard limit already blocks this field on this side. */
function blocks(findings: readonly LimitFinding[], s: RangeSpec, side: 'ABOVE' | 'BELOW'): boolean {
  return findings.some(
    (f) => f.level === 'hard' && f.field === s.field && f.code.endsWith(`_${side}_HARD_LIMIT`),
  );
}

function delivered(
  s: RangeSpec,
  side: 'ABOVE' | 'BELOW',
  bound: CompiledBound,
  shown: Rounded,
  protocolId: string,
  stem: string,
  text: DeliveredText,
): LimitFinding {
  const above = side === 'ABOVE';
  const valueText = shown.wasRounded ? shown.exactText : shown.text;
  return {
    level: 'hard',
    code: `DOSE.${stem}_${side}_HARD_LIMIT`,
    message: `${text.label}: ${valueText} ${s.unit} is ${above ? 'above' : 'below'} the hard ${above ? 'maximum' : 'minimum'} of ${bound.value} ${s.unit}${whoseText(s, bound)} for ${protocolId}: blocked. ${text.advice}`,
    field: s.field,
    value: { value: shown.value, unit: s.unit },
    limit: { value: bound.value, unit: s.unit },
    ...clinicSettingField(
      bound,
      s.unit,
      `${s.field}.hard.${above ? 'max' : 'min'}`,
      isUnsourced(s, bound),
    ),
  };
}

/** Limits after overrides, and what they mean for giving the dose. */
export interface LimitOutcome {
  readonly limits: readonly LimitFinding[];
  /** Any hard limit was hit: the dose must not be given. */
  readonly blocked: boolean;
  /** Some soft limit has no override with a non-empty reason. */
  readonly requiresOverride: boolean;
}

/**
 * Apply soft-limit overrides by code. An override needs a non-empty reason; a hard limit cannot
 * be overridden; an override for a limit that was not hit is reported, not silently dropped.
 */
export function applyOverrides(
  findings: readonly LimitFinding[],
  overrides: readonly SoftLimitOverride[],
  notes: string[],
): LimitOutcome {
  let limits = findings;
  if (overrides.length > 0) {
    const updated = findings.slice();
    for (const o of overrides) {
      const i = updated.findIndex((f) => f.code === o.code);
      const f = updated[i];
      const reason = o.reason.trim();
      if (f === undefined) {
        notes.push(`Override for ${o.code} not used: that limit was not hit.`);
      } else if (f.level === 'hard') {
        notes.push(`${o.code} is a hard limit and cannot be overridden.`);
      } else if (reason === '') {
        notes.push(`Override for ${o.code} has no reason: the soft limit still needs one.`);
      } else {
        updated[i] = { ...f, overridden: { reason } };
      }
    }
    limits = updated;
  }
  let blocked = false;
  let requiresOverride = false;
  for (const f of limits) {
    if (f.level === 'hard') blocked = true;
    else if (f.overridden === undefined) requiresOverride = true;
  }
  return { limits, blocked, requiresOverride };
}
