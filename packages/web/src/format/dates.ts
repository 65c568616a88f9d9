// Fields rather than `dateStyle`/`timeStyle`, which cannot be combined with `timeZoneName`.
const dateTime = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
});

/**
 * When something was recorded (`2025-03-01T09:30:00Z`), in the browser's time zone and naming
 * it (`Mar 1, 2025, 9:30 AM UTC`), so the reader knows whose clock it is. Clinic times
 * (appointments, absences, sessions, holds, due dates) use `format/zoned-time` instead.
 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** A calendar date (`YYYY-MM-DD`) stays as written: unambiguous, and no time-zone shift. */
export function formatDate(isoDate: string | null): string {
  return isoDate ?? '—';
}
