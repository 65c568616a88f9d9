import { describe, expect, test } from 'vitest';
import {
  COURSE_STATUSES,
  changeCourseStatus,
  newCourseState,
  type CourseState,
  type CourseStatus,
} from './course-status';

const at = '2026-03-09T14:00:00Z';
const state = (status: CourseStatus): CourseState => ({ status, history: [] });

describe('course status', () => {
  test('a course moves planned → active → paused → active → completed, each change recorded', () => {
    let s = newCourseState();
    const steps: [CourseStatus, string][] = [
      ['active', 'first session given'],
      ['paused', 'patient travelling'],
      ['active', 'back from travel'],
      ['completed', 'six sessions given, response reached'],
    ];
    for (const [to, reason] of steps) {
      const r = changeCourseStatus(s, { to, reason, at, by: 'prescriber-1' });
      expect(r.ok).toBe(true);
      if (r.ok) s = r.value;
    }
    expect(s.status).toBe('completed');
    expect(s.history.map((h) => `${h.from}→${h.to}`)).toEqual([
      'planned→active',
      'active→paused',
      'paused→active',
      'active→completed',
    ]);
    expect(s.history[1]).toEqual({
      from: 'active',
      to: 'paused',
      reason: 'patient travelling',
      at: '2026-03-09T14:00:00.000Z',
      by: 'prescriber-1',
    });
  });

  const allowed = new Set([
    'planned→active',
    'planned→stopped',
    'active→paused',
    'active→completed',
    'active→stopped',
    'paused→active',
    'paused→stopped',
  ]);
  const pairs = COURSE_STATUSES.flatMap((from) => COURSE_STATUSES.map((to) => [from, to] as const));

  test.each(pairs)('%s → %s follows the table', (from, to) => {
    const r = changeCourseStatus(state(from), { to, reason: 'because', at });
    if (allowed.has(`${from}→${to}`)) {
      expect(r.ok && r.value.status).toBe(to);
    } else {
      expect(r).toEqual({
        ok: false,
        error: [expect.objectContaining({ code: 'COURSE.INVALID_TRANSITION', path: 'to' })],
      });
    }
  });

  test('every change needs a reason and a readable time; all problems are listed', () => {
    const r = changeCourseStatus(state('completed'), { to: 'active', reason: '  ', at: 'soon' });
    expect(r.ok ? [] : r.error.map((p) => `${p.code} ${p.path ?? ''}`)).toEqual([
      'COURSE.INVALID_TRANSITION to',
      'COURSE.REASON_REQUIRED reason',
      'COURSE.INVALID_INSTANT at',
    ]);
  });
});
