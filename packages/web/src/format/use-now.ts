import { useState } from 'react';

/** The time the component first rendered, to the minute: stable across re-renders and query keys. */
export function useNow(): number {
  const [now] = useState(() => Math.floor(Date.now() / 60_000) * 60_000);
  return now;
}
