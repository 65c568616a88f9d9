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

  test('staff correct a mistyped address; the link goes to the new one and logs the patient in', async () => {
    const typo = 'ash.neverarrived@exmaple.test';
    const right = 'ash.neverarrived@example.test';
    const visitor = await harness.newPage();
    const registered = await visitor.request.post('/api/auth/register', {
      data: {
        email: typo,
        password: 'a-long-enough-passphrase',
        givenName: 'Ash',
        familyName: 'Mistyped',
        birthDate: '1981-01-01',
      },
    });
    expect(registered.status()).toBe(202);

    const nurse = await harness.newPage();
    await logIn(nurse, demoEmails.nurse);
    await nurse.goto('/patients?query=Mistyped');
    await nurse.getByRole('link', { name: 'Mistyped, Ash' }).click();
    await waitForPath(nurse, /^\/patients\/[\w-]+$/);
    const demographics = nurse.getByRole('region', { name: 'Demographics' });
    const notice = demographics.getByRole('alert').filter({ hasText: 'E-mail not confirmed' });
    await waitForText(notice, typo);
    await notice.getByRole('button', { name: 'Correct the address' }).click();
    const field = notice.getByRole('textbox', { name: "The patient's correct address" });
    // The client check names the field before anything is sent.
    await field.fill('ash at example');
    await notice.getByRole('button', { name: 'Save and send link' }).click();
    await waitForText(notice, 'Enter a valid email address');
    // An address another account uses is refused by the server, beside the field.
    await field.fill(demoEmails.patient);
    await notice.getByRole('button', { name: 'Save and send link' }).click();
    await waitForText(notice, 'is the log-in address of another online account');
    await field.fill(right);
    await notice.getByRole('button', { name: 'Save and send link' }).click();
    await waitForText(notice.getByRole('status'), `The account’s address is now ${right}`);
    await waitForText(notice, `with the address ${right}`);
    expect(await seriousViolations(nurse)).toEqual([]);
    await takeScreenshot(nurse, 'unconfirmed-email-address-corrected', demographics);

    const patient = await harness.newPage();
    await patient.goto(await verificationLinkFor(await harness.newPage(), right));
    await waitForPath(patient, /^\/me/);
  });
});
