import { Drawer, Group } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { Appointment, Location } from '../api/scheduling-types';
import { SessionLink } from '../sessions/session-link';
import { AppointmentActions } from './appointment-actions';
import { AppointmentDetails } from './appointment-details';

interface AppointmentDrawerProps {
  appointment: Appointment | null;
  locations: readonly Location[];
  clinicTimeZone: string;
  onClose: () => void;
  onChanged: (next: Appointment | null) => void;
}

/** An appointment's details and what staff can do with it, beside the board or calendar. */
export function AppointmentDrawer(props: AppointmentDrawerProps) {
  const narrow = useMediaQuery('(max-width: 47.99em)');
  const a = props.appointment;
  return (
    <Drawer
      opened={a !== null}
      onClose={props.onClose}
      position={narrow ? 'bottom' : 'right'}
      size={narrow ? '90%' : 'lg'}
      title={a === null ? 'Appointment' : `Appointment: ${a.patient.name}`}
    >
      {a !== null && (
        <>
          <AppointmentDetails appointment={a} zone={a.location?.timeZone ?? props.clinicTimeZone} />
          <Group mt="sm">
            <SessionLink appointment={a} size="md" />
          </Group>
          <AppointmentActions
            key={`${a.id}-${a.status}`}
            appointment={a}
            locations={props.locations}
            clinicTimeZone={props.clinicTimeZone}
            onChanged={props.onChanged}
          />
        </>
      )}
    </Drawer>
  );
}
