/**
 * Staff find the online registrations whose e-mail address was never confirmed with a filter on
 * the patient list, which pages, combines with the search, and is audited like any listing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  as,
  createTestApp,
  DEMO,
  DRIVERS,
  login,
  registerAndVerify,
  T0,
  type Session,
  type TestApp,
} from './harness';

interface Summary {
  id: string;
  givenName: string;
  familyName: string;
  account: { email: string; confirmed: boolean; registeredAt: string } | null;
}
interface Page {
  items: Summary[];
  total: number;
}
interface Problem {
  errors?: { path: string }[];
}

/** The family name every patient of this suite shares, so a search finds only them. */
const FAMILY = 'Pendingova';

describe.each(DRIVERS)(
  'the patient list finds online registrations with the e-mail not confirmed, on %s',
  (driver) => {
    let t: TestApp;
    let nurse: Session;
    const ids = new Map<string, string>();
    let calls = 0;

    /** Each registration from its own address, below the per-address limits a minute. */
    async function register(givenName: string): Promise<string> {
      calls += 1;
      const email = `${givenName.toLowerCase()}.pending@example.test`;
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        remoteAddress: `203.0.113.${String(calls)}`,
        payload: {
          email,
          password: 'a-long-password-1',
          givenName,
          familyName: FAMILY,
          birthDate: '1990-02-03',
        },
      });
      expect(response.statusCode, response.body).toBe(202);
      const rows = await t.database.query('select patient_id from users where email = $1', [email]);
      const id = rows[0]!.patient_id as string;
      ids.set(givenName, id);
      return id;
    }

    async function list(params: string, session: Session = nurse): Promise<Page> {
      const r = await as(t.app, session)('GET', `/api/patients?${params}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json<Page>();
    }

    const names = (page: Page) => page.items.map((p) => p.givenName);

    beforeAll(async () => {
      t = await createTestApp(driver);
      nurse = await login(t.app, DEMO.nurse);

      // Three registrations nobody confirmed.
      for (const name of ['Alva', 'Bert', 'Cleo']) await register(name);

      // A registration whose owner opened the link.
      const confirmed = await registerAndVerify(t, {
        email: 'dana.pending@example.test',
        password: 'a-long-password-1',
        givenName: 'Dana',
        familyName: FAMILY,
        birthDate: '1990-02-03',
      });
      ids.set('Dana', confirmed.user.patientId);

      // A record staff made, with an address on it but no online account.
      const made = await as(t.app, nurse)('POST', '/api/patients', {
        givenName: 'Egon',
        familyName: FAMILY,
        birthDate: '1990-02-03',
        email: 'egon.pending@example.test',
      });
      expect(made.statusCode, made.body).toBe(201);
      ids.set('Egon', made.json<{ id: string }>().id);

      // An unconfirmed registration whose account was then disabled: the record shows no account.
      const disabled = await register('Fern');
      await t.database.query(`update users set disabled_at = now() where patient_id = $1`, [
        disabled,
      ]);
    });
    afterAll(async () => {
      await t.close();
    });

    test('without the filter the search finds all six, each with its account as it is', async () => {
      const page = await list(`query=${FAMILY}`);
      expect(page.total).toBe(6);
      expect(
        Object.fromEntries(page.items.map((p) => [p.givenName, p.account?.confirmed ?? null])),
      ).toEqual({ Alva: false, Bert: false, Cleo: false, Dana: true, Egon: null, Fern: null });
    });

    test('account=unconfirmed keeps only the unconfirmed registrations, with the account on each row', async () => {
      const page = await list('account=unconfirmed&pageSize=100');
      expect(names(page)).toEqual(['Alva', 'Bert', 'Cleo']);
      expect(page.total).toBe(3);
      expect(page.items[0]?.account).toEqual({
        email: 'alva.pending@example.test',
        confirmed: false,
        registeredAt: T0.toISOString(),
      });
      // The demo patient's account is confirmed, so no demo record is left.
      const everyone = await list('pageSize=100');
      const demoWithAccount = everyone.items.filter(
        (p) => p.familyName !== FAMILY && p.account !== null,
      );
      expect(demoWithAccount.length).toBeGreaterThan(0);
      expect(demoWithAccount.every((p) => p.account?.confirmed)).toBe(true);
    });

    test('the filter works with the search text', async () => {
      const one = await list('account=unconfirmed&query=bert');
      expect(one.items.map((p) => p.id)).toEqual([ids.get('Bert')]);
      expect(one.total).toBe(1);
      // Matches the search, but confirmed, staff-made or disabled: left out.
      for (const name of ['Dana', 'Egon', 'Fern'])
        expect((await list(`account=unconfirmed&query=${name}`)).total, name).toBe(0);
    });

    test('the filter pages like the whole list', async () => {
      const pages = [];
      for (const page of [1, 2, 3, 4])
        pages.push(await list(`account=unconfirmed&query=${FAMILY}&pageSize=2&page=${page}`));
      expect(pages.map((p) => p.total)).toEqual([3, 3, 3, 3]);
      expect(pages.map(names)).toEqual([['Alva', 'Bert'], ['Cleo'], [], []]);
    });

    test('it combines with the history filter: both must hold', async () => {
      // Registrations arrive with no history taken; Dana's confirmed account keeps her out.
      const both = await list(`account=unconfirmed&history=incomplete&query=${FAMILY}`);
      expect(names(both)).toEqual(['Alva', 'Bert', 'Cleo']);
      const alva = ids.get('Alva')!;
      for (const l of ['conditions', 'medications', 'allergies']) {
        const r = await as(t.app, nurse)('PUT', `/api/patients/${alva}/history/${l}/none-known`);
        expect(r.statusCode, r.body).toBe(200);
      }
      const after = await list(`account=unconfirmed&history=incomplete&query=${FAMILY}`);
      expect(names(after)).toEqual(['Bert', 'Cleo']);
      expect(names(await list(`account=unconfirmed&query=${FAMILY}`))).toEqual([
        'Alva',
        'Bert',
        'Cleo',
      ]);
    });

    test('prescribers and admins may use it; a patient may not list anyone', async () => {
      for (const role of ['prescriber', 'admin'] as const) {
        const page = await list(
          `account=unconfirmed&query=${FAMILY}`,
          await login(t.app, DEMO[role]),
        );
        expect(names(page), role).toEqual(['Alva', 'Bert', 'Cleo']);
      }
      const patient = await login(t.app, DEMO.patient);
      const r = await as(t.app, patient)('GET', '/api/patients?account=unconfirmed');
      expect(r.statusCode, r.body).toBe(403);
    });

    test('a filtered listing is audited for each patient it returned, and for no other', async () => {
      const searches = async () =>
        (
          await t.database.query(
            `select patient_id, actor_role from audit_log where action = 'patient.search' order by id`,
          )
        ).map((row) => ({ patient: row.patient_id as string, role: row.actor_role as string }));
      const before = (await searches()).length;
      await list('account=unconfirmed&pageSize=100');
      const audited = (await searches()).slice(before);
      expect(audited.map((a) => a.patient).sort()).toEqual(
        ['Alva', 'Bert', 'Cleo'].map((n) => ids.get(n)).sort(),
      );
      expect(new Set(audited.map((a) => a.role))).toEqual(new Set(['nurse']));
    });

    test.each(['confirmed', 'UNCONFIRMED', 'true', '1', ''])(
      'account=%j is refused with a 400 naming the field',
      async (value) => {
        const r = await as(t.app, nurse)('GET', `/api/patients?account=${value}`);
        expect(r.statusCode, r.body).toBe(400);
        expect(r.json<Problem>().errors?.map((e) => e.path)).toEqual(['query.account']);
      },
    );

    test('the OpenAPI document describes the filter', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
        paths: Record<
          string,
          { get?: { parameters?: { name: string; in: string; schema: unknown }[] } }
        >;
      }>();
      const parameters = doc.paths['/api/patients']?.get?.parameters ?? [];
      const account = parameters.find((p) => p.name === 'account');
      expect(account?.in).toBe('query');
      expect(account?.schema).toMatchObject({ enum: ['unconfirmed'] });
    });
  },
);
