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

/**
 * `/consult` as the server sends it: the video-consult times on offer, by day in the clinic's
 * time zone, and how to book one. Booking itself needs an account (and JavaScript); with
 * JavaScript the app's own page, where a time is chosen and booked, replaces this one.
 */
export function consultTimesPage(
  offered: readonly OfferedConsult[],
  timeZone: string,
  windowDays: number,
): EducationPage {
  const days = new Map<string, { time: string; zoneName: string; with: string }[]>();
  for (const slot of offered) {
    const { day, time, zoneName } = clinicDayAndTime(new Date(slot.startsAt), timeZone);
    days.set(day, [
      ...(days.get(day) ?? []),
      { time, zoneName, with: slot.prescriber.displayName },
    ]);
  }
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
              <p className="muted">Clinic time ({timeZone}).</p>
              {[...days].map(([day, slots]) => (
                <section key={day} aria-label={day}>
                  <h3>{day}</h3>
                  <ul data-testid="static-times">
                    {slots.map((s) => (
                      <li key={`${s.time}|${s.with}`}>
                        {s.time} {s.zoneName} with {s.with}
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
      consultTimesPage(slots, zone, CONSULT_WINDOW_DAYS),
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
