import type { KnowledgeBase, ProtocolId } from '@ketaflow/core';
import { Button, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { createCourse } from '../api/courses-api';
import { queryKeys } from '../api/query-keys';
import type { Location, NewCourse, Weekday } from '../api/scheduling-types';
import type { Screening } from '../api/screening-types';
import { applyProblemToForm } from '../forms/apply-problem';
import { productLabels } from '../screening/labels';
import { ScheduleProblem } from '../schedule/schedule-problem';
import { todayIn } from '../format/zoned-time';
import { useState } from 'react';
import { PreferredWeekdaysInput } from './preferred-weekdays-input';

interface NewCourseFormProps {
  patientId: string;
  screening: Screening;
  kb: KnowledgeBase;
  locations: readonly Location[];
  indicationName: string;
}

interface CourseValues {
  doseValue: number | string;
  sessionsPerWeek: string;
  weeks: number | string;
  startDate: string;
  locationId: string;
  preferredWeekdays: Weekday[];
  preferredTime: string;
}

const AS_NEEDED = 'as-needed';

/** The protocol's ranges for the screening's indication, as the form offers them. */
function rangesFor(kb: KnowledgeBase, indication: string, product: Screening['product']) {
  const protocol = (
    kb.protocols as Partial<Record<string, KnowledgeBase['protocols'][ProtocolId]>>
  )[indication];
  const perWeek = protocol?.sessionsPerWeek ?? null;
  const perWeekOptions =
    perWeek === null
      ? [{ value: AS_NEEDED, label: 'As needed' }]
      : Array.from(
          { length: Math.floor(perWeek.max) - Math.max(1, Math.ceil(perWeek.min)) + 1 },
          (_, i) => String(Math.max(1, Math.ceil(perWeek.min)) + i),
        ).map((n) => ({ value: n, label: n === '1' ? 'Once a week' : `${n} times a week` }));
  const length = protocol?.courseLength ?? null;
  const dose =
    product === 'esketamine-nasal'
      ? { value: 56, unit: 'mg' as const }
      : { value: protocol?.doseMgPerKg.default ?? 0.5, unit: 'mg/kg' as const };
  return { perWeekOptions, length, dose, asNeeded: perWeek === null };
}

/** Creates a course from a signed current screening; the server plans and books its sessions. */
export function NewCourseForm(props: NewCourseFormProps) {
  const { screening, kb, locations } = props;
  const ranges = rangesFor(kb, screening.indication, screening.product);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const first = locations[0];
  const form = useForm<CourseValues>({
    initialValues: {
      doseValue: ranges.dose.value,
      sessionsPerWeek: ranges.perWeekOptions[0]?.value ?? AS_NEEDED,
      weeks: ranges.asNeeded ? '' : (ranges.length?.minWeeks ?? 4),
      startDate: todayIn(first?.timeZone ?? 'UTC'),
      locationId: first?.id ?? '',
      preferredWeekdays: [],
      preferredTime: '',
    },
    validate: {
      doseValue: (v) => (typeof v === 'number' && v > 0 ? null : 'Dose is required'),
      startDate: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Start date is required'),
      locationId: (v) => (v === '' ? 'Location is required' : null),
      weeks: (v) =>
        ranges.asNeeded || (typeof v === 'number' && v >= 1) ? null : 'Weeks is required',
    },
  });
  const [error, setError] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: (body: NewCourse) => createCourse(props.patientId, body),
    onSuccess: async (course) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.coursesAll });
      await queryClient.invalidateQueries({ queryKey: queryKeys.appointmentsAll });
      void navigate(`/courses/${encodeURIComponent(course.id)}`);
    },
    onError: (e) => {
      applyProblemToForm(form, e, {
        'dose.value': 'doseValue',
      });
      setError(e);
    },
  });
  const lengthHint =
    ranges.length === null
      ? 'The protocol gives no fixed length.'
      : `Protocol: ${String(ranges.length.minWeeks)}–${String(ranges.length.maxWeeks)} weeks.`;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        setError(null);
        const asNeeded = v.sessionsPerWeek === AS_NEEDED;
        create.mutate({
          screeningId: screening.id,
          indication: screening.indication,
          product: screening.product,
          dose: { value: Number(v.doseValue), unit: ranges.dose.unit },
          sessionsPerWeek: asNeeded ? null : Number(v.sessionsPerWeek),
          weeks: asNeeded || v.weeks === '' ? null : Number(v.weeks),
          startDate: v.startDate,
          locationId: v.locationId,
          ...(v.preferredWeekdays.length === 0 ? {} : { preferredWeekdays: v.preferredWeekdays }),
          ...(v.preferredTime === '' ? {} : { preferredTime: v.preferredTime }),
        });
      })}
    >
      <Stack gap="sm">
        <Text>
          {props.indicationName} · {productLabels[screening.product]} · from the screening signed{' '}
          {screening.signedAt?.slice(0, 10)} by {screening.signedBy?.displayName ?? 'a prescriber'}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <NumberInput
            label={`Dose (${ranges.dose.unit})`}
            required
            min={0}
            decimalScale={2}
            {...form.getInputProps('doseValue')}
          />
          <Select
            label="Sessions per week"
            data={ranges.perWeekOptions}
            allowDeselect={false}
            {...form.getInputProps('sessionsPerWeek')}
          />
          <NumberInput
            label="Weeks"
            description={lengthHint}
            disabled={form.getValues().sessionsPerWeek === AS_NEEDED}
            min={ranges.length?.minWeeks ?? 1}
            max={ranges.length?.maxWeeks ?? 52}
            allowDecimal={false}
            {...form.getInputProps('weeks')}
          />
          <TextInput label="Start date" type="date" required {...form.getInputProps('startDate')} />
          <Select
            label="Location"
            required
            data={locations.map((l) => ({ value: l.id, label: l.name }))}
            allowDeselect={false}
            {...form.getInputProps('locationId')}
          />
          <TextInput
            label="Preferred time (optional)"
            type="time"
            {...form.getInputProps('preferredTime')}
          />
        </SimpleGrid>
        <PreferredWeekdaysInput
          label="Preferred days (optional)"
          description="Tried first; another open day only when these cannot hold a week's sessions. Kept for re-bookings."
          {...form.getInputProps('preferredWeekdays')}
        />
        <ScheduleProblem error={error} fallbackTitle="Course not created" />
        <Button type="submit" loading={create.isPending} w="fit-content">
          Create course and book sessions
        </Button>
      </Stack>
    </form>
  );
}
