import { useEffect, useState } from 'react';

/** The current time, updated every `ms` milliseconds (for countdowns). */
export function useTick(ms = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => {
      setNow(Date.now());
    }, ms);
    return () => {
      window.clearInterval(timer);
    };
  }, [ms]);
  return now;
}

/** `12:05` or `-3:10` (overdue), minutes and seconds. */
export function formatCountdown(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${sign}${String(hours)}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${sign}${String(minutes)}:${seconds}`;
}
