import { Alert, Anchor, Button, Group, NativeSelect, Radio, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { idempotencyKeyFor, submitPaperScale } from '../api/outcomes-api';
import type { Instrument, PatientCrisisMessage, SubmittedScale } from '../api/outcomes-types';
import { describeError } from '../api/problem';
import { queryKeys } from '../api/query-keys';
import { useNow } from '../format/use-now';
import { zonedInputAt, zonedInputToIso } from '../format/zoned-time';
import { useClinicTimeZone } from '../schedule/use-clinic-time-zone';
import { crisisOf } from './labels';

/** For staff; `crisis` is what the server returned, with the clinic's own crisis numbers. */
export function SafetyNotice({
  alertIds,
  crisis,
}: {
  alertIds: readonly string[];
  crisis: PatientCrisisMessage;
}) {
  return (
    <Alert color="red" role="alert" title="Safety alert raised">
      The answer on thoughts of death or self-harm is above zero. Follow up with the patient now and
      make sure they have the clinic&apos;s crisis resources (
      {crisis.resources.map((r) => r.contact).join(', ')}).{' '}
      {alertIds.map((id) => (
        <Anchor key={id} component={Link} to={`/safety-alerts/${encodeURIComponent(id)}`}>
          Open the alert
        </Anchor>
      ))}
    </Alert>
  );
}

/** A paper form typed in by a nurse or prescriber on the patient's behalf. */
export function PaperEntryForm({
  patientId,
  instruments,
  onDone,
}: {
  patientId: string;
  instruments: readonly Instrument[];
  onDone: (sent: SubmittedScale) => void;
}) {
  const queryClient = useQueryClient();
  const [ref, setRef] = useState(instruments[0]?.ref ?? '');
  // Typed and prefilled on the clinic's clock, not the browser's: a laptop left on another zone
  // would otherwise store the form hours away from when the patient filled it in.
  const { zone } = useClinicTimeZone();
  const openedAt = useNow();
  // `null` until edited: "now" is shown on the clinic's clock once its zone has loaded, rather
  // than fixed on the browser's while the zone is still loading.
  const [typedAt, setTypedAt] = useState<string | null>(null);
  const completedAt = typedAt ?? zonedInputAt(openedAt, zone);
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const definition = instruments.find((i) => i.ref === ref)?.definition;
  const keys = useRef(new Map<string, string>());
  const send = useMutation({
    mutationFn: () => {
      const body = {
        instrument: ref,
        answers,
        ...(completedAt === '' ? {} : { completedAt: zonedInputToIso(completedAt, zone, 'start') }),
      };
      // A retry of the same entry is stored once; any change is a new entry.
      return submitPaperScale(patientId, {
        ...body,
        idempotencyKey: idempotencyKeyFor(keys.current, body),
      });
    },
    onSuccess: (sent) => {
      setAnswers({});
      onDone(sent);
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.scalesAll });
      await queryClient.invalidateQueries({ queryKey: queryKeys.safetyAlertsAll });
    },
  });
  const refusedCrisis = send.isError ? crisisOf(send.error) : null;
  return (
    <form
      aria-label="Paper form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const unanswered = (definition?.items ?? []).filter((i) => answers[i.id] === undefined);
        setMissing(new Set(unanswered.map((i) => i.id)));
        // Sent even when incomplete: the server names each item, and an item-9 answer above zero
        // must reach the care team either way.
        send.mutate();
      }}
    >
      <Stack gap="sm">
        <Group grow align="flex-start">
          <NativeSelect
            label="Scale"
            value={ref}
            onChange={(event) => {
              setRef(event.currentTarget.value);
              setAnswers({});
            }}
            data={instruments.map((i) => ({ value: i.ref, label: i.definition.shortName }))}
          />
          <TextInput
            type="datetime-local"
            label="Filled in at"
            description={`Clinic time (${zone})`}
            value={completedAt}
            onChange={(event) => {
              setTypedAt(event.currentTarget.value);
            }}
          />
        </Group>
        {definition?.items.map((item, index) => (
          <Radio.Group
            key={`${ref}-${item.id}`}
            label={`${String(index + 1)}. ${item.text}`}
            value={answers[item.id] === undefined ? null : String(answers[item.id])}
            error={
              missing.has(item.id) && answers[item.id] === undefined ? 'Not answered' : undefined
            }
            onChange={(value) => {
              setAnswers((current) => ({ ...current, [item.id]: Number(value) }));
            }}
          >
            <Group gap="md" mt={4}>
              {item.options.map((option) => (
                <Radio key={option.score} value={String(option.score)} label={option.label} />
              ))}
            </Group>
          </Radio.Group>
        ))}
        {refusedCrisis !== null && <SafetyNotice alertIds={[]} crisis={refusedCrisis} />}
        {send.isError && (
          <Alert color="red" role="alert" title="Not saved">
            {describeError(send.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={send.isPending}>
            Save paper form
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
