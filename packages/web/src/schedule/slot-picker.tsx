import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { PROTOCOL_IDS } from '@ketaflow/core';
import { useQuery } from '@tanstack/react-query';
import { useKnowledge } from '../dose/use-knowledge';
import { useState } from 'react';
import { searchSlots } from '../api/appointments-api';
import { queryKeys } from '../api/query-keys';
import type { AppointmentType, Location, Slot } from '../api/scheduling-types';
import { QueryErrorAlert } from '../components/query-error-alert';
import {
  addLocalDays,
  formatLocalDate,
  formatZonedTimeInList,
  localDaysWindow,
  todayIn,
  zonedDate,
  zoneAbbreviationsOf,
} from '../format/zoned-time';
import { appointmentTypeLabels } from './labels';

export interface SlotChoice {
  slot: Slot;
  type: AppointmentType;
  /** The protocol the infusion's length came from, to book with. */
  protocolId?: string;
  /** The zone the slot was shown in. */
  timeZone: string;
}

interface SlotPickerProps {
  locations: readonly Location[];
  /** Fixed type (rescheduling keeps the type); otherwise the person chooses. */
  type?: AppointmentType;
  initialLocationId?: string | undefined;
  initialDate?: string | undefined;
  patientId?: string | undefined;
  /** Keep this length instead of the protocol's (moving an existing appointment). */
  durationMinutes?: number | undefined;
  /** Zone for consults, which have no location. */
  clinicTimeZone: string;
  onPick: (choice: SlotChoice) => void;
  picked?: Slot | null;
}

const typeOptions = Object.entries(appointmentTypeLabels).map(([value, label]) => ({
  value,
  label,
}));

function groupByDay(slots: readonly Slot[], zone: string): [string, Slot[]][] {
  const days = new Map<string, Slot[]>();
  for (const slot of slots) {
    const day = zonedDate(slot.startsAt, zone);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return [...days.entries()];
}

/** Only one slot per start time: the first resource set the server offered for it. */
function distinctStarts(slots: readonly Slot[]): Slot[] {
  const seen = new Set<string>();
  return slots.filter((s) => (seen.has(s.startsAt) ? false : (seen.add(s.startsAt), true)));
}

/** Slot search (type, location, date range) and a list of times to pick, in the location's zone. */
export function SlotPicker(props: SlotPickerProps) {
  const { locations, clinicTimeZone } = props;
  const [type, setType] = useState<AppointmentType>(props.type ?? 'infusion');
  const [locationId, setLocationId] = useState<string | null>(
    props.initialLocationId ?? locations[0]?.id ?? null,
  );
  const location = locations.find((l) => l.id === locationId);
  const usesLocation = type !== 'consult-telemedicine';
  const zone = usesLocation && location ? location.timeZone : clinicTimeZone;
  const [fromDate, setFromDate] = useState(props.initialDate ?? todayIn(zone));
  const [days, setDays] = useState('7');
  const knowledge = useKnowledge();
  const [protocolId, setProtocolId] = useState<string>('depression');
  const needsProtocol = type === 'infusion' && props.durationMinutes === undefined;
  const dayCount = Math.max(1, Math.min(31, Number(days) || 7));
  const window = localDaysWindow(fromDate, zone, dayCount);
  const search = {
    type,
    ...window,
    ...(usesLocation && locationId !== null ? { locationId } : {}),
    ...(props.patientId === undefined ? {} : { patientId: props.patientId }),
    ...(needsProtocol ? { protocolId } : {}),
    ...(props.durationMinutes === undefined ? {} : { durationMinutes: props.durationMinutes }),
    limit: 500,
  };
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(fromDate);
  const slots = useQuery({
    queryKey: queryKeys.slots(search),
    queryFn: () => searchSlots(search),
    enabled: validDate,
  });
  const offered = distinctStarts(slots.data ?? []);
  const grouped = groupByDay(offered, zone);
  // Named only across a clock change; a day with a change marks each of its times instead.
  const abbreviations = zoneAbbreviationsOf(
    offered.map((s) => s.startsAt),
    zone,
  );

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        {props.type === undefined && (
          <Select
            label="Appointment type"
            data={typeOptions}
            value={type}
            allowDeselect={false}
            onChange={(value) => {
              if (value !== null) setType(value as AppointmentType);
            }}
          />
        )}
        {needsProtocol && (
          <Select
            label="Protocol"
            data={PROTOCOL_IDS.map((id) => ({
              value: id,
              label: knowledge.data?.indications.find((i) => i.id === id)?.displayName ?? id,
            }))}
            value={protocolId}
            allowDeselect={false}
            onChange={(value) => {
              if (value !== null) setProtocolId(value);
            }}
          />
        )}
        {usesLocation && (
          <Select
            label="Location"
            data={locations.map((l) => ({ value: l.id, label: l.name }))}
            value={locationId}
            allowDeselect={false}
            onChange={setLocationId}
          />
        )}
        <TextInput
          label="From date"
          type="date"
          value={fromDate}
          onChange={(event) => {
            setFromDate(event.currentTarget.value);
          }}
        />
        <Select
          label="Days to search"
          data={['1', '3', '7', '14', '31']}
          value={days}
          allowDeselect={false}
          onChange={(value) => {
            setDays(value ?? '7');
          }}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        Times in {zone}
        {abbreviations.length > 1 ? ` (${abbreviations.join(', then ')})` : ''}.
      </Text>
      {slots.isError && <QueryErrorAlert error={slots.error} />}
      {slots.isPending && validDate && <Text size="sm">Searching…</Text>}
      {slots.isSuccess && grouped.length === 0 && (
        <Text c="dimmed">
          No free times from {formatLocalDate(fromDate)} to{' '}
          {formatLocalDate(addLocalDays(fromDate, dayCount - 1))}. Try later dates.
        </Text>
      )}
      <Stack gap="sm" role="list" aria-label="Free times">
        {grouped.map(([day, daySlots]) => (
          <Stack key={day} gap={4} role="listitem">
            <Title order={3} size="h5">
              {formatLocalDate(day)}
            </Title>
            <Group gap={6}>
              {daySlots.map((slot) => {
                const chosen = props.picked?.startsAt === slot.startsAt;
                const time = formatZonedTimeInList(slot.startsAt, zone);
                return (
                  <Button
                    key={slot.startsAt}
                    size="compact-md"
                    variant={chosen ? 'filled' : 'light'}
                    aria-pressed={chosen}
                    aria-label={`${formatLocalDate(day)} ${time}`}
                    onClick={() => {
                      props.onPick({
                        slot,
                        type,
                        timeZone: zone,
                        ...(needsProtocol ? { protocolId } : {}),
                      });
                    }}
                  >
                    {time}
                  </Button>
                );
              })}
            </Group>
          </Stack>
        ))}
      </Stack>
    </Stack>
  );
}
