import { describe, expect, test } from 'vitest';
import { demoEmails, takeScreenshot, useHarness } from './harness';
import { logIn, seriousViolations, verificationLinkFor, waitForPath, waitForText } from './steps';

describe('a self-registered patient who never confirmed their e-mail', () => {
  const harness = useHarness();

  test('staff see the badge on the list and the record, and send a new confirmation link', async () => {
    const email = 'kit.unconfirmed@example.test';
    const visitor = await harness.newPage();
    const registered = await visitor.request.post('/api/auth/register', {
      data: {
        email,
        password: 'a-long-enough-passphrase',
        givenName: 'Kit',
        familyName: 'Neverclicked',
        birthDate: '1979-09-09',
      },
    });
    expect(registered.status()).toBe(202);
    const firstLink = await verificationLinkFor(await harness.newPage(), email);

    const nurse = await harness.newPage();
    await logIn(nurse, demoEmails.nurse);
    await nurse.goto('/patients?query=Neverclicked');
    const row = nurse
      .getByRole('table', { name: 'Patients' })
      .getByRole('row', { name: /Neverclicked, Kit/ });
    await waitForText(row, 'E-mail not confirmed');
    // The demo patient, whose account is confirmed, carries no badge.
    const demoPatient = await harness.newPage();
    await logIn(demoPatient, demoEmails.patient);
    const me = await demoPatient.request.get('/api/auth/me');
    const { displayName } = ((await me.json()) as { user: { displayName: string } }).user;
    const familyName = displayName.split(' ').at(-1) ?? '';
    await nurse.goto(`/patients?query=${encodeURIComponent(familyName)}`);
    const demoRow = nurse
      .getByRole('table', { name: 'Patients' })
      .getByRole('row', { name: new RegExp(familyName) })
      .first();
    await demoRow.waitFor();
    expect(await demoRow.getByText('E-mail not confirmed').count()).toBe(0);

    await nurse.goto('/patients?query=Neverclicked');
    await row.getByRole('link', { name: 'Neverclicked, Kit' }).click();
    await waitForPath(nurse, /^\/patients\/[\w-]+$/);
    const demographics = nurse.getByRole('region', { name: 'Demographics' });
    const notice = demographics.getByRole('alert').filter({ hasText: 'E-mail not confirmed' });
    await waitForText(notice, email);
    expect(await seriousViolations(nurse)).toEqual([]);

    await notice.getByRole('button', { name: 'Send a new confirmation link' }).click();
    await waitForText(notice.getByRole('status'), `A new link was sent to ${email}`);
    await takeScreenshot(nurse, 'unconfirmed-email-link-sent', demographics);

    // The outbox has the new link, which replaced the one from the registration.
    const newLink = await verificationLinkFor(await harness.newPage(), email);
    expect(newLink).not.toBe(firstLink);
    const patient = await harness.newPage();
    await patient.goto(newLink);
    await waitForPath(patient, /^\/me/);
  });
});
