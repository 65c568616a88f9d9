// tsx runs the server from the repository root, where no tsconfig sets the JSX runtime.
/* @jsxRuntime automatic */
import type { Database } from '../../db/client';
import type { ClinicKnowledge } from '../../knowledge';
import type { Clock } from '../../lib/clock';
import { clinicDayAndTime } from '../../notifications/clinic-time';
import {
  renderPrerenderedPage,
  type EducationPage,
  type PrerenderedPage,
} from '../education/render';
import {
  CONSULT_WINDOW_DAYS,
  clinicTimeZone,
  offeredConsults,
  type OfferedConsult,
} from './offered';

/** Starts in a row, a step apart, with one prescriber: "09:00 to 11:45 (a start every 15 min)". */
export interface ConsultTimeRange {
  /** The first start, as the API gives it (ISO 8601). */
  readonly startsAt: string;
  /** How many starts the range holds, `stepMinutes` apart. */
  readonly starts: number;
  readonly first: string;
  readonly last: string;
  readonly zoneName: string;
  readonly with: string;
}

/**
 * The offered times by clinic day, each day's starts joined into ranges: a start joins the range
 * before it when it comes one step later, with the same prescriber, in the same zone abbreviation
 * (so a clock change starts a new range). `offered` is in time order, as the slot search gives it.
 */
export function consultTimeRanges(
  offered: readonly OfferedConsult[],
  timeZone: string,
  stepMinutes: number,
): Map<string, ConsultTimeRange[]> {
  const days = new Map<string, ConsultTimeRange[]>();
  const stepMs = stepMinutes * 60_000;
  for (const slot of offered) {
    const startMs = Date.parse(slot.startsAt);
    const { day, time, zoneName } = clinicDayAndTime(new Date(startMs), timeZone);
    const ranges = days.get(day) ?? [];
    const open = ranges.at(-1);
    const who = slot.prescriber.displayName;
    if (
      open !== undefined &&
      open.with === who &&
      open.zoneName === zoneName &&
      startMs === Date.parse(open.startsAt) + open.starts * stepMs
    ) {
      ranges[ranges.length - 1] = { ...open, starts: open.starts + 1, last: time };
    } else {
      ranges.push({
        startsAt: slot.startsAt,
        starts: 1,
        first: time,
        last: time,
        zoneName,
        with: who,
      });
    }
    days.set(day, ranges);
  }
  return days;
}

/** One range as a patient reads it. */
export function rangeText(range: ConsultTimeRange, stepMinutes: number): string {
  return range.starts === 1
    ? `${range.first} ${range.zoneName} with ${range.with}`
    : `${range.first} to ${range.last} ${range.zoneName} (a start every ${String(stepMinutes)} minutes) with ${range.with}`;
}

/**
 * `/consult` as the server sends it: the video-consult times on offer, by day in the clinic's
 * time zone, and how to book one. Booking itself needs an account (and JavaScript); with
 * JavaScript the app's own page, where a time is chosen and booked, replaces this one.
 */
export function consultTimesPage(
  offered: readonly OfferedConsult[],
  timeZone: string,
  windowDays: number,
  stepMinutes: number,
): EducationPage {
  const days = consultTimeRanges(offered, timeZone, stepMinutes);
  const first = offered[0];
  const minutes =
    first === undefined ? null : (Date.parse(first.endsAt) - Date.parse(first.startsAt)) / 60_000;
  return {
    meta: {
      title: 'Book a video consult',
      description:
        'The video-consult times on offer in the next two weeks, and how to book one with a prescriber.',
      path: '/consult',
    },
    body: ({ kb, clinicName }) => {
      const contact = kb.clinic.branding?.contact;
      const call =
        contact?.phone == null ? null : (
          <>
            {' '}
            or call <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>{contact.phone}</a>
          </>
        );
      return (
        <>
          <h1>Book a video consult</h1>
          <p className="lead">
            A first consult is a video call with one of {clinicName}&apos;s prescribers, who goes
            through your health and whether ketamine treatment suits you.
          </p>
          <p>
            To book a time, <a href="/login">log in</a> or <a href="/register">register</a> (both
            need JavaScript){call}.
          </p>
          <h2>Times on offer</h2>
          {days.size === 0 ? (
            <p data-testid="static-no-times">
              No video-consult times are free in the next {String(windowDays)} days. Please call the
              clinic.
            </p>
          ) : (
            <>
              <p className="muted">
                Clinic time ({timeZone}). A consult takes {String(minutes)} minutes and can start at
                any of these times.
              </p>
              {[...days].map(([day, ranges]) => (
                <section key={day} aria-label={day}>
                  <h3>{day}</h3>
                  <ul data-testid="static-times">
                    {ranges.map((r) => (
                      <li key={r.startsAt} data-starts-at={r.startsAt} data-starts={r.starts}>
                        {rangeText(r, stepMinutes)}
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </>
          )}
        </>
      );
    },
  };
}

/** `/consult` rendered now: the times change with every booking, so it is rendered per request. */
export function liveConsultTimesPage(
  db: Database,
  clock: Clock,
  knowledge: ClinicKnowledge,
): () => Promise<PrerenderedPage> {
  const page = (slots: readonly OfferedConsult[], zone: string) =>
    renderPrerenderedPage(
      consultTimesPage(
        slots,
        zone,
        CONSULT_WINDOW_DAYS,
        knowledge.kb.scheduling.slotGranularityMinutes,
      ),
      knowledge.kb,
      knowledge.clinicName,
    );
  return async () => {
    const zone = await clinicTimeZone(db);
    // Before the clinic is set up there is no zone, and no prescriber hours to offer either.
    if (zone === null) return page([], 'UTC');
    const now = clock.now();
    const to = new Date(now.getTime() + CONSULT_WINDOW_DAYS * 86_400_000);
    const offered = await offeredConsults(db, knowledge.kb, now, now, to);
    if (!offered.ok)
      throw new Error(`consult times: ${offered.error.map((p) => p.message).join('; ')}`);
    return page(offered.value, zone);
  };
}
