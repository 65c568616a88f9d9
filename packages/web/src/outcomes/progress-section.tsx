import { Alert, Button, Collapse, NativeSelect, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchPatientScales } from '../api/outcomes-api';
import type { InstrumentDefinition, SeverityBand, SubmittedScale } from '../api/outcomes-types';
import { queryKeys } from '../api/query-keys';
import { QueryErrorAlert } from '../components/query-error-alert';
import { useKnowledge } from '../dose/use-knowledge';
import { RecordSection } from '../patient/record-section';
import { PaperEntryForm, SafetyNotice } from './paper-entry-form';
import { ProgressChart } from './progress-chart';
import { ProgressStatus } from './progress-status';
import { ScoresTable } from './scores-table';
import { useInstruments, useProgress } from './use-outcomes';

interface ProgressSectionProps {
  patientId: string;
  /** Nurses and prescribers may enter paper forms. */
  canEnterPaper: boolean;
  /** Staff read custom forms' bands from the instrument list; patients only have built-ins. */
  isStaff: boolean;
  /** Definitions the caller already has (a patient's due forms). */
  known?: readonly InstrumentDefinition[];
}

function useBands(
  ref: string | undefined,
  isStaff: boolean,
  known: readonly InstrumentDefinition[],
) {
  const knowledge = useKnowledge();
  const instruments = useInstruments(isStaff);
  if (ref === undefined) return [] as readonly SeverityBand[];
  const definition =
    known.find((d) => d.id === ref) ??
    instruments.data?.find((i) => i.ref === ref)?.definition ??
    knowledge.data?.outcomes.instruments.find((i) => i.id === ref);
  return definition?.bands ?? [];
}

function PaperEntry({ patientId }: { patientId: string }) {
  const [opened, toggle] = useDisclosure(false);
  const instruments = useInstruments();
  const [sent, setSent] = useState<SubmittedScale | null>(null);
  return (
    <Stack gap="xs">
      <Button variant="light" onClick={toggle.toggle} aria-expanded={opened} w="fit-content">
        {opened ? 'Close paper form' : 'Enter a paper form'}
      </Button>
      {sent !== null && (
        <Alert color="green" role="status" title="Paper form saved">
          {sent.response.instrumentName} {String(sent.response.total)}
          {sent.response.band === null ? '' : ` (${sent.response.band.label})`}
        </Alert>
      )}
      {sent?.crisis != null && (
        <SafetyNotice alertIds={sent.response.safetyAlertIds} crisis={sent.crisis} />
      )}
      <Collapse expanded={opened}>
        {instruments.isError && <QueryErrorAlert error={instruments.error} />}
        {instruments.data !== undefined && (
          <PaperEntryForm patientId={patientId} instruments={instruments.data} onDone={setSent} />
        )}
      </Collapse>
    </Stack>
  );
}

/** Scores over time with session markers, response and remission, and the values as a table. */
export function ProgressSection({
  patientId,
  canEnterPaper,
  isStaff,
  known = [],
}: ProgressSectionProps) {
  const [instrument, setInstrument] = useState<string | undefined>(undefined);
  const progress = useProgress(patientId, instrument);
  const scales = useQuery({
    queryKey: queryKeys.patientScales(patientId),
    queryFn: () => fetchPatientScales(patientId),
  });
  const shown = progress.data?.instrument;
  const bands = useBands(shown, isStaff, known);
  const filled = [...new Map((scales.data ?? []).map((r) => [r.instrument, r.instrumentName]))];
  if (shown !== undefined && !filled.some(([ref]) => ref === shown))
    filled.unshift([shown, progress.data?.instrumentName ?? shown]);

  return (
    <RecordSection id="progress" title="Progress">
      {filled.length > 1 && (
        <NativeSelect
          label="Scale"
          w={220}
          value={shown ?? ''}
          onChange={(event) => {
            setInstrument(event.currentTarget.value);
          }}
          data={filled.map(([value, label]) => ({ value, label }))}
        />
      )}
      {progress.isError && <QueryErrorAlert error={progress.error} />}
      {progress.isPending && <Text size="sm">Loading…</Text>}
      {progress.data !== undefined &&
        (progress.data.progress === null ? (
          <Text c="dimmed" size="sm">
            No {progress.data.instrumentName} scores yet.
          </Text>
        ) : (
          <>
            <ProgressStatus progress={progress.data.progress} />
            <ProgressChart data={progress.data} bands={bands} />
            <ScoresTable data={progress.data} />
          </>
        ))}
      {canEnterPaper && <PaperEntry patientId={patientId} />}
    </RecordSection>
  );
}
