import { requestJson, withQuery } from './http';
import type {
  Appointment,
  ConsultConfirmation,
  ConsultSlot,
  NewAppointment,
  Reschedule,
  Slot,
  SlotSearch,
} from './scheduling-types';

const path = (id: string, action = '') =>
  `/api/appointments/${encodeURIComponent(id)}${action === '' ? '' : `/${action}`}`;

/** A fresh key per booking attempt: a retried request with it books once. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

const idempotent = (key: string) => ({ 'idempotency-key': key });

export async function searchSlots(search: SlotSearch): Promise<Slot[]> {
  const list = await requestJson<{ items: Slot[] }>(
    'GET',
    withQuery('/api/appointments/slots', { ...search }),
  );
  return list.items;
}

export function bookAppointment(booking: NewAppointment, key: string): Promise<Appointment> {
  return requestJson('POST', '/api/appointments', booking, idempotent(key));
}

/** Holds the time for the patient until the clinic's hold time runs out; confirm it to book. */
export function holdAppointment(booking: NewAppointment, key: string): Promise<Appointment> {
  return requestJson('POST', '/api/appointments/holds', booking, idempotent(key));
}

export interface AppointmentListQuery {
  from: string;
  to: string;
  locationId?: string;
  staffId?: string;
  patientId?: string;
  includeCancelled?: boolean;
}

/** Appointments overlapping a window (staff): the day board, week calendars, a patient's list. */
export async function fetchAppointments(query: AppointmentListQuery): Promise<Appointment[]> {
  const { includeCancelled, ...rest } = query;
  const list = await requestJson<{ items: Appointment[] }>(
    'GET',
    withQuery('/api/appointments', {
      ...rest,
      includeCancelled: includeCancelled === true ? 'true' : undefined,
    }),
  );
  return list.items;
}

export async function fetchMyAppointments(): Promise<Appointment[]> {
  const list = await requestJson<{ items: Appointment[] }>(
    'GET',
    withQuery('/api/me/appointments', { includeCancelled: 'true' }),
  );
  return list.items;
}

/** Turns a live hold into a booking; 409 `SCHEDULE.HOLD_EXPIRED` once it lapsed. */
export function confirmHold(id: string, key: string): Promise<Appointment> {
  return requestJson('POST', path(id, 'confirm'), undefined, idempotent(key));
}

export function cancelAppointment(id: string, reason: string, key: string): Promise<Appointment> {
  return requestJson('POST', path(id, 'cancel'), { reason }, idempotent(key));
}

export function rescheduleAppointment(
  id: string,
  change: Reschedule,
  key: string,
): Promise<Appointment> {
  return requestJson('POST', path(id, 'reschedule'), change, idempotent(key));
}

export function recordNoShow(id: string, key: string): Promise<Appointment> {
  return requestJson('POST', path(id, 'no-show'), undefined, idempotent(key));
}

/** Offered video-consult times (no log-in needed); the server's default window without `from`. */
export async function fetchConsultSlots(from?: string, to?: string): Promise<ConsultSlot[]> {
  const list = await requestJson<{ items: ConsultSlot[] }>(
    'GET',
    withQuery('/api/public/consult-slots', { from, to }),
  );
  return list.items;
}

export function bookConsult(
  choice: { startsAt: string; prescriberId: string },
  idempotencyKey: string,
): Promise<ConsultConfirmation> {
  return requestJson('POST', '/api/me/consults', { ...choice, idempotencyKey });
}

/** The same-origin path of an own appointment's `.ics` file. */
export function calendarFilePath(appointmentId: string): string {
  return `/api/me/appointments/${encodeURIComponent(appointmentId)}/calendar.ics`;
}
