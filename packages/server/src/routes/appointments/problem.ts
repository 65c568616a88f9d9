import type { Problem } from '@ketaflow/core';

/** Why a booking was not made; the HTTP layer maps the code to a status. */
export interface BookingProblem {
  readonly code:
    | 'SCHEDULE.SLOT_TAKEN'
    | 'SCHEDULE.CONFLICT'
    | 'SCHEDULE.HOLD_EXPIRED'
    | 'APPOINTMENT.CUTOFF_PASSED'
    | 'RESOURCE.NOT_FOUND'
    | 'RESOURCE.CONFLICT'
    | 'VALIDATION.FAILED';
  readonly message: string;
  /** Each reason, with the request field it concerns. */
  readonly problems: readonly Problem[];
}
