import { Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeading } from '../components/page-heading';
import { NoRecordNotice } from '../pages/no-record-notice';
import { useOwnPatientId } from '../pages/use-own-patient-id';
import { DueScalesCard, fillPath } from './due-scales-card';
import { ProgressSection } from './progress-section';
import { useDueScales, useMyScales } from './use-outcomes';

/** Scales filled in before that are not due now: a patient may still send one if things change. */
function FillAgain() {
  const due = useDueScales();
  const mine = useMyScales();
  const dueRefs = new Set((due.data ?? []).map((d) => d.instrument));
  const filled = [
    ...new Map((mine.data ?? []).map((r) => [r.instrument, r.instrumentName])),
  ].filter(([ref]) => !dueRefs.has(ref) && !ref.startsWith('custom:'));
  if (filled.length === 0) return null;
  return (
    <Stack gap={6}>
      <Text size="sm" c="dimmed">
        Nothing else is due. If something has changed, you can fill in a form again.
      </Text>
      <Group gap="sm">
        {filled.map(([ref, name]) => (
          <Button key={ref} component={Link} to={fillPath(ref)} variant="light" size="md">
            {`Fill in ${name} again`}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

export function MyScalesPage() {
  const patientId = useOwnPatientId();
  const due = useDueScales();
  return (
    <>
      <PageHeading>My scales</PageHeading>
      {patientId === null ? (
        <NoRecordNotice />
      ) : (
        <Stack gap="lg">
          <DueScalesCard />
          <FillAgain />
          <ProgressSection
            patientId={patientId}
            canEnterPaper={false}
            isStaff={false}
            known={(due.data ?? []).map((d) => d.definition)}
          />
        </Stack>
      )}
    </>
  );
}
