/**
 * Times as patients read them: in the location's (or, for a video visit, the clinic's) own time
 * zone, with the zone's abbreviation, so a reminder sent in summer for a date in winter still says
 * the wall-clock time of the appointment. The runtime's tz database decides every offset.
 */
export function formatClinicTime(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('month')} ${part('day')}, ${part('year')} at ${part('hour')}:${part('minute')} (${part('timeZoneName')})`;
}

/** Whether the runtime knows `zone` as an IANA time zone (`America/New_York`, not `EST`). */
export function isIanaTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(zone) && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
