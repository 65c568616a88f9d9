import { describe, expect, test } from 'vitest';
import { latestDateAnywhere } from '../src/lib/clock';

describe('latestDateAnywhere', () => {
  test('is the date at UTC+14, so "today" east of UTC is never in the future', () => {
    // 10:30 UTC on 2 March is 00:30 on 3 March in Kiribati (UTC+14).
    expect(latestDateAnywhere(new Date('2026-03-02T10:30:00Z'))).toBe('2026-03-03');
    // 09:59 UTC is still 2 March everywhere.
    expect(latestDateAnywhere(new Date('2026-03-02T09:59:59Z'))).toBe('2026-03-02');
  });
});
