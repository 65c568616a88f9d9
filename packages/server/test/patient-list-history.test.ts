import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { as, createTestApp, DEMO, DRIVERS, login, type Session, type TestApp } from './harness';

type List = 'conditions' | 'medications' | 'allergies';
interface Summary {
  id: string;
  givenName: string;
  familyName: string;
  unrecordedLists: List[];
}
interface Page {
  items: Summary[];
  total: number;
}
interface Problem {
  errors?: { path: string }[];
}

/** The family name every patient of this suite shares, so a search finds only them. */
const FAMILY = 'Worklistova';

describe.each(DRIVERS)(
  'the patient list finds records whose history is not recorded, on %s',
  (driver) => {
    let t: TestApp;
    let nurse: Session;
    const ids = new Map<string, string>();
    const api = () => as(t.app, nurse);

    async function create(givenName: string): Promise<string> {
      const created = await api()('POST', '/api/patients', {
        givenName,
        familyName: FAMILY,
        birthDate: '1980-04-05',
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      ids.set(givenName, id);
      return id;
    }

    async function send(method: 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) {
      const r = await api()(method, url, payload);
      expect(r.statusCode, r.body).toBeLessThan(300);
      return r;
    }

    async function list(params: string): Promise<Page> {
      const r = await api()('GET', `/api/patients?${params}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json<Page>();
    }

    const byName = (page: Page) =>
      Object.fromEntries(page.items.map((p) => [p.givenName, p.unrecordedLists]));

    beforeAll(async () => {
      t = await createTestApp(driver);
      nurse = await login(t.app, DEMO.nurse);

      // Staff stated "none known" for all three lists.
      const asked = await create('Asked');
      for (const l of ['conditions', 'medications', 'allergies'])
        await send('PUT', `/api/patients/${asked}/history/${l}/none-known`);

      // An entry in each list.
      const listed = await create('Listed');
      await send('POST', `/api/patients/${listed}/conditions`, {
        text: 'Major depressive disorder',
        clinicalStatus: 'active',
        verificationStatus: 'confirmed',
      });
      await send('POST', `/api/patients/${listed}/medications`, {
        text: 'Sertraline 50 mg',
        status: 'active',
      });
      await send('POST', `/api/patients/${listed}/allergies`, { substance: 'Latex' });

      // Nothing recorded at all.
      await create('Newcomer');

      // The only condition and the only medicine were entered in error; allergies none known.
      const voided = await create('Voided');
      await send('POST', `/api/patients/${voided}/conditions`, {
        text: 'Bipolar I disorder',
        clinicalStatus: 'active',
        verificationStatus: 'entered-in-error',
      });
      const medicine = await send('POST', `/api/patients/${voided}/medications`, {
        text: 'Lorazepam 1 mg',
        status: 'active',
      });
      const medicationId = medicine.json<{ medications: { id: string }[] }>().medications[0]!.id;
      await send('PATCH', `/api/patients/${voided}/medications/${medicationId}`, {
        status: 'entered-in-error',
      });
      await send('PUT', `/api/patients/${voided}/history/allergies/none-known`);
    });
    afterAll(async () => {
      await t.close();
    });

    test('each summary names its lists not recorded, in the order conditions, medications, allergies', async () => {
      const page = await list(`query=${FAMILY}`);
      expect(page.total).toBe(4);
      expect(byName(page)).toEqual({
        Asked: [],
        Listed: [],
        Newcomer: ['conditions', 'medications', 'allergies'],
        Voided: ['conditions', 'medications'],
      });
    });

    test("the list agrees with each record's own history list states", async () => {
      const page = await list(`query=${FAMILY}`);
      for (const summary of page.items) {
        const record = await api()('GET', `/api/patients/${summary.id}`);
        const states = record.json<{ historyLists: Record<List, { state: string }> }>()
          .historyLists;
        const notRecorded = (['conditions', 'medications', 'allergies'] as const).filter(
          (l) => states[l].state === 'not-recorded',
        );
        expect(summary.unrecordedLists, summary.givenName).toEqual(notRecorded);
      }
    });

    test('history=incomplete keeps only patients with a list to complete, and works with the search', async () => {
      const page = await list(`history=incomplete&query=${FAMILY}`);
      expect(page.total).toBe(2);
      expect(byName(page)).toEqual({
        Newcomer: ['conditions', 'medications', 'allergies'],
        Voided: ['conditions', 'medications'],
      });
      const one = await list('history=incomplete&query=newcomer');
      expect(one.items.map((p) => p.id)).toEqual([ids.get('Newcomer')]);
      expect((await list('history=incomplete&query=Listed')).total).toBe(0);
    });

    test('the demo clinic took every history, so the filter finds only the patients made here', async () => {
      const everyone = await list('pageSize=100');
      const demo = everyone.items.filter((p) => p.familyName !== FAMILY);
      expect(demo.length).toBeGreaterThan(0);
      expect(demo.filter((p) => p.unrecordedLists.length > 0)).toEqual([]);
      const incomplete = await list('history=incomplete&pageSize=100');
      expect(incomplete.items.map((p) => p.givenName).sort()).toEqual(['Newcomer', 'Voided']);
      expect(incomplete.total).toBe(2);
    });

    test('the filter pages like the whole list', async () => {
      const first = await list(`history=incomplete&query=${FAMILY}&pageSize=1&page=1`);
      const second = await list(`history=incomplete&query=${FAMILY}&pageSize=1&page=2`);
      expect([first.total, second.total]).toEqual([2, 2]);
      expect([...first.items, ...second.items].map((p) => p.givenName)).toEqual([
        'Newcomer',
        'Voided',
      ]);
    });

    test('a filtered search is audited for each patient it returned, and for no other', async () => {
      const searches = async () =>
        (
          await t.database.query(
            `select patient_id from audit_log where action = 'patient.search' order by id`,
          )
        ).map((row) => row.patient_id);
      const before = (await searches()).length;
      await list('history=incomplete&pageSize=100');
      const audited = (await searches()).slice(before);
      expect(audited.sort()).toEqual([ids.get('Newcomer'), ids.get('Voided')].sort());
    });

    test.each(['complete', 'INCOMPLETE', 'true', ''])(
      'history=%j is refused with a 400 naming the field',
      async (value) => {
        const r = await api()('GET', `/api/patients?history=${value}`);
        expect(r.statusCode, r.body).toBe(400);
        expect(r.json<Problem>().errors?.map((e) => e.path)).toEqual(['query.history']);
      },
    );

    test('the OpenAPI document describes the filter and the field', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
        paths: Record<
          string,
          { get?: { parameters?: { name: string; in: string; schema: unknown }[] } }
        >;
        components?: unknown;
      }>();
      const parameters = doc.paths['/api/patients']?.get?.parameters ?? [];
      const history = parameters.find((p) => p.name === 'history');
      expect(history?.in).toBe('query');
      expect(history?.schema).toMatchObject({ enum: ['incomplete'] });
      expect(JSON.stringify(doc.paths['/api/patients'])).toContain('"unrecordedLists"');
    });
  },
);
