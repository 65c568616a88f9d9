import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Appointment, Location, StaffMember } from '../api/scheduling-types';
import { useSession } from '../auth/use-session';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import {
  addLocalDays,
  formatLocalDate,
  formatLocalPeriod,
  formatZonedTimeInList,
  localDaysWindow,
  mondayOf,
  todayIn,
  weekdayOf,
  zonedDate,
} from '../format/zoned-time';
import { AppointmentDrawer } from './appointment-drawer';
import {
  appointmentStatusColors,
  appointmentStatusLabels,
  appointmentTypeLabels,
  typeColors,
} from './labels';
import { useAppointments, useLocations, useStaff } from './use-scheduling';

const isDate = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

function DayColumn(props: {
  date: string;
  zone: string;
  person: StaffMember;
  locations: readonly Location[];
  appointments: readonly Appointment[];
  onOpen: (a: Appointment) => void;
}) {
  const weekday = weekdayOf(props.date);
  const periods = props.person.schedule.filter((p) => p.weekday === weekday);
  const away = props.person.absences.filter(
    (x) =>
      zonedDate(x.startsAt, props.zone) <= props.date &&
      props.date <= zonedDate(x.endsAt, props.zone),
  );
  const where = (id: string) => props.locations.find((l) => l.id === id)?.name ?? 'a location';
  // Working hours are the location's wall clock, as the scheduler reads them.
  const zoneOf = (id: string) => props.locations.find((l) => l.id === id)?.timeZone ?? props.zone;
  return (
    <Paper withBorder p="sm" component="section" aria-label={formatLocalDate(props.date)}>
      <Stack gap={6}>
        <Title order={2} size="h5">
          {formatLocalDate(props.date)}
        </Title>
        <Text size="xs" c="dimmed">
          {periods.length === 0
            ? 'Not scheduled'
            : periods
                .map(
                  (p) =>
                    `${formatLocalPeriod(props.date, p.startsAt, p.endsAt, zoneOf(p.locationId))} ${where(p.locationId)}`,
                )
                .join('; ')}
        </Text>
        {away.map((x) => (
          <Badge key={x.id} color="orange" variant="light">
            Away: {x.reason}
          </Badge>
        ))}
        {props.appointments.map((a) => (
          <UnstyledButton
            key={a.id}
            onClick={() => {
              props.onOpen(a);
            }}
            p={6}
            style={{
              borderLeft: `4px solid var(--mantine-color-${typeColors[a.type]}-6)`,
              background: 'var(--mantine-color-gray-0)',
              borderRadius: 4,
            }}
            aria-label={`${formatZonedTimeInList(a.startsAt, props.zone)} ${a.patient.name}, ${appointmentTypeLabels[a.type]}`}
          >
            <Text size="xs" fw={700}>
              {formatZonedTimeInList(a.startsAt, props.zone)}–
              {formatZonedTimeInList(a.endsAt, props.zone)}
            </Text>
            <Text size="sm" fw={600}>
              {a.patient.name}
            </Text>
            <Group gap={4}>
              <Text size="xs">{appointmentTypeLabels[a.type]}</Text>
              <Badge size="xs" color={appointmentStatusColors[a.status]}>
                {appointmentStatusLabels[a.status]}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {[a.location?.name, a.chair?.name].filter(Boolean).join(' · ') || 'Video visit'}
            </Text>
          </UnstyledButton>
        ))}
      </Stack>
    </Paper>
  );
}

function Week(props: {
  person: StaffMember;
  monday: string;
  zone: string;
  locations: readonly Location[];
}) {
  const window = localDaysWindow(props.monday, props.zone, 7);
  const appointments = useAppointments({ ...window, staffId: props.person.id });
  const [openId, setOpenId] = useState<string | null>(null);
  const open = appointments.data?.find((a) => a.id === openId) ?? null;
  if (appointments.isPending) return <PageLoader label="Loading the week" />;
  if (appointments.isError) return <QueryErrorAlert error={appointments.error} />;
  const days = Array.from({ length: 7 }, (_, i) => addLocalDays(props.monday, i));
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4, xl: 7 }} spacing="sm">
        {days.map((date) => (
          <DayColumn
            key={date}
            date={date}
            zone={props.zone}
            person={props.person}
            locations={props.locations}
            // By the day in the zone the week was fetched and its times are shown in: a
            // location's own zone could put a late appointment on a day outside this week.
            appointments={appointments.data.filter(
              (a) => zonedDate(a.startsAt, props.zone) === date,
            )}
            onOpen={(a) => {
              setOpenId(a.id);
            }}
          />
        ))}
      </SimpleGrid>
      <AppointmentDrawer
        appointment={open}
        locations={props.locations}
        clinicTimeZone={props.zone}
        onClose={() => {
          setOpenId(null);
        }}
        onChanged={(next) => {
          setOpenId(next?.id ?? null);
        }}
      />
    </>
  );
}

/** `/schedule/week?staff=…&week=…`: one nurse's or prescriber's week, appointments and hours. */
export function WeekCalendarPage() {
  const staff = useStaff();
  const locations = useLocations();
  const me = useSession().data?.user;
  const [params, setParams] = useSearchParams();
  if (staff.isPending || locations.isPending) return <PageLoader label="Loading staff" />;
  if (staff.isError) return <QueryErrorAlert error={staff.error} />;
  if (locations.isError) return <QueryErrorAlert error={locations.error} />;
  const clinical = staff.data.filter((s) => s.role !== 'admin');
  const person =
    clinical.find((s) => s.id === params.get('staff')) ??
    clinical.find((s) => s.id === me?.id) ??
    clinical[0];
  const zone = locations.data[0]?.timeZone ?? 'UTC';
  const week = mondayOf(isDate(params.get('week')) ? (params.get('week') ?? '') : todayIn(zone));
  const go = (next: { staff?: string; week?: string }) => {
    setParams({ staff: next.staff ?? person?.id ?? '', week: next.week ?? week });
  };
  return (
    <>
      <PageHeading>
        {person === undefined ? 'Week calendar' : `Week: ${person.displayName}`}
      </PageHeading>
      <Stack gap="md">
        <Group align="end" gap="sm" wrap="wrap">
          <Select
            label="Staff member"
            data={clinical.map((s) => ({ value: s.id, label: `${s.displayName} (${s.role})` }))}
            value={person?.id ?? null}
            allowDeselect={false}
            onChange={(value) => {
              if (value !== null) go({ staff: value });
            }}
            w={260}
          />
          <TextInput
            label="Week of"
            type="date"
            value={week}
            onChange={(event) => {
              if (isDate(event.currentTarget.value))
                go({ week: mondayOf(event.currentTarget.value) });
            }}
            w={170}
          />
          <Button.Group>
            <Button
              variant="default"
              aria-label="Previous week"
              onClick={() => {
                go({ week: addLocalDays(week, -7) });
              }}
            >
              ←
            </Button>
            <Button
              variant="default"
              onClick={() => {
                go({ week: mondayOf(todayIn(zone)) });
              }}
            >
              This week
            </Button>
            <Button
              variant="default"
              aria-label="Next week"
              onClick={() => {
                go({ week: addLocalDays(week, 7) });
              }}
            >
              →
            </Button>
          </Button.Group>
          <Button variant="subtle" component={Link} to="/schedule/day">
            Day board
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          Times in {zone}.
        </Text>
        {person === undefined ? (
          <Text>No nurses or prescribers yet.</Text>
        ) : (
          <Week
            key={`${person.id}-${week}`}
            person={person}
            monday={week}
            zone={zone}
            locations={locations.data}
          />
        )}
      </Stack>
    </>
  );
}
