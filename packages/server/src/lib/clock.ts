/** The server's one source of "now", so tests can fix time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * The latest calendar date anywhere on Earth at `now` (UTC+14). A measurement "today" in any
 * clinic's or patient's time zone is on or before it, so "not in the future" checks use it rather
 * than the server's UTC date, which is still yesterday for zones east of UTC in the morning.
 */
export function latestDateAnywhere(now: Date): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}
