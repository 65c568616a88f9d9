import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { changeCoursePlan, type CourseChange } from '../api/courses-api';
import { queryKeys } from '../api/query-keys';
import type { Course, Weekday } from '../api/scheduling-types';
import { applyProblemToForm } from '../forms/apply-problem';
import { ScheduleProblem } from '../schedule/schedule-problem';
import { PreferredWeekdaysInput } from './preferred-weekdays-input';

interface PreferenceValues {
  preferredWeekdays: Weekday[];
  preferredTime: string;
  reason: string;
}

/**
 * A prescriber changes or clears the days and time a course's sessions aim for; the server
 * re-books the future sessions. No days ticked and no time mean "any open day, at opening time":
 * both are sent as null, so a cleared preference does not come back on later re-bookings.
 */
export function CoursePreferencesForm({ course }: { course: Course }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<PreferenceValues>({
    initialValues: {
      preferredWeekdays: course.preferredWeekdays ?? [],
      preferredTime: course.preferredTime ?? '',
      reason: '',
    },
    validate: { reason: (v) => (v.trim().length < 3 ? 'Give a reason' : null) },
  });
  const change = useMutation({
    mutationFn: (body: CourseChange) => changeCoursePlan(course.id, body),
    onSuccess: async (next) => {
      queryClient.setQueryData(queryKeys.course(next.id), next);
      notifications.show({ color: 'teal', message: 'Preferences saved; sessions re-booked' });
      form.setValues({
        preferredWeekdays: next.preferredWeekdays ?? [],
        preferredTime: next.preferredTime ?? '',
        reason: '',
      });
      form.resetDirty();
      setError(null);
      await queryClient.invalidateQueries({ queryKey: queryKeys.coursesAll });
      await queryClient.invalidateQueries({ queryKey: queryKeys.appointmentsAll });
    },
    onError: (e) => {
      applyProblemToForm(form, e);
      setError(e);
    },
  });
  const { preferredWeekdays, preferredTime } = form.getValues();
  const hasAny = preferredWeekdays.length > 0 || preferredTime !== '';
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        setError(null);
        change.mutate({
          preferredWeekdays: v.preferredWeekdays.length === 0 ? null : v.preferredWeekdays,
          preferredTime: v.preferredTime === '' ? null : v.preferredTime,
          reason: v.reason.trim(),
        });
      })}
    >
      <Stack gap="sm">
        <PreferredWeekdaysInput
          label="Preferred days"
          description="None ticked: any open day."
          {...form.getInputProps('preferredWeekdays')}
        />
        <Group align="end" gap="sm" wrap="wrap">
          <TextInput
            label="Preferred time"
            description="Empty: the opening time."
            type="time"
            w={200}
            {...form.getInputProps('preferredTime')}
          />
          <Button
            variant="default"
            disabled={!hasAny}
            onClick={() => {
              form.setFieldValue('preferredWeekdays', []);
              form.setFieldValue('preferredTime', '');
            }}
          >
            Clear preferences
          </Button>
        </Group>
        <Textarea label="Reason" required autosize minRows={1} {...form.getInputProps('reason')} />
        <ScheduleProblem error={error} fallbackTitle="Preferences not changed" />
        <Button type="submit" loading={change.isPending} w="fit-content">
          Save preferences and re-book
        </Button>
      </Stack>
    </form>
  );
}
