import type { ProtocolId } from '../ids';
import type { DefaultedRange } from '../schema/common';
import type { CourseLength, InfusionProtocol, SeedWording } from '../schema/protocol';

// Seed: "0.5 mg/kg IV infusion over 40 minutes" for every psychiatric indication.
const halfMgPerKg: DefaultedRange = { min: 0.5, max: 0.5, default: 0.5 };
const fortyMinutes: DefaultedRange = { min: 40, max: 40, default: 40 };
// Seed ranges "0.1-0.5 mg/kg". Default = LOWER bound: a conservative, documented choice, since
// the seed gives no single value; a clinic may move it within the range.
const lowDoseRange: DefaultedRange = { min: 0.1, max: 0.5, default: 0.1 };
// Seed "over 4-6 hours"; default = lower bound (same rule as the dose). At the default dose the
// rate (0.025 mg/kg/h) is far below every rate limit.
const fourToSixHours: DefaultedRange = { min: 240, max: 360, default: 240 };
// Seed "over 1-4 hours"; default = lower bound. 0.1 mg/kg over 60 min is 0.1 mg/kg/h, the
// starting rate of the refractory-headache series [S60].
const oneToFourHours: DefaultedRange = { min: 60, max: 240, default: 60 };
const fourToSixWeeks: CourseLength = { minWeeks: 4, maxWeeks: 6 };

const psychiatricDoseWording = '0.5 mg/kg into a vein, run over 40 minutes, as the starting dose';
const variesWording = 'varies with how the person responds';
const variesNote = 'Varies with response: the seed gives no fixed course length.';

interface WeeklyProtocolInput {
  readonly id: ProtocolId;
  readonly courseLength: CourseLength | null;
  readonly frequencyWording: string;
  readonly courseWording: string;
  readonly evidenceNote: string;
  readonly sources: readonly string[];
}

/** The seed's shape for psychiatric indications: 0.5 mg/kg over 40 min, 1-2 times a week. */
function weeklyProtocol(input: WeeklyProtocolInput): InfusionProtocol {
  const seedWording: SeedWording = {
    dose: psychiatricDoseWording,
    frequency: input.frequencyWording,
    courseLength: input.courseWording,
  };
  return {
    id: input.id,
    indicationId: input.id,
    medicationId: 'ketamine',
    route: 'IV',
    population: 'adults',
    labelStatus: 'off-label',
    doseMgPerKg: halfMgPerKg,
    durationMin: fortyMinutes,
    schedule: 'weekly',
    sessionsPerWeek: { min: 1, max: 2 },
    courseLength: input.courseLength,
    courseLengthNote: input.courseLength === null ? variesNote : `Seed: ${input.courseWording}.`,
    weightBasis: 'actual',
    seedWording,
    evidenceNote: input.evidenceNote,
    sources: ['SEED', ...input.sources],
  };
}

interface AsNeededProtocolInput {
  readonly id: ProtocolId;
  readonly durationMin: DefaultedRange;
  readonly doseWording: string;
  readonly frequencyWording: string;
  readonly evidenceNote: string;
  readonly sources: readonly string[];
}

/** The seed's shape for pain indications: 0.1-0.5 mg/kg over hours, as needed. */
function asNeededProtocol(input: AsNeededProtocolInput): InfusionProtocol {
  return {
    id: input.id,
    indicationId: input.id,
    medicationId: 'ketamine',
    route: 'IV',
    population: 'adults',
    labelStatus: 'off-label',
    doseMgPerKg: lowDoseRange,
    durationMin: input.durationMin,
    schedule: 'as-needed',
    sessionsPerWeek: null,
    courseLength: null,
    courseLengthNote: variesNote,
    weightBasis: 'actual',
    seedWording: {
      dose: input.doseWording,
      frequency: input.frequencyWording,
      courseLength: variesWording,
    },
    evidenceNote: input.evidenceNote,
    sources: ['SEED', ...input.sources],
  };
}

const painRateNote =
  'The seed gives a total of 0.1-0.5 mg/kg spread over 4-6 hours, i.e. about 0.017-0.125 mg/kg/h. The ASRA guideline infuses 0.5-2 mg/kg/h and suggests at least 80 mg over more than 2 hours, so the seed dose is far lower (a 70-kg patient gets 7-35 mg). The seed may have meant mg/kg/h; a prescriber must confirm which is intended before use.';

export const protocols: Readonly<Record<ProtocolId, InfusionProtocol>> = {
  depression: weeklyProtocol({
    id: 'depression',
    courseLength: fourToSixWeeks,
    frequencyWording: 'usually once or twice a week',
    courseWording: 'often 4-6 weeks, depending on response',
    evidenceNote:
      'The dose matches most published research. Trial courses were denser than the seed: 6 infusions twice weekly over 3 weeks (ELEKT-D), up to 6 over 12 days, or up to 12 three times weekly. Few patients respond after 3 infusions if they have not by then.',
    sources: ['S40', 'S47', 'S49', 'S50'],
  }),
  anxiety: weeklyProtocol({
    id: 'anxiety',
    courseLength: null,
    frequencyWording: 'once or twice a week',
    courseWording: variesWording,
    evidenceNote:
      'No trial regimen for anxiety disorders was found; the numbers repeat the depression protocol on the seed page.',
    sources: [],
  }),
  ptsd: weeklyProtocol({
    id: 'ptsd',
    courseLength: fourToSixWeeks,
    frequencyWording: 'once or twice a week',
    courseWording: 'typically 4-6 weeks',
    evidenceNote:
      'Trials gave 0.5 mg/kg over 40 minutes three times a week for 2 weeks, or twice weekly for 4 weeks; results for PTSD symptoms conflict.',
    sources: ['S55', 'S57'],
  }),
  'chronic-pain': asNeededProtocol({
    id: 'chronic-pain',
    durationMin: fourToSixHours,
    doseWording: '0.1-0.5 mg/kg into a vein, run over 4-6 hours, as the starting dose',
    frequencyWording: 'as needed, guided by how severe the pain is',
    evidenceNote: painRateNote,
    sources: ['S43'],
  }),
  'bipolar-disorder': weeklyProtocol({
    id: 'bipolar-disorder',
    courseLength: fourToSixWeeks,
    frequencyWording: 'once or twice a week',
    courseWording: 'typically 4-6 weeks',
    evidenceNote:
      'The trial gave a single 0.5 mg/kg infusion added to lithium or valproate; no repeated course was studied. Watch for a switch into mania.',
    sources: ['S51'],
  }),
  'suicidal-ideation': weeklyProtocol({
    id: 'suicidal-ideation',
    courseLength: null,
    frequencyWording: 'once or twice a week',
    courseWording: variesWording,
    evidenceNote:
      'The labelled option is esketamine nasal spray (its schedule for depression with acute suicidal ideation or behaviour). No IV ketamine regimen was confirmed in the reference.',
    sources: ['S14'],
  }),
  ocd: weeklyProtocol({
    id: 'ocd',
    courseLength: null,
    frequencyWording: 'once or twice a week',
    courseWording: variesWording,
    evidenceNote:
      'The positive trial gave one 0.5 mg/kg infusion over 40 minutes; no repeated course was studied.',
    sources: ['S58'],
  }),
  'substance-use-disorder': weeklyProtocol({
    id: 'substance-use-disorder',
    courseLength: null,
    frequencyWording: 'once or twice a week',
    courseWording: variesWording,
    evidenceNote:
      'No trial regimen was found; the numbers repeat the depression protocol. Active substance abuse argues against serial infusions in the pain guideline.',
    sources: ['S43'],
  }),
  migraine: asNeededProtocol({
    id: 'migraine',
    durationMin: oneToFourHours,
    doseWording: '0.1-0.5 mg/kg into a vein, run over 1-4 hours, as the starting dose',
    frequencyWording: 'as needed, guided by how severe the migraines are',
    evidenceNote:
      'The seed gives a total of 0.1-0.5 mg/kg spread over 1-4 hours, i.e. about 0.025-0.5 mg/kg/h. Published regimens for refractory migraine were continuous inpatient infusions over days: start 0.1 mg/kg/h, raise in small steps, never above 1 mg/kg/h.',
    sources: ['S60', 'S62'],
  }),
  fibromyalgia: asNeededProtocol({
    id: 'fibromyalgia',
    durationMin: fourToSixHours,
    doseWording: '0.1-0.5 mg/kg into a vein, run over 4-6 hours, as the starting dose',
    frequencyWording: 'as needed, guided by how severe the pain is',
    evidenceNote: `Trials gave 0.3-0.5 mg/kg over 10-30 minutes with no lasting benefit. ${painRateNote}`,
    sources: ['S43', 'S63', 'S64'],
  }),
};
