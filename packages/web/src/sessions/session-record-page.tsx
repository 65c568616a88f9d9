import { Anchor, Box, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { fetchSessionRecord } from '../api/sessions-api';
import type { SessionRecord } from '../api/session-types';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { resultRows } from '../dose/dose-result-table';
import { formatZonedDateTimeInList, formatZonedTimeInList } from '../format/zoned-time';
import { AdverseEventList } from './adverse-event-form';
import { AlertHistory } from './alerts-banner';
import { FlowsheetTable } from './flowsheet-table';
import {
  aldreteItems,
  decisionLabels,
  pregnancyTestLabels,
  vitalFields,
  vitalLabel,
} from './labels';
import { sessionSteps } from './session-steps';
import { alertMessage } from './readings';
import { formatRemsDeadline } from './rems-form';
import { sessionKeys, useSessionZone } from './use-session';
import '../dose/print.css';
import './sessions.css';
import { inSentence } from '../format/labels';

function formatValue(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '?';
}

function Heading({ children }: { children: string }) {
  return (
    <Title order={2} size="h5" mt={4}>
      {children}
    </Title>
  );
}

function RecordBody({ record, zone }: { record: SessionRecord; zone: string }) {
  const session = record.session;
  const p = session.preCheck;
  const d = session.discharge;
  return (
    <Box component="article" className="kf-record kf-sheet" aria-labelledby="record-title">
      <Stack gap={6}>
        <Group justify="space-between" align="baseline">
          <Title order={1} size="h3" id="record-title">
            Session record: {session.patient.displayName}
          </Title>
          <Text size="sm">KetaFlow</Text>
        </Group>
        <Text size="sm">
          MRN {session.patient.mrn}
          {` · born ${session.patient.birthDate}`} ·{' '}
          {session.product === 'esketamine-nasal' ? 'Esketamine nasal spray' : 'Ketamine infusion'}
          {session.location != null && ` · ${session.location.name}`} · times in {zone}
        </Text>
        <Heading>Steps</Heading>
        <Table aria-label="Steps" withTableBorder verticalSpacing={2}>
          <Table.Tbody>
            {sessionSteps(session).map((s) => (
              <Table.Tr key={s.key}>
                <Table.Th w="22%">{s.label}</Table.Th>
                <Table.Td>
                  {s.signed === null
                    ? '—'
                    : `${formatZonedDateTimeInList(s.signed.at, zone)} · ${s.signed.by.displayName}${s.note === undefined ? '' : ` · ${s.note}`}`}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <SimpleGrid cols={2} spacing="md">
          <div>
            <Heading>Pre-check</Heading>
            {p === null ? (
              <Text size="sm">Not done.</Text>
            ) : (
              <Text size="sm">
                <strong>{decisionLabels[p.decision]}</strong>
                {p.reasons.length > 0 && `: ${p.reasons.map((r) => r.message).join('; ')}`}
                <br />
                {vitalFields.map((f) => `${f.short} ${String(p.vitals[f.key] ?? '—')}`).join(' · ')}
                <br />
                Weight {p.weight.value} {p.weight.unit} · fasting {p.fasting ? 'yes' : 'no'} ·
                consent {p.consentOnFile ? 'on file' : 'missing'}
                {p.pregnancyTest !== null &&
                  ` · pregnancy test ${pregnancyTestLabels[p.pregnancyTest]}`}
                {p.medicationChanges.length > 0 && ` · changes: ${p.medicationChanges.join(', ')}`}
                {p.approval != null && (
                  <>
                    <br />
                    Approved by {p.approval.by.displayName}{' '}
                    {formatZonedTimeInList(p.approval.at, zone)}: {p.approval.reason}
                  </>
                )}
              </Text>
            )}
          </div>
          <div>
            <Heading>Dose</Heading>
            {session.dose === null ? (
              <Text size="sm">Not given.</Text>
            ) : (
              <Text size="sm">
                {resultRows(session.dose)
                  .filter((r) => r.value !== '—')
                  .map((r) => `${r.label}: ${r.value}`)
                  .join(' · ')}
                <br />
                Lot <strong>{session.start?.vialLot ?? '—'}</strong>, expiry{' '}
                {session.start?.vialExpiry ?? '—'}
                {session.dose.limits.length > 0 &&
                  ` · limits: ${session.dose.limits.map((l) => `${l.message}${l.reason === undefined ? '' : ` (override: ${l.reason})`}`).join('; ')}`}
              </Text>
            )}
          </div>
        </SimpleGrid>
        <Heading>Readings</Heading>
        <FlowsheetTable session={session} zone={zone} />
        <Heading>Alerts and actions</Heading>
        {session.alerts.length === 0 ? (
          <Text size="sm">None.</Text>
        ) : (
          <>
            <AlertHistory session={session} zone={zone} />
            {session.alerts
              .filter((a) => a.acknowledgement === null)
              .map((a) => (
                <Text key={a.id} size="sm" c="red">
                  {formatZonedTimeInList(a.raisedAt, zone)} {alertMessage(a)} — not acknowledged
                </Text>
              ))}
          </>
        )}
        <Heading>Adverse events</Heading>
        <AdverseEventList session={session} zone={zone} />
        {session.esketamine !== null && (
          <>
            <Heading>Esketamine observation and REMS</Heading>
            <Text size="sm">
              Dosed{' '}
              {session.esketamine.dosedAt === null
                ? '—'
                : formatZonedTimeInList(session.esketamine.dosedAt, zone)}{' '}
              · observation ends{' '}
              {session.esketamine.observationEndsAt === null
                ? '—'
                : formatZonedTimeInList(session.esketamine.observationEndsAt, zone)}{' '}
              · REMS form due {formatRemsDeadline(session.esketamine.rems, zone)},{' '}
              {session.esketamine.rems.submittedAt == null
                ? 'not submitted'
                : `submitted ${formatZonedDateTimeInList(session.esketamine.rems.submittedAt, zone)}`}
            </Text>
          </>
        )}
        <Heading>Discharge</Heading>
        {d === null ? (
          <Text size="sm">Not discharged.</Text>
        ) : (
          <Text size="sm">
            Modified Aldrete{' '}
            {aldreteItems
              .map((i) => `${inSentence(i.label)} ${String(d.aldrete[i.key])}`)
              .join(', ')}{' '}
            = <strong>{d.aldreteTotal}</strong> · escort {d.escortName}
            {d.notes !== null && ` · ${d.notes}`}
          </Text>
        )}
        <Heading>Amendments</Heading>
        {session.amendments.length === 0 ? (
          <Text size="sm">None.</Text>
        ) : (
          session.amendments.map((a) => (
            <Text key={a.id} size="sm">
              {formatZonedDateTimeInList(a.at, zone)} · {a.by.displayName}: {a.reason}
              {` (${a.target} ${vitalLabel(a.field)}: ${formatValue(a.original)} → ${formatValue(a.value)})`}
            </Text>
          ))
        )}
        <Text size="xs" mt={4} data-testid="knowledge-version">
          Knowledge version {record.knowledgeVersion} · session {session.id} · printed{' '}
          {formatZonedDateTimeInList(record.generatedAt, zone)}
        </Text>
      </Stack>
    </Box>
  );
}

/** The one-page printable session record (print CSS leaves the app around it off the paper). */
export function SessionRecordPage() {
  const { id = '' } = useParams();
  const record = useQuery({
    queryKey: sessionKeys.record(id),
    queryFn: () => fetchSessionRecord(id),
  });
  const zone = useSessionZone(record.data?.session.location?.id);
  if (record.isPending) return <PageLoader label="Loading the record" />;
  if (record.isError) return <QueryErrorAlert error={record.error} />;
  return (
    <Stack gap="sm" maw={900}>
      <Group justify="space-between" className="kf-no-print">
        <Anchor component={Link} to={`/sessions/${encodeURIComponent(id)}`} size="sm">
          ← Session
        </Anchor>
        <Button
          onClick={() => {
            window.print();
          }}
        >
          Print record
        </Button>
      </Group>
      <RecordBody record={record.data} zone={zone} />
    </Stack>
  );
}
