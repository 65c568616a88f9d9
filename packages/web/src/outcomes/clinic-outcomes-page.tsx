import { Button, Group, Stack, Text } from '@mantine/core';
import { clinicOutcomesCsvUrl, patientOutcomesCsvUrl } from '../api/outcomes-api';
import type { IndicationOutcomes } from '../api/outcomes-types';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { RecordSection } from '../patient/record-section';
import { RecordTable } from '../patient/record-table';
import { formatRate } from './labels';
import { useClinicOutcomes } from './use-outcomes';

function rate(rateValue: number | null, count: number, of: number): string {
  return rateValue === null ? '—' : `${formatRate(rateValue)} (${String(count)} of ${String(of)})`;
}

function median(value: number | null): string {
  return value === null ? '—' : String(Math.round(value * 10) / 10);
}

function row(o: IndicationOutcomes) {
  return {
    key: o.indication,
    cells: [
      o.indication,
      <Text key="scale" span inherit style={{ whiteSpace: 'nowrap' }}>
        {o.instrumentIds.map((i) => i.toUpperCase()).join(', ')}
      </Text>,
      String(o.patients),
      rate(o.responseRate, o.responders, o.responseEligible),
      rate(o.remissionRate, o.remitters, o.remissionEligible),
      median(o.medianDaysToResponse),
      median(o.medianInfusionsToResponse),
    ],
  };
}

/** `/outcomes`: response and remission by indication over every course with scores. */
export function ClinicOutcomesPage() {
  const outcomes = useClinicOutcomes();
  return (
    <>
      <PageHeading>Clinic outcomes</PageHeading>
      <Stack gap="md">
        <Group gap="sm">
          <Button component="a" href={clinicOutcomesCsvUrl} download variant="light">
            Download CSV
          </Button>
          <Button component="a" href={patientOutcomesCsvUrl} download variant="subtle">
            Download CSV per course (patient ids, no names)
          </Button>
        </Group>
        {outcomes.isPending && <PageLoader label="Loading outcomes" />}
        {outcomes.isError && <QueryErrorAlert error={outcomes.error} />}
        {outcomes.data !== undefined && (
          <RecordSection id="by-indication" title="By indication">
            <Text size="sm" c="dimmed">
              {`${String(outcomes.data.courses)} courses with scores. Response and remission follow each scale's criteria (PHQ-9 response: at least 50% below baseline); rates count only patients who can be judged. Knowledge version ${outcomes.data.knowledgeVersion}.`}
            </Text>
            <RecordTable
              caption="Outcomes by indication"
              headers={[
                'Indication',
                'Scale',
                'Patients',
                'Response rate',
                'Remission rate',
                'Median days to response',
                'Median infusions to response',
              ]}
              emptyText="No course has scores yet."
              rows={outcomes.data.byIndication.map(row)}
            />
          </RecordSection>
        )}
      </Stack>
    </>
  );
}
