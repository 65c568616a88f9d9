import {
  Alert,
  Button,
  Group,
  List,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { dischargeReadiness, SESSION_VITALS, type KnowledgeBase } from '@ketaflow/core';
import { useState } from 'react';
import { ApiProblemError, describeError } from '../api/problem';
import { dischargeSession } from '../api/sessions-api';
import type { AldreteScores, DischargeInput, Session } from '../api/session-types';
import { useKnowledge } from '../dose/use-knowledge';
import { formatZonedTimeInList } from '../format/zoned-time';
import { aldreteItems } from './labels';
import { useSessionMutation } from './use-session';
import { inSentence } from '../format/labels';

type Scores = Record<keyof AldreteScores, number | null>;

const unscored: Scores = {
  activity: null,
  respiration: null,
  circulation: null,
  consciousness: null,
  oxygenSaturation: null,
};

/** The vital signs charted at least once since recovery began (what the server counts too). */
function recoveryVitals(session: Session) {
  const since = session.recovery?.at;
  if (since === undefined) return [];
  const inRecovery = session.readings.filter(
    (r) => new Date(r.takenAt).getTime() >= new Date(since).getTime(),
  );
  return SESSION_VITALS.filter((v) => inRecovery.some((r) => r[v] !== null));
}

/**
 * Every unmet criterion by core's `dischargeReadiness`, the same code the server runs with the
 * clinic's knowledge base; the server checks again on discharge and its answer wins.
 */
export function knownUnmetCriteria(
  kb: KnowledgeBase | undefined,
  session: Session,
  scores: Scores,
  escortName: string,
  now: number,
  zone: string,
): string[] {
  // Core words the observation time as an ISO instant; the nurse reads the clinic's clock time.
  const say = (u: { code: string; message: string }): string => {
    const endsAt = session.esketamine?.observationEndsAt;
    return u.code === 'DISCHARGE.OBSERVATION_TOO_SHORT' && endsAt != null
      ? `Observation continues until ${formatZonedTimeInList(endsAt, zone)} (at least 2 hours after dosing)`
      : u.message;
  };
  const missing = aldreteItems.filter((i) => scores[i.key] === null);
  const unmet: string[] = [];
  if (missing.length > 0)
    unmet.push(`Score every Aldrete item (${missing.map((i) => inSentence(i.label)).join(', ')})`);
  if (kb === undefined) return unmet;
  const esk = session.esketamine;
  const date = (iso: string | null | undefined) => (iso == null ? undefined : new Date(iso));
  const readiness = dischargeReadiness(kb, {
    product: session.product,
    ...(missing.length === 0
      ? {
          aldrete: {
            activity: scores.activity ?? 0,
            respiration: scores.respiration ?? 0,
            circulation: scores.circulation ?? 0,
            consciousness: scores.consciousness ?? 0,
            oxygenSaturation: scores.oxygenSaturation ?? 0,
          },
        }
      : {}),
    escortName,
    openAlertCount: session.alerts.filter((a) => a.acknowledgement === null).length,
    now: new Date(now),
    dosedAt: date(esk?.dosedAt),
    bpBeforeDoseAt: date(esk?.bpBeforeDose?.takenAt),
    bpAfterDoseAt: date(esk?.bp40Min?.takenAt),
    recoveryVitals: recoveryVitals(session),
  });
  const codes = new Set<string>();
  for (const u of readiness.unmet)
    if (u.code !== 'DISCHARGE.ALDRETE_MISSING') {
      codes.add(u.code);
      unmet.push(say(u));
    }
  // What the server last said about the rest (observation time, blood pressures, alerts).
  for (const u of session.dischargeReadiness.unmet)
    if (!codes.has(u.code) && u.field !== 'aldrete' && u.field !== 'escortName') unmet.push(say(u));
  return unmet;
}

/** Modified Aldrete score and escort; discharge stays off until the criteria are met. */
export function DischargeForm({
  session,
  now,
  zone,
}: {
  session: Session;
  now: number;
  zone: string;
}) {
  const [scores, setScores] = useState<Scores>(unscored);
  const [escortName, setEscortName] = useState('');
  const [notes, setNotes] = useState('');
  const [refusal, setRefusal] = useState<{ detail: string; reasons: string[] } | null>(null);
  const discharge = useSessionMutation((body: DischargeInput) =>
    dischargeSession(session.id, body),
  );
  const total = aldreteItems.reduce((sum, i) => sum + (scores[i.key] ?? 0), 0);
  const knowledge = useKnowledge();
  const unmet = knownUnmetCriteria(knowledge.data, session, scores, escortName, now, zone);
  const submit = () => {
    const aldrete = {
      activity: scores.activity ?? 0,
      respiration: scores.respiration ?? 0,
      circulation: scores.circulation ?? 0,
      consciousness: scores.consciousness ?? 0,
      oxygenSaturation: scores.oxygenSaturation ?? 0,
    };
    setRefusal(null);
    discharge.mutate(
      {
        aldrete,
        escortName: escortName.trim(),
        ...(notes.trim() === '' ? {} : { notes: notes.trim() }),
      },
      {
        onError: (error) => {
          setRefusal({
            detail: describeError(error),
            reasons:
              error instanceof ApiProblemError
                ? (error.problem.errors ?? []).map((e) => e.message)
                : [],
          });
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="discharge-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="discharge-title">
          Discharge
        </Title>
        <Stack gap="sm">
          {aldreteItems.map((item) => (
            <div key={item.key}>
              <Text fw={600} id={`aldrete-${item.key}`}>
                {item.label}
              </Text>
              <SegmentedControl
                size="md"
                fullWidth
                aria-labelledby={`aldrete-${item.key}`}
                data={item.scores.map((text, score) => ({
                  value: String(score),
                  label: `${String(score)}: ${text}`,
                }))}
                value={scores[item.key] === null ? '' : String(scores[item.key])}
                onChange={(value) => {
                  setScores((s) => ({ ...s, [item.key]: Number(value) }));
                }}
                styles={{
                  label: { whiteSpace: 'normal', fontSize: 'var(--mantine-font-size-xs)' },
                }}
              />
            </div>
          ))}
        </Stack>
        <Text fw={700} data-testid="aldrete-total">
          Modified Aldrete score: {total} of 10
        </Text>
        <Group grow align="flex-start">
          <TextInput
            size="lg"
            label="Escort's name"
            value={escortName}
            onChange={(e) => {
              setEscortName(e.currentTarget.value);
            }}
          />
          <Textarea
            size="md"
            label="Discharge notes"
            value={notes}
            onChange={(e) => {
              setNotes(e.currentTarget.value);
            }}
          />
        </Group>
        {unmet.length > 0 && (
          <Alert color="yellow" title="Not yet dischargeable" data-testid="unmet-criteria">
            <List size="sm">
              {unmet.map((u) => (
                <List.Item key={u}>{u}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {refusal !== null && (
          <Alert
            color="red"
            role="alert"
            title="The server refused the discharge"
            data-testid="discharge-refusal"
          >
            <Text size="sm">{refusal.detail}</Text>
            <List size="sm">
              {refusal.reasons.map((r) => (
                <List.Item key={r}>{r}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group>
          <Button
            size="lg"
            color="green"
            disabled={unmet.length > 0}
            loading={discharge.isPending}
            onClick={submit}
          >
            Discharge
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
