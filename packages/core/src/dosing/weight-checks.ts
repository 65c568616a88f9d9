/**
 * Weight plausibility, the checks ISMP asks order entry to make [W1]: a weight outside the
 * protocol's hard range blocks; a change of more than a set fraction from the last recorded
 * weight, a ratio near 2.2046 (lb entered as kg, or kg as lb) and a stale weight are soft limits.
 * A check that cannot be made is said so in a note, never passed as normal. No clinical source
 * sets the change fraction, the mix-up band or the age: they are clinic settings (with defaults
 * in the knowledge base's guardrails), and every message says so, as does each finding's
 * `clinicSetting`.
 */
import { weightCheckSettingField } from './clinic-setting';
import type { CompiledProtocol } from './compile-protocol';
import { LIMIT_DIGITS } from './compile-range';
import { compareRatio, roundProductRatio, toScaledInteger } from './exact';
import { formatRatio, formatScaled } from './format-decimal';
import { checkRange, RANGE_SPECS } from './guardrails';
import { wholeDaysBetween } from './iso-date';
import { DOSE_LIMIT } from './problems';
import type { ReadInfusion } from './read-infusion-input';
import type { Rounded } from './rounding';
import type { LimitFinding } from './types';
import { KG_PER_LB_E8 } from './weight-basis';

/** Denominator of the lb-per-kg band: 1 kg = 10^8 / 45359237 lb, bands in 10^-6. */
const MIXUP_DENOMINATOR = KG_PER_LB_E8 * 1e6;

function kgText(grams: number): string {
  return `${formatScaled(grams, 3)} kg`;
}

function checkChange(
  findings: LimitFinding[],
  protocol: CompiledProtocol,
  actualGrams: number,
  last: { readonly grams: number; readonly measuredOn: string },
): void {
  const hi = Math.max(actualGrams, last.grams);
  const lo = Math.min(actualGrams, last.grams);
  const band = protocol.mixupTolerance6 * KG_PER_LB_E8;
  // |hi/lo − 10^8/45359237| ≤ tolerance, compared exactly.
  const isMixup =
    compareRatio(hi, lo, 1e14 - band, MIXUP_DENOMINATOR) >= 0 &&
    compareRatio(hi, lo, 1e14 + band, MIXUP_DENOMINATOR) <= 0;
  if (isMixup) {
    const ratio = formatRatio(hi, lo, 3, 3).text;
    const bandText = `flagged as within ${formatScaled(protocol.mixupTolerance6, 6)} of 2.2046 lb per kg, a clinic setting`;
    const lastKg = { value: last.grams / 1000, unit: 'kg' } as const;
    findings.push({
      level: 'soft',
      code: DOSE_LIMIT.WEIGHT_LB_KG_MIXUP,
      message:
        actualGrams > last.grams
          ? `Weight ${kgText(actualGrams)} is ${ratio} times the last recorded ${kgText(last.grams)} (${last.measuredOn}): was it entered in lb as kg? Weigh again in kg, or override with a reason (${bandText})`
          : `Weight ${kgText(actualGrams)} is 1/${ratio} of the last recorded ${kgText(last.grams)} (${last.measuredOn}): was a weight in lb recorded as kg? Check both, or override with a reason (${bandText})`,
      field: 'weightKg',
      value: { value: actualGrams / 1000, unit: 'kg' },
      limit: lastKg,
      // The band decides which ratios are flagged; the weight compared with stays the last one.
      ...weightCheckSettingField(
        'lbKgMixupTolerance',
        protocol.weightCheckChanges.lbKgMixupTolerance,
        lastKg,
      ),
    });
    return;
  }
  const diff = hi - lo;
  if (compareRatio(diff, last.grams, protocol.weightChangeFraction6, 1e6) > 0) {
    const up = actualGrams > last.grams;
    const factor = up ? 1e6 + protocol.weightChangeFraction6 : 1e6 - protocol.weightChangeFraction6;
    const boundGrams = roundProductRatio(last.grams, factor, 1e6);
    const changed = protocol.weightCheckChanges.weightChangeSoftFraction;
    const base6 =
      changed === undefined
        ? protocol.weightChangeFraction6
        : (toScaledInteger(changed.knowledgeBaseValue, LIMIT_DIGITS) ?? 0);
    const baseGrams =
      changed === undefined
        ? boundGrams
        : roundProductRatio(last.grams, up ? 1e6 + base6 : 1e6 - base6, 1e6);
    findings.push({
      level: 'soft',
      code: DOSE_LIMIT.WEIGHT_CHANGE,
      message: `Weight ${kgText(actualGrams)} is ${formatScaled(diff, 3)} kg ${up ? 'more' : 'less'} than the last recorded ${kgText(last.grams)} (${last.measuredOn}), a change of more than ${formatScaled(protocol.weightChangeFraction6, 4)}% (a clinic setting): confirm the weight or override with a reason`,
      field: 'weightKg',
      value: { value: actualGrams / 1000, unit: 'kg' },
      limit: { value: boundGrams / 1000, unit: 'kg' },
      ...weightCheckSettingField('weightChangeSoftFraction', changed, {
        value: baseGrams / 1000,
        unit: 'kg',
      }),
    });
  }
}

/** Append weight findings (range, change, mix-up, age) and notes for checks not made. */
export function checkWeight(
  findings: LimitFinding[],
  notes: string[],
  input: ReadInfusion,
  actualGrams: number,
  actualShown: Rounded,
): void {
  const protocol = input.protocol;
  checkRange(
    findings,
    RANGE_SPECS.weightKg,
    protocol.weightKg,
    actualGrams,
    1000,
    actualShown,
    protocol.id,
  );
  if (input.lastWeight === undefined) {
    notes.push(
      'No previous weight recorded: the weight-change and lb/kg mix-up checks were not done.',
    );
  } else {
    checkChange(findings, protocol, actualGrams, input.lastWeight);
  }
  if (input.weightMeasuredMs === undefined) {
    notes.push('The weight has no measurement date: its age was not checked.');
  } else if (input.asOfMs === undefined) {
    notes.push('No asOf date was given: the age of the weight was not checked.');
  } else {
    const days = wholeDaysBetween(input.weightMeasuredMs, input.asOfMs);
    if (days > protocol.weightMaxAgeDays) {
      const changed = protocol.weightCheckChanges.weightMaxAgeDays;
      findings.push({
        level: 'soft',
        code: DOSE_LIMIT.WEIGHT_TOO_OLD,
        message: `The weight was measured ${days} days ago, more than the ${protocol.weightMaxAgeDays} days allowed (a clinic setting): weigh again, or override with a reason`,
        field: 'weightKg',
        value: { value: days, unit: 'd' },
        limit: { value: protocol.weightMaxAgeDays, unit: 'd' },
        ...weightCheckSettingField('weightMaxAgeDays', changed, {
          value: changed?.knowledgeBaseValue ?? protocol.weightMaxAgeDays,
          unit: 'd',
        }),
      });
    }
  }
}
