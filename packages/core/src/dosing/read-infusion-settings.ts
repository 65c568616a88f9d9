/**
 * The infusion settings of a dose calculation (bag volume, drug-volume and pump-rate increments,
 * bag mode) read into scaled integers, with the text their steps show. Frozen settings, the
 * knowledge base's, are read once.
 */
import type { Problem } from '../result';
import { decimalsOf } from './exact';
import { formatScaled } from './format-decimal';
import { DOSE_PROBLEM, describeValue, problem } from './problems';
import { readPositiveNumber, readScaled } from './read-field';
import { stepUnitText, type StepUnitText } from './rounding';
import type { InfusionSettings } from './types';

/** The largest bag read (a physically plausible input bound, not a clinical limit). */
const MAX_BAG_ML = 5000;

/** Text of the settings for the steps, built with them (once, for frozen settings). */
export interface SettingsText {
  /** The bag volume in mL, `100`, and the start of its step, `100 mL + ` (add-to-bag). */
  readonly bag: string;
  readonly bagPlus: string;
  /** Units of the drug volume's step: ` mL`, ` mL, rounded to `, ` mL (increment 0.01 mL)`. */
  readonly volume: StepUnitText;
  /** Units of the pump rate's step: ` mL/h`, ..., ` mL/h (pump increment 0.1 mL/h)`. */
  readonly rate: StepUnitText;
  /** Decimals an unrounded volume or rate keeps when it does not terminate. */
  readonly volumeTruncatedDigits: number;
  readonly rateTruncatedDigits: number;
}

/** A positive setting at 10^-4 of its unit. */
function readSetting(
  value: unknown,
  path: string,
  unit: string,
  max: number,
  problems: Problem[],
): number | undefined {
  const v = readPositiveNumber(value, path, problems);
  return v === undefined ? undefined : readScaled(v, path, unit, 4, max, problems);
}

/** The infusion settings as read: bag, increments and mode, at 10^-4 mL and 10^-4 mL/h. */
export interface ReadSettings {
  readonly bag4: number;
  readonly bagMode: InfusionSettings['bagMode'];
  readonly volumeIncrement4: number;
  readonly rateIncrement4: number;
  readonly settingsText: SettingsText;
}

/** Decimals kept when an unrounded value does not terminate: one more than the increment's. */
function truncatedDigitsFor(increment4: number): number {
  const d = decimalsOf(increment4, 4) + 1;
  return d < 3 ? 3 : d;
}

function settingsTextFor(
  bag4: number,
  volumeIncrement4: number,
  rateIncrement4: number,
): SettingsText {
  const bag = formatScaled(bag4, 4);
  return {
    bag,
    bagPlus: `${bag} mL + `,
    volume: stepUnitText('mL', `increment ${formatScaled(volumeIncrement4, 4)} mL`),
    rate: stepUnitText('mL/h', `pump increment ${formatScaled(rateIncrement4, 4)} mL/h`),
    volumeTruncatedDigits: truncatedDigitsFor(volumeIncrement4),
    rateTruncatedDigits: truncatedDigitsFor(rateIncrement4),
  };
}

/** Frozen settings (the knowledge base's, via `infusionSettingsFor`) read once. */
const frozenSettings = new WeakMap<object, ReadSettings>();

export function readSettings(raw: unknown, problems: Problem[]): ReadSettings | undefined {
  if (typeof raw !== 'object' || raw === null) return readSettingsUncached(raw, problems);
  // Only frozen settings are cached, and freezing cannot be undone: a cached object is still
  // frozen, so the (slower) isFrozen check is left to the first read.
  const cached = frozenSettings.get(raw);
  if (cached !== undefined) return cached;
  if (Object.isFrozen(raw)) {
    const before = problems.length;
    const read = readSettingsUncached(raw, problems);
    if (read !== undefined && problems.length === before) frozenSettings.set(raw, read);
    return read;
  }
  return readSettingsUncached(raw, problems);
}

function readSettingsUncached(raw: unknown, problems: Problem[]): ReadSettings | undefined {
  if (typeof raw !== 'object' || raw === null) {
    problems.push(problem(DOSE_PROBLEM.INVALID_SETTINGS, 'settings', 'settings are required'));
    return undefined;
  }
  const s = raw as Partial<Record<keyof InfusionSettings, unknown>>;
  const bag4 = readSetting(s.bagVolumeMl, 'settings.bagVolumeMl', 'mL', MAX_BAG_ML, problems);
  const volumeIncrement4 = readSetting(
    s.volumeIncrementMl,
    'settings.volumeIncrementMl',
    'mL',
    10,
    problems,
  );
  const rateIncrement4 = readSetting(
    s.rateIncrementMlPerHour,
    'settings.rateIncrementMlPerHour',
    'mL/h',
    100,
    problems,
  );
  const bagMode = s.bagMode;
  if (bagMode !== 'add-to-bag' && bagMode !== 'withdraw-equal-volume') {
    problems.push(
      problem(
        DOSE_PROBLEM.INVALID_SETTINGS,
        'settings.bagMode',
        `settings.bagMode must be add-to-bag or withdraw-equal-volume, got ${describeValue(bagMode)}`,
      ),
    );
    return undefined;
  }
  if (bag4 === undefined || volumeIncrement4 === undefined || rateIncrement4 === undefined) {
    return undefined;
  }
  return {
    bag4,
    bagMode,
    volumeIncrement4,
    rateIncrement4,
    settingsText: settingsTextFor(bag4, volumeIncrement4, rateIncrement4),
  };
}
