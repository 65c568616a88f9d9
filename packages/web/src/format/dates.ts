const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An instant (`2025-03-01T09:30:00Z`) in the browser's time zone. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** A calendar date (`YYYY-MM-DD`) stays as written: unambiguous, and no time-zone shift. */
export function formatDate(isoDate: string | null): string {
  return isoDate ?? '—';
}
