/** Charting one reading: check it against the clinic's limits and raise an alert when out of range. */
import { checkReading, type KnowledgeBase, type Vitals } from '@ketaflow/core';
import type { Transaction } from '../../db/client';
import { AppError } from '../../errors/catalog';
import { appendEvent } from './repository';
import type { SessionDto } from './schemas';

export const READING_STATES = ['in-progress', 'recovery'] as const;

/** Refuses (400 naming `path`) a reading taken before the patient was checked in. */
export function assertTakenInSession(
  session: Pick<SessionDto, 'checkedIn'>,
  takenAt: Date,
  path: string,
): void {
  if (takenAt.getTime() < new Date(session.checkedIn.at).getTime())
    throw new AppError('VALIDATION.FAILED', `${path}: before the check-in`, [
      { path, message: `must not be before the check-in at ${session.checkedIn.at}` },
    ]);
}

export async function chartReading(
  tx: Transaction,
  kb: KnowledgeBase,
  args: {
    sessionId: string;
    product: 'ketamine-iv' | 'esketamine-nasal';
    phase: 'during' | 'after';
    values: Vitals;
    takenAt: Date;
    recordedBy: string | null;
    deviceId?: string;
    now: Date;
  },
): Promise<{ readingId: string; alertId: string | null }> {
  const findings = checkReading(kb, args.values, { product: args.product, phase: args.phase });
  const readingId = await appendEvent(tx, {
    sessionId: args.sessionId,
    kind: 'reading',
    payload: {
      ...args.values,
      source: args.deviceId === undefined ? 'manual' : 'device',
      findings,
    },
    takenAt: args.takenAt,
    ...(args.deviceId === undefined ? {} : { deviceId: args.deviceId }),
    recordedBy: args.recordedBy,
    recordedAt: args.now,
  });
  if (findings.length === 0) return { readingId, alertId: null };
  const alertId = await appendEvent(tx, {
    sessionId: args.sessionId,
    kind: 'alert',
    payload: { findings },
    refersTo: readingId,
    ...(args.deviceId === undefined ? {} : { deviceId: args.deviceId }),
    recordedBy: args.recordedBy,
    recordedAt: args.now,
  });
  return { readingId, alertId };
}
