import type { ProductRules } from './compile-rules';
import { compareDateTimes, daysBetween, isAfterDay } from './dates';
import { capSeverity, clip, formatBloodPressure, formatMmHg } from './finding';
import type {
  BloodPressureFact,
  EvidenceRef,
  Finding,
  PatientFacts,
  UnreadableFact,
} from './types';

type Thresholds = NonNullable<ProductRules['bloodPressure']>;
type Level = 'hard' | 'soft' | undefined;

function levelOf(reading: BloodPressureFact, bp: Thresholds): Level {
  const above = (pair: Thresholds['hard']): boolean =>
    reading.systolicMmHg > pair.systolic.valueMmHg ||
    reading.diastolicMmHg > pair.diastolic.valueMmHg;
  return above(bp.hard) ? 'hard' : above(bp.soft) ? 'soft' : undefined;
}

const RANK = { hard: 2, soft: 1 } as const;
const rank = (level: Level): number => (level === undefined ? 0 : RANK[level]);

/**
 * The latest reading dated on or before `asOf`, by full date-time (18:00 beats 09:00 that day,
 * whatever the bundle order). When two cannot be told apart (same instant, or the same day and
 * one has no time) the one above the higher limit stands, so a tie never hides a high reading.
 */
function latestReading(
  readings: readonly BloodPressureFact[],
  bp: Thresholds,
): BloodPressureFact | undefined {
  let latest: BloodPressureFact | undefined;
  for (const reading of readings) {
    const order = latest === undefined ? 1 : compareDateTimes(reading.date, latest.date);
    if (
      latest === undefined ||
      order > 0 ||
      (order === 0 && rank(levelOf(reading, bp)) > rank(levelOf(latest, bp)))
    )
      latest = reading;
  }
  return latest;
}

/** Why a record was not used, as evidence: `120/80 mmHg on 2027-06-01 (dated after ...)`. */
function notUsed(ref: EvidenceRef, why: string): EvidenceRef {
  return { reference: ref.reference, display: `${ref.display} (${why})` };
}

/**
 * The most recent blood pressure inside the clinic's window, against its soft and hard values.
 * A reading dated after `asOf` is not current and is set aside; so is one that could not be read
 * (a unit that is not mmHg, a value that is not a number). With no usable recent reading, or when
 * the newest record could not be read, the blood pressure is unknown: never treated as normal.
 */
export function screenBloodPressure(
  patient: PatientFacts,
  rules: ProductRules,
  asOf: string,
  out: Finding[],
): void {
  const ht = rules.hypertension;
  const bp = rules.bloodPressure;
  if (ht === undefined || bp === undefined) return;
  const future = patient.bloodPressures.filter((b) => isAfterDay(b.date, asOf));
  const latest = latestReading(
    patient.bloodPressures.filter((b) => !isAfterDay(b.date, asOf)),
    bp,
  );
  // Unreadable records count against the latest usable reading only when they are newer (an
  // older one changes nothing); with no usable reading at all, every one of them is named.
  const unreadable = (patient.unreadable ?? []).filter(
    (u: UnreadableFact) =>
      u.fact === 'blood-pressure' &&
      (latest === undefined ||
        (u.date !== undefined &&
          !isAfterDay(u.date, asOf) &&
          compareDateTimes(u.date, latest.date) > 0)),
  );
  const window = bp.readingMaxAge?.maxAgeDays;
  const age = latest === undefined ? undefined : daysBetween(latest.date, asOf);
  const stale =
    latest === undefined || age === undefined || window === undefined || !(age <= window);
  if (stale || unreadable.length > 0) {
    const setAside = [
      ...unreadable.map((u) => ({ ref: u.ref, why: u.reason })),
      ...future.map((b) => ({
        ref: b.ref,
        why: `dated after ${asOf}, so not current`,
      })),
    ];
    const lastDays = `a reading from the last ${window ?? 0} days is needed`;
    let summary: string;
    if (latest === undefined)
      summary =
        setAside.length === 0
          ? `No blood pressure on record: ${lastDays}.`
          : `No usable blood pressure (${setAside.map((x) => x.why).join('; ')}): ${lastDays}.`;
    else if (stale)
      summary = `Latest blood pressure is from ${latest.date.slice(0, 10)}, older than ${window ?? 0} days: it proves nothing now.`;
    else summary = `The newest blood pressure could not be read (${unreadable[0]?.reason ?? ''}).`;
    out.push({
      kind: 'missing-data',
      severity: 'warning',
      code: 'SCREEN.MISSING_BLOOD_PRESSURE',
      summary: clip(summary),
      detail: [
        bp.readingMaxAge?.note ?? 'The knowledge base sets no window for readings.',
        'An unknown blood pressure is never treated as normal.',
        ...(setAside.length === 0
          ? []
          : [`Not used: ${setAside.map((x) => `${x.ref.reference} (${x.why})`).join('; ')}.`]),
      ].join(' '),
      management:
        setAside.length === 0
          ? 'Measure blood pressure and screen again.'
          : 'Measure blood pressure (in mmHg) and screen again; correct or remove the records that could not be used.',
      evidence: [
        ...(latest !== undefined
          ? [latest.ref]
          : setAside.length === 0
            ? [{ reference: patient.reference, display: 'no blood pressure reading' }]
            : []),
        ...setAside.map((x) => notUsed(x.ref, x.why)),
      ],
      sources: rules.sourcesOf(bp.readingMaxAge?.sources ?? ht.ci.sources),
    });
  }
  if (stale) return;
  const level = levelOf(latest, bp);
  if (level === undefined) return;
  const { systolicMmHg: sys, diastolicMmHg: dia } = latest;
  const t = bp[level];
  // Compared above on the exact values; shown in whole mmHg unless that would hide which one
  // is above the limit (see `formatMmHg`).
  const limits = { systolic: t.systolic.valueMmHg, diastolic: t.diastolic.valueMmHg };
  const reading = `${formatMmHg(sys, limits.systolic)}/${formatMmHg(dia, limits.diastolic)} mmHg`;
  out.push({
    kind: 'contraindication',
    severity: level === 'hard' ? ht.ci.severity : capSeverity(ht.ci.severity, 'warning'),
    code: ht.ci.code,
    summary: clip(
      `Blood pressure ${reading} is above the ${level} limit of ${limits.systolic}/${limits.diastolic} mmHg.`,
    ),
    detail: `${ht.ci.detail} Systolic: ${t.systolic.note} Diastolic: ${t.diastolic.note}`,
    management: ht.ci.management,
    evidence: [
      {
        reference: latest.ref.reference,
        display: formatBloodPressure(sys, dia, latest.date, limits),
      },
    ],
    sources: rules.sourcesOf([...t.systolic.sources, ...t.diastolic.sources, ...ht.ci.sources]),
  });
}
