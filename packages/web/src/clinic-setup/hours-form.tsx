import { Button, Checkbox, Group, Stack, Table, TextInput } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import { useState } from 'react';
import { replaceHours } from '../api/clinic-api';
import type { Location, OpeningHours, Weekday } from '../api/scheduling-types';
import { FormErrorAlert } from '../components/form-error-alert';
import { applyProblemToForm } from '../forms/apply-problem';
import { weekdayLabels, weekdayOrder } from '../schedule/labels';
import { useSetupMutation } from './use-setup-mutation';

interface DayValues {
  weekday: Weekday;
  open: boolean;
  opensAt: string;
  closesAt: string;
}

/** Weekly opening hours, one interval per weekday; a weekday left unticked is closed. */
export function HoursForm({ location }: { location: Location }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ days: DayValues[] }>({
    initialValues: {
      days: weekdayOrder.map((weekday) => {
        const h = location.hours.find((x) => x.weekday === weekday);
        return {
          weekday,
          open: h !== undefined,
          opensAt: h?.opensAt ?? '08:00',
          closesAt: h?.closesAt ?? '18:00',
        };
      }),
    },
  });
  const toHours = (days: DayValues[]): OpeningHours[] =>
    days
      .filter((d) => d.open)
      .map((d) => ({ weekday: d.weekday, opensAt: d.opensAt, closesAt: d.closesAt }));
  const save = useSetupMutation(
    (days: DayValues[]) => replaceHours(location.id, toHours(days)),
    'Opening hours saved',
    {
      onSuccess: () => {
        setFormError(null);
      },
      onError: (error) => {
        // The server names `hours.<i>.closesAt`, counted over the open days only.
        const openIndex = form.getValues().days.flatMap((d, i) => (d.open ? [i] : []));
        const map: Record<string, string> = {};
        openIndex.forEach((dayIndex, i) => {
          for (const f of ['opensAt', 'closesAt'])
            map[`hours.${String(i)}.${f}`] = `days.${String(dayIndex)}.${f}`;
        });
        setFormError(applyProblemToForm(flatTarget(form), error, map));
      },
    },
  );
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        save.mutate(v.days);
      })}
    >
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        <Table aria-label={`Opening hours ${location.name}`}>
          <Table.Tbody>
            {form.getValues().days.map((d, i) => (
              <Table.Tr key={d.weekday}>
                <Table.Td>
                  <Checkbox
                    label={`Open ${weekdayLabels[d.weekday]}`}
                    {...form.getInputProps(`days.${String(i)}.open`, { type: 'checkbox' })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    type="time"
                    label={`${weekdayLabels[d.weekday]} opens`}
                    disabled={!d.open}
                    {...form.getInputProps(`days.${String(i)}.opensAt`)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    type="time"
                    label={`${weekdayLabels[d.weekday]} closes`}
                    disabled={!d.open}
                    {...form.getInputProps(`days.${String(i)}.closesAt`)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save opening hours
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** `applyProblemToForm` places errors on top-level fields; nested paths need the flat names. */
function flatTarget(form: {
  setErrors: (e: FormErrors) => void;
  getValues: () => { days: DayValues[] };
}) {
  return {
    setErrors: form.setErrors,
    getValues: () => {
      const flat: Record<string, unknown> = {};
      form.getValues().days.forEach((_, i) => {
        flat[`days.${String(i)}.opensAt`] = '';
        flat[`days.${String(i)}.closesAt`] = '';
      });
      return flat;
    },
  };
}
