/** An instant's parts on the wall clock of `timeZone` (the runtime's tz database decides). */
function clinicParts(instant: Date, timeZone: string) {
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
  return {
    weekday: part('weekday'),
    date: `${part('month')} ${part('day')}, ${part('year')}`,
    time: `${part('hour')}:${part('minute')}`,
    zoneName: part('timeZoneName'),
  };
}

/**
 * Times as patients read them: in the location's (or, for a video visit, the clinic's) own time
 * zone, with the zone's abbreviation, so a reminder sent in summer for a date in winter still says
 * the wall-clock time of the appointment.
 */
export function formatClinicTime(instant: Date, timeZone: string): string {
  const p = clinicParts(instant, timeZone);
  return `${p.weekday} ${p.date} at ${p.time} (${p.zoneName})`;
}

/** The clinic-local day of `instant` ("Monday, December 7, 2026") and its time ("09:00"). */
export function clinicDayAndTime(
  instant: Date,
  timeZone: string,
): { readonly day: string; readonly time: string; readonly zoneName: string } {
  const p = clinicParts(instant, timeZone);
  return { day: `${p.weekday}, ${p.date}`, time: p.time, zoneName: p.zoneName };
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
