import { describe, expect, test } from 'vitest';
import { knowledgeBase } from '../knowledge/default-knowledge-base';
import { explainConflictIn } from '../scheduling/explain-conflict';
import { onSite } from '../scheduling/fixtures';
import { indexSchedule } from '../scheduling/schedule-index';
import type { Location } from '../scheduling/types';
import { planCourse, type PlanCourseRequest } from './plan-course';
import { replanFutureSessions } from './replan';

const hours = [{ open: '08:00', close: '18:00' }];
const main: Location = {
  id: 'main',
  timeZone: 'America/New_York',
  openingHours: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours },
  closures: [],
};

const request: PlanCourseRequest = {
  protocol: knowledgeBase.protocols.depression,
  sessionsPerWeek: 2,
  weeks: 6,
  startDate: '2026-03-02',
  preferredWeekdays: ['mon', 'thu'],
  preferredTime: '09:00',
  location: main,
  durationMinutes: 115,
  minSpacingHours: knowledgeBase.scheduling.minSpacingHours,
};

const local = (sessions: readonly { localStart: string }[]): string[] =>
  sessions.map((s) => s.localStart);

describe('planCourse', () => {
  test('proposes sessionsPerWeek × weeks sessions with local time, instants and week', () => {
    const r = planCourse(request);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.sessions).toHaveLength(12);
    expect(r.value.sessions[2]).toEqual({
      week: 2,
      localDate: '2026-03-09',
      localTime: '09:00',
      localStart: '2026-03-09T09:00-04:00',
      start: '2026-03-09T13:00:00.000Z',
      end: '2026-03-09T14:55:00.000Z',
      startMs: Date.parse('2026-03-09T13:00:00Z'),
      endMs: Date.parse('2026-03-09T14:55:00Z'),
    });
  });

  test('reports every problem with its field', () => {
    const r = planCourse({
      ...request,
      sessionsPerWeek: 3,
      weeks: 10,
      startDate: '2026-02-30',
      preferredTime: '9am',
      durationMinutes: 0,
    });
    expect(r.ok ? [] : r.error.map((p) => `${p.code} ${p.path ?? ''}`)).toEqual([
      'COURSE.OUTSIDE_PROTOCOL sessionsPerWeek',
      'COURSE.OUTSIDE_PROTOCOL weeks',
      'COURSE.INVALID_DATE startDate',
      'COURSE.INVALID_TIME preferredTime',
      'COURSE.INVALID_DURATION durationMinutes',
    ]);
  });

  test('a protocol without a course length still needs weeks, capped at 52', () => {
    const anxiety = { ...request, protocol: knowledgeBase.protocols.anxiety };
    expect(planCourse({ ...anxiety, weeks: 8 }).ok).toBe(true);
    const r = planCourse({ ...anxiety, weeks: null });
    expect(r.ok ? [] : r.error.map((p) => p.path)).toEqual(['weeks']);
  });

  test('an as-needed protocol gives no dates and refuses a weekly rhythm', () => {
    const pain = { ...request, protocol: knowledgeBase.protocols['chronic-pain'] };
    expect(planCourse({ ...pain, sessionsPerWeek: null, weeks: null })).toEqual({
      ok: true,
      value: { asNeeded: true, sessions: [] },
    });
    const r = planCourse(pain);
    expect(r.ok ? [] : r.error.map((p) => `${p.code} ${p.path ?? ''}`)).toEqual([
      'COURSE.AS_NEEDED sessionsPerWeek',
      'COURSE.AS_NEEDED weeks',
    ]);
  });

  test('an existing appointment is not overlapped and counts for the spacing', () => {
    const r = planCourse({
      ...request,
      weeks: 4,
      existingAppointments: [
        // A session from another plan on Thu 2026-03-05 08:00-09:55: Thu 09:00 overlaps it.
        { id: 'x', start: '2026-03-05T08:00:00-05:00', end: '2026-03-05T09:55:00-05:00' },
      ],
    });
    // Week 1: Mon 03-02 (71 h before x), then not Thu (overlap) and not Tue/Wed/Fri (< 48 h
    // from Mon or from x): no room.
    expect(r.ok ? [] : r.error.map((p) => `${p.code} ${p.path ?? ''}`)).toEqual([
      'COURSE.NO_ROOM weeks',
    ]);
  });

  test('a preferred time that does not exist that day is not used', () => {
    const weekends: Location = {
      ...main,
      openingHours: {
        sat: [{ open: '00:00', close: '24:00' }],
        sun: [{ open: '00:00', close: '24:00' }],
      },
    };
    const r = planCourse({
      ...request,
      location: weekends,
      sessionsPerWeek: 1,
      weeks: 4,
      preferredWeekdays: ['sun'],
      preferredTime: '02:30',
      durationMinutes: 60,
    });
    // Sun 03-08 02:30 is in the spring gap, so week 1 falls back to Sat 03-07 (EST); then Sundays.
    expect(r.ok && local(r.value.sessions)).toEqual([
      '2026-03-07T02:30-05:00',
      '2026-03-15T02:30-04:00',
      '2026-03-22T02:30-04:00',
      '2026-03-29T02:30-04:00',
    ]);
  });
});

describe('planCourse with resources', () => {
  test('skips times whose chair, nurse or prescriber is taken, on the slot grid', () => {
    const { index } = indexSchedule({
      calendar: {
        locations: [main],
        chairs: [{ id: 'A', locationId: 'main' }],
        staff: [onSite('N1', 'nurse', 'main'), onSite('P1', 'prescriber', 'main')],
      },
      bookings: [
        // Another patient holds the only chair on Mon 2026-03-02 08:00-09:55.
        {
          id: 'other',
          appointmentType: 'infusion',
          start: '2026-03-02T08:00:00-05:00',
          end: '2026-03-02T09:55:00-05:00',
          chairId: 'A',
          nurseId: 'N1',
        },
      ],
      nurseCapacity: 2,
      range: { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' },
    });
    const { preferredTime: _anyTime, ...anyTime } = request;
    const r = planCourse({
      ...anyTime,
      sessionsPerWeek: 1,
      weeks: 4,
      preferredWeekdays: ['mon'],
      granularityMinutes: 15,
      isAvailable: (start, end) => {
        const why = explainConflictIn(index, {
          appointmentType: 'infusion',
          start,
          durationMinutes: (end - start) / 60_000,
        });
        return why.ok && why.value.conflicts.length === 0;
      },
    });
    // First free grid time after 09:55 is 10:00; later Mondays start at opening.
    expect(r.ok && local(r.value.sessions)).toEqual([
      '2026-03-02T10:00-05:00',
      '2026-03-09T08:00-04:00',
      '2026-03-16T08:00-04:00',
      '2026-03-23T08:00-04:00',
    ]);
  });
});

describe('replanFutureSessions', () => {
  const planned = planCourse(request);
  const course = { request, sessions: planned.ok ? planned.value.sessions : [] };

  test('keeps past sessions and replans the rest with the change', () => {
    // From Mon 2026-03-16 (week 3), once a week on Thursdays.
    const r = replanFutureSessions(
      course,
      { sessionsPerWeek: 1, preferredWeekdays: ['thu'] },
      '2026-03-16T00:00:00-04:00',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(local(r.value.kept)).toEqual([
      '2026-03-02T09:00-05:00',
      '2026-03-05T09:00-05:00',
      '2026-03-09T09:00-04:00',
      '2026-03-12T09:00-04:00',
    ]);
    expect(local(r.value.add)).toEqual([]);
    expect(local(r.value.unchanged)).toEqual([
      '2026-03-19T09:00-04:00',
      '2026-03-26T09:00-04:00',
      '2026-04-02T09:00-04:00',
      '2026-04-09T09:00-04:00',
    ]);
    expect(local(r.value.cancel)).toEqual([
      '2026-03-16T09:00-04:00',
      '2026-03-23T09:00-04:00',
      '2026-03-30T09:00-04:00',
      '2026-04-06T09:00-04:00',
    ]);
  });

  test('a course resumed mid-week fills what still fits that week', () => {
    // Resume on Wed 2026-03-18 12:00: week 3 has only Thu 03-19 left, so it gets one session.
    const r = replanFutureSessions(course, {}, '2026-03-18T12:00:00-04:00');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(local(r.value.sessions.filter((s) => s.week === 3))).toEqual([
      '2026-03-16T09:00-04:00',
      '2026-03-19T09:00-04:00',
    ]);
    expect(r.value.cancel).toEqual([]);
    expect(r.value.add).toEqual([]);
  });

  test('moving the time moves every future session and keeps the past', () => {
    const r = replanFutureSessions(course, { preferredTime: '13:00' }, '2026-04-01T00:00:00-04:00');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(local(r.value.add)).toEqual([
      '2026-04-02T13:00-04:00',
      '2026-04-06T13:00-04:00',
      '2026-04-09T13:00-04:00',
    ]);
    expect(r.value.cancel).toHaveLength(3);
    expect(r.value.sessions).toHaveLength(12);
  });
});
