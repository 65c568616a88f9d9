import type { Session, Signature } from '../api/session-types';

export interface SessionStep {
  key: string;
  label: string;
  signed: Signature | null;
  note?: string;
}

/** The lifecycle as the header shows it: each step with whoever signed it and when. */
export function sessionSteps(session: Session): SessionStep[] {
  const steps: SessionStep[] = [
    { key: 'checked-in', label: 'Checked in', signed: session.checkedIn },
    { key: 'pre-check', label: 'Pre-check', signed: session.preCheck },
    {
      key: 'in-progress',
      label: session.product === 'esketamine-nasal' ? 'Dosed' : 'In progress',
      signed: session.start,
    },
    { key: 'recovery', label: 'Recovery', signed: session.recovery },
  ];
  if (session.stop !== null)
    steps.push({
      key: 'stopped',
      label: 'Stopped',
      signed: session.stop,
      note: session.stop.reason,
    });
  else steps.push({ key: 'discharged', label: 'Discharged', signed: session.discharge });
  return steps;
}

/** Index of the step the session is on now (the first unsigned one). */
export function activeStepIndex(steps: readonly SessionStep[]): number {
  const index = steps.findIndex((s) => s.signed === null);
  return index === -1 ? steps.length : index;
}
