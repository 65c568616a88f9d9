import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { approvePreCheck } from '../api/sessions-api';
import type { Session } from '../api/session-types';
import { FormErrorAlert } from '../components/form-error-alert';
import { describeError } from '../api/problem';
import { formatZonedTimeInList } from '../format/zoned-time';
import { decisionColors, decisionLabels, pregnancyTestLabels, vitalFields } from './labels';
import { useSessionMutation } from './use-session';

/** The recorded pre-check: its values, the server's decision and every reason for it. */
export function PreCheckSummary({
  session,
  zone,
  canApprove,
}: {
  session: Session;
  zone: string;
  canApprove: boolean;
}) {
  const preCheck = session.preCheck;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const approve = useSessionMutation((text: string) => approvePreCheck(session.id, text));
  if (preCheck === null) return null;
  const approval = preCheck.approval;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pre-check-result-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="pre-check-result-title">
            Pre-check
          </Title>
          <Badge
            size="lg"
            color={decisionColors[preCheck.decision]}
            data-testid="pre-check-decision"
          >
            {decisionLabels[preCheck.decision]}
          </Badge>
        </Group>
        <Text size="sm">
          {vitalFields
            .map((f) => `${f.short} ${String(preCheck.vitals[f.key] ?? '—')}`)
            .join(' · ')}{' '}
          · weight {preCheck.weight.value} {preCheck.weight.unit} · fasting{' '}
          {preCheck.fasting ? 'yes' : 'no'} · consent{' '}
          {preCheck.consentOnFile ? 'on file' : 'missing'}
          {preCheck.pregnancyTest !== null &&
            ` · pregnancy test ${pregnancyTestLabels[preCheck.pregnancyTest]}`}
          {preCheck.medicationChanges.length > 0 &&
            ` · medication changes: ${preCheck.medicationChanges.join(', ')}`}
        </Text>
        {preCheck.reasons.length > 0 && (
          <List size="sm" aria-label="Pre-check reasons" data-testid="pre-check-reasons">
            {preCheck.reasons.map((r) => (
              <List.Item key={r.code}>{r.message}</List.Item>
            ))}
          </List>
        )}
        {approval !== null && (
          <Alert color="green" title="Approved by the prescriber">
            {approval.by.displayName} at {formatZonedTimeInList(approval.at, zone)}:{' '}
            {approval.reason}
          </Alert>
        )}
        {preCheck.decision === 'needs-prescriber' && approval === null && (
          <Alert color="orange" title="A prescriber must approve before the session starts">
            {canApprove ? (
              <Stack gap="xs">
                <Textarea
                  label="Reason to go ahead"
                  value={reason}
                  onChange={(e) => {
                    setReason(e.currentTarget.value);
                  }}
                />
                <FormErrorAlert message={error} />
                <Group>
                  <Button
                    disabled={reason.trim() === ''}
                    loading={approve.isPending}
                    onClick={() => {
                      setError(null);
                      approve.mutate(reason.trim(), {
                        onError: (e) => {
                          setError(describeError(e));
                        },
                      });
                    }}
                  >
                    Approve
                  </Button>
                </Group>
              </Stack>
            ) : (
              'Ask the prescriber on duty to review the reasons and approve.'
            )}
          </Alert>
        )}
        {preCheck.decision === 'do-not-start' && (
          <Alert color="red" title="Do not start">
            Stop the session with a reason; the patient can be rebooked.
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
