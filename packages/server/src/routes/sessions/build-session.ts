/**
 * Folds a session's append-only events into the Session the API returns. Amendments are applied
 * to what is shown (reading and adverse-event fields) while the amendment keeps the original.
 */
import {
  checkReading,
  dischargeReadiness,
  esketamineObservationEndsAt,
  isPostDoseBpCheck,
  nextReadingDueAt,
  nextSessionStates,
  remsFormDue,
  type AldreteScores,
  type KnowledgeBase,
  type ReadingFinding,
  type SessionVital,
  type Vitals,
} from '@ketaflow/core';
import { AMENDED_VALUE, type AlertDto, type ReadingDto, type SessionDto } from './schemas';
import { remsForm } from './rems';

export interface SessionRow {
  readonly id: string;
  readonly appointmentId: string;
  readonly product: 'ketamine-iv' | 'esketamine-nasal';
  readonly indication: string | null;
  readonly sessionDate: string;
  readonly state: SessionDto['state'];
  readonly doseCalculationId: string | null;
  readonly scheduledStart: Date;
  readonly patient: {
    id: string;
    givenName: string;
    familyName: string;
    mrn: string;
    birthDate: string;
  };
  readonly location: { id: string; code: string; name: string } | null;
}

export interface EventRow {
  readonly id: string;
  readonly kind: string;
  readonly payload: Record<string, unknown>;
  readonly takenAt: Date | null;
  readonly deviceId: string | null;
  readonly refersTo: string | null;
  readonly recordedAt: Date;
  readonly signer: { id: string; displayName: string } | null;
}

const VITAL_KEYS = [
  'systolicMmHg',
  'diastolicMmHg',
  'heartRate',
  'spo2',
  'respiratoryRate',
  'temperatureC',
] as const;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
function num(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}
/** A reading's values as core reads them (a cleared value is absent, never normal). */
export function readingVitals(r: Pick<ReadingDto, (typeof VITAL_KEYS)[number]>): Vitals {
  return Object.fromEntries(VITAL_KEYS.filter((k) => r[k] !== null).map((k) => [k, r[k]]));
}

/** The vital signs charted at least once at or after `recoveryAt` (none before recovery). */
export function recoveryVitalsOf(
  readings: readonly ReadingDto[],
  recoveryAt: string | undefined,
): SessionVital[] {
  if (recoveryAt === undefined) return [];
  const from = new Date(recoveryAt).getTime();
  const inRecovery = readings.filter((r) => new Date(r.takenAt).getTime() >= from);
  return VITAL_KEYS.filter((k) => inRecovery.some((r) => r[k] !== null));
}

function signed(e: EventRow): { at: string; by: { id: string; displayName: string } } {
  return {
    at: e.recordedAt.toISOString(),
    by: e.signer ?? { id: '00000000-0000-0000-0000-000000000000', displayName: 'device' },
  };
}

/** Builds the Session from its row and events (oldest first) at `now`. */
export function buildSession(
  kb: KnowledgeBase,
  row: SessionRow,
  events: readonly EventRow[],
  now: Date,
): SessionDto {
  let checkedIn: SessionDto['checkedIn'] = {
    at: row.scheduledStart.toISOString(),
    by: { id: '00000000-0000-0000-0000-000000000000', displayName: '' },
  };
  let preCheck: Mutable<NonNullable<SessionDto['preCheck']>> | null = null;
  let start: SessionDto['start'] = null;
  let dose: SessionDto['dose'] = null;
  let recovery: SessionDto['recovery'] = null;
  let discharge: SessionDto['discharge'] = null;
  let stop: SessionDto['stop'] = null;
  let remsSubmitted: EventRow | null = null;
  const readings: Mutable<ReadingDto>[] = [];
  const alerts: Mutable<AlertDto>[] = [];
  const adverseEvents: Mutable<SessionDto['adverseEvents'][number]>[] = [];
  const amendments: SessionDto['amendments'] = [];

  for (const e of events) {
    const p = e.payload;
    switch (e.kind) {
      case 'check-in':
        checkedIn = signed(e);
        break;
      case 'pre-check':
        preCheck = {
          id: e.id,
          ...(p as unknown as Omit<
            NonNullable<SessionDto['preCheck']>,
            'id' | 'approval' | 'at' | 'by'
          >),
          approval: null,
          ...signed(e),
        };
        break;
      case 'pre-check-approval':
        if (preCheck !== null && preCheck.id === e.refersTo)
          preCheck.approval = { reason: str(p.reason), ...signed(e) };
        break;
      case 'start':
        start = { vialLot: str(p.vialLot), vialExpiry: str(p.vialExpiry), ...signed(e) };
        dose = p.dose as SessionDto['dose'];
        break;
      case 'reading': {
        const values = Object.fromEntries(VITAL_KEYS.map((k) => [k, num(p[k])])) as Record<
          (typeof VITAL_KEYS)[number],
          number | null
        >;
        readings.push({
          id: e.id,
          takenAt: (e.takenAt ?? e.recordedAt).toISOString(),
          ...values,
          source:
            e.deviceId !== null ? 'device' : p.source === 'pre-check' ? 'pre-check' : 'manual',
          deviceId: e.deviceId,
          recordedAt: e.recordedAt.toISOString(),
          recordedBy: e.signer,
          findings: (p.findings ?? []) as readonly ReadingFinding[],
          amended: false,
        });
        break;
      }
      case 'alert':
        alerts.push({
          id: e.id,
          readingId: e.refersTo ?? e.id,
          raisedAt: e.recordedAt.toISOString(),
          findings: (p.findings ?? []) as readonly ReadingFinding[],
          status: 'open',
          acknowledgement: null,
        });
        break;
      case 'alert-acknowledgement': {
        const alert = alerts.find((a) => a.id === e.refersTo);
        if (alert) {
          alert.status = 'acknowledged';
          alert.acknowledgement = {
            id: e.id,
            action: p.action as NonNullable<AlertDto['acknowledgement']>['action'],
            note: str(p.note),
            medication: typeof p.medication === 'string' ? p.medication : null,
            ...signed(e),
          };
        }
        break;
      }
      case 'adverse-event':
        adverseEvents.push({
          id: e.id,
          type: p.type as SessionDto['adverseEvents'][number]['type'],
          severity: p.severity as SessionDto['adverseEvents'][number]['severity'],
          actions: (p.actions ?? []) as string[],
          note: typeof p.note === 'string' ? p.note : null,
          ...signed(e),
        });
        break;
      case 'recovery':
        recovery = signed(e);
        break;
      case 'discharge':
        discharge = {
          aldrete: p.aldrete as Record<string, number>,
          aldreteTotal: num(p.aldreteTotal) ?? 0,
          escortName: str(p.escortName),
          notes: typeof p.notes === 'string' ? p.notes : null,
          ...signed(e),
        };
        break;
      case 'stop':
        stop = { reason: str(p.reason), ...signed(e) };
        break;
      case 'rems-submitted':
        remsSubmitted = e;
        break;
      case 'amendment': {
        amendments.push({
          id: e.id,
          target: p.target as SessionDto['amendments'][number]['target'],
          targetId: e.refersTo,
          field: str(p.field),
          original: p.original,
          value: p.value,
          reason: str(p.reason),
          ...signed(e),
        });
        const field = str(p.field);
        if (p.target === 'reading') {
          // Only a value the field can hold is applied (an older invalid amendment stays listed).
          const r = readings.find((x) => x.id === e.refersTo);
          if (r && AMENDED_VALUE.reading[field]?.safeParse(p.value).success === true) {
            (r as Record<string, unknown>)[field] = p.value;
            r.amended = true;
            r.findings = checkReading(kb, readingVitals(r), {
              product: row.product,
              phase: 'during',
            });
          }
        } else if (p.target === 'adverse-event') {
          const a = adverseEvents.find((x) => x.id === e.refersTo);
          if (a && AMENDED_VALUE['adverse-event'][field]?.safeParse(p.value).success === true)
            (a as Record<string, unknown>)[field] = p.value;
        }
        break;
      }
      default:
        break;
    }
  }

  readings.sort((a, b) => a.takenAt.localeCompare(b.takenAt));
  const openAlertCount = alerts.filter((a) => a.status === 'open').length;
  const last = readings.at(-1);
  const active = row.state === 'in-progress' || row.state === 'recovery';
  const lastAt = last ? new Date(last.takenAt) : start ? new Date(start.at) : null;
  const nextDue =
    active && lastAt
      ? nextReadingDueAt(kb, {
          lastReadingAt: lastAt,
          phase: row.state === 'recovery' ? 'after' : 'during',
          outOfRange: last !== undefined && last.findings.length > 0,
        }).toISOString()
      : null;

  const isEsk = row.product === 'esketamine-nasal';
  const dosedAt = isEsk && start ? new Date(start.at) : null;
  const preBp =
    preCheck &&
    typeof preCheck.vitals.systolicMmHg === 'number' &&
    typeof preCheck.vitals.diastolicMmHg === 'number'
      ? {
          systolicMmHg: preCheck.vitals.systolicMmHg,
          diastolicMmHg: preCheck.vitals.diastolicMmHg,
          takenAt: preCheck.at,
        }
      : null;
  const bp40 = dosedAt
    ? readings.find(
        (r) =>
          r.systolicMmHg !== null &&
          r.diastolicMmHg !== null &&
          isPostDoseBpCheck(kb, dosedAt, new Date(r.takenAt)),
      )
    : undefined;
  const bp40Min =
    bp40 && bp40.systolicMmHg !== null && bp40.diastolicMmHg !== null
      ? {
          systolicMmHg: bp40.systolicMmHg,
          diastolicMmHg: bp40.diastolicMmHg,
          takenAt: bp40.takenAt,
        }
      : null;

  const readiness = dischargeReadiness(kb, {
    product: row.product,
    aldrete: discharge?.aldrete as AldreteScores | undefined,
    escortName: discharge?.escortName,
    openAlertCount,
    now,
    dosedAt: dosedAt ?? undefined,
    bpBeforeDoseAt: preBp ? new Date(preBp.takenAt) : undefined,
    bpAfterDoseAt: bp40Min ? new Date(bp40Min.takenAt) : undefined,
    recoveryVitals: recoveryVitalsOf(readings, recovery?.at),
  });

  const session: SessionDto = {
    id: row.id,
    appointmentId: row.appointmentId,
    patient: {
      id: row.patient.id,
      displayName: `${row.patient.givenName} ${row.patient.familyName}`,
      mrn: row.patient.mrn,
      birthDate: row.patient.birthDate,
    },
    product: row.product,
    indication: row.indication,
    location: row.location,
    scheduledStart: row.scheduledStart.toISOString(),
    sessionDate: row.sessionDate,
    state: row.state,
    allowedTransitions: [...nextSessionStates(row.state)],
    checkedIn,
    preCheck,
    start,
    dose,
    doseCalculationId: row.doseCalculationId,
    readings,
    alerts,
    openAlertCount,
    nextReadingDueAt: nextDue,
    adverseEvents,
    recovery,
    dischargeReadiness: { ready: readiness.ready, unmet: readiness.unmet },
    discharge,
    stop,
    amendments,
    esketamine: null,
  };
  if (!isEsk) return session;
  const observationEndsAt = dosedAt ? esketamineObservationEndsAt(kb, dosedAt).toISOString() : null;
  // When the label's blood pressure is due, and from when a reading counts as it (knowledge base
  // and clinic setting: the screen reads these instead of numbers of its own).
  const esk = kb.monitoring.esketamineSession;
  // The REMS form deadline and its basis come from the knowledge base (a clinic setting), so the
  // screen shows the clinic's number of days and says whose choice it is.
  const remsDue = remsFormDue(kb, row.sessionDate);
  const afterDose = (minutes: number) =>
    dosedAt ? new Date(dosedAt.getTime() + minutes * 60_000).toISOString() : null;
  return {
    ...session,
    esketamine: {
      dosedAt: dosedAt?.toISOString() ?? null,
      bpBeforeDose: preBp,
      bp40Min,
      bpCheckMinutesAfterDose: esk.bpRecheckMinutesAfterDose,
      bpCheckDueAt: afterDose(esk.bpRecheckMinutesAfterDose),
      bpCheckCountsFrom: afterDose(esk.bpRecheckMinutesAfterDose - esk.bpRecheckEarlyMinutes),
      observationEndsAt,
      rems: {
        form: remsForm(session, { dosedAt, bpBeforeDose: preBp, bp40Min, observationEndsAt }),
        dueBy: remsDue.dueBy,
        dueDaysAfterSession: remsDue.daysAfterSession,
        dueBasis: remsDue.basis,
        submittedAt: remsSubmitted?.recordedAt.toISOString() ?? null,
        submittedBy: remsSubmitted?.signer ?? null,
      },
    },
  };
}

export { checkReading };
