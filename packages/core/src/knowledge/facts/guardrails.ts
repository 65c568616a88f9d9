import { PROTOCOL_IDS, type ProtocolId } from '../ids';
import type { DoseGuardrails, LimitRange, SettingDefaultBound } from '../schema/guardrails';
import type { InfusionProtocol } from '../schema/protocol';
import { protocols } from './protocols';

// Clinic-setting defaults with no clinical source: plausibility bounds chosen to catch typing and
// unit errors, documented in every protocol's notes.
const WEIGHT_HARD_MAX_KG = 250;
const weightHardKg: LimitRange = { min: 30, max: WEIGHT_HARD_MAX_KG };
const weightChangeSoftFraction = 0.1;
const lbKgMixupTolerance = 0.1;
const weightMaxAgeDays = 30;

// Soft max 2 mg/mL: the most concentrated maintenance dilution quoted from the label (1 mg/mL in
// 500 mL, 2 mg/mL in 250 mL) [S80]. Hard max 50 mg/mL: the strongest strength the label lets be
// given IV without dilution; 100 mg/mL must be diluted [S01][S05].
const finalConcentrationMgPerMl = { soft: { max: 2 }, hard: { max: 50 } } as const;

// Bounds whose defaults the notes call clinic settings: every protocol's hard dose maximum (each
// anchor's notes: CLINIC SETTING), and the total-dose backstop derived from it and the 250 kg
// weight setting. The weight range is marked as one by the dosing module itself.
const settingDefaults: readonly SettingDefaultBound[] = [
  { field: 'doseMgPerKg', level: 'hard', side: 'max' },
  { field: 'totalDoseMg', level: 'hard', side: 'max' },
];

interface GuardrailAnchors {
  /** Highest dose in mg/kg a session may reach (blocks above). */
  readonly hardDoseMaxMgPerKg: number;
  /** Highest rate in mg/kg/h (blocks above). */
  readonly hardRateMaxMgPerKgPerHour: number;
  readonly notes: string;
  readonly sources: readonly string[];
}

/**
 * Builds the limits of one protocol from its sourced range and two anchors, so every derived
 * number follows from the ones stated in `notes`. Hard limits only guard against harm (too much,
 * too fast, too concentrated); under-dosing and long infusions only warn.
 */
function buildGuardrails(protocol: InfusionProtocol, anchors: GuardrailAnchors): DoseGuardrails {
  const dose = protocol.doseMgPerKg;
  const duration = protocol.durationMin;
  return {
    doseMgPerKg: {
      soft: { min: dose.min, max: dose.max },
      hard: { max: anchors.hardDoseMaxMgPerKg },
    },
    totalDoseMg: {
      soft: {},
      // Backstop for unit errors: hard dose max at the heaviest plausible weight.
      hard: { max: anchors.hardDoseMaxMgPerKg * WEIGHT_HARD_MAX_KG },
    },
    doseRateMgPerKgPerHour: {
      // Protocol maximum dose over the protocol's shortest duration.
      soft: { max: (dose.max * 60) / duration.min },
      hard: { max: anchors.hardRateMaxMgPerKgPerHour },
    },
    durationMin: {
      soft: { min: duration.min, max: duration.max },
      // Protocol maximum dose cannot run faster than the hard rate limit.
      hard: { min: (dose.max * 60) / anchors.hardRateMaxMgPerKgPerHour },
    },
    finalConcentrationMgPerMl,
    weightKg: { hard: weightHardKg },
    weightChangeSoftFraction,
    lbKgMixupTolerance,
    weightMaxAgeDays,
    sources: ['SEED', ...anchors.sources, 'S01', 'S05', 'S07', 'S80'],
    notes: `${anchors.notes} ${commonNotes}`,
    settingDefaults,
  };
}

const commonNotes = [
  'Soft dose and duration limits are the seed protocol range.',
  'Soft rate max = protocol max dose over its shortest duration; hard duration min = protocol max dose at the hard rate max.',
  'Total dose hard max = hard dose max x 250 kg, a backstop for unit errors; no source gives a mg cap, so no soft total is set.',
  'Concentration: soft max 2 mg/mL (label dilutions of 1 and 2 mg/mL [S80]); hard max 50 mg/mL because 100 mg/mL is never given IV undiluted [S01][S05].',
  'No hard rate may exceed the Ketalar IV push ceiling of 0.5 mg/kg/min (30 mg/kg/h) [S07].',
  'CLINIC SETTINGS without a clinical source: weight 30-250 kg, 10% weight change, lb/kg mix-up band 0.1 around 2.2046, re-weigh after 30 days.',
].join(' ');

const psychiatric: GuardrailAnchors = {
  hardDoseMaxMgPerKg: 1.0,
  hardRateMaxMgPerKgPerHour: 1.5,
  notes:
    "No source gives a maximum psychiatric dose. CLINIC SETTING anchored to the reference: hard max 1.0 mg/kg, the highest arm of the Fava 2020 dose-finding trial, which added dissociation and BP rise but no benefit [S45]; hard rate 1.5 mg/kg/h is that dose over the trial's 40 minutes.",
  sources: ['S45'],
};

const pain: GuardrailAnchors = {
  hardDoseMaxMgPerKg: 2.0,
  hardRateMaxMgPerKgPerHour: 2.0,
  notes:
    'Hard rate max 2 mg/kg/h is the top of the ASRA infusion range (0.5-2 mg/kg/h; up to 7 only in refractory ICU cases) [S43]. CLINIC SETTING: hard dose max 2.0 mg/kg per session, the usual average anaesthetic IV dose [S05], so an awake outpatient never reaches an anaesthetic dose; it still allows the ASRA CRPS regimen of 0.35 mg/kg/h for 4 h (1.4 mg/kg) [S43].',
  sources: ['S43'],
};

const migraine: GuardrailAnchors = {
  hardDoseMaxMgPerKg: 2.0,
  hardRateMaxMgPerKgPerHour: 1.0,
  notes:
    'Hard rate max 1 mg/kg/h is the ceiling of the refractory-headache series [S60]. CLINIC SETTING: hard dose max 2.0 mg/kg per session, the usual average anaesthetic IV dose [S05].',
  sources: ['S60'],
};

const anchorsByProtocol: Readonly<Record<ProtocolId, GuardrailAnchors>> = {
  depression: psychiatric,
  anxiety: psychiatric,
  ptsd: psychiatric,
  'chronic-pain': pain,
  'bipolar-disorder': psychiatric,
  'suicidal-ideation': psychiatric,
  ocd: psychiatric,
  'substance-use-disorder': psychiatric,
  migraine,
  fibromyalgia: pain,
};

function buildAll(): Record<ProtocolId, DoseGuardrails> {
  const out = {} as Record<ProtocolId, DoseGuardrails>;
  for (const id of PROTOCOL_IDS) out[id] = buildGuardrails(protocols[id], anchorsByProtocol[id]);
  return out;
}

/** Dose guardrails per IV protocol, consumed by the dosing module. */
export const doseGuardrails: Readonly<Record<ProtocolId, DoseGuardrails>> = buildAll();
