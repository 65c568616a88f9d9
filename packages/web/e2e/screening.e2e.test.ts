import {
  conditionsAnswerChoices,
  initialSelfScreeningValues,
  selfScreeningValueErrors,
} from '@ketaflow/core';
import type { Locator, Page, Request } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Session } from '../src/api/auth-types';
import type { Patient } from '../src/api/patient-types';
import type {
  Screening,
  SelfScreeningAnswer,
  SelfScreeningAnswers,
  SelfScreeningQuestions,
} from '../src/api/screening-types';
import { decisionLabels, statusLabels } from '../src/screening/labels';
import { reasonLabel, warningsToAccept } from '../src/screening/warning-codes';
import { demoEmails, takeScreenshot, useHarness } from './harness';
import { label, logIn, verificationLinkFor, waitForPath, waitForText } from './steps';

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };
const tablet = { width: 820, height: 1180 };

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

/** Picks `name` from the medication autocomplete after typing `typed`, and waits for its chip. */
async function pickMedication(page: Page, typed: string, name: string): Promise<void> {
  const input = page.getByRole('combobox', { name: 'Medicines you take now' });
  await input.fill(typed);
  await page.getByRole('option', { name, exact: true }).click();
  await page.locator('.mantine-TagsInput-pill', { hasText: name }).waitFor();
}

/**
 * Submits the questionnaire and returns what the page sent and what the server answered, so the
 * assertions compare the screen with the API rather than with wording copied from it.
 */
async function submitAnswers(
  page: Page,
): Promise<{ sent: SelfScreeningAnswers; answer: SelfScreeningAnswer }> {
  const responded = page.waitForResponse(
    (r) => r.url().endsWith('/api/public/self-screening') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'See my answer' }).click();
  const response = await responded;
  expect(response.status()).toBe(200);
  const sent = response.request().postDataJSON() as SelfScreeningAnswers;
  const answer = (await response.json()) as SelfScreeningAnswer;
  return { sent, answer };
}

/** The answer region shows the server's title, message, reasons and what the consult checks. */
async function expectAnswerShown(page: Page, answer: SelfScreeningAnswer): Promise<Locator> {
  const region = page.getByRole('region', { name: answer.title });
  await waitForText(region, answer.message);
  const text = (await region.textContent()) ?? '';
  for (const reason of answer.reasons) expect(text).toContain(reason.summary);
  for (const item of answer.checkAtConsult) expect(text).toContain(item);
  return region;
}

async function csrfToken(page: Page): Promise<string> {
  return (await getJson<Session>(page, '/api/auth/me')).csrfToken;
}

async function screeningsOf(page: Page, patientId: string): Promise<Screening[]> {
  return (await getJson<{ items: Screening[] }>(page, `/api/patients/${patientId}/screenings`))
    .items;
}

/**
 * A demo woman of child-bearing age with no screening, blood pressure or pregnancy status on
 * record, found through the API: the outcomes demo data screens some demo patients (Raman among
 * them), so a named patient may already have a history.
 */
async function unscreenedWoman(page: Page): Promise<Patient> {
  const list = await getJson<{ items: Patient[] }>(page, '/api/patients?pageSize=100');
  for (const candidate of list.items) {
    if (candidate.sex !== 'female' || candidate.birthDate < '1980-01-01') continue;
    const patient = await getJson<Patient>(page, `/api/patients/${candidate.id}`);
    if (patient.bloodPressures.length > 0 || patient.reproductiveStatuses.length > 0) continue;
    if (patient.conditions.some((c) => /pregnan/i.test(c.text))) continue;
    if ((await screeningsOf(page, patient.id)).length > 0) continue;
    return patient;
  }
  throw new Error('no demo woman without screenings');
}

/** Waits until the history table lists `count` screenings. */
async function waitForHistoryRows(page: Page, count: number): Promise<void> {
  const rows = page.getByRole('table', { name: 'Screening history' }).locator('tbody tr');
  const deadline = Date.now() + 15_000;
  while ((await rows.count()) !== count) {
    if (Date.now() > deadline) throw new Error(`history never showed ${String(count)} rows`);
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }
}

describe('eligibility screening in the browser', () => {
  const harness = useHarness();

  test('a visitor self-screens on a phone, is told what their answers imply, and registers with them', async () => {
    const page = await harness.newPage(phone);
    await page.goto('/');
    await page.getByRole('link', { name: 'Check if ketamine may suit you' }).click();
    await waitForPath(page, '/check');
    const questions = await getJson<SelfScreeningQuestions>(
      page,
      '/api/public/self-screening/questions',
    );
    const indication = questions.indications.find((i) => i.id === 'depression');
    if (indication === undefined) throw new Error('depression is not offered');

    await takeScreenshot(page, 'self-screening-start');
    await page.getByLabel(label('What would you like treatment for?')).selectOption(indication.id);
    await page.getByLabel(label('Your age')).fill('34');
    await page
      .getByRole('radiogroup', { name: label('Sex') })
      .getByLabel('Female')
      .check();
    // Pregnancy and breastfeeding are asked only once the answers make them possible.
    const pregnancy = page.getByRole('radiogroup', { name: 'Are you pregnant, or could you be?' });
    await pregnancy.getByLabel('No', { exact: true }).check();
    await page
      .getByRole('radiogroup', { name: 'Are you breastfeeding?' })
      .getByLabel('No', { exact: true })
      .check();
    await takeScreenshot(page, 'self-screening-pregnancy', pregnancy);
    await pickMedication(page, 'sertr', 'sertraline');
    await page.getByLabel(label('Top number (systolic)')).fill('122');
    await page.getByLabel(label('Bottom number (diastolic)')).fill('78');
    await takeScreenshot(page, 'self-screening-questions');

    // No tick in the conditions list is no answer (never "none of these"): the form says so and
    // sends nothing until the question is answered.
    const unanswered = selfScreeningValueErrors(initialSelfScreeningValues).conditions ?? '';
    let posts = 0;
    const countPost = (request: Request) => {
      if (request.url().endsWith('/api/public/self-screening')) posts += 1;
    };
    page.on('request', countPost);
    await page.getByRole('button', { name: 'See my answer' }).click();
    await page.getByText(unanswered, { exact: true }).waitFor();
    page.off('request', countPost);
    expect(posts).toBe(0);
    const [noneApply, notSure] = conditionsAnswerChoices;
    if (noneApply === undefined || notSure === undefined) throw new Error('no conditions answers');
    await page.getByLabel(notSure.label, { exact: true }).check();
    await page.getByLabel(noneApply.label, { exact: true }).check();
    // "None of these apply to me" goes alone: it clears "not sure".
    expect(await page.getByLabel(notSure.label, { exact: true }).isChecked()).toBe(false);
    await takeScreenshot(page, 'self-screening-conditions-none');

    // An antidepressant and a recent normal blood pressure: nothing that needs a clinician.
    const first = await submitAnswers(page);
    expect(first.sent.conditions).toEqual([]);
    expect(first.sent.conditionsAnswer).toBe('none');
    expect(first.sent.medications).toEqual(['sertraline']);
    expect(first.sent.bloodPressure).toEqual({ systolicMmHg: 122, diastolicMmHg: 78 });
    expect(first.answer.outcome).toBe('may-suit');
    expect(first.answer.reasons.every((r) => r.severity === 'info')).toBe(true);
    await expectAnswerShown(page, first.answer);
    await takeScreenshot(page, 'self-screening-may-suit');

    // A benzodiazepine picked by its brand name: a clinician needs to look.
    await page.getByRole('button', { name: 'Change my answers' }).click();
    await pickMedication(page, 'xana', 'Xanax');
    const second = await submitAnswers(page);
    expect(second.sent.medications).toEqual(['sertraline', 'Xanax']);
    expect(second.answer.outcome).toBe('clinician-review');
    expect(second.answer.reasons.some((r) => r.severity === 'warning')).toBe(true);
    await expectAnswerShown(page, second.answer);
    await takeScreenshot(page, 'self-screening-clinician-review');

    // A contraindication: not suitable, with other treatments to discuss.
    await page.getByRole('button', { name: 'Change my answers' }).click();
    const psychosis = questions.conditions.find((c) => c.code === 'CI.SCHIZOPHRENIA_OR_PSYCHOSIS');
    if (psychosis === undefined) throw new Error('the psychosis question is missing');
    await page.getByLabel(psychosis.label, { exact: true }).check();
    // Ticking a condition clears "None of these apply to me".
    expect(await page.getByLabel(noneApply.label, { exact: true }).isChecked()).toBe(false);
    const third = await submitAnswers(page);
    expect(third.sent.conditions).toEqual([psychosis.code]);
    expect(third.sent.conditionsAnswer).toBeUndefined();
    expect(third.answer.outcome).toBe('not-suitable');
    const region = await expectAnswerShown(page, third.answer);
    const [alternatives] = third.answer.alternatives;
    if (alternatives === undefined) throw new Error('no alternatives for a contraindication');
    const medicines =
      (await region.getByRole('list', { name: 'Medicines to discuss' }).textContent()) ?? '';
    for (const medicine of alternatives.medications) {
      expect(medicines).toContain(medicine.generic);
      for (const brand of medicine.brands) expect(medicines).toContain(brand);
    }
    const nonDrug =
      (await region.getByRole('list', { name: 'Options without medicine' }).textContent()) ?? '';
    for (const option of alternatives.nonDrugOptions) expect(nonDrug).toContain(option);
    await takeScreenshot(page, 'self-screening-not-suitable', region);
    await takeScreenshot(page, 'self-screening-alternatives', region.getByRole('list').last());

    // Registration carries the answers as the new patient's intake.
    await region.getByRole('button', { name: 'Create an account to book a consult' }).click();
    await waitForPath(page, '/register');
    const keep = page.getByLabel('Add my self-check answers to my record');
    expect(await keep.isChecked()).toBe(true);
    await page.getByLabel(label('Given name')).fill('Sam');
    await page.getByLabel(label('Family name')).fill('Intake');
    await page.getByLabel(label('Date of birth')).fill('1991-05-02');
    await page.getByLabel(label('Email')).fill('sam.intake@example.test');
    await page.getByLabel(label('Password')).fill('a-long-enough-passphrase');
    await takeScreenshot(page, 'self-screening-register', keep);
    const registered = page.waitForResponse((r) => r.url().endsWith('/api/auth/register'));
    await page.getByRole('button', { name: 'Create account' }).click();
    const registration = await registered;
    expect(registration.status()).toBe(202);
    expect((registration.request().postDataJSON() as { intake?: unknown }).intake).toEqual(
      third.sent,
    );
    // The account is usable once the link mailed to the address is opened.
    await waitForText(
      page.getByRole('status').filter({ hasText: 'Check your e-mail' }),
      'sam.intake@example.test',
    );
    await page.goto(await verificationLinkFor(await harness.newPage(), 'sam.intake@example.test'));
    await waitForPath(page, '/me');

    const session = await getJson<Session>(page, '/api/auth/me');
    const patientId = session.user.patientId;
    if (patientId === null) throw new Error('the new account has no patient record');
    const patient = await getJson<Patient>(page, `/api/patients/${patientId}`);
    expect(patient.medications.map((m) => m.text).sort()).toEqual(['Xanax', 'sertraline'].sort());
    expect(patient.medications.every((m) => m.status === 'active')).toBe(true);
    const intakeCondition = patient.conditions.find((c) => c.text.startsWith(psychosis.label));
    expect(intakeCondition?.verificationStatus).toBe('unconfirmed');
    // The patient sees the intake on their own record.
    await waitForText(page.getByRole('region', { name: 'Medications', exact: true }), 'Xanax');
    await waitForText(
      page.getByRole('region', { name: 'Conditions', exact: true }),
      psychosis.label,
    );
    await takeScreenshot(page, 'self-screening-intake-on-record');
  });

  test('a nurse completes the record and screens; a prescriber signs; a record change makes it stale', async () => {
    const nurse = await harness.newPage(desktop);
    await logIn(nurse, demoEmails.nurse);
    const patientId = (await unscreenedWoman(nurse)).id;
    // A benzodiazepine, so the screening has a warning for the prescriber to accept.
    const benzodiazepine = await nurse.request.post(`/api/patients/${patientId}/medications`, {
      headers: { 'x-csrf-token': await csrfToken(nurse) },
      data: { text: 'Xanax 0.5 mg tab prn', status: 'active' },
    });
    expect(benzodiazepine.status()).toBe(201);
    await nurse.goto(`/patients/${patientId}`);
    await nurse.getByRole('link', { name: 'Screening', exact: true }).click();
    await waitForPath(nurse, `/patients/${patientId}/screening`);

    // Screen first: the record lacks a blood pressure, a pregnancy and a breastfeeding status.
    await nurse.getByLabel(label('Indication')).selectOption('anxiety');
    // The product is named as written, only its first letter in lower case.
    await nurse.getByText('No current screening for Anxiety with ketamine IV infusion.').waitFor();
    const screened = nurse.waitForResponse(
      (r) => r.url().endsWith(`/api/patients/${patientId}/screenings`) && r.status() === 201,
    );
    await nurse.getByRole('button', { name: 'Screen now' }).click();
    const first = (await (await screened).json()) as Screening;
    const missing = first.result.findings
      .filter((f) => f.kind === 'missing-data')
      .map((f) => f.code);
    expect(missing).toContain('SCREEN.MISSING_BLOOD_PRESSURE');
    expect(missing).toContain('SCREEN.MISSING_PREGNANCY_STATUS');
    expect(missing).toContain('SCREEN.MISSING_BREASTFEEDING_STATUS');
    const section = nurse.getByRole('region', { name: 'Screening', exact: true });
    await waitForText(section, `Decision: ${decisionLabels[first.result.decision].label}`);
    const warnings = section.getByRole('region', { name: /^Warning \(/ });
    for (const finding of first.result.findings.filter((f) => f.severity === 'warning'))
      await waitForText(warnings, finding.summary);
    await takeScreenshot(nurse, 'screening-missing-data', section);

    // A blood pressure: the screening is run again and the first one is kept as stale.
    await nurse.getByLabel(label('Systolic (mmHg)')).fill('124');
    await nurse.getByLabel(label('Diastolic (mmHg)')).fill('78');
    await nurse.getByRole('button', { name: 'Record blood pressure' }).click();
    await waitForHistoryRows(nurse, 2);
    const afterBp = await screeningsOf(nurse, patientId);
    expect(afterBp.map((s) => s.status)).toEqual(['current', 'stale']);
    expect(afterBp[1]?.supersededBy).toBe(afterBp[0]?.id);
    const afterBpCodes = afterBp[0]?.result.findings.map((f) => f.code) ?? [];
    expect(afterBpCodes).not.toContain('SCREEN.MISSING_BLOOD_PRESSURE');
    const facts = nurse.getByRole('table', { name: 'Facts screened' });
    await waitForText(facts, '124/78 mmHg');

    // Pregnancy status and breastfeeding, as asked today.
    await nurse.getByLabel(label('Pregnancy status')).selectOption('not-pregnant');
    await nurse.getByLabel(label('Breastfeeding')).selectOption('no');
    await nurse.getByRole('button', { name: 'Record pregnancy status' }).click();
    await waitForHistoryRows(nurse, 3);
    const ready = (await screeningsOf(nurse, patientId))[0];
    if (ready === undefined) throw new Error('no screening after the pregnancy status');
    expect(ready.status).toBe('current');
    expect(ready.result.findings.filter((f) => f.kind === 'missing-data')).toEqual([]);
    expect(ready.input.pregnancy?.status).toBe('not-pregnant');
    await waitForText(facts, 'Not pregnant');
    // A nurse completes and screens; only a prescriber signs.
    expect(await nurse.getByRole('button', { name: 'Sign screening' }).count()).toBe(0);
    await takeScreenshot(nurse, 'screening-nurse-complete');

    // The prescriber reviews on a tablet and accepts each warning with a reason.
    const prescriber = await harness.newPage(tablet);
    await logIn(prescriber, demoEmails.prescriber);
    await prescriber.goto(`/patients/${patientId}/screening`);
    const toAccept = warningsToAccept(ready.result);
    expect(toAccept.length).toBeGreaterThan(0);
    const reasonFields = toAccept.map((w) => prescriber.getByLabel(label(reasonLabel(w))));
    await reasonFields[0]?.waitFor();
    await prescriber.getByRole('button', { name: 'Sign screening' }).click();
    await waitForText(
      prescriber.getByRole('region', { name: 'Screening', exact: true }),
      'Give a reason for accepting this warning',
    );
    const reasons = new Map(toAccept.map((w) => [w.code, `Discussed ${w.code} with the patient`]));
    for (const [index, warning] of toAccept.entries())
      await reasonFields[index]?.fill(reasons.get(warning.code) ?? '');
    await takeScreenshot(prescriber, 'screening-sign-reasons', reasonFields[0]);
    const signedResponse = prescriber.waitForResponse((r) =>
      r.url().endsWith(`/api/screenings/${ready.id}/sign`),
    );
    await prescriber.getByRole('button', { name: 'Sign screening' }).click();
    expect((await signedResponse).status()).toBe(200);
    const signed = await getJson<Screening>(prescriber, `/api/screenings/${ready.id}`);
    expect(signed.status).toBe('signed');
    expect(signed.acceptances).toEqual(
      toAccept.map((w) => ({ code: w.code, reason: reasons.get(w.code) })),
    );
    const signature = prescriber.getByRole('region', { name: 'Signed' });
    await waitForText(signature, signed.signedBy?.displayName ?? 'a signer');
    for (const reason of reasons.values()) await waitForText(signature, reason);
    await waitForText(
      prescriber.getByRole('region', { name: 'Screening', exact: true }),
      `Status: ${statusLabels.signed.label}`,
    );
    expect(await prescriber.getByRole('button', { name: 'Sign screening' }).count()).toBe(0);
    await takeScreenshot(prescriber, 'screening-signed', signature);

    // A change to the record (a new medication) makes the signed screening stale.
    const added = await prescriber.request.post(`/api/patients/${patientId}/medications`, {
      headers: { 'x-csrf-token': await csrfToken(prescriber) },
      data: { text: 'Oxycodone 5 mg tablet', status: 'active' },
    });
    expect(added.status()).toBe(201);
    const afterChange = await screeningsOf(prescriber, patientId);
    const [current, previous] = afterChange;
    expect(current?.status).toBe('current');
    expect(previous?.id).toBe(ready.id);
    expect(previous?.status).toBe('signed-stale');
    expect(previous?.supersededBy).toBe(current?.id);
    await prescriber.reload();
    const section2 = prescriber.getByRole('region', { name: 'Screening', exact: true });
    await waitForText(section2, `Status: ${statusLabels.current.label}`);
    await waitForHistoryRows(prescriber, afterChange.length);
    const history = prescriber.getByRole('table', { name: 'Screening history' });
    await waitForText(history, statusLabels['signed-stale'].label);
    await prescriber.getByRole('button', { name: 'Sign screening' }).waitFor();
    await takeScreenshot(prescriber, 'screening-stale-history', history);

    // The stale signed screening stays readable, with its signature and a way to the newer one.
    await history.getByRole('button', { name: 'Show', exact: true }).first().click();
    await waitForText(section2, `Status: ${statusLabels['signed-stale'].label}`);
    await waitForText(
      prescriber.getByRole('region', { name: 'Signed' }),
      signed.signedBy?.displayName ?? '',
    );
    await takeScreenshot(prescriber, 'screening-stale-signed-view', section2);
  });
});
