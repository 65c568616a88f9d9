import { err, ok, type Result } from '../result';

/** A session's lifecycle: checked in, pre-check, in progress, recovery, discharged, or stopped. */
export const SESSION_STATES = [
  'checked-in',
  'pre-check',
  'in-progress',
  'recovery',
  'discharged',
  'stopped',
] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/** Final states: nothing moves a session out of them (corrections are amendments). */
export const FINAL_SESSION_STATES: readonly SessionState[] = ['discharged', 'stopped'];

/**
 * Allowed moves. A pre-check may be repeated (a BP re-measured after rest supersedes the first);
 * `stopped` is reachable from every state that is not final.
 */
const ALLOWED: Readonly<Record<SessionState, readonly SessionState[]>> = {
  'checked-in': ['pre-check', 'stopped'],
  'pre-check': ['pre-check', 'in-progress', 'stopped'],
  'in-progress': ['recovery', 'stopped'],
  recovery: ['discharged', 'stopped'],
  discharged: [],
  stopped: [],
};

export function isFinalSessionState(state: SessionState): boolean {
  return FINAL_SESSION_STATES.includes(state);
}

/** States a session may move to from `from`. */
export function nextSessionStates(from: SessionState): readonly SessionState[] {
  return ALLOWED[from];
}

/** The new state, or `SESSION.TRANSITION_INVALID` when the move is not allowed. */
export function transitionSession(from: SessionState, to: SessionState): Result<SessionState> {
  if (ALLOWED[from].includes(to)) return ok(to);
  return err({
    code: 'SESSION.TRANSITION_INVALID',
    message: `A session cannot move from ${from} to ${to}`,
    path: 'state',
  });
}
