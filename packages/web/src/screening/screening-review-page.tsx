import { Anchor, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { HISTORY_LISTS, type KnowledgeBase } from '@ketaflow/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Patient } from '../api/patient-types';
import { screenPatient } from '../api/screening-api';
import type { Screening } from '../api/screening-types';
import { useSession } from '../auth/use-session';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { useKnowledge } from '../dose/use-knowledge';
import { HistoryListStatusLine } from '../patient/history-list-status';
import { usePatient } from '../patient/use-patient';
import { BloodPressureForm } from './blood-pressure-form';
import { productLabels } from './labels';
import { ReproductiveStatusForm } from './reproductive-status-form';
import { ScreenNowForm, type ScreeningQuestion } from './screen-now-form';
import { ScreeningDetail } from './screening-detail';
import { ScreeningHistory } from './screening-history';
import { openScreeningFor, useScreeningMutation, useScreenings } from './use-screenings';
import { FormErrorAlert } from '../components/form-error-alert';
import { describeError } from '../api/problem';
import { inSentence } from '../format/labels';

function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={`${id}-heading`}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={`${id}-heading`}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

interface WorkspaceProps {
  patient: Patient;
  kb: KnowledgeBase;
  screenings: readonly Screening[];
}

function Workspace({ patient, kb, screenings }: WorkspaceProps) {
  const role = useSession().data?.user.role;
  const canScreen = role === 'nurse' || role === 'prescriber';
  const [chosen, setChosen] = useState<ScreeningQuestion | null>(null);
  // Which screening to show: one picked from the history, else the current one for the question.
  const [pickedId, setPickedId] = useState<string | null>(null);
  const newestOpen = screenings.find((s) => s.staleAt === null);
  const firstIndication = kb.indications[0]?.id ?? 'depression';
  const question: ScreeningQuestion =
    chosen ??
    (newestOpen === undefined
      ? { indication: firstIndication, product: 'ketamine-iv' }
      : {
          indication:
            kb.indications.find((i) => i.id === newestOpen.indication)?.id ?? firstIndication,
          product: newestOpen.product,
        });
  const indicationName = (id: string) => kb.indications.find((i) => i.id === id)?.displayName ?? id;
  const picked = pickedId === null ? undefined : screenings.find((s) => s.id === pickedId);
  const shown = picked ?? openScreeningFor(screenings, question.indication, question.product);

  const [screenError, setScreenError] = useState<string | null>(null);
  const screen = useScreeningMutation(patient.id, () => screenPatient(patient.id, question), {
    onSuccess: () => {
      setPickedId(null);
      setScreenError(null);
      notifications.show({ color: 'teal', message: 'Screened' });
    },
    onError: (error) => {
      setScreenError(describeError(error));
    },
  });

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="lg">
          <Section id="screening" title="Screening">
            <ScreenNowForm
              indications={kb.indications}
              question={question}
              onChange={(next) => {
                setChosen(next);
                setPickedId(null);
              }}
              onScreen={
                canScreen
                  ? () => {
                      screen.mutate(undefined);
                    }
                  : undefined
              }
              screening={screen.isPending}
            />
            <FormErrorAlert message={screenError} title="Not screened" />
            {shown === undefined ? (
              <Text c="dimmed">
                No current screening for {indicationName(question.indication)} with{' '}
                {inSentence(productLabels[question.product])}.
                {canScreen ? ' Screen now to check the record.' : ''}
              </Text>
            ) : (
              <ScreeningDetail
                key={shown.id}
                screening={shown}
                indicationName={indicationName(shown.indication)}
                canSign={role === 'prescriber'}
                onShowNewer={setPickedId}
              />
            )}
          </Section>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="lg">
          <Section id="complete" title="Complete the record">
            <Text size="sm" c="dimmed">
              Each entry screens the patient again; the screening it replaces is kept below as out
              of date.
            </Text>
            {HISTORY_LISTS.filter(
              (list) => patient.historyLists[list].state === 'not-recorded',
            ).map((list) => (
              <HistoryListStatusLine
                key={list}
                patientId={patient.id}
                list={list}
                status={patient.historyLists[list]}
                editable={canScreen}
              />
            ))}
            <BloodPressureForm patientId={patient.id} />
            {patient.sex !== 'male' && <ReproductiveStatusForm patientId={patient.id} />}
          </Section>
        </Stack>
      </Grid.Col>
      <Grid.Col span={12}>
        <Section id="history" title="History">
          <ScreeningHistory
            screenings={screenings}
            indicationName={indicationName}
            shownId={shown?.id}
            onShow={setPickedId}
          />
        </Section>
      </Grid.Col>
    </Grid>
  );
}

function PatientScreening({ patientId }: { patientId: string }) {
  const patient = usePatient(patientId);
  const knowledge = useKnowledge();
  const screenings = useScreenings(patientId);
  if (patient.isPending || knowledge.isPending || screenings.isPending)
    return <PageLoader label="Loading the screening" />;
  if (patient.isError) return <QueryErrorAlert error={patient.error} />;
  if (knowledge.isError) return <QueryErrorAlert error={knowledge.error} />;
  if (screenings.isError) return <QueryErrorAlert error={screenings.error} />;
  const { givenName, familyName, mrn, birthDate } = patient.data;
  return (
    <>
      <PageHeading>{`Screening: ${givenName} ${familyName}`}</PageHeading>
      <Text c="dimmed" mb="md">
        MRN {mrn} · born {birthDate}
      </Text>
      <Workspace patient={patient.data} kb={knowledge.data} screenings={screenings.data} />
    </>
  );
}

/** `/patients/:id/screening`: review, sign and complete a patient's eligibility screening. */
export function ScreeningReviewPage() {
  const { id = '' } = useParams();
  return (
    <>
      <Anchor component={Link} to={`/patients/${encodeURIComponent(id)}`} size="sm">
        ← Patient record
      </Anchor>
      <PatientScreening key={id} patientId={id} />
    </>
  );
}
