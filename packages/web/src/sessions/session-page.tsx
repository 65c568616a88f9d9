import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '../api/problem';
import { startRecovery } from '../api/sessions-api';
import type { Session } from '../api/session-types';
import { FormErrorAlert } from '../components/form-error-alert';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { useSession as useAuthSession } from '../auth/use-session';
import { AdverseEventForm, AdverseEventList } from './adverse-event-form';
import { AlertHistory, AlertsBanner } from './alerts-banner';
import { DischargeForm } from './discharge-form';
import { DosePanel } from './dose-panel';
import { EsketaminePanel } from './esketamine-panel';
import { FlowsheetSection } from './flowsheet-section';
import { statusColors, statusLabels } from './labels';
import { PreCheckForm } from './pre-check-form';
import { PreCheckSummary } from './pre-check-summary';
import { StartForm } from './start-form';
import { StepHeader } from './step-header';
import { StopSessionForm } from './stop-session-form';
import { useSession, useSessionMutation, useSessionZone } from './use-session';
import { useTick } from './use-tick';
import './sessions.css';

function canStart(session: Session): boolean {
  const p = session.preCheck;
  if (p === null || session.start !== null || session.stop !== null) return false;
  return (
    p.decision === 'go' || (p.decision === 'needs-prescriber' && (p.approval ?? null) !== null)
  );
}

function RecoveryButton({ session }: { session: Session }) {
  const [error, setError] = useState<string | null>(null);
  const recovery = useSessionMutation(() => startRecovery(session.id));
  return (
    <Stack gap="xs">
      <FormErrorAlert message={error} />
      <Group>
        <Button
          size="lg"
          color="violet"
          loading={recovery.isPending}
          onClick={() => {
            setError(null);
            recovery.mutate(undefined, {
              onError: (e) => {
                setError(describeError(e));
              },
            });
          }}
        >
          {session.product === 'esketamine-nasal'
            ? 'Start recovery'
            : 'End infusion, start recovery'}
        </Button>
      </Group>
    </Stack>
  );
}

function SessionScreen({ session, role }: { session: Session; role: string }) {
  const zone = useSessionZone(session.location?.id);
  const now = useTick();
  const open = session.state !== 'discharged' && session.state !== 'stopped';
  const charting = open && session.start !== null;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <PageHeading>{`Session: ${session.patient.displayName}`}</PageHeading>
          <Text size="sm" c="dimmed" mt={-12}>
            MRN {session.patient.mrn} ·{' '}
            {session.product === 'esketamine-nasal'
              ? 'Esketamine nasal spray'
              : 'Ketamine infusion'}
            {session.location != null && ` · ${session.location.name}`} · times in {zone}
          </Text>
        </div>
        <Group gap="xs">
          <Badge size="xl" color={statusColors[session.state]} data-testid="session-status">
            {statusLabels[session.state]}
          </Badge>
          <Button
            component={Link}
            to={`/sessions/${encodeURIComponent(session.id)}/record`}
            variant="light"
          >
            Printable record
          </Button>
        </Group>
      </Group>
      <StepHeader session={session} zone={zone} />
      <AlertsBanner session={session} zone={zone} />
      {session.state === 'checked-in' && role !== 'admin' && <PreCheckForm session={session} />}
      <PreCheckSummary session={session} zone={zone} canApprove={role === 'prescriber'} />
      {canStart(session) && role !== 'admin' && <StartForm session={session} />}
      <EsketaminePanel session={session} zone={zone} now={now} />
      {session.start !== null && (
        <FlowsheetSection
          session={session}
          zone={zone}
          now={now}
          canChart={charting && role !== 'admin'}
        />
      )}
      <DosePanel session={session} />
      {session.start !== null && (
        <Paper withBorder p="md" component="section" aria-labelledby="events-title">
          <Stack gap="sm">
            <Title order={2} size="h3" id="events-title">
              Alerts and adverse events
            </Title>
            <AlertHistory session={session} zone={zone} />
            <AdverseEventList session={session} zone={zone} />
            {charting && <AdverseEventForm session={session} />}
          </Stack>
        </Paper>
      )}
      {session.state === 'in-progress' && <RecoveryButton session={session} />}
      {session.state === 'recovery' && <DischargeForm session={session} now={now} zone={zone} />}
      {session.discharge !== null && (
        <Paper withBorder p="md">
          <Text fw={700}>
            Discharged with a modified Aldrete score of {session.discharge.aldreteTotal} to{' '}
            {session.discharge.escortName}.
          </Text>
        </Paper>
      )}
      {open && <StopSessionForm session={session} />}
    </Stack>
  );
}

/** The nurse's screen for one session, from check-in to discharge; works on a tablet. */
export function SessionPage() {
  const { id = '' } = useParams();
  const session = useSession(id);
  const auth = useAuthSession();
  if (session.isPending) return <PageLoader label="Loading the session" />;
  if (session.isError)
    return (
      <Stack>
        <Anchor component={Link} to="/sessions">
          ← Today&apos;s sessions
        </Anchor>
        <QueryErrorAlert error={session.error} />
      </Stack>
    );
  return <SessionScreen session={session.data} role={auth.data?.user.role ?? 'nurse'} />;
}
