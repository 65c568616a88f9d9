import type { ProductRules } from './compile-rules';
import { compareDateTimes, daysBetween, isAfterDay, isIsoDate, youngestAgeInYears } from './dates';
import { clip } from './finding';
import type {
  ConditionFact,
  EvidenceRef,
  Finding,
  PatientFacts,
  PregnancyStatusFact,
  ScreeningOptions,
  UnreadableFact,
} from './types';

/** Esketamine is not approved for children; the ketamine label warns of paediatric neurotoxicity. */
const ADULT_AGE_YEARS = 18;
const PAEDIATRIC_SOURCES = ['S25', 'S03'];

/** A partial birth date (`1990`) gives the youngest age it allows (see `youngestAgeInYears`). */
function ageOf(patient: PatientFacts, asOf: string): number | undefined {
  if (patient.birthDate !== undefined) return youngestAgeInYears(patient.birthDate, asOf);
  return patient.ageYears;
}

function unreadableOf(patient: PatientFacts, fact: UnreadableFact['fact']): UnreadableFact[] {
  return (patient.unreadable ?? []).filter((u) => u.fact === fact);
}

/** Evidence for a record that was not used, saying why. */
function notUsed(ref: EvidenceRef, why: string): EvidenceRef {
  return { reference: ref.reference, display: `${ref.display} (${why})` };
}

/**
 * A record that says the patient has died is never screened as eligible: critical, so the
 * decision is `contraindicated` whatever else the record holds.
 *
 * Kind `missing-data`: of the contract's kinds it fits best. It is not a `contraindication`
 * (no clinical rule of the knowledge base, no source, nothing a clinic setting may soften) nor a
 * `precaution` (there is nothing to manage during treatment). What the record lacks is any fact
 * about a living patient: either it is the wrong record or the death is recorded in error, and a
 * human must correct the record before screening means anything.
 */
export function screenDeceased(patient: PatientFacts, out: Finding[]): void {
  if (patient.deceased === undefined) return;
  out.push({
    kind: 'missing-data',
    severity: 'critical',
    code: 'SCREEN.PATIENT_DECEASED',
    summary: 'The record says this patient has died: it cannot be screened for treatment.',
    detail:
      'A record marked deceased describes no living patient, so none of its facts can support treatment. Either this is the wrong record or the death was recorded in error.',
    management:
      'Check the identity of the patient and the record. If the death was recorded in error, correct it and screen again.',
    evidence: [patient.deceased],
    sources: [],
  });
}

/** Age under 18 needs review; an unknown age is missing data. */
export function screenAge(
  patient: PatientFacts,
  rules: ProductRules,
  asOf: string,
  out: Finding[],
): number | undefined {
  const computed = ageOf(patient, asOf);
  // A date of birth after the screening date is an error in the record, not an age.
  const unborn = computed !== undefined && computed < 0;
  const age = unborn ? undefined : computed;
  if (age === undefined) {
    out.push({
      kind: 'missing-data',
      severity: 'warning',
      code: 'SCREEN.MISSING_AGE',
      summary: 'Age is unknown: record a date of birth before screening can be completed.',
      detail: 'Patients under 18 need review, so an unknown age cannot be treated as adult.',
      management: 'Record the date of birth.',
      evidence: [
        ...(unborn
          ? [
              {
                reference: patient.reference,
                display: `date of birth ${patient.birthDate ?? ''} (after ${asOf.slice(0, 10)}, the screening date)`,
              },
            ]
          : []),
        ...unreadableOf(patient, 'birth-date').map((u) => notUsed(u.ref, u.reason)),
        { reference: patient.reference, display: 'no date of birth or age' },
      ].slice(0, 1),
      sources: rules.sourcesOf(PAEDIATRIC_SOURCES),
    });
  } else if (age < ADULT_AGE_YEARS) {
    const partial = patient.birthDate !== undefined && !isIsoDate(patient.birthDate);
    out.push({
      kind: 'precaution',
      severity: 'warning',
      code: 'SCREEN.UNDER_18',
      summary: partial
        ? `Patient may be ${age} (born ${patient.birthDate ?? ''}): under 18, ketamine and esketamine need specialist review.`
        : `Patient is ${age}: under 18, ketamine and esketamine need specialist review.`,
      detail:
        'Esketamine is not approved for patients under 18, and the ketamine label warns about anaesthetic effects on the developing brain.',
      management: 'Refer to a specialist in child and adolescent psychiatry before any treatment.',
      evidence: [
        {
          reference: patient.reference,
          display:
            patient.birthDate === undefined
              ? `${age} years`
              : partial
                ? `born ${patient.birthDate} (partial date: ${age} years at the youngest)`
                : `born ${patient.birthDate.slice(0, 10)} (${age} years)`,
        },
      ],
      sources: rules.sourcesOf(PAEDIATRIC_SOURCES),
    });
  }
  return age;
}

/**
 * The latest dated status on or before `asOf`, by full date-time; when two cannot be told apart
 * a "pregnant" one stands, so a tie never hides a pregnancy.
 */
function latestStatus(
  statuses: readonly PregnancyStatusFact[],
): (PregnancyStatusFact & { readonly date: string }) | undefined {
  let latest: (PregnancyStatusFact & { readonly date: string }) | undefined;
  for (const s of statuses) {
    if (s.date === undefined) continue;
    const order = latest === undefined ? 1 : compareDateTimes(s.date, latest.date);
    if (order > 0 || (order === 0 && s.status === 'pregnant' && latest?.status !== 'pregnant'))
      latest = { ...s, date: s.date };
  }
  return latest;
}

/**
 * Pregnancy from the latest status observation or a current pregnancy record. A "not pregnant"
 * status counts only while recent, and only when it is dated on or before `asOf`: an undated or
 * future-dated one proves nothing now. A "pregnant" status is positive evidence of risk and is
 * never set aside for lacking a date or for being dated after `asOf`. With no current status,
 * someone who could be pregnant is missing data.
 */
export function screenPregnancy(
  patient: PatientFacts,
  pregnancyRecords: readonly ConditionFact[],
  age: number | undefined,
  rules: ProductRules,
  asOf: string,
  out: Finding[],
): void {
  const rule = rules.pregnancy;
  const statusRules = rules.pregnancyRules;
  if (rule === undefined || statusRules === undefined) return;
  const whyNotCurrent = (s: PregnancyStatusFact): string | undefined =>
    s.date === undefined
      ? 'undated, so not a current result'
      : isAfterDay(s.date, asOf)
        ? `dated ${s.date.slice(0, 10)}, after ${asOf}, so not a current result`
        : undefined;
  const latest = latestStatus(
    patient.pregnancyStatuses.filter((s) => whyNotCurrent(s) === undefined),
  );
  const latestAge = latest === undefined ? undefined : daysBetween(latest.date, asOf);
  const pregnantNotCurrent = patient.pregnancyStatuses.filter(
    (s) => s.status === 'pregnant' && whyNotCurrent(s) !== undefined,
  );
  const pregnantByStatus =
    latest?.status === 'pregnant' &&
    latestAge !== undefined &&
    latestAge <= statusRules.pregnantMaxAge.maxAgeDays;
  if (pregnantByStatus || pregnantNotCurrent.length > 0 || pregnancyRecords.length > 0) {
    out.push({
      kind: 'contraindication',
      severity: rule.ci.severity,
      code: rule.ci.code,
      summary: rule.ci.summary,
      detail: rule.ci.detail,
      management: rule.ci.management,
      evidence: [
        ...(pregnantByStatus ? [latest.ref] : []),
        ...pregnantNotCurrent.map((s) => s.ref),
        ...pregnancyRecords.map((c) => c.ref),
      ],
      sources: rule.sources,
    });
    return;
  }
  const notPregnant =
    latest?.status === 'not-pregnant' &&
    latestAge !== undefined &&
    latestAge <= statusRules.notPregnantMaxAge.maxAgeDays;
  if (notPregnant || patient.pregnancyNotPossible || patient.sex === 'male') return;
  const ask = statusRules.askAgeYears;
  if (age !== undefined && (age < ask.min || age > ask.max)) return;
  const setAside = patient.pregnancyStatuses.flatMap((s) => {
    const why = whyNotCurrent(s);
    return why === undefined ? [] : [{ ref: s.ref, why }];
  });
  out.push({
    kind: 'missing-data',
    severity: 'warning',
    code: 'SCREEN.MISSING_PREGNANCY_STATUS',
    summary: 'Pregnancy status is unknown or out of date for a patient who could be pregnant.',
    detail: [
      rule.ci.summary,
      statusRules.notPregnantMaxAge.note,
      ...(setAside.length === 0
        ? []
        : [
            `Not used: ${setAside.map((x) => `${x.ref.reference} (${x.why})`).join('; ')}. A result needs the date it was taken, on or before the screening date.`,
          ]),
    ].join(' '),
    management: 'Ask about pregnancy (or test) and record the status, then screen again.',
    evidence: [
      ...(latest !== undefined
        ? [latest.ref]
        : setAside.length === 0
          ? [
              {
                reference: patient.reference,
                display: `${patient.sex}, ${age === undefined ? 'age unknown' : `${age} years`}: no pregnancy status`,
              },
            ]
          : []),
      ...setAside.map((x) => notUsed(x.ref, x.why)),
    ],
    sources: rules.sourcesOf([...rule.ci.sources, ...statusRules.notPregnantMaxAge.sources]),
  });
}

/** A missing weight before an IV dose is reported as unknown. */
export function screenOther(
  patient: PatientFacts,
  options: ScreeningOptions,
  out: Finding[],
): void {
  if (options.product !== 'ketamine-iv') return;
  // A weight counts only when it is a possible one (above 0 kg) and dated on or before `asOf`:
  // an undated weight may be years old, a future-dated one is an error in the record.
  const setAside = unreadableOf(patient, 'weight').map((u) => ({ ref: u.ref, why: u.reason }));
  let usable = 0;
  for (const w of patient.weights) {
    const why = !(w.valueKg > 0)
      ? 'not a possible weight'
      : w.date === undefined
        ? 'undated, so not a current weight'
        : isAfterDay(w.date, options.asOf)
          ? `dated ${w.date.slice(0, 10)}, after ${options.asOf}, so not a current weight`
          : undefined;
    if (why === undefined) usable += 1;
    else setAside.push({ ref: w.ref, why });
  }
  if (usable > 0) return;
  out.push({
    kind: 'missing-data',
    severity: 'info',
    code: 'SCREEN.MISSING_WEIGHT',
    summary: clip(
      setAside.length === 0
        ? 'No weight on record: IV ketamine is dosed by weight, so record one before dosing.'
        : `No usable weight (${setAside.map((x) => x.why).join('; ')}): IV ketamine is dosed by weight, so record one before dosing.`,
    ),
    detail: [
      'Screening does not need the weight, but the dose calculation will refuse to run without it.',
      ...(setAside.length === 0
        ? []
        : [`Not used: ${setAside.map((x) => `${x.ref.reference} (${x.why})`).join('; ')}.`]),
    ].join(' '),
    management: 'Weigh the patient on the day of the first session.',
    evidence:
      setAside.length === 0
        ? [{ reference: patient.reference, display: 'no weight on record' }]
        : setAside.map((x) => notUsed(x.ref, x.why)),
    sources: [],
  });
}

/**
 * A record whose status is not one of FHIR's (a MedicationStatement "inactive") is read with
 * status `unknown`, which counts as current, and is named here so that someone corrects it.
 */
export function screenUnreadableStatuses(patient: PatientFacts, out: Finding[]): void {
  for (const u of unreadableOf(patient, 'status')) {
    out.push({
      kind: 'unrecognized-input',
      severity: 'warning',
      code: 'SCREEN.UNREADABLE_STATUS',
      summary: clip(`The status of ${u.ref.display} could not be read: it is counted as current.`),
      detail: `${u.ref.reference}: ${u.reason}. A record whose status is not understood is counted as current, so that nothing it says is missed.`,
      management: 'Check the record, correct its status, and screen again.',
      evidence: [notUsed(u.ref, u.reason)],
      sources: [],
    });
  }
}
