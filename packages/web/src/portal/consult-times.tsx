import { Button, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { fetchConsultSlots } from '../api/appointments-api';
import { queryKeys } from '../api/query-keys';
import type { ConsultSlot } from '../api/scheduling-types';
import { QueryErrorAlert } from '../components/query-error-alert';
import {
  formatLocalDate,
  formatZonedTime,
  zoneAbbreviation,
  zonedDate,
} from '../format/zoned-time';

interface ConsultTimesProps {
  zone: string;
  picked: ConsultSlot | null;
  onPick: (slot: ConsultSlot) => void;
}

export const slotKey = (s: { startsAt: string; prescriber: { id: string } }) =>
  `${s.startsAt}|${s.prescriber.id}`;

/** Offered video-consult times, by day in the clinic's zone; one button per time and clinician. */
export function ConsultTimes({ zone, picked, onPick }: ConsultTimesProps) {
  const slots = useQuery({
    queryKey: queryKeys.consultSlots(undefined),
    queryFn: () => fetchConsultSlots(),
  });
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
  const first = slots.data[0];
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Times are clinic time ({zone}
        {first === undefined ? '' : `, ${zoneAbbreviation(first.startsAt, zone)}`}).
      </Text>
      {[...days.entries()].map(([day, daySlots]) => (
        <Stack key={day} gap={6} component="section" aria-label={formatLocalDate(day)}>
          <Title order={3} size="h5">
            {formatLocalDate(day)}
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
                  {formatZonedTime(s.startsAt, zone)}
                  <VisuallyHidden> with</VisuallyHidden>{' '}
                  <Text span size="xs" ml={6} c={chosen ? 'white' : 'dimmed'}>
                    {s.prescriber.displayName}
                  </Text>
                </Button>
              );
            })}
          </Group>
        </Stack>
      ))}
    </Stack>
  );
}
