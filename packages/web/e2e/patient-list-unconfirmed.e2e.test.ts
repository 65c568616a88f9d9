import { describe, expect, test } from 'vitest';
import { demoEmails, takeScreenshot, useHarness } from './harness';
import { logIn, seriousViolations, waitForPath, waitForText } from './steps';

describe('finding online registrations whose e-mail was never confirmed', () => {
  const harness = useHarness();

  test('the filter, kept in the address, lists them with when they registered, and not the confirmed demo patient', async () => {
    const visitor = await harness.newPage();
    const registered = await visitor.request.post('/api/auth/register', {
      data: {
        email: 'rue.waiting@example.test',
        password: 'a-long-enough-passphrase',
        givenName: 'Rue',
        familyName: 'Stillpending',
        birthDate: '1988-08-08',
      },
    });
    expect(registered.status()).toBe(202);

    // The demo patient registered online too, and confirmed.
    const demoPatient = await harness.newPage();
    await logIn(demoPatient, demoEmails.patient);
    const me = await demoPatient.request.get('/api/auth/me');
    const { displayName } = ((await me.json()) as { user: { displayName: string } }).user;
    const demoFamilyName = displayName.split(' ').at(-1) ?? '';

    const nurse = await harness.newPage();
    await logIn(nurse, demoEmails.nurse);
    await nurse.goto(`/patients?query=${encodeURIComponent(demoFamilyName)}`);
    const table = nurse.getByRole('table', { name: 'Patients' });
    const demoRow = table.getByRole('row', { name: new RegExp(demoFamilyName) }).first();
    await demoRow.waitFor();
    // No column for it outside the filter.
    expect(await table.getByRole('columnheader', { name: 'Registered online' }).count()).toBe(0);

    await nurse.goto('/patients');
    const filter = nurse.getByRole('checkbox', {
      name: 'Only online registrations with the e-mail not confirmed',
    });
    await filter.check();
    await waitForPath(nurse, /^\/patients\?account=unconfirmed$/);
    const pages = nurse.getByRole('navigation', { name: 'Patient list pages' });
    await waitForText(pages, /^1 result/);
    const rue = table.getByRole('row', { name: /Stillpending, Rue/ });
    await waitForText(rue, 'E-mail not confirmed');
    expect(await table.getByRole('row', { name: new RegExp(demoFamilyName) }).count()).toBe(0);

    // The row says when Rue registered, in the browser's time zone.
    await table.getByRole('columnheader', { name: 'Registered online' }).waitFor();
    const { items } = (await (
      await nurse.request.get('/api/patients?account=unconfirmed')
    ).json()) as { items: { account: { registeredAt: string } }[] };
    const registeredAt = items[0]?.account.registeredAt ?? '';
    const day = await nurse.evaluate(
      (iso) =>
        new Intl.DateTimeFormat(undefined, {
          year: 'numeric',
          month: 'short',
          day: 'numeric',
        }).format(new Date(iso)),
      registeredAt,
    );
    const cells = rue.getByRole('cell');
    await waitForText(cells.nth(4), day);
    expect(await seriousViolations(nurse)).toEqual([]);
    await takeScreenshot(nurse, 'patient-list-unconfirmed-registrations', table);

    // The address keeps it: a reload comes back filtered, and a search adds to it.
    await nurse.reload();
    await waitForText(pages, /^1 result/);
    expect(await filter.isChecked()).toBe(true);
    await nurse.getByRole('searchbox', { name: 'Search patients' }).fill(demoFamilyName);
    await waitForPath(nurse, /account=unconfirmed/);
    await waitForPath(nurse, new RegExp(`query=${demoFamilyName}`));
    await waitForText(
      nurse.getByRole('main'),
      'No online registration with the e-mail not confirmed matches.',
    );

    // Off again: the demo patient shows.
    await filter.uncheck();
    await waitForPath(nurse, new RegExp(`^/patients\\?query=${demoFamilyName}$`));
    await demoRow.waitFor();

    // Back brings the filter back, box and all.
    await nurse.goBack();
    await waitForPath(nurse, /account=unconfirmed/);
    await waitForText(
      nurse.getByRole('main'),
      'No online registration with the e-mail not confirmed matches.',
    );
    expect(await filter.isChecked()).toBe(true);
  });
});
