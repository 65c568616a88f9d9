import { Button, Chip, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchConsultSlots } from '../api/appointments-api';
import { queryKeys } from '../api/query-keys';
import type { ConsultSlot } from '../api/scheduling-types';
import { QueryErrorAlert } from '../components/query-error-alert';
import {
  formatLocalDate,
  formatZonedTimeInList,
  zonedDate,
  zoneAbbreviationsOf,
} from '../format/zoned-time';

interface ConsultTimesProps {
  zone: string;
  picked: ConsultSlot | null;
  onPick: (slot: ConsultSlot) => void;
}

export const slotKey = (s: { startsAt: string; prescriber: { id: string } }) =>
  `${s.startsAt}|${s.prescriber.id}`;

/** `Mon 30 Nov`: a day's label on its chip (the year is in the day's heading). */
const shortDay = (day: string) => formatLocalDate(day).replace(/ \d{4}$/, '');

/**
 * Offered video-consult times in the clinic's zone: the days that have times first, then the
 * chosen day's times, one button per time and clinician. Two weeks of times are a few hundred
 * buttons, too many to scan on a phone; the day the patient already picked (or the first day with
 * times) is open at the start.
 */
export function ConsultTimes({ zone, picked, onPick }: ConsultTimesProps) {
  const slots = useQuery({
    queryKey: queryKeys.consultSlots(undefined),
    queryFn: () => fetchConsultSlots(),
  });
  const [chosenDay, setChosenDay] = useState<string | null>(null);
  if (slots.isPending) return <Text>Finding times…</Text>;
  if (slots.isError) return <QueryErrorAlert error={slots.error} />;
  if (slots.data.length === 0)
    return (
      <Text>No video-consult times are free in the next two weeks. Please call the clinic.</Text>
    );
  const days = new Map<string, ConsultSlot[]>();
  for (const s of slots.data) {
    const day = zonedDate(s.startsAt, zone);
    days.set(day, [...(days.get(day) ?? []), s]);
  }
  const pickedDay = picked === null ? null : zonedDate(picked.startsAt, zone);
  const day =
    [chosenDay, pickedDay].find((d): d is string => d !== null && days.has(d)) ??
    [...days.keys()][0] ??
    '';
  const daySlots = days.get(day) ?? [];
  // Both abbreviations when the two weeks span a clock change; then only the times of the day
  // of the change carry their own, as the heading does not say which one applies.
  const abbreviations = zoneAbbreviationsOf(
    slots.data.map((s) => s.startsAt),
    zone,
  );
  const pageAbbreviation = abbreviations.length === 1 ? abbreviations[0] : undefined;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Times are clinic time ({zone}, {abbreviations.join(', then ')}).
      </Text>
      <Stack gap={6} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
        <Text component="legend" fw={500} size="sm" mb={6}>
          Day
        </Text>
        <Chip.Group multiple={false} value={day} onChange={setChosenDay}>
          <Group gap={6}>
            {[...days.entries()].map(([d, times]) => (
              <Chip key={d} value={d} variant="outline">
                {shortDay(d)}
                <VisuallyHidden>
                  , {String(times.length)} time{times.length === 1 ? '' : 's'}
                </VisuallyHidden>
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Stack>
      <Stack gap={6} component="section" aria-label={formatLocalDate(day)}>
        <Title order={3} size="h5">
          {formatLocalDate(day)}: {String(daySlots.length)} time
          {daySlots.length === 1 ? '' : 's'}
        </Title>
        <Group gap={6}>
          {daySlots.map((s) => {
            const chosen = picked !== null && slotKey(picked) === slotKey(s);
            return (
              <Button
                key={slotKey(s)}
                size="compact-md"
                // "default", not "light": teal on light teal fails AA contrast for small text.
                variant={chosen ? 'filled' : 'default'}
                aria-pressed={chosen}
                onClick={() => {
                  onPick(s);
                }}
              >
                {/* The name is the visible text plus hidden context, so it contains what sighted
                    users read (WCAG 2.5.3 label in name). */}
                <VisuallyHidden>{formatLocalDate(day)} </VisuallyHidden>
                {formatZonedTimeInList(s.startsAt, zone, pageAbbreviation)}
                <VisuallyHidden> with</VisuallyHidden>{' '}
                <Text span size="xs" ml={6} c={chosen ? 'white' : 'dimmed'}>
                  {s.prescriber.displayName}
                </Text>
              </Button>
            );
          })}
        </Group>
      </Stack>
    </Stack>
  );
}
