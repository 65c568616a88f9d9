import { Checkbox, Group } from '@mantine/core';
import type { ComponentProps } from 'react';
import { weekdayLabels, weekdayOrder } from '../schedule/labels';

/** A course's preferred weekdays, one tick box per day (Monday first); spread the form's input props. */
export function PreferredWeekdaysInput(
  props: Omit<ComponentProps<typeof Checkbox.Group>, 'children'>,
) {
  return (
    <Checkbox.Group {...props}>
      <Group gap="md" mt={4}>
        {weekdayOrder.map((d) => (
          <Checkbox key={d} value={d} label={weekdayLabels[d]} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
