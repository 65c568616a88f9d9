/**
 * A small language for scheduling scenarios: given a clinic, chairs, staff and bookings, a
 * request, and what must happen. One statement per line; `#` starts a comment.
 *
 *   clinic tz America/New_York              (a location `main`; or: location east tz Europe/London)
 *   open Mon-Fri 08:00-18:00                (applies to the latest location)
 *   closed 2026-12-25 Christmas Day         (or a range: closed 2026-12-24..2026-12-26 Holidays)
 *   chair A,B at main
 *   nurse N1 Mon-Fri 08:00-16:00 at main    (repeat for more periods)
 *   prescriber P2 Mon-Fri 09:00-17:00 remote
 *   absent P1 2026-03-10 conference         (optionally a time range before the reason)
 *   capacity 2 | spacing 48h | granularity 15m
 *   capacity N1 1                           (one nurse's own capacity; others keep the default)
 *   booked b1 infusion 2026-03-09 09:00 115m chair A nurse N1 prescriber P1 patient alice
 *   held h1 infusion 2026-03-09 09:00 115m chair A expires 2026-03-01T10:10Z
 *   asof 2026-03-01T10:05Z                  (the clock holds are judged at)
 *   extra N1 2026-03-14 08:00-12:00 at main Saturday clinic
 *   request infusion 2026-03-09 09:00 115m chair A patient alice excluding b1
 *   expect slot 09:00 chair A nurse N1 prescriber P1
 *   expect conflict nurse-capacity chair-busy
 *   search infusion 2026-03-09 115m at main patient alice
 *   expect first 08:00 chair A | expect count 12 | expect starts 08:00,08:15 | expect no slots
 *   course depression 2/week 5 weeks from 2026-03-02 on Mon,Thu at 09:00 115m
 *   expect sessions 2026-03-02T09:00-05:00,2026-03-05T09:00-05:00   (the first ones, in order)
 *   expect error COURSE.OUTSIDE_PROTOCOL sessionsPerWeek
 *   expect utc 2026-03-09T13:00:00.000Z     (the request's or first slot's instant)
 *
 * Local dates and times are in the zone of the location concerned (the first one by default).
 */
import { knowledgeBase } from '../../knowledge/default-knowledge-base';
import { isProtocolId } from '../../knowledge/ids';
import { planCourse } from '../../courses/plan-course';
import { explainConflict } from '../explain-conflict';
import { findSlots } from '../find-slots';
import { addLocalDays, formatInstant, localToMs, msToLocal, WEEKDAYS, type Weekday } from '../time';
import type {
  AppointmentTypeId,
  Booking,
  Chair,
  Hold,
  Closure,
  Location,
  ScheduleException,
  StaffMember,
  WorkPeriod,
} from '../types';
import { APPOINTMENT_TYPE_IDS } from '../types';

export interface ScenarioCheck {
  readonly line: number;
  readonly statement: string;
  readonly pass: boolean;
  readonly detail: string;
}

interface MutableLocation {
  id: string;
  timeZone: string;
  openingHours: Partial<Record<Weekday, { open: string; close: string }[]>>;
  closures: Closure[];
}

interface MutableStaff {
  id: string;
  role: 'nurse' | 'prescriber';
  timeZone: string;
  schedule: WorkPeriod[];
  exceptions: ScheduleException[];
}

type Outcome =
  | {
      kind: 'request';
      startMs: number;
      zone: string;
      conflicts: string[];
      assignment?: Record<string, string>;
    }
  | {
      kind: 'search';
      zone: string;
      slots: { startMs: number; resources: Record<string, string> }[];
    }
  | { kind: 'course'; sessions: string[]; error?: { code: string; path: string } }
  | { kind: 'error'; message: string };

function days(spec: string): Weekday[] {
  const lower = spec.toLowerCase();
  const out: Weekday[] = [];
  for (const part of lower.split(',')) {
    const [a, b] = part.split('-');
    const i = WEEKDAYS.indexOf(a as Weekday);
    const j = b === undefined ? i : WEEKDAYS.indexOf(b as Weekday);
    if (i < 0 || j < 0) throw new Error(`bad days '${spec}'`);
    for (let k = i; k <= j; k += 1) {
      const d = WEEKDAYS[k];
      if (d !== undefined) out.push(d);
    }
  }
  return out;
}

function range(spec: string): [string, string] {
  const [a, b] = spec.split('-');
  if (a === undefined || b === undefined) throw new Error(`bad time range '${spec}'`);
  return [a, b];
}

function minutes(spec: string): number {
  const m = /^(\d+)m$/.exec(spec);
  if (m === null) throw new Error(`expected minutes like 115m, got '${spec}'`);
  return Number(m[1]);
}

/** `key value` options after the fixed words: chair A nurse N1 ... */
function options(words: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i + 1 < words.length; i += 2) {
    const k = words[i];
    const v = words[i + 1];
    if (k !== undefined && v !== undefined) out.set(k, v);
  }
  return out;
}

function appointmentType(word: string | undefined): AppointmentTypeId {
  const t = APPOINTMENT_TYPE_IDS.find((id) => id === word);
  if (t === undefined) throw new Error(`unknown appointment type '${word ?? ''}'`);
  return t;
}

const codeOf = (suffix: string): string => `SCHEDULE.${suffix.toUpperCase().replaceAll('-', '_')}`;

/** Runs a scenario script; each `expect` line gives one check. Unknown statements throw. */
export function runScenario(script: string): ScenarioCheck[] {
  const locations: MutableLocation[] = [];
  const chairs: Chair[] = [];
  const staff = new Map<string, MutableStaff>();
  const bookings: Booking[] = [];
  const holds: Hold[] = [];
  let asOf: string | undefined;
  let capacity = knowledgeBase.scheduling.nurseCapacity;
  const capacityById: Record<string, number> = {};
  let spacing = knowledgeBase.scheduling.minSpacingHours;
  let granularity = knowledgeBase.scheduling.slotGranularityMinutes;
  let outcome: Outcome | undefined;
  const checks: ScenarioCheck[] = [];

  const location = (id?: string): MutableLocation => {
    const l =
      id === undefined ? locations[locations.length - 1] : locations.find((x) => x.id === id);
    if (l === undefined) throw new Error(`no location ${id ?? '(none declared)'}`);
    return l;
  };
  const zoneOf = (opts: Map<string, string>): string => {
    const chair = chairs.find((c) => c.id === opts.get('chair'));
    return location(opts.get('at') ?? chair?.locationId ?? locations[0]?.id).timeZone;
  };
  const calendar = (): { locations: Location[]; chairs: Chair[]; staff: StaffMember[] } => ({
    locations,
    chairs,
    staff: [...staff.values()],
  });
  const check = (line: number, statement: string, pass: boolean, detail: string): void => {
    checks.push({ line, statement, pass, detail });
  };

  script.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const text = raw.replace(/#.*$/, '').trim();
    if (text === '') return;
    const w = text.split(/\s+/);
    const [head, a, b, c, d] = w;
    switch (head) {
      case 'clinic':
        locations.push({ id: 'main', timeZone: b ?? '', openingHours: {}, closures: [] });
        return;
      case 'location':
        locations.push({ id: a ?? '', timeZone: c ?? '', openingHours: {}, closures: [] });
        return;
      case 'open': {
        const [open, close] = range(b ?? '');
        const l = location();
        for (const day of days(a ?? '')) (l.openingHours[day] ??= []).push({ open, close });
        return;
      }
      case 'closed': {
        const [from, to] = (a ?? '').split('..');
        const reason = w.slice(2).join(' ');
        location().closures.push(
          to === undefined ? { date: from ?? '', reason } : { from: from ?? '', to, reason },
        );
        return;
      }
      case 'chair':
        for (const id of (a ?? '').split(',')) chairs.push({ id, locationId: c ?? '' });
        return;
      case 'nurse':
      case 'prescriber': {
        const id = a ?? '';
        const [start, end] = range(c ?? '');
        const where = d === 'at' ? w[5] : undefined;
        const member =
          staff.get(id) ??
          ({
            id,
            role: head,
            timeZone: location(where).timeZone,
            schedule: [],
            exceptions: [],
          } satisfies MutableStaff);
        for (const weekday of days(b ?? ''))
          member.schedule.push({
            weekday,
            start,
            end,
            ...(where === undefined ? {} : { locationId: where }),
          });
        staff.set(id, member);
        return;
      }
      case 'absent': {
        const member = staff.get(a ?? '');
        if (member === undefined) throw new Error(`line ${String(line)}: no staff ${a ?? ''}`);
        const timed = /^\d\d:\d\d-\d\d:\d\d$/.test(c ?? '');
        const [start, end] = timed ? range(c ?? '') : [undefined, undefined];
        member.exceptions.push({
          kind: 'absent',
          date: b ?? '',
          ...(start === undefined ? {} : { start }),
          ...(end === undefined ? {} : { end }),
          reason: w.slice(timed ? 3 : 2).join(' '),
        });
        return;
      }
      case 'capacity':
        if (b === undefined) capacity = Number(a);
        else capacityById[a ?? ''] = Number(b);
        return;
      case 'spacing':
        spacing = Number((a ?? '').replace(/h$/, ''));
        return;
      case 'granularity':
        granularity = minutes(a ?? '');
        return;
      case 'asof':
        asOf = a;
        return;
      case 'extra': {
        const member = staff.get(a ?? '');
        if (member === undefined) throw new Error(`line ${String(line)}: no staff ${a ?? ''}`);
        const [start, end] = range(c ?? '');
        const where = d === 'at' ? w[5] : undefined;
        member.exceptions.push({
          kind: 'extra',
          date: b ?? '',
          start,
          end,
          ...(where === undefined ? {} : { locationId: where }),
          reason: w.slice(where === undefined ? 4 : 6).join(' '),
        });
        return;
      }
      case 'held':
      case 'booked': {
        const opts = options(w.slice(6));
        const zone = zoneOf(opts);
        const start = localToMs(c ?? '', d ?? '', zone);
        const end = start + minutes(w[5] ?? '') * 60_000;
        const expires = opts.get('expires');
        const booking: Booking = {
          id: a ?? '',
          appointmentType: appointmentType(b),
          start: formatInstant(start),
          end: formatInstant(end),
          ...(opts.has('chair') ? { chairId: opts.get('chair') ?? '' } : {}),
          ...(opts.has('nurse') ? { nurseId: opts.get('nurse') ?? '' } : {}),
          ...(opts.has('prescriber') ? { prescriberId: opts.get('prescriber') ?? '' } : {}),
          ...(opts.has('patient') ? { patientId: opts.get('patient') ?? '' } : {}),
        };
        if (head === 'held') holds.push({ ...booking, expiresAt: expires ?? '' });
        else bookings.push(booking);
        return;
      }
      case 'request': {
        const opts = options(w.slice(5));
        const zone = zoneOf(opts);
        const startMs = localToMs(b ?? '', c ?? '', zone);
        const patient = opts.get('patient');
        const excluding = opts.get('excluding');
        const result = explainConflict({
          appointmentType: appointmentType(a),
          start: startMs,
          durationMinutes: minutes(d ?? ''),
          ...(opts.has('at') ? { locationId: opts.get('at') ?? '' } : {}),
          ...(opts.has('chair') ? { chairId: opts.get('chair') ?? '' } : {}),
          ...(opts.has('nurse') ? { nurseId: opts.get('nurse') ?? '' } : {}),
          ...(opts.has('prescriber') ? { prescriberId: opts.get('prescriber') ?? '' } : {}),
          ...(patient === undefined ? {} : { patient: { id: patient, minSpacingHours: spacing } }),
          ...(excluding === undefined ? {} : { ignoreBookingIds: excluding.split(',') }),
          calendar: calendar(),
          bookings,
          holds,
          ...(asOf === undefined ? {} : { asOf }),
          nurseCapacity: capacity,
          nurseCapacityById: capacityById,
        });
        outcome = result.ok
          ? {
              kind: 'request',
              startMs,
              zone,
              conflicts: result.value.conflicts.map((x) => x.code),
              ...(result.value.assignment === undefined
                ? {}
                : { assignment: resourcesOf(result.value.assignment) }),
            }
          : {
              kind: 'error',
              message: result.error.map((p) => `${p.code} ${p.path ?? ''}`).join('; '),
            };
        return;
      }
      case 'search': {
        const until = b === undefined ? undefined : w[2] === 'to' ? w[3] : undefined;
        const rest = w.slice(until === undefined ? 3 : 5);
        const opts = options(rest.slice(1));
        const zone = zoneOf(opts);
        const patient = opts.get('patient');
        const result = findSlots({
          appointmentType: appointmentType(a),
          durationMinutes: minutes(rest[0] ?? ''),
          window: {
            from: localToMs(b ?? '', '00:00', zone),
            to: localToMs(addLocalDays(until ?? b ?? '', 1), '00:00', zone),
          },
          ...(opts.has('at') ? { locationId: opts.get('at') ?? '' } : {}),
          ...(patient === undefined ? {} : { patient: { id: patient, minSpacingHours: spacing } }),
          granularityMinutes: granularity,
          calendar: calendar(),
          bookings,
          holds,
          ...(asOf === undefined ? {} : { asOf }),
          nurseCapacity: capacity,
          nurseCapacityById: capacityById,
        });
        outcome = result.ok
          ? {
              kind: 'search',
              zone,
              slots: result.value.map((s) => ({ startMs: s.startMs, resources: resourcesOf(s) })),
            }
          : {
              kind: 'error',
              message: result.error.map((p) => `${p.code} ${p.path ?? ''}`).join('; '),
            };
        return;
      }
      case 'course': {
        const protocolId = a ?? '';
        if (!isProtocolId(protocolId))
          throw new Error(`line ${String(line)}: unknown protocol ${protocolId}`);
        const perWeek = b === 'as-needed' ? null : Number((b ?? '').replace('/week', ''));
        const weeks = perWeek === null ? null : Number(c);
        const opts = options(w.slice(perWeek === null ? 3 : 5));
        const l = location(opts.get('at-location'));
        const duration = w.find((x) => /^\d+m$/.test(x)) ?? '115m';
        const on = opts.get('on');
        const at = opts.get('at');
        const result = planCourse({
          protocol: knowledgeBase.protocols[protocolId],
          sessionsPerWeek: perWeek,
          weeks,
          startDate: opts.get('from') ?? '',
          ...(on === undefined ? {} : { preferredWeekdays: days(on) }),
          ...(at === undefined ? {} : { preferredTime: at }),
          location: l,
          durationMinutes: minutes(duration),
          minSpacingHours: spacing,
          existingAppointments: bookings
            .filter((x) => x.patientId !== undefined)
            .map((x) => ({ id: x.id, start: x.start, end: x.end })),
        });
        outcome = result.ok
          ? { kind: 'course', sessions: result.value.sessions.map((s) => s.localStart) }
          : {
              kind: 'course',
              sessions: [],
              error: { code: result.error[0]?.code ?? '', path: result.error[0]?.path ?? '' },
            };
        return;
      }
      case 'expect':
        runExpect(line, text, w.slice(1), outcome, check);
        return;
      default:
        throw new Error(`line ${String(line)}: unknown statement '${text}'`);
    }
  });
  return checks;
}

function resourcesOf(a: {
  readonly chairId?: string;
  readonly nurseId?: string;
  readonly prescriberId: string;
  readonly locationId?: string;
}): Record<string, string> {
  const out: Record<string, string> = { prescriber: a.prescriberId };
  if (a.chairId !== undefined) out['chair'] = a.chairId;
  if (a.nurseId !== undefined) out['nurse'] = a.nurseId;
  if (a.locationId !== undefined) out['at'] = a.locationId;
  return out;
}

type Check = (line: number, statement: string, pass: boolean, detail: string) => void;

function matches(
  resources: Record<string, string> | undefined,
  wanted: Map<string, string>,
): boolean {
  return [...wanted].every(([k, v]) => resources?.[k] === v);
}

function runExpect(
  line: number,
  text: string,
  w: readonly string[],
  outcome: Outcome | undefined,
  check: Check,
): void {
  const [what, ...rest] = w;
  if (outcome === undefined) throw new Error(`line ${String(line)}: expect before a request`);
  if (outcome.kind === 'error') {
    check(line, text, false, `input problems: ${outcome.message}`);
    return;
  }
  const show = JSON.stringify(outcome);
  if (outcome.kind === 'request') {
    const local = msToLocal(outcome.startMs, outcome.zone).time;
    if (what === 'slot') {
      const pass =
        outcome.conflicts.length === 0 &&
        rest[0] === local &&
        matches(outcome.assignment, options(rest.slice(1)));
      check(line, text, pass, show);
    } else if (what === 'conflict') {
      const codes = rest.map(codeOf);
      check(
        line,
        text,
        codes.every((x) => outcome.conflicts.includes(x)) && outcome.conflicts.length > 0,
        show,
      );
    } else if (what === 'utc') {
      check(line, text, formatInstant(outcome.startMs) === rest[0], show);
    } else
      throw new Error(`line ${String(line)}: 'expect ${what ?? ''}' does not follow a request`);
    return;
  }
  if (outcome.kind === 'search') {
    const first = outcome.slots[0];
    const local = (ms: number): string => msToLocal(ms, outcome.zone).time;
    if (what === 'first') {
      const pass =
        first !== undefined &&
        local(first.startMs) === rest[0] &&
        matches(first.resources, options(rest.slice(1)));
      check(line, text, pass, show);
    } else if (what === 'count') {
      check(
        line,
        text,
        outcome.slots.length === Number(rest[0]),
        `count ${String(outcome.slots.length)}`,
      );
    } else if (what === 'starts') {
      const wanted = (rest[0] ?? '').split(',');
      const got = outcome.slots.slice(0, wanted.length).map((s) => local(s.startMs));
      check(line, text, got.join(',') === wanted.join(','), got.join(','));
    } else if (what === 'no') {
      check(line, text, outcome.slots.length === 0, show);
    } else if (what === 'utc') {
      check(line, text, first !== undefined && formatInstant(first.startMs) === rest[0], show);
    } else throw new Error(`line ${String(line)}: 'expect ${what ?? ''}' does not follow a search`);
    return;
  }
  if (what === 'sessions') {
    const wanted = (rest[0] ?? '').split(',');
    const got = outcome.sessions.slice(0, wanted.length);
    check(line, text, outcome.error === undefined && got.join(',') === wanted.join(','), show);
  } else if (what === 'error') {
    check(line, text, outcome.error?.code === rest[0] && outcome.error?.path === rest[1], show);
  } else if (what === 'count') {
    check(line, text, outcome.sessions.length === Number(rest[0]), show);
  } else throw new Error(`line ${String(line)}: 'expect ${what ?? ''}' does not follow a course`);
}
