import type { SchedulingDefaults } from '../knowledge/schema/scheduling';
import { err, ok, type Result } from '../result';
import { HOUR_MS, MINUTE_MS, formatInstant, parseInstant, type Instant } from './time';

/**
 * Whether a patient may still cancel or reschedule online: until
 * `patientCancellationCutoffHours` / `patientRescheduleCutoffHours` before the start. Staff are
 * not bound by it. `asOf` is the server's clock, passed in.
 */
export function checkPatientChange(
  kind: 'cancel' | 'reschedule',
  start: Instant,
  asOf: Instant,
  scheduling: Pick<
    SchedulingDefaults,
    'patientCancellationCutoffHours' | 'patientRescheduleCutoffHours'
  >,
): Result<true> {
  const s = parseInstant(start);
  const now = parseInstant(asOf);
  if (s === null || now === null)
    return err({
      code: 'SCHEDULE.INVALID_INSTANT',
      message: 'must be an ISO 8601 date-time with an offset or Z, or epoch milliseconds',
      path: s === null ? 'start' : 'asOf',
    });
  const hours =
    kind === 'cancel'
      ? scheduling.patientCancellationCutoffHours
      : scheduling.patientRescheduleCutoffHours;
  if (s - now < hours * HOUR_MS)
    return err({
      code: 'SCHEDULE.PAST_CUTOFF',
      message: `appointments can be ${kind === 'cancel' ? 'cancelled' : 'rescheduled'} online until ${String(hours)} h before the start; please call the clinic`,
      path: 'start',
    });
  return ok(true);
}

/** When a hold made at `asOf` lapses (`holdExpiryMinutes` later), as an ISO instant. */
export function holdExpiry(
  asOf: Instant,
  scheduling: Pick<SchedulingDefaults, 'holdExpiryMinutes'>,
): string | null {
  const now = parseInstant(asOf);
  return now === null ? null : formatInstant(now + scheduling.holdExpiryMinutes * MINUTE_MS);
}
