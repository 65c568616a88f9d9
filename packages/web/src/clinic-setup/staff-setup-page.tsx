import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { addAbsence, removeAbsence, replaceSchedule, updateProfile } from '../api/clinic-api';
import type { AffectedAppointment, Location, StaffMember, Weekday } from '../api/scheduling-types';
import { FormErrorAlert } from '../components/form-error-alert';
import { PageHeading } from '../components/page-heading';
import { PageLoader } from '../components/page-loader';
import { QueryErrorAlert } from '../components/query-error-alert';
import { applyProblemToForm } from '../forms/apply-problem';
import { formatZonedDateTimeWithZone, zonedInputToIso } from '../format/zoned-time';
import { RecordTable } from '../patient/record-table';
import { weekdayLabels, weekdayOrder } from '../schedule/labels';
import { useClinicTimeZone } from '../schedule/use-clinic-time-zone';
import { useLocations, useStaff } from '../schedule/use-scheduling';
import { AffectedBookingsAlert } from './affected-bookings-alert';
import { useSetupMutation } from './use-setup-mutation';

function ProfileForm({ person }: { person: StaffMember }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ videoUrlTemplate: string; nurseCapacity: number | string }>({
    initialValues: {
      videoUrlTemplate: person.videoUrlTemplate ?? '',
      nurseCapacity: person.nurseCapacity ?? '',
    },
  });
  const save = useSetupMutation(
    (v: { videoUrlTemplate: string; nurseCapacity: number | string }) =>
      updateProfile(person.id, {
        ...(person.role === 'prescriber'
          ? {
              videoUrlTemplate: v.videoUrlTemplate.trim() === '' ? null : v.videoUrlTemplate.trim(),
            }
          : {}),
        ...(person.role === 'nurse'
          ? { nurseCapacity: v.nurseCapacity === '' ? null : Number(v.nurseCapacity) }
          : {}),
      }),
    'Profile saved',
    {
      onSuccess: () => {
        setFormError(null);
      },
      onError: (error) => {
        setFormError(applyProblemToForm(form, error));
      },
    },
  );
  if (person.role === 'admin')
    return <Text c="dimmed">Administrators have no clinical profile.</Text>;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        save.mutate(v);
      })}
    >
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        {person.role === 'prescriber' ? (
          <TextInput
            label="Video-visit link template"
            description="{appointmentId} is replaced by the appointment's id"
            placeholder="https://video.example/room/{appointmentId}"
            {...form.getInputProps('videoUrlTemplate')}
          />
        ) : (
          <NumberInput
            label="Chairs this nurse may monitor at once"
            min={1}
            max={6}
            allowDecimal={false}
            w={280}
            {...form.getInputProps('nurseCapacity')}
          />
        )}
        <Button type="submit" loading={save.isPending} w="fit-content">
          Save profile
        </Button>
      </Stack>
    </form>
  );
}

interface PeriodValues {
  locationId: string;
  weekday: Weekday;
  startsAt: string;
  endsAt: string;
}

function ScheduleForm({
  person,
  locations,
}: {
  person: StaffMember;
  locations: readonly Location[];
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ periods: PeriodValues[] }>({
    initialValues: {
      periods: person.schedule.map((p) => ({
        locationId: p.locationId,
        weekday: p.weekday,
        startsAt: p.startsAt,
        endsAt: p.endsAt,
      })),
    },
  });
  const save = useSetupMutation(
    (periods: PeriodValues[]) => replaceSchedule(person.id, periods),
    'Schedule saved',
    {
      onSuccess: () => {
        setFormError(null);
      },
      onError: (error) => {
        // `periods.<i>.<field>` from the server is the form's own path.
        setFormError(
          applyProblemToForm(
            {
              setErrors: form.setErrors,
              getValues: () =>
                Object.fromEntries(
                  form
                    .getValues()
                    .periods.flatMap((_, i) =>
                      ['locationId', 'weekday', 'startsAt', 'endsAt'].map((f) => [
                        `periods.${String(i)}.${f}`,
                        '',
                      ]),
                    ),
                ),
            },
            error,
          ),
        );
      },
    },
  );
  const locationOptions = locations.map((l) => ({ value: l.id, label: l.name }));
  const weekdayOptions = weekdayOrder.map((w) => ({ value: w, label: weekdayLabels[w] }));
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        save.mutate(v.periods);
      })}
    >
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        {form.getValues().periods.length === 0 && <Text c="dimmed">No working hours.</Text>}
        {form.getValues().periods.map((p, i) => {
          const n = String(i + 1);
          return (
            <Group key={`${String(i)}-${p.weekday}`} gap="sm" align="end" wrap="wrap">
              <Select
                label={`Period ${n} weekday`}
                data={weekdayOptions}
                allowDeselect={false}
                w={150}
                {...form.getInputProps(`periods.${String(i)}.weekday`)}
              />
              <Select
                label={`Period ${n} location`}
                data={locationOptions}
                allowDeselect={false}
                w={180}
                {...form.getInputProps(`periods.${String(i)}.locationId`)}
              />
              <TextInput
                type="time"
                label={`Period ${n} from`}
                {...form.getInputProps(`periods.${String(i)}.startsAt`)}
              />
              <TextInput
                type="time"
                label={`Period ${n} to`}
                {...form.getInputProps(`periods.${String(i)}.endsAt`)}
              />
              <Button
                variant="subtle"
                color="red"
                onClick={() => {
                  form.removeListItem('periods', i);
                }}
              >
                Remove period {n}
              </Button>
            </Group>
          );
        })}
        <Group gap="sm">
          <Button
            variant="default"
            onClick={() => {
              form.insertListItem('periods', {
                locationId: locations[0]?.id ?? '',
                weekday: 'mon',
                startsAt: '08:00',
                endsAt: '18:00',
              });
            }}
          >
            Add a period
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save schedule
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AbsencesPanel({ person }: { person: StaffMember }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [affected, setAffected] = useState<AffectedAppointment[] | null>(null);
  // An absence has no location of its own: it is typed and shown in the clinic's zone, whatever
  // the administrator's browser is set to.
  const { zone } = useClinicTimeZone();
  const form = useForm({ initialValues: { startsAt: '', endsAt: '', reason: '' } });
  const add = useSetupMutation(
    (v: { startsAt: string; endsAt: string; reason: string }) =>
      addAbsence(person.id, {
        // datetime-local has no zone: read it as the clinic's wall clock.
        startsAt: zonedInputToIso(v.startsAt, zone, 'start'),
        endsAt: zonedInputToIso(v.endsAt, zone, 'end'),
        reason: v.reason.trim(),
      }),
    'Absence recorded',
    {
      onSuccess: (recorded) => {
        form.reset();
        setFormError(null);
        setAffected(recorded.affectedAppointments);
      },
      onError: (error) => {
        setFormError(applyProblemToForm(form, error));
      },
    },
  );
  const remove = useSetupMutation((id: string) => removeAbsence(id), 'Absence removed');
  return (
    <Stack gap="sm">
      <AffectedBookingsAlert what="absence" appointments={affected} />
      <RecordTable
        caption={`Absences of ${person.displayName}`}
        headers={['From', 'To', 'Reason', '']}
        emptyText="No absences."
        rows={person.absences.map((x) => ({
          key: x.id,
          cells: [
            formatZonedDateTimeWithZone(x.startsAt, zone),
            formatZonedDateTimeWithZone(x.endsAt, zone),
            x.reason,
            <Button
              key="remove"
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => {
                remove.mutate(x.id);
              }}
            >
              Remove
            </Button>,
          ],
        }))}
      />
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          add.mutate(v);
        })}
      >
        <Stack gap="sm">
          <FormErrorAlert message={formError} />
          <Group gap="sm" align="start" wrap="wrap">
            <TextInput
              label="Away from"
              description={`Clinic time (${zone})`}
              type="datetime-local"
              required
              {...form.getInputProps('startsAt')}
            />
            <TextInput
              label="Away until"
              description={`Clinic time (${zone})`}
              type="datetime-local"
              required
              {...form.getInputProps('endsAt')}
            />
            <TextInput label="Reason" required {...form.getInputProps('reason')} />
          </Group>
          <Button type="submit" loading={add.isPending} w="fit-content">
            Record absence
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

/** `/admin/staff`: profiles (video link, nurse capacity), weekly schedules and absences. */
export function StaffSetupPage() {
  const staff = useStaff();
  const locations = useLocations();
  const [selected, setSelected] = useState<string | null>(null);
  if (staff.isPending || locations.isPending) return <PageLoader label="Loading staff" />;
  if (staff.isError) return <QueryErrorAlert error={staff.error} />;
  if (locations.isError) return <QueryErrorAlert error={locations.error} />;
  const person = staff.data.find((s) => s.id === selected) ?? staff.data[0];
  return (
    <>
      <PageHeading>Staff</PageHeading>
      <Stack gap="md">
        <Select
          label="Staff member"
          w={300}
          data={staff.data.map((s) => ({ value: s.id, label: `${s.displayName} (${s.role})` }))}
          value={person?.id ?? null}
          allowDeselect={false}
          onChange={setSelected}
        />
        {person !== undefined && (
          <>
            <Paper withBorder p="md" component="section" aria-label="Profile">
              <Title order={2} size="h3" mb="sm">
                Profile
              </Title>
              <ProfileForm
                key={`${person.id}-${person.videoUrlTemplate ?? ''}-${String(person.nurseCapacity)}`}
                person={person}
              />
            </Paper>
            <Paper withBorder p="md" component="section" aria-label="Weekly schedule">
              <Title order={2} size="h3" mb="sm">
                Weekly schedule
              </Title>
              <ScheduleForm
                key={`${person.id}-${JSON.stringify(person.schedule)}`}
                person={person}
                locations={locations.data}
              />
            </Paper>
            <Paper withBorder p="md" component="section" aria-label="Absences">
              <Title order={2} size="h3" mb="sm">
                Absences
              </Title>
              <AbsencesPanel key={person.id} person={person} />
            </Paper>
          </>
        )}
      </Stack>
    </>
  );
}
