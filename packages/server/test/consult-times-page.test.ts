import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clinicDayAndTime } from '../src/notifications/clinic-time';
import {
  consultTimeRanges,
  liveConsultTimesPage,
  rangeText,
} from '../src/routes/consults/consult-times-page';
import { as, createTestApp, DEMO, login, type TestApp } from './harness';
import { textOf } from './html-text';
import { shellSource, webAppWith } from './web-shell';

/** The web app (its shell in a scratch dist) with `/consult` rendered from `t`'s database. */
async function webFor(
  t: TestApp,
  render = liveConsultTimesPage(t.database.db, t.clock, t.knowledge),
) {
  return webAppWith({ live: [{ path: '/consult', render }] });
}

/** The page's listed ranges: each line's text and the starts it stands for. */
function listedRanges(html: string) {
  return [...html.matchAll(/<li data-starts-at="([^"]+)" data-starts="(\d+)">([^<]*)<\/li>/g)].map(
    (m) => {
      const first = Date.parse(m[1]!);
      const starts = Number(m[2]);
      return {
        text: textOf(m[3]!),
        starts,
        startsAt: (stepMinutes: number) =>
          Array.from({ length: starts }, (_, i) =>
            new Date(first + i * stepMinutes * 60_000).toISOString(),
          ),
      };
    },
  );
}

describe('consult times as ranges', () => {
  const cole = { id: 'p1', displayName: 'Dr. Imani Cole' };
  const ortiz = { id: 'p2', displayName: 'Dr. Rafael Ortiz' };
  const at = (iso: string, prescriber = cole) => ({
    startsAt: iso,
    endsAt: new Date(Date.parse(iso) + 45 * 60_000).toISOString(),
    prescriber,
  });

  test('joins starts one step apart with one prescriber, and breaks at a gap, a new prescriber or a new day', () => {
    const days = consultTimeRanges(
      [
        at('2026-03-04T14:00:00.000Z'),
        at('2026-03-04T14:15:00.000Z'),
        at('2026-03-04T14:30:00.000Z'),
        at('2026-03-04T15:00:00.000Z'), // a gap
        at('2026-03-04T15:15:00.000Z', ortiz), // another prescriber
        at('2026-03-05T14:00:00.000Z'), // the next day
      ],
      'America/New_York',
      15,
    );
    const lines = [...days].map(([day, ranges]) => [day, ranges.map((r) => rangeText(r, 15))]);
    expect(lines).toEqual([
      [
        'Wednesday, March 4, 2026',
        [
          '09:00 to 09:30 EST (a start every 15 minutes) with Dr. Imani Cole',
          '10:00 EST with Dr. Imani Cole',
          '10:15 EST with Dr. Rafael Ortiz',
        ],
      ],
      ['Thursday, March 5, 2026', ['09:00 EST with Dr. Imani Cole']],
    ]);
  });

  test('a clock change starts a new range (the zone abbreviation changes)', () => {
    // 2026-03-08 02:00 EST becomes 03:00 EDT: 06:45Z and 07:00Z are one step apart.
    const days = consultTimeRanges(
      [
        at('2026-03-08T06:30:00.000Z'),
        at('2026-03-08T06:45:00.000Z'),
        at('2026-03-08T07:00:00.000Z'),
      ],
      'America/New_York',
      15,
    );
    expect([...days.values()].flat().map((r) => rangeText(r, 15))).toEqual([
      '01:30 to 01:45 EST (a start every 15 minutes) with Dr. Imani Cole',
      '03:00 EDT with Dr. Imani Cole',
    ]);
  });
});

describe('/consult reads without JavaScript', () => {
  let demo: TestApp;
  let web: FastifyInstance;
  beforeAll(async () => {
    demo = await createTestApp('pglite');
    web = await webFor(demo);
  });
  afterAll(async () => {
    await web.close();
    await demo.close();
  });

  test('lists the times the API offers, by clinic day, with the prescriber', async () => {
    const api = (await demo.app.inject({ method: 'GET', url: '/api/public/consult-slots' })).json<{
      items: { startsAt: string; prescriber: { displayName: string } }[];
    }>();
    const meta = (await demo.app.inject({ method: 'GET', url: '/api/meta' })).json<{
      timeZone: string;
    }>();
    expect(api.items.length).toBeGreaterThan(0);
    const response = await web.inject({ method: 'GET', url: '/consult' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>Book a video consult · ');
    expect(response.body).not.toContain('<noscript>');
    // Each line is a range of starts; spelled out again they are exactly the API's times.
    const step = demo.knowledge.kb.scheduling.slotGranularityMinutes;
    const lines = listedRanges(response.body);
    expect(lines.length).toBeLessThan(api.items.length);
    expect(lines.flatMap((l) => l.startsAt(step))).toEqual(api.items.map((s) => s.startsAt));
    let next = 0;
    for (const line of lines) {
      const slots = api.items.slice(next, next + line.starts);
      next += line.starts;
      const who = slots[0]!.prescriber.displayName;
      expect(slots.every((s) => s.prescriber.displayName === who)).toBe(true);
      const first = clinicDayAndTime(new Date(slots[0]!.startsAt), meta.timeZone);
      const last = clinicDayAndTime(new Date(slots.at(-1)!.startsAt), meta.timeZone);
      expect(line.text).toBe(
        line.starts === 1
          ? `${first.time} ${first.zoneName} with ${who}`
          : `${first.time} to ${last.time} ${first.zoneName} (a start every ${String(step)} minutes) with ${who}`,
      );
    }
    const text = textOf(response.body);
    const first = api.items[0];
    if (first === undefined) throw new Error('no time offered');
    expect(text).toContain(clinicDayAndTime(new Date(first.startsAt), meta.timeZone).day);
    expect(text).toContain(`Clinic time (${meta.timeZone})`);
  });

  test('shows the times as they are now: a booked time is gone at the next request', async () => {
    const api = as(demo.app, await login(demo.app, DEMO.patient));
    const { items } = (await api('GET', '/api/public/consult-slots')).json<{
      items: { startsAt: string; prescriber: { id: string; displayName: string } }[];
    }>();
    const slot = items[0];
    if (slot === undefined) throw new Error('no time offered');
    const step = demo.knowledge.kb.scheduling.slotGranularityMinutes;
    /** Every listed start with its prescriber ("<ISO> with <name>"). */
    const listed = async () =>
      listedRanges((await web.inject({ method: 'GET', url: '/consult' })).body).flatMap((l) =>
        l.startsAt(step).map((iso) => `${iso} with ${/ with (.+)$/.exec(l.text)?.[1] ?? ''}`),
      );
    const offered = async () =>
      (await api('GET', '/api/public/consult-slots'))
        .json<{ items: { startsAt: string; prescriber: { displayName: string } }[] }>()
        .items.map((s) => `${s.startsAt} with ${s.prescriber.displayName}`);
    const entry = `${slot.startsAt} with ${slot.prescriber.displayName}`;
    const before = await listed();
    expect(before).toContain(entry);
    const booked = await api('POST', '/api/me/consults', {
      startsAt: slot.startsAt,
      prescriberId: slot.prescriber.id,
      idempotencyKey: 'consult-page-0001',
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const after = await listed();
    expect(after).not.toContain(entry);
    expect(after).not.toEqual(before);
    expect(after).toEqual(await offered());
  });

  test('a page that cannot be rendered leaves the app shell, which loads the app itself', async () => {
    const broken = await webFor(demo, () => Promise.reject(new Error('database away')));
    const response = await broken.inject({ method: 'GET', url: '/consult' });
    await broken.close();
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(shellSource);
  });
});

describe('/consult before the clinic is set up', () => {
  test('says that no times are free, and to call', async () => {
    const bare = await createTestApp('pglite', { demo: false });
    const web = await webFor(bare);
    const response = await web.inject({ method: 'GET', url: '/consult' });
    await web.close();
    await bare.close();
    expect(response.statusCode).toBe(200);
    expect(textOf(response.body)).toContain(
      'No video-consult times are free in the next 14 days. Please call the clinic.',
    );
  });
});
