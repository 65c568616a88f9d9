import { Stepper, Text } from '@mantine/core';
import type { Session } from '../api/session-types';
import { formatZonedTimeInList } from '../format/zoned-time';
import { activeStepIndex, sessionSteps } from './session-steps';

/** Checked in → pre-check → in progress → recovery → discharged (or stopped), with signers. */
export function StepHeader({ session, zone }: { session: Session; zone: string }) {
  const steps = sessionSteps(session);
  return (
    <nav aria-label="Session steps">
      <Stepper
        active={activeStepIndex(steps)}
        size="sm"
        allowNextStepsSelect={false}
        color={session.stop === null ? 'teal' : 'red'}
        wrap
      >
        {steps.map((step) => (
          <Stepper.Step
            key={step.key}
            label={step.label}
            data-testid={`step-${step.key}`}
            description={
              step.signed === null ? (
                'Not yet'
              ) : (
                <Text size="xs" component="span">
                  {formatZonedTimeInList(step.signed.at, zone)} · {step.signed.by.displayName}
                  {step.note !== undefined && ` · ${step.note}`}
                </Text>
              )
            }
          />
        ))}
      </Stepper>
    </nav>
  );
}
