import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Appointment, Location } from '../api/scheduling-types';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import {
  addLocalDays,
  formatLocalDate,
  formatLocalPeriod,
  localDaysWindow,
  todayIn,
  weekdayOf,
} from '../format/zoned-time';
import { useSessionList } from '../sessions/use-session';
import { AppointmentDrawer } from './appointment-drawer';
import { clockChangeNotes } from './board-geometry';
import { DayBoard } from './day-board';
import { weekdayLabels } from './labels';
import { useAppointments, useLocations } from './use-scheduling';

const isDate = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

function HoursNote({ location, date }: { location: Location; date: string }) {
  const weekday = weekdayOf(date);
  const hours = location.hours.filter((h) => h.weekday === weekday);
  const closure = location.closures.find((c) => c.startsOn <= date && date <= c.endsOn);
  return (
    <Stack gap="xs">
      {closure !== undefined && (
        <Alert color="orange" title="Closed" role="status">
          {location.name} is closed{' '}
          {closure.startsOn === closure.endsOn
            ? 'today'
            : `${closure.startsOn} to ${closure.endsOn}`}
          : {closure.reason}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {weekdayLabels[weekday]} hours:{' '}
        {hours.length === 0
          ? 'closed'
          : hours
              .map((h) => formatLocalPeriod(date, h.opensAt, h.closesAt, location.timeZone))
              .join(', ')}{' '}
        · times in {location.timeZone}
      </Text>
      {clockChangeNotes(date, location.timeZone).map((note) => (
        <Text key={note} size="sm" fw={600} c="orange.9">
          {note}.
        </Text>
      ))}
    </Stack>
  );
}

function Board({
  location,
  date,
  locations,
}: {
  location: Location;
  date: string;
  locations: readonly Location[];
}) {
  const window = localDaysWindow(date, location.timeZone);
  const appointments = useAppointments({ ...window, locationId: location.id });
  // Who has arrived: the day's sessions, by appointment (a check-in leaves the booking "booked").
  const sessionList = useSessionList({ date, locationId: location.id });
  const sessions = new Map((sessionList.data ?? []).map((s) => [s.appointmentId, s]));
  const [openId, setOpenId] = useState<string | null>(null);
  const [changed, setChanged] = useState<Appointment | null>(null);
  const fromList = appointments.data?.find((a) => a.id === openId);
  const open = fromList ?? (changed?.id === openId ? changed : null);
  return (
    <>
      <HoursNote location={location} date={date} />
      {appointments.isPending && <PageLoader label="Loading the day" />}
      {appointments.isError && <QueryErrorAlert error={appointments.error} />}
      {appointments.isSuccess && (
        <>
          <Text size="sm" aria-live="polite">
            {appointments.data.length === 1
              ? '1 appointment'
              : `${String(appointments.data.length)} appointments`}
          </Text>
          <DayBoard
            location={location}
            date={date}
            appointments={appointments.data}
            sessions={sessions}
            onOpen={(a) => {
              setOpenId(a.id);
            }}
          />
        </>
      )}
      <AppointmentDrawer
        appointment={open}
        locations={locations}
        clinicTimeZone={location.timeZone}
        onClose={() => {
          setOpenId(null);
        }}
        onChanged={(next) => {
          // A reschedule answers with the new appointment: follow it (it may be on another day).
          setChanged(next);
          setOpenId(next?.id ?? null);
        }}
      />
    </>
  );
}

/** `/schedule/day?location=…&date=…`: one location's chairs through the day. */
export function DayBoardPage() {
  const locations = useLocations();
  const [params, setParams] = useSearchParams();
  if (locations.isPending) return <PageLoader label="Loading locations" />;
  if (locations.isError) return <QueryErrorAlert error={locations.error} />;
  const location = locations.data.find((l) => l.id === params.get('location')) ?? locations.data[0];
  if (location === undefined)
    return (
      <>
        <PageHeading>Day board</PageHeading>
        <Text>No locations yet: an administrator adds them under Clinic set-up.</Text>
      </>
    );
  const today = todayIn(location.timeZone);
  const date = isDate(params.get('date')) ? (params.get('date') ?? today) : today;
  const go = (next: { location?: string; date?: string }) => {
    setParams({ location: next.location ?? location.id, date: next.date ?? date });
  };
  return (
    <>
      <PageHeading>{`Day board: ${location.name}`}</PageHeading>
      <Stack gap="md">
        <Group align="end" gap="sm" wrap="wrap">
          <Select
            label="Location"
            data={locations.data.map((l) => ({ value: l.id, label: l.name }))}
            value={location.id}
            allowDeselect={false}
            onChange={(value) => {
              if (value !== null) go({ location: value });
            }}
            w={200}
          />
          <TextInput
            label="Date"
            type="date"
            value={date}
            onChange={(event) => {
              if (isDate(event.currentTarget.value)) go({ date: event.currentTarget.value });
            }}
            w={170}
          />
          <Button.Group>
            <Button
              variant="default"
              onClick={() => {
                go({ date: addLocalDays(date, -1) });
              }}
              aria-label="Previous day"
            >
              ←
            </Button>
            <Button
              variant="default"
              onClick={() => {
                go({ date: today });
              }}
            >
              Today
            </Button>
            <Button
              variant="default"
              onClick={() => {
                go({ date: addLocalDays(date, 1) });
              }}
              aria-label="Next day"
            >
              →
            </Button>
          </Button.Group>
          <Button variant="subtle" component={Link} to="/schedule/week">
            Staff week calendar
          </Button>
        </Group>
        <Text fw={600}>{formatLocalDate(date)}</Text>
        <Board
          key={`${location.id}-${date}`}
          location={location}
          date={date}
          locations={locations.data}
        />
      </Stack>
    </>
  );
}
