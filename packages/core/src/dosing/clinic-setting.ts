/**
 * Limits the clinic chose itself. The knowledge base's guardrails list them (`clinicSet`, added
 * by clinic settings); a compiled bound carries its entry so that a finding can tell a prescriber
 * the number is the clinic's choice, and what the knowledge base's was. Limits no clinical source
 * sets are clinic settings even at the knowledge base's default, and their findings say so too.
 */
import type {
  ClinicSetBound,
  ClinicSetValue,
  SettingDefaultBound,
  WeightCheckSetting,
} from '../knowledge/schema/guardrails';
import type { Quantity } from './quantity';
import type { LimitClinicSetting, LimitFinding } from './types';

/** A bound the clinic set: whose setting it is and the knowledge base's value it replaced. */
export type BoundSetting = Pick<ClinicSetBound, 'scope' | 'knowledgeBaseValue'>;

interface Settable {
  readonly clinicSetting?: BoundSetting;
}

/**
 * One of the guardrails' optional lists. Protocols may come from outside the knowledge base (the
 * CLI, tests), so it is read defensively: anything but an array is no entries.
 */
function listed<T>(list: readonly T[] | undefined): readonly T[] {
  const value: unknown = list;
  return Array.isArray(value) ? (value as readonly T[]) : [];
}

/** Whether `b` names the bound `at`. */
function isBound(b: SettingDefaultBound, at: SettingDefaultBound): boolean {
  return b.field === at.field && b.level === at.level && b.side === at.side;
}

/** The clinic's setting of one bound of `guardrails`, when `clinicSet` lists it. */
export function clinicSetBound(
  guardrails: { readonly clinicSet?: readonly ClinicSetBound[] },
  at: SettingDefaultBound,
): ClinicSetBound | undefined {
  return listed(guardrails.clinicSet).find((b) => isBound(b, at));
}

/** The bound with the clinic's setting of it attached, when `clinicSet` lists it. */
export function marked<B extends Settable>(
  bound: B | undefined,
  guardrails: { readonly clinicSet?: readonly ClinicSetBound[] },
  at: Pick<ClinicSetBound, 'field' | 'level' | 'side'>,
): B | undefined {
  if (bound === undefined) return bound;
  const set = clinicSetBound(guardrails, at);
  return set === undefined
    ? bound
    : { ...bound, clinicSetting: { scope: set.scope, knowledgeBaseValue: set.knowledgeBaseValue } };
}

/**
 * The bound marked `settingDefault` when the knowledge base lists it among the bounds whose
 * default is a clinic setting (`settingDefaults`). The clinic's own setting of it, when `marked`
 * found one, is what a finding reports; the mark is still added, and then unused.
 */
export function markedDefault<B extends object>(
  bound: B | undefined,
  guardrails: { readonly settingDefaults?: readonly SettingDefaultBound[] },
  at: SettingDefaultBound,
): (B & { readonly settingDefault?: true }) | undefined {
  if (bound === undefined) return bound;
  return listed(guardrails.settingDefaults).some((b) => isBound(b, at))
    ? { ...bound, settingDefault: true }
    : bound;
}

/** Said after a bound of the knowledge base's own whose default is a clinic setting. */
export const SETTING_DEFAULT_TEXT = " (a clinic setting; this is the knowledge base's default)";

/**
 * ` (a clinic setting; the knowledge base's is 1 mg/kg)` after a limit the clinic set, empty
 * after the knowledge base's own.
 */
export function clinicSettingText(bound: Settable, unit: string): string {
  const set = bound.clinicSetting;
  if (set === undefined) return '';
  const whose = set.scope === 'location' ? 'a setting for this location' : 'a clinic setting';
  const base =
    set.knowledgeBaseValue === null
      ? 'the knowledge base sets none'
      : `the knowledge base's is ${String(set.knowledgeBaseValue)} ${unit}`;
  return ` (${whose}; ${base})`;
}

/**
 * The finding's `clinicSetting` field (spread it in) for a bound the clinic set, or for one no
 * clinical source sets (`unsourced`) at the knowledge base's default; none for a sourced bound
 * of the knowledge base's own. `setting` is the guardrail key, e.g. `weightKg.hard.max`.
 */
export function clinicSettingField(
  bound: Settable & { readonly value: number },
  unit: LimitFinding['limit']['unit'],
  setting: string,
  unsourced: boolean,
): { clinicSetting?: LimitClinicSetting } {
  const set = bound.clinicSetting;
  if (set === undefined) {
    if (!unsourced) return {};
    return {
      clinicSetting: {
        scope: 'clinic',
        knowledgeBaseLimit: { value: bound.value, unit },
        setting,
        atDefault: true,
      },
    };
  }
  return {
    clinicSetting: {
      scope: set.scope,
      knowledgeBaseLimit:
        set.knowledgeBaseValue === null ? null : { value: set.knowledgeBaseValue, unit },
      setting,
      atDefault: false,
    },
  };
}

/** The clinic's change of a weight-check setting, when `clinicSetValues` lists it. */
export function clinicSetValue(
  guardrails: { readonly clinicSetValues?: readonly ClinicSetValue[] },
  setting: WeightCheckSetting,
): ClinicSetValue | undefined {
  return listed(guardrails.clinicSetValues).find((v) => v.setting === setting);
}

/**
 * The `clinicSetting` field of a weight-check finding: no clinical source sets these, so it is
 * always a clinic setting; `changed` is the clinic's change when there is one, and
 * `knowledgeBaseLimit` the limit the knowledge base's default gives.
 */
export function weightCheckSettingField(
  setting: WeightCheckSetting,
  changed: ClinicSetValue | undefined,
  knowledgeBaseLimit: Quantity,
): { clinicSetting: LimitClinicSetting } {
  return {
    clinicSetting: {
      scope: changed?.scope ?? 'clinic',
      knowledgeBaseLimit,
      setting,
      atDefault: changed === undefined,
    },
  };
}
