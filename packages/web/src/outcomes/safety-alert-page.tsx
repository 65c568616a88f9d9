import { Alert, Anchor, Badge, Group, List, Stack, Table, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { SafetyAlert } from '../api/outcomes-types';
import { useMeta } from '../app/use-meta';
import { useSession } from '../auth/use-session';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { formatDateTime } from '../format/dates';
import { formatZonedDateTimeWithZone } from '../format/zoned-time';
import { RecordSection } from '../patient/record-section';
import { useClinicTimeZone } from '../schedule/use-clinic-time-zone';
import { FollowUpForm } from './follow-up-form';
import { optionLabel } from './labels';
import { useSafetyAlert } from './use-outcomes';

/** A follow-up's value in words; its times on the clinic's clock (`zone`), as they were typed. */
function showValue(value: unknown, zone: string): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.map((v) => optionLabel(String(v))).join(', ');
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatZonedDateTimeWithZone(value, zone);
    return optionLabel(value);
  }
  return JSON.stringify(value);
}

/** The crisis lines the patient was shown, marked as the clinic setting they come from. */
function ClinicCrisisResources() {
  const crisis = useMeta().data?.crisis;
  if (crisis === undefined) return null;
  return (
    <RecordSection id="crisis-resources" title="Crisis resources given to patients">
      <Group gap="xs" mb={4}>
        <Badge variant="light" color="gray">
          Clinic setting
        </Badge>
        <Text size="sm" c="dimmed">
          {crisis.setByClinic
            ? 'Set by the clinic (crisisResources in the settings file).'
            : 'The knowledge-base default, for clinics in the US: a clinic elsewhere sets its own under crisisResources in the settings file.'}
        </Text>
      </Group>
      <List spacing={2} aria-label="Crisis resources">
        {crisis.resources.map((r) => (
          <List.Item key={r.contact}>
            {r.name}: {r.how}
          </List.Item>
        ))}
      </List>
    </RecordSection>
  );
}

function DocumentedFollowUp({ alert }: { alert: SafetyAlert }) {
  const { zone } = useClinicTimeZone();
  const followUp = alert.followUp ?? {};
  return (
    <Table aria-label="Documented follow-up" withRowBorders>
      <Table.Tbody>
        {alert.followUpFields
          .filter((f) => followUp[f.name] !== undefined)
          .map((field) => (
            <Table.Tr key={field.name}>
              <Table.Th scope="row" w="35%">
                {field.label}
              </Table.Th>
              <Table.Td>
                {field.kind === 'staff-id'
                  ? (alert.followedUpBy?.displayName ?? showValue(followUp[field.name], zone))
                  : showValue(followUp[field.name], zone)}
              </Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}

/** Follow-ups that did not reach the patient: kept on the alert, which stays open. */
function ContactAttempts({ alert }: { alert: SafetyAlert }) {
  // Typed on the clinic's clock in the follow-up form, so shown on it too.
  const { zone } = useClinicTimeZone();
  if (alert.attempts.length === 0) return null;
  return (
    <Table aria-label="Attempts that did not reach the patient" withRowBorders>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Attempt at</Table.Th>
          <Table.Th>Notes</Table.Th>
          <Table.Th>Next attempt</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {alert.attempts.map((attempt) => (
          <Table.Tr key={`${attempt.reviewedAt}-${attempt.reviewedBy}`}>
            <Table.Td>{formatZonedDateTimeWithZone(attempt.reviewedAt, zone)}</Table.Td>
            <Table.Td>{attempt.riskAssessment ?? ''}</Table.Td>
            <Table.Td>
              {attempt.nextContactAt === undefined
                ? ''
                : formatZonedDateTimeWithZone(attempt.nextContactAt, zone)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** `/safety-alerts/:id` (linked from the care-team e-mail): what was answered, and the follow-up. */
export function SafetyAlertPage() {
  const { id = '' } = useParams();
  const alert = useSafetyAlert(id);
  const user = useSession().data?.user;
  if (alert.isPending) return <PageLoader label="Loading the alert" />;
  if (alert.isError) return <QueryErrorAlert error={alert.error} />;
  const a = alert.data;
  const canFollowUp = user !== undefined && (user.role === 'nurse' || user.role === 'prescriber');
  return (
    <Stack gap="md" maw={860}>
      <Anchor component={Link} to="/safety-alerts" size="sm">
        ← All safety alerts
      </Anchor>
      <PageHeading>Safety alert</PageHeading>
      <Group gap="sm">
        <Badge color={a.status === 'open' ? 'red' : 'green'} size="lg">
          {a.status === 'open' ? 'Open' : 'Followed up'}
        </Badge>
        <Text>
          <Anchor component={Link} to={`/patients/${encodeURIComponent(a.patient.id)}`}>
            {a.patient.displayName}
          </Anchor>{' '}
          · MRN {a.patient.mrn} · raised {formatDateTime(a.raisedAt)}
        </Text>
      </Group>
      <Alert color="red" title={a.summary} role="note">
        <Text size="sm">Question: {a.itemText}</Text>
        <Text size="sm" fw={700}>
          Answer: {a.answer.label} ({a.answer.score})
        </Text>
      </Alert>
      <RecordSection id="care-team-actions" title="What to do">
        <List type="ordered" spacing={4}>
          {a.careTeamActions.map((action) => (
            <List.Item key={action}>{action}</List.Item>
          ))}
        </List>
      </RecordSection>
      <ClinicCrisisResources />
      <RecordSection id="follow-up" title="Follow-up">
        <ContactAttempts alert={a} />
        {a.status === 'followed-up' ? (
          <>
            <Text size="sm">
              Documented by {a.followedUpBy?.displayName ?? 'unknown'}
              {a.followedUpAt === null ? '' : ` on ${formatDateTime(a.followedUpAt)}`}.
            </Text>
            <DocumentedFollowUp alert={a} />
          </>
        ) : canFollowUp ? (
          // Keyed by the attempts: after one that did not reach the patient, the next starts
          // empty and at "now" again.
          <FollowUpForm key={a.attempts.length} alert={a} user={user} />
        ) : (
          <Text size="sm">A nurse or prescriber documents the follow-up.</Text>
        )}
      </RecordSection>
    </Stack>
  );
}
