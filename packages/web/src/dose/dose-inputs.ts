/**
 * The calculator's inputs as typed (text, so half-typed numbers survive), how they start from the
 * patient's record and the clinic's knowledge base, and the dose request they make.
 */
import {
  KETAMINE_VIAL_STRENGTHS_MG_PER_ML,
  getNasalSprayDevice,
  nasalDoseOptionsMg,
  type DoseProduct,
  type DoseRequest,
  type KnowledgeBase,
  type WeightBasis,
} from '@ketaflow/core';
import type { Patient } from '../api/patient-types';
import { latestHeight, previousWeight } from './record-facts';

/** The vial strengths the calculator accepts (the knowledge base's ketamine injections). */
export const VIAL_STRENGTHS: readonly string[] = KETAMINE_VIAL_STRENGTHS_MG_PER_ML.map(String);

/**
 * The nasal spray's device strength and its whole-device doses up to the labeled maximum, as
 * options and as text (`28, 56 or 84 mg`).
 */
export function nasalDoses(kb: KnowledgeBase): {
  mgPerDevice: number;
  dosesMg: string[];
  dosesText: string;
} {
  const device = getNasalSprayDevice(kb);
  const dosesMg = nasalDoseOptionsMg(device).map(String);
  const head = dosesMg.slice(0, -1).join(', ');
  const last = dosesMg.at(-1) ?? '';
  return {
    mgPerDevice: device.mgPerDevice,
    dosesMg,
    dosesText: `${head === '' ? last : `${head} or ${last}`} mg`,
  };
}

/**
 * The doses a session may give by the knowledge base's esketamine schedules (56 and 84 mg in the
 * built-in base), smallest first, labelled with their number of devices: `56 mg (2 devices)`.
 */
export function sessionNasalDoseOptions(kb: KnowledgeBase): { value: string; label: string }[] {
  const { mgPerDevice } = getNasalSprayDevice(kb);
  const doses = new Set(
    kb.esketamineSchedules.flatMap((s) => s.phases.flatMap((p) => p.doseOptionsMg)),
  );
  return [...doses]
    .sort((a, b) => a - b)
    .map((mg) => {
      const devices = mg / mgPerDevice;
      return {
        value: String(mg),
        label: `${String(mg)} mg (${String(devices)} device${devices === 1 ? '' : 's'})`,
      };
    });
}

export type BagMode = 'add-to-bag' | 'withdraw-equal-volume';

export interface DoseInputs {
  product: DoseProduct;
  indication: string;
  location: string;
  weight: string;
  weightUnit: 'kg' | 'lb';
  weightMeasuredOn: string;
  height: string;
  heightUnit: 'cm' | 'in';
  sex: 'female' | 'male' | '';
  /** Empty: the protocol's basis. */
  weightBasis: WeightBasis | '';
  dose: string;
  doseUnit: 'mg/kg' | 'mg';
  duration: string;
  durationUnit: 'min' | 'h';
  concentration: string;
  bagVolume: string;
  bagMode: BagMode;
  nasalDose: string;
  /** Override reasons by soft-limit code; only limits hit now are sent. */
  reasons: Record<string, string>;
}

/** Field names that problems can be shown under. */
export type DoseField = Exclude<keyof DoseInputs, 'reasons' | `${string}Unit`>;

/** Starts from the record: latest weight with its date, latest height, sex; the clinic's bag. */
export function initialInputs(kb: KnowledgeBase, patient: Patient | undefined): DoseInputs {
  const latest = patient?.latestWeight ?? null;
  const height = patient === undefined ? undefined : latestHeight(patient);
  const sex = patient?.sex;
  return {
    product: 'ketamine-iv',
    indication: '',
    location: '',
    weight: latest === null ? '' : String(latest.weightKg),
    weightUnit: 'kg',
    weightMeasuredOn: latest?.measuredOn ?? '',
    height: height === undefined ? '' : String(height.heightCm),
    heightUnit: 'cm',
    sex: sex === 'female' || sex === 'male' ? sex : '',
    weightBasis: '',
    dose: '',
    doseUnit: 'mg/kg',
    duration: '',
    durationUnit: 'min',
    concentration: '',
    bagVolume: String(kb.infusionPreparation.bagVolumeMl),
    bagMode: kb.infusionPreparation.bagMode,
    nasalDose: '',
    reasons: {},
  };
}

/** A typed number: empty is absent; anything else goes to the calculator, which names what is wrong. */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** True when the weight field still holds the record's latest weight, unchanged. */
export function isRecordedWeight(inputs: DoseInputs, patient: Patient | undefined): boolean {
  const latest = patient?.latestWeight ?? null;
  return (
    latest !== null &&
    inputs.weightUnit === 'kg' &&
    parseDecimal(inputs.weight) === latest.weightKg &&
    inputs.weightMeasuredOn === latest.measuredOn
  );
}

function quantity<U extends string>(text: string, unit: U): { value: number; unit: U } | undefined {
  const value = parseDecimal(text);
  return value === undefined ? undefined : { value, unit };
}

/**
 * The weight the entered one is checked against (change, lb/kg mix-up): the weight recorded
 * before it. When the record's latest weight is used, that is the one before the latest.
 */
function lastRecordedWeight(
  inputs: DoseInputs,
  patient: Patient | undefined,
): DoseRequest['lastRecordedWeight'] {
  if (patient === undefined) return undefined;
  const last = isRecordedWeight(inputs, patient) ? previousWeight(patient) : patient.latestWeight;
  return last === null || last === undefined
    ? undefined
    : { valueKg: last.weightKg, measuredOn: last.measuredOn };
}

interface RequestContext {
  kb: KnowledgeBase;
  patient: Patient | undefined;
  /** Today, `YYYY-MM-DD`: the weight's age is counted to it. */
  asOf: string;
}

/** The dose request the inputs make, without override reasons (see `withOverrides`). */
export function toDoseRequest(inputs: DoseInputs, context: RequestContext): DoseRequest {
  const common = {
    product: inputs.product,
    ...(inputs.indication === '' ? {} : { indication: inputs.indication }),
    ...(inputs.location === '' ? {} : { location: inputs.location }),
  };
  if (inputs.product === 'esketamine-nasal') {
    const dose = quantity(inputs.nasalDose, 'mg' as const);
    return { ...common, ...(dose === undefined ? {} : { dose }) };
  }
  const weight = quantity(inputs.weight, inputs.weightUnit);
  const height = quantity(inputs.height, inputs.heightUnit);
  const dose = quantity(inputs.dose, inputs.doseUnit);
  const duration = quantity(inputs.duration, inputs.durationUnit);
  const concentration = quantity(inputs.concentration, 'mg/mL' as const);
  const bagVolume = quantity(inputs.bagVolume, 'mL' as const);
  const last = lastRecordedWeight(inputs, context.patient);
  const prep = context.kb.infusionPreparation;
  return {
    ...common,
    ...(weight === undefined
      ? {}
      : {
          weight:
            inputs.weightMeasuredOn === ''
              ? weight
              : { ...weight, measuredOn: inputs.weightMeasuredOn },
        }),
    ...(height === undefined ? {} : { height }),
    ...(inputs.sex === '' ? {} : { sex: inputs.sex }),
    ...(inputs.weightBasis === '' ? {} : { weightBasis: inputs.weightBasis }),
    ...(dose === undefined ? {} : { dose }),
    ...(duration === undefined ? {} : { duration }),
    ...(concentration === undefined ? {} : { concentration }),
    // Only a bag other than the clinic's is sent, so a saved request shows the deviation.
    ...(bagVolume === undefined || bagVolume.value === prep.bagVolumeMl ? {} : { bagVolume }),
    ...(inputs.bagMode === prep.bagMode ? {} : { bagMode: inputs.bagMode }),
    ...(last === undefined ? {} : { lastRecordedWeight: last }),
    asOf: context.asOf,
  };
}
