import {
  INDICATION_IDS,
  PROTOCOL_IDS,
  type IndicationId,
  type ProtocolId,
  type Severity,
} from '../ids';
import type { KnowledgeContent } from '../knowledge-version';
import { formatPath } from '../path';
import type { BloodPressureThresholds, BpThreshold } from '../schema/contraindication';
import { SOFT_HARD_FIELDS, type DoseGuardrails } from '../schema/guardrails';
import type { ClinicBranding } from '../schema/branding';
import type {
  ClinicProfile,
  KnowledgeBase,
  Override,
  OverrideValue,
} from '../schema/knowledge-base';
import type { InfusionProtocol } from '../schema/protocol';
import { applyBrandingSettings } from './branding-settings';
import type { ClinicSettings, GuardrailSettings } from './clinic-settings';
import { applyCrisisResourcesSettings } from './crisis-resources-settings';
import { mergeGuardrails } from './merge-guardrails';
import { applyMonitoringSettings } from './monitoring-settings';
import { applyOutcomesSettings } from './outcomes-settings';
import { applySchedulingSettings } from './scheduling-settings';
import { applyBpReadingWindow, applyPregnancyStatusSettings } from './screening-windows';

type Note = (
  path: readonly PropertyKey[],
  target: readonly PropertyKey[],
  from: OverrideValue | undefined,
  to: OverrideValue,
) => void;

function buildRecord<K extends string, V>(keys: readonly K[], make: (key: K) => V): Record<K, V> {
  const out = {} as Record<K, V>;
  for (const key of keys) out[key] = make(key);
  return out;
}

function applyProtocol(
  id: ProtocolId,
  p: InfusionProtocol,
  s: ClinicSettings,
  note: Note,
): InfusionProtocol {
  const ps = s.protocols?.[id];
  const dose = ps?.defaultDoseMgPerKg ?? p.doseMgPerKg.default;
  note(
    ['protocols', id, 'defaultDoseMgPerKg'],
    ['protocols', id, 'doseMgPerKg', 'default'],
    p.doseMgPerKg.default,
    dose,
  );
  const duration = ps?.defaultDurationMin ?? p.durationMin.default;
  note(
    ['protocols', id, 'defaultDurationMin'],
    ['protocols', id, 'durationMin', 'default'],
    p.durationMin.default,
    duration,
  );
  const weightBasis = ps?.weightBasis ?? s.weightBasisDefault ?? p.weightBasis;
  const weightPath =
    ps?.weightBasis !== undefined ? ['protocols', id, 'weightBasis'] : ['weightBasisDefault'];
  note(weightPath, ['protocols', id, 'weightBasis'], p.weightBasis, weightBasis);
  return {
    ...p,
    doseMgPerKg: { ...p.doseMgPerKg, default: dose },
    durationMin: { ...p.durationMin, default: duration },
    weightBasis,
  };
}

function applyGuardrails(
  id: ProtocolId,
  base: DoseGuardrails,
  gs: GuardrailSettings | undefined,
  note: Note,
  settingsRoot: readonly PropertyKey[] = ['guardrails', id],
  kbRoot: readonly PropertyKey[] = ['doseGuardrails', id],
  scope: 'clinic' | 'location' = 'clinic',
): DoseGuardrails {
  if (gs === undefined) return base;
  for (const field of SOFT_HARD_FIELDS) {
    for (const kind of ['soft', 'hard'] as const) {
      for (const side of ['min', 'max'] as const) {
        const to = gs[field]?.[kind]?.[side];
        if (to !== undefined)
          note(
            [...settingsRoot, field, kind, side],
            [...kbRoot, field, kind, side],
            base[field][kind][side],
            to,
          );
      }
    }
  }
  for (const side of ['min', 'max'] as const) {
    const to = gs.weightKg?.hard?.[side];
    if (to !== undefined)
      note(
        [...settingsRoot, 'weightKg', 'hard', side],
        [...kbRoot, 'weightKg', 'hard', side],
        base.weightKg.hard[side],
        to,
      );
  }
  for (const key of [
    'weightChangeSoftFraction',
    'lbKgMixupTolerance',
    'weightMaxAgeDays',
  ] as const) {
    const to = gs[key];
    if (to !== undefined) note([...settingsRoot, key], [...kbRoot, key], base[key], to);
  }
  return mergeGuardrails(base, gs, scope);
}

function withSeverity<T extends { readonly code: string; readonly severity: Severity }>(
  list: readonly T[],
  listName: string,
  s: ClinicSettings,
  note: Note,
): T[] {
  return list.map((entry) => {
    const to = s.severities?.[entry.code];
    if (to === undefined) return entry;
    note(['severities', entry.code], [listName, entry.code, 'severity'], entry.severity, to);
    return { ...entry, severity: to };
  });
}

function overrideBp(threshold: BpThreshold, to: number | undefined): BpThreshold {
  if (to === undefined || to === threshold.valueMmHg) return threshold;
  return {
    ...threshold,
    valueMmHg: to,
    basis: 'clinic-setting',
    note: `Set by the clinic (knowledge-base default ${threshold.valueMmHg} mmHg). ${threshold.note}`,
  };
}

function applyBloodPressure(
  code: string,
  bp: BloodPressureThresholds,
  s: ClinicSettings,
  note: Note,
): BloodPressureThresholds {
  const set = s.bloodPressure;
  if (set === undefined) return bp;
  const pairs = [
    ['soft', 'systolic', set.softSystolicMmHg, 'softSystolicMmHg'],
    ['soft', 'diastolic', set.softDiastolicMmHg, 'softDiastolicMmHg'],
    ['hard', 'systolic', set.hardSystolicMmHg, 'hardSystolicMmHg'],
    ['hard', 'diastolic', set.hardDiastolicMmHg, 'hardDiastolicMmHg'],
  ] as const;
  for (const [kind, axis, to, key] of pairs) {
    if (to !== undefined)
      note(
        ['bloodPressure', key],
        ['contraindications', code, 'bloodPressure', kind, axis, 'valueMmHg'],
        bp[kind][axis].valueMmHg,
        to,
      );
  }
  return {
    ...bp,
    soft: {
      systolic: overrideBp(bp.soft.systolic, set.softSystolicMmHg),
      diastolic: overrideBp(bp.soft.diastolic, set.softDiastolicMmHg),
    },
    hard: {
      systolic: overrideBp(bp.hard.systolic, set.hardSystolicMmHg),
      diastolic: overrideBp(bp.hard.diastolic, set.hardDiastolicMmHg),
    },
  };
}

/** Branding stays absent (not null) until a clinic sets it, so the default base keeps its hash. */
function withBranding(
  clinic: Omit<ClinicProfile, 'branding'>,
  branding: ClinicBranding | undefined,
): ClinicProfile {
  return branding === undefined ? clinic : { ...clinic, branding };
}

/**
 * Applies checked clinic settings to a knowledge base and lists every value that changed in
 * `overrides` (paths in both the settings and the knowledge base). No-op settings are not listed.
 */
export function applySettingsToContent(base: KnowledgeBase, s: ClinicSettings): KnowledgeContent {
  const overrides: Override[] = [...base.overrides];
  const note: Note = (path, target, from, to) => {
    const previous = from ?? null;
    if (previous !== to)
      overrides.push({ path: formatPath(path), target: formatPath(target), from: previous, to });
  };

  const name = s.clinicName ?? base.clinic.name;
  note(['clinicName'], ['clinic', 'name'], base.clinic.name, name);
  const weightBasisDefault = s.weightBasisDefault ?? base.clinic.weightBasisDefault;
  note(
    ['weightBasisDefault'],
    ['clinic', 'weightBasisDefault'],
    base.clinic.weightBasisDefault,
    weightBasisDefault,
  );

  const branding = applyBrandingSettings(base.clinic.branding, s.branding, note);

  const protocols = buildRecord(PROTOCOL_IDS, (id) =>
    applyProtocol(id, base.protocols[id], s, note),
  );
  const doseGuardrails = buildRecord(PROTOCOL_IDS, (id) =>
    applyGuardrails(id, base.doseGuardrails[id], s.guardrails?.[id], note),
  );
  const locationGuardrails: Record<string, Partial<Record<ProtocolId, DoseGuardrails>>> = {
    ...base.locationGuardrails,
  };
  for (const [code, location] of Object.entries(s.locations ?? {})) {
    const byProtocol: Partial<Record<ProtocolId, DoseGuardrails>> = {};
    for (const id of PROTOCOL_IDS) {
      const gs = location.guardrails?.[id];
      if (gs === undefined) continue;
      byProtocol[id] = applyGuardrails(
        id,
        doseGuardrails[id],
        gs,
        note,
        ['locations', code, 'guardrails', id],
        ['locationGuardrails', code, id],
        'location',
      );
    }
    locationGuardrails[code] = byProtocol;
  }
  const prep = s.infusionPreparation;
  const infusionPreparation = { ...base.infusionPreparation, ...prep };
  for (const key of [
    'diluent',
    'vialConcentrationMgPerMl',
    'bagVolumeMl',
    'bagMode',
    'volumeIncrementMl',
    'rateIncrementMlPerHour',
  ] as const) {
    note(
      ['infusionPreparation', key],
      ['infusionPreparation', key],
      base.infusionPreparation[key],
      infusionPreparation[key],
    );
  }
  const contraindications = withSeverity(base.contraindications, 'contraindications', s, note).map(
    (c) =>
      c.bloodPressure === undefined
        ? c
        : {
            ...c,
            bloodPressure: applyBpReadingWindow(
              c.code,
              applyBloodPressure(c.code, c.bloodPressure, s, note),
              s,
              note,
            ),
          },
  );
  const interactions = withSeverity(base.interactions, 'interactions', s, note);
  const pregnancyAndLactation = withSeverity(
    base.pregnancyAndLactation,
    'pregnancyAndLactation',
    s,
    note,
  ).map((g) => applyPregnancyStatusSettings(g, s, note));

  const prices = s.prices;
  const currency = prices?.currency ?? base.costs.currency;
  note(['prices', 'currency'], ['costs', 'currency'], base.costs.currency, currency);
  const consultPrice =
    prices?.consultPrice === undefined ? base.costs.consultPrice : prices.consultPrice;
  note(
    ['prices', 'consultPrice'],
    ['costs', 'consultPrice'],
    base.costs.consultPrice,
    consultPrice,
  );
  const infusionPriceByIndication = buildRecord<IndicationId, number | null>(
    INDICATION_IDS,
    (id) => {
      const from = base.costs.infusionPriceByIndication[id];
      const set = prices?.infusionPriceByIndication?.[id];
      const to = set === undefined ? from : set;
      note(
        ['prices', 'infusionPriceByIndication', id],
        ['costs', 'infusionPriceByIndication', id],
        from,
        to,
      );
      return to;
    },
  );

  const { knowledgeVersion: _previous, ...rest } = base;
  return {
    ...rest,
    clinic: withBranding({ name, weightBasisDefault }, branding),
    protocols,
    doseGuardrails,
    locationGuardrails,
    infusionPreparation,
    scheduling: applySchedulingSettings(base.scheduling, s.scheduling, note),
    outcomes: applyOutcomesSettings(base.outcomes, s.outcomes, note),
    monitoring: applyMonitoringSettings(base.monitoring, s.monitoring, note),
    crisisResources: applyCrisisResourcesSettings(base.crisisResources, s.crisisResources, note),
    contraindications,
    interactions,
    pregnancyAndLactation,
    costs: { ...base.costs, currency, consultPrice, infusionPriceByIndication },
    overrides,
  };
}
