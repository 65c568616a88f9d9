/**
 * One entry point for every caller (CLI, HTTP, browser form): a dose request in plain JSON terms
 * is checked field by field, resolved against the clinic's knowledge base (protocol, location
 * guardrails, infusion preparation) and calculated. `doseToJson` gives the public JSON shape of
 * design.md: quantities as `{ value, unit }` with UCUM units.
 */
import { PROTOCOL_IDS, type ProtocolId } from '../knowledge/ids';
import { getNasalSprayDevice } from '../knowledge/queries';
import type { KnowledgeBase } from '../knowledge/schema/knowledge-base';
import { err, ok, type Problem, type Result } from '../result';
import { calculateInfusion } from './calculate-infusion';
import { calculateNasalDose } from './calculate-nasal';
import { dosingProtocolFor, infusionSettingsFor } from './from-knowledge';
import { DOSE_PROBLEM, describeValue, problem } from './problems';
import type { InputQuantity, Quantity } from './quantity';
import type {
  InfusionCalculation,
  InfusionInput,
  InfusionSettings,
  LimitClinicSetting,
  LimitFinding,
  NasalCalculation,
  Sex,
  SoftLimitOverride,
  WeightBasis,
} from './types';

export const DOSE_PRODUCTS = ['ketamine-iv', 'esketamine-nasal'] as const;
export type DoseProduct = (typeof DOSE_PRODUCTS)[number];

/** What a caller asks for. Quantities carry their unit; nothing clinical is defaulted by callers. */
export interface DoseRequest {
  /** Defaults to `ketamine-iv`. */
  readonly product?: DoseProduct;
  /** The indication whose protocol applies; required for ketamine IV. */
  readonly indication?: string;
  /** Location code: its guardrails apply when the clinic set any for it. */
  readonly location?: string;
  readonly weight?: InputQuantity<'kg' | 'lb'> & { readonly measuredOn?: string };
  readonly height?: InputQuantity<'cm' | 'in'>;
  readonly sex?: Sex;
  readonly weightBasis?: WeightBasis;
  readonly dose?: InputQuantity<'mg/kg' | 'mg'>;
  readonly duration?: InputQuantity<'min' | 'h'>;
  /** Vial strength; without it the clinic's stocked strength (a clinic setting) is used. */
  readonly concentration?: InputQuantity<'mg/mL'>;
  /** A bag other than the clinic's default one. */
  readonly bagVolume?: InputQuantity<'mL'>;
  readonly bagMode?: InfusionSettings['bagMode'];
  readonly lastRecordedWeight?: { readonly valueKg: number; readonly measuredOn: string };
  readonly asOf?: string;
  readonly overrides?: readonly SoftLimitOverride[];
}

export type DoseOutcome =
  | { readonly product: 'ketamine-iv'; readonly calculation: InfusionCalculation }
  | { readonly product: 'esketamine-nasal'; readonly calculation: NasalCalculation };

const REQUEST_KEYS = new Set<string>([
  'product',
  'indication',
  'location',
  'weight',
  'height',
  'sex',
  'weightBasis',
  'dose',
  'duration',
  'concentration',
  'bagVolume',
  'bagMode',
  'lastRecordedWeight',
  'asOf',
  'overrides',
]);

const NASAL_IGNORED = [
  'weight',
  'height',
  'weightBasis',
  'duration',
  'concentration',
  'bagVolume',
  'bagMode',
] as const;

function isProtocolId(value: string): value is ProtocolId {
  return (PROTOCOL_IDS as readonly string[]).includes(value);
}

function settingsWith(
  base: InfusionSettings,
  request: DoseRequest,
  problems: Problem[],
): InfusionSettings {
  let settings = base;
  const bag = request.bagVolume as unknown;
  if (bag !== undefined) {
    const q = (typeof bag === 'object' && bag !== null ? bag : {}) as Record<string, unknown>;
    const value = q['value'];
    if (q['unit'] !== 'mL' || typeof value !== 'number') {
      problems.push(
        problem(
          DOSE_PROBLEM.INVALID_INPUT,
          'bagVolume',
          'bagVolume must be a volume in mL, e.g. { "value": 250, "unit": "mL" }',
        ),
      );
    } else if (!(value > 0 && value <= 1000)) {
      problems.push(
        problem(
          DOSE_PROBLEM.OUT_OF_RANGE,
          'bagVolume',
          `bagVolume must be more than 0 and at most 1000 mL, got ${describeValue(value)}`,
        ),
      );
    } else {
      settings = { ...settings, bagVolumeMl: value };
    }
  }
  const mode = request.bagMode as unknown;
  if (mode !== undefined) {
    if (mode !== 'add-to-bag' && mode !== 'withdraw-equal-volume') {
      problems.push(
        problem(
          DOSE_PROBLEM.INVALID_INPUT,
          'bagMode',
          `bagMode must be 'add-to-bag' or 'withdraw-equal-volume', got ${describeValue(mode)}`,
        ),
      );
    } else {
      settings = { ...settings, bagMode: mode };
    }
  }
  return settings;
}

/**
 * Checks a request from any source and calculates it with the clinic's knowledge base. Every
 * problem comes back at once with the path of its field; unknown fields are errors too, so a
 * misspelt option is never silently ignored.
 */
export function calculateDose(kb: KnowledgeBase, input: unknown): Result<DoseOutcome, Problem[]> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return err([problem(DOSE_PROBLEM.INVALID_INPUT, '', 'the dose request must be an object')]);
  }
  const request = input as DoseRequest;
  const problems: Problem[] = [];
  for (const key of Object.keys(input)) {
    if (!REQUEST_KEYS.has(key))
      problems.push(problem(DOSE_PROBLEM.INVALID_INPUT, key, `${key} is not a dose request field`));
  }
  const product = (request.product as unknown) ?? 'ketamine-iv';
  if (product === 'esketamine-nasal') {
    const device = getNasalSprayDevice(kb);
    for (const key of NASAL_IGNORED) {
      if (request[key] !== undefined)
        problems.push(
          problem(
            DOSE_PROBLEM.INVALID_INPUT,
            key,
            `${key} does not apply to the esketamine nasal spray (the dose is a whole number of ${device.mgPerDevice} mg devices)`,
          ),
        );
    }
    if (problems.length > 0) return err(problems);
    const nasal = calculateNasalDose(device, { dose: request.dose as InputQuantity<'mg'> });
    return nasal.ok ? ok({ product, calculation: nasal.value }) : nasal;
  }
  if (product !== 'ketamine-iv') {
    problems.push(
      problem(
        DOSE_PROBLEM.INVALID_INPUT,
        'product',
        `product must be 'ketamine-iv' or 'esketamine-nasal', got ${describeValue(product)}`,
      ),
    );
    return err(problems);
  }
  const indication = request.indication as unknown;
  if (typeof indication !== 'string' || !isProtocolId(indication)) {
    problems.push(
      problem(
        indication === undefined ? DOSE_PROBLEM.MISSING_INPUT : DOSE_PROBLEM.INVALID_INPUT,
        'indication',
        indication === undefined
          ? `indication is required for a ketamine infusion: one of ${PROTOCOL_IDS.join(', ')}`
          : `indication ${describeValue(indication)} is not one of ${PROTOCOL_IDS.join(', ')}`,
      ),
    );
  }
  const location = request.location as unknown;
  if (location !== undefined && typeof location !== 'string') {
    problems.push(
      problem(DOSE_PROBLEM.INVALID_INPUT, 'location', 'location must be a location code'),
    );
  }
  const settings = settingsWith(infusionSettingsFor(kb), request, problems);
  if (typeof indication !== 'string' || !isProtocolId(indication)) {
    // Still check the rest against any protocol, so every problem is reported at once.
    const probe = calculateInfusion(
      toInfusionInput(request, dosingProtocolFor(kb, PROTOCOL_IDS[0]), settings),
    );
    if (!probe.ok) problems.push(...probe.error.map(requestPath));
    return err(problems);
  }
  const locationCode = typeof location === 'string' ? location : undefined;
  const protocol = dosingProtocolFor(kb, indication, locationCode);
  const stocked = kb.infusionPreparation.vialConcentrationMgPerMl;
  const withVial: DoseRequest =
    request.concentration === undefined
      ? { ...request, concentration: { value: stocked, unit: 'mg/mL' } }
      : request;
  const result = calculateInfusion(toInfusionInput(withVial, protocol, settings));
  if (!result.ok) return err([...problems, ...result.error.map(requestPath)]);
  if (problems.length > 0) return err(problems);
  const vialNote =
    request.concentration === undefined
      ? [`Vial ${stocked} mg/mL is the clinic's stocked strength (clinic setting): check the vial.`]
      : [];
  const locationNote =
    locationCode !== undefined && kb.locationGuardrails[locationCode]?.[indication] === undefined
      ? [
          `Location ${locationCode} sets no guardrails of its own for ${indication}: the clinic's apply.`,
        ]
      : [];
  if (vialNote.length === 0 && locationNote.length === 0)
    return ok({ product, calculation: result.value });
  return ok({
    product,
    calculation: {
      ...result.value,
      notes: [...result.value.notes, ...vialNote, ...locationNote],
    },
  });
}

/** The calculator's field names, as the request spells them. */
function requestPath(p: Problem): Problem {
  const path = p.path;
  if (path === 'vialConcentration' || path?.startsWith('vialConcentration.') === true)
    return {
      ...p,
      path: `concentration${path.slice('vialConcentration'.length)}`,
      message: p.message.replace(/^vialConcentration/, 'concentration'),
    };
  return p;
}

function toInfusionInput(
  r: DoseRequest,
  protocol: InfusionInput['protocol'],
  settings: InfusionSettings,
): InfusionInput {
  // Fields are passed through as given; calculateInfusion checks each one and names it.
  const input: Record<string, unknown> = {
    protocol,
    settings,
    weight: r.weight,
    vialConcentration: r.concentration,
  };
  if (r.dose !== undefined) input['dose'] = r.dose;
  if (r.height !== undefined) input['height'] = r.height;
  if (r.sex !== undefined) input['sex'] = r.sex;
  if (r.weightBasis !== undefined) input['weightBasis'] = r.weightBasis;
  if (r.duration !== undefined) input['duration'] = r.duration;
  if (r.lastRecordedWeight !== undefined) input['lastRecordedWeight'] = r.lastRecordedWeight;
  if (r.asOf !== undefined) input['asOf'] = r.asOf;
  if (r.overrides !== undefined) input['overrides'] = r.overrides;
  return input as unknown as InfusionInput;
}

/** A limit as the public JSON shows it. */
export interface DoseLimitJson {
  readonly level: 'soft' | 'hard';
  readonly code: string;
  readonly message: string;
  readonly field: LimitFinding['field'];
  readonly value: Quantity;
  readonly limit: Quantity;
  readonly overridden: boolean;
  readonly reason?: string;
  /**
   * `clinic-setting`: a clinic setting, which `clinicSetting` describes: the clinic (or this
   * location) set this limit in place of the knowledge base's, or no clinical source sets it (the
   * weight checks, or a bound the guardrails list in `settingDefaults`) and it is at the knowledge
   * base's default (`atDefault`); `knowledge-base`: the knowledge base's own sourced limit.
   */
  readonly basis: 'knowledge-base' | 'clinic-setting';
  readonly clinicSetting?: LimitClinicSetting;
}

/** The public JSON of a calculation (the `ketaflow dose --json` contract). */
export interface DoseJson {
  readonly product: DoseProduct;
  readonly indication: string | null;
  readonly dose: Quantity;
  readonly drugVolume: Quantity | null;
  /**
   * What the drug volume actually holds (volume × vial strength): the ordered dose moved by the
   * rounding of the volume to what the syringe measures; `null` for the nasal spray.
   */
  readonly drawnDose: Quantity | null;
  readonly totalVolume: Quantity | null;
  readonly concentration: Quantity | null;
  readonly vialConcentration: Quantity | null;
  readonly rate: Quantity | null;
  /** mg/kg/h. */
  readonly doseRate: Quantity | null;
  /** The same dose rate in mg/min. */
  readonly doseRatePerMin: Quantity | null;
  readonly duration: Quantity | null;
  readonly dosingWeight: (Quantity & { readonly basis: WeightBasis }) | null;
  readonly bagMode: InfusionSettings['bagMode'] | null;
  /** Nasal spray: number of devices (the knowledge base's mg per device); `null` for an infusion. */
  readonly devices: number | null;
  readonly limits: readonly DoseLimitJson[];
  readonly blocked: boolean;
  readonly requiresOverride: boolean;
  readonly steps: readonly string[];
  readonly notes: readonly string[];
}

/** One limit finding as the public JSON shows it (in `doseToJson`, and on CDS Hooks dose cards). */
export function limitToJson(l: LimitFinding): DoseLimitJson {
  return {
    level: l.level,
    code: l.code,
    message: l.message,
    field: l.field,
    value: l.value,
    limit: l.limit,
    overridden: l.overridden !== undefined,
    ...(l.overridden === undefined ? {} : { reason: l.overridden.reason }),
    basis: l.clinicSetting === undefined ? 'knowledge-base' : 'clinic-setting',
    ...(l.clinicSetting === undefined ? {} : { clinicSetting: l.clinicSetting }),
  };
}

export function doseToJson(outcome: DoseOutcome): DoseJson {
  if (outcome.product === 'esketamine-nasal') {
    const c = outcome.calculation;
    return {
      product: outcome.product,
      indication: null,
      dose: c.dose,
      drugVolume: null,
      drawnDose: null,
      totalVolume: null,
      concentration: null,
      vialConcentration: null,
      rate: null,
      doseRate: null,
      doseRatePerMin: null,
      duration: null,
      dosingWeight: null,
      bagMode: null,
      devices: c.devices,
      limits: c.limits.map(limitToJson),
      blocked: c.blocked,
      requiresOverride: c.requiresOverride,
      steps: c.steps,
      notes: c.notes,
    };
  }
  const c = outcome.calculation;
  return {
    product: outcome.product,
    indication: c.protocolId,
    dose: c.dose,
    drugVolume: c.drugVolume,
    drawnDose: c.drawnDose,
    totalVolume: c.totalVolume,
    concentration: c.concentration,
    vialConcentration: c.vialConcentration,
    rate: c.rate,
    doseRate: c.doseRate.mgPerKgPerHour,
    doseRatePerMin: c.doseRate.mgPerMin,
    duration: c.duration,
    dosingWeight: c.dosingWeight,
    bagMode: c.bagMode,
    devices: null,
    limits: c.limits.map(limitToJson),
    blocked: c.blocked,
    requiresOverride: c.requiresOverride,
    steps: c.steps,
    notes: c.notes,
  };
}
