/**
 * An appointment as an iCalendar file (RFC 5545), written by the `ics` library. Times are in UTC
 * (`DTSTART:20261102T140000Z`), which every calendar shows in its user's own zone, so no
 * VTIMEZONE block has to be kept in step with the tz database.
 */
import { createEvent, type EventAttributes } from 'ics';
import type { AppointmentNoticeFacts } from './notice-facts';

const TITLE: Record<string, string> = {
  'consult-telemedicine': 'Video consultation',
  infusion: 'Ketamine infusion',
  'esketamine-session': 'Esketamine nasal spray session',
  'follow-up': 'Follow-up visit',
};

/** The `.ics` text of one appointment; `stamp` is DTSTAMP (the server clock's now). */
export function appointmentCalendarFile(
  facts: AppointmentNoticeFacts,
  clinicName: string,
  stamp: Date,
): string {
  const title = `${TITLE[facts.type] ?? 'Appointment'} – ${clinicName}`;
  const description = [
    facts.videoUrl ? `Join the video visit: ${facts.videoUrl}` : `Where: ${facts.place}`,
    'To cancel or reschedule, use the patient portal or call the clinic.',
  ].join('\n');
  // `timestamp` (DTSTAMP) is supported by ics but missing from its types.
  const event: EventAttributes & { timestamp: number } = {
    uid: `${facts.appointmentId}@ketaflow`,
    productId: 'ketaflow/appointments',
    title,
    description,
    location: facts.videoUrl ?? facts.place,
    ...(facts.videoUrl ? { url: facts.videoUrl } : {}),
    start: facts.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: facts.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: facts.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
    timestamp: stamp.getTime(),
    created: stamp.getTime(),
  };
  const { error, value } = createEvent(event);
  if (error || value === null)
    throw new Error('calendar file could not be written', { cause: error });
  return value;
}
