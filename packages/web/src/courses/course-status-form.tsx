import { COURSE_TRANSITIONS } from '@ketaflow/core';
import { Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { changeCourseStatus } from '../api/courses-api';
import { queryKeys } from '../api/query-keys';
import type { Course, CourseStatus } from '../api/scheduling-types';
import { FormErrorAlert } from '../components/form-error-alert';
import { applyProblemToForm } from '../forms/apply-problem';
import { courseStatusLabels } from '../schedule/labels';

const verbs: Record<CourseStatus, string> = {
  planned: 'Plan',
  active: 'Start or resume',
  paused: 'Pause',
  completed: 'Complete',
  stopped: 'Stop',
};

/** A prescriber changes a course's status with a reason (pause, resume, stop, complete). */
export function CourseStatusForm({ course }: { course: Course }) {
  const allowed = COURSE_TRANSITIONS[course.status];
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ to: string; reason: string }>({
    initialValues: { to: allowed[0] ?? '', reason: '' },
    validate: {
      to: (v) => (v === '' ? 'Choose the new status' : null),
      reason: (v) => (v.trim().length < 3 ? 'Give a reason' : null),
    },
  });
  const change = useMutation({
    mutationFn: (v: { to: CourseStatus; reason: string }) =>
      changeCourseStatus(course.id, v.to, v.reason),
    onSuccess: async (next) => {
      queryClient.setQueryData(queryKeys.course(next.id), next);
      notifications.show({
        color: 'teal',
        message: `Course ${courseStatusLabels[next.status].toLowerCase()}`,
      });
      form.reset();
      setFormError(null);
      await queryClient.invalidateQueries({ queryKey: queryKeys.coursesAll });
      await queryClient.invalidateQueries({ queryKey: queryKeys.appointmentsAll });
    },
    onError: (error) => {
      setFormError(applyProblemToForm(form, error));
    },
  });
  if (allowed.length === 0) return null;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        change.mutate({ to: v.to as CourseStatus, reason: v.reason.trim() });
      })}
    >
      <Stack gap="sm">
        <FormErrorAlert message={formError} title="Status not changed" />
        <Group align="start" gap="sm" wrap="wrap">
          <Select
            label="New status"
            data={allowed.map((s) => ({
              value: s,
              label: `${verbs[s]}: ${courseStatusLabels[s]}`,
            }))}
            allowDeselect={false}
            w={240}
            {...form.getInputProps('to')}
          />
          <Textarea
            label="Reason"
            required
            autosize
            minRows={1}
            style={{ flex: 1, minWidth: 240 }}
            {...form.getInputProps('reason')}
          />
        </Group>
        <Button type="submit" loading={change.isPending} w="fit-content">
          Change status
        </Button>
      </Stack>
    </form>
  );
}
