import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { fetchCourse } from '../api/courses-api';
import { queryKeys } from '../api/query-keys';
import type { Course } from '../api/scheduling-types';
import { useSession } from '../auth/use-session';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { TableScrollRegion } from '../components/table-scroll-region';
import { formatDateTime } from '../format/dates';
import { formatZonedRange, zonedDate } from '../format/zoned-time';
import {
  appointmentStatusColors,
  appointmentStatusLabels,
  courseStatusColors,
  courseStatusLabels,
  weekdayLabels,
  weekdayOrder,
} from '../schedule/labels';
import { productLabels } from '../screening/labels';
import { CoursePreferencesForm } from './course-preferences-form';
import { CourseStatusForm } from './course-status-form';

function plan(course: Course): string {
  if (course.sessionsPerWeek === null) return 'As needed';
  const perWeek =
    course.sessionsPerWeek === 1 ? 'once a week' : `${String(course.sessionsPerWeek)} times a week`;
  return course.weeks === null ? perWeek : `${perWeek} for ${String(course.weeks)} weeks`;
}

/** "Mondays and Thursdays at 09:00": what re-bookings aim for; null when nothing was asked. */
function preferences(course: Course): string | null {
  const days = weekdayOrder
    .filter((d) => course.preferredWeekdays?.includes(d))
    .map((d) => `${weekdayLabels[d]}s`);
  const on = new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(days);
  const at = course.preferredTime === null ? '' : `at ${course.preferredTime}`;
  return on === '' && at === '' ? null : [on, at].filter((part) => part !== '').join(' ');
}

export function CourseSessionsTable({ course }: { course: Course }) {
  const zone = course.location.timeZone;
  const sessions = [...course.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  if (sessions.length === 0) return <Text c="dimmed">No sessions booked.</Text>;
  return (
    <TableScrollRegion label="Course sessions" minWidth={560}>
      <Table striped aria-label="Course sessions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">#</Table.Th>
            <Table.Th scope="col">When ({zone})</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Chair</Table.Th>
            <Table.Th scope="col">Nurse</Table.Th>
            <Table.Th scope="col">Prescriber</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s, i) => (
            <Table.Tr key={s.id}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/schedule/day?location=${encodeURIComponent(course.location.id)}&date=${zonedDate(s.startsAt, zone)}`}
                >
                  {formatZonedRange(s.startsAt, s.endsAt, zone)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Badge color={appointmentStatusColors[s.status]}>
                  {appointmentStatusLabels[s.status]}
                </Badge>
                {s.cancelReason !== null && (
                  <Text size="xs" c="dimmed">
                    {s.cancelReason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{s.chair?.name ?? '—'}</Table.Td>
              <Table.Td>{s.nurse?.name ?? '—'}</Table.Td>
              <Table.Td>{s.prescriber?.name ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScrollRegion>
  );
}

function CourseView({ id }: { id: string }) {
  const course = useQuery({ queryKey: queryKeys.course(id), queryFn: () => fetchCourse(id) });
  const role = useSession().data?.user.role;
  if (course.isPending) return <PageLoader label="Loading the course" />;
  if (course.isError) return <QueryErrorAlert error={course.error} />;
  const c = course.data;
  return (
    <>
      <Anchor component={Link} to={`/patients/${encodeURIComponent(c.patientId)}`} size="sm">
        ← Patient record
      </Anchor>
      <PageHeading>{`Course: ${c.indication}`}</PageHeading>
      <Stack gap="md">
        <Group gap="sm">
          <Badge size="lg" color={courseStatusColors[c.status]}>
            {courseStatusLabels[c.status]}
          </Badge>
          <Text>
            {productLabels[c.product]} · {c.dose.value} {c.dose.unit} · {plan(c)} · from{' '}
            {c.startDate} at {c.location.name}
          </Text>
        </Group>
        {preferences(c) !== null && (
          <Text size="sm">
            Preferred: {preferences(c)} ({c.location.timeZone}); pausing and re-planning book there
            again.
          </Text>
        )}
        <Paper withBorder p="md" component="section" aria-labelledby="sessions-heading">
          <Title order={2} size="h3" id="sessions-heading" mb="sm">
            Sessions
          </Title>
          <CourseSessionsTable course={c} />
        </Paper>
        {role === 'prescriber' && (c.status === 'planned' || c.status === 'active') && (
          <Paper withBorder p="md" component="section" aria-labelledby="preferences-heading">
            <Title order={2} size="h3" id="preferences-heading" mb="sm">
              Preferred days and time
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              Saving cancels the future sessions and books them again on these days and at this time
              ({c.location.timeZone}); with none, on any open day at opening time.
            </Text>
            <CoursePreferencesForm key={`${c.id}-${c.status}`} course={c} />
          </Paper>
        )}
        {role === 'prescriber' && (
          <Paper withBorder p="md" component="section" aria-labelledby="status-heading">
            <Title order={2} size="h3" id="status-heading" mb="sm">
              Change status
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              Pausing, stopping or completing cancels the future sessions; resuming books the
              remaining ones again.
            </Text>
            <CourseStatusForm key={c.status} course={c} />
          </Paper>
        )}
        <Paper withBorder p="md" component="section" aria-labelledby="history-heading">
          <Title order={2} size="h3" id="history-heading" mb="sm">
            History
          </Title>
          <Table aria-label="Course status history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Change</Table.Th>
                <Table.Th scope="col">Reason</Table.Th>
                <Table.Th scope="col">By</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.history.map((h) => (
                <Table.Tr key={`${h.changedAt}-${h.to}`}>
                  <Table.Td>{formatDateTime(h.changedAt)}</Table.Td>
                  <Table.Td>{h.from === null ? 'Created' : `${h.from} → ${h.to}`}</Table.Td>
                  <Table.Td>{h.reason}</Table.Td>
                  <Table.Td>{h.changedBy.displayName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </Stack>
    </>
  );
}

/** `/courses/:id`: a course, its sessions, status history and status changes. */
export function CourseDetailPage() {
  const { id = '' } = useParams();
  return <CourseView key={id} id={id} />;
}
