import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clinicDayAndTime } from '../src/notifications/clinic-time';
import { liveConsultTimesPage } from '../src/routes/consults/consult-times-page';
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
    const items = [...response.body.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => textOf(m[1] ?? ''));
    expect(items).toEqual(
      api.items.map((s) => {
        const { time, zoneName } = clinicDayAndTime(new Date(s.startsAt), meta.timeZone);
        return `${time} ${zoneName} with ${s.prescriber.displayName}`;
      }),
    );
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
    const { timeZone } = (await api('GET', '/api/meta')).json<{ timeZone: string }>();
    const slot = items[0];
    if (slot === undefined) throw new Error('no time offered');
    const { day, time, zoneName } = clinicDayAndTime(new Date(slot.startsAt), timeZone);
    const entry = `<li>${time} ${zoneName} with ${slot.prescriber.displayName}</li>`;
    /** The list of `day` (the same time comes back on other days). */
    const dayList = async () => {
      const html = (await web.inject({ method: 'GET', url: '/consult' })).body;
      const start = html.indexOf(`<section aria-label="${day}">`);
      expect(start).toBeGreaterThan(0);
      return html.slice(start, html.indexOf('</section>', start));
    };
    expect(await dayList()).toContain(entry);
    const booked = await api('POST', '/api/me/consults', {
      startsAt: slot.startsAt,
      prescriberId: slot.prescriber.id,
      idempotencyKey: 'consult-page-0001',
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(await dayList()).not.toContain(entry);
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
