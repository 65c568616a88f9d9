import { fileURLToPath } from 'node:url';
import {
  applyClinicSettings,
  estimateCourse,
  INDICATION_IDS,
  knowledgeBase,
  type CourseEstimate,
  type KnowledgeBase,
} from '@ketaflow/core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadClinicKnowledge } from '../src/knowledge';
import { createTestApp, type TestApp } from './harness';

const settingsFile = fileURLToPath(
  new URL('../../../docs/examples/clinic-settings-costs.json', import.meta.url),
);

/** Every text item of every page, joined with spaces (pdf.js, as a PDF reader sees it). */
async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: true }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, text: parts.join(' ').replace(/\s+/g, ' ') };
}

function coreEstimate(kb: KnowledgeBase, input: Parameters<typeof estimateCourse>[1]) {
  const result = estimateCourse(kb, input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('cost routes with the clinic prices and branding of the example settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', {
      demo: false,
      knowledge: loadClinicKnowledge(settingsFile),
    });
  });
  afterAll(async () => {
    await t.close();
  });

  test('GET /api/public/costs gives core estimates for every indication and the spray range', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/public/costs' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      clinicName: string;
      estimates: CourseEstimate[];
      nasalSpray: { text: string; basis: string; sources: { id: string }[] };
    }>();
    expect(body.clinicName).toBe('Harbour Ketamine Clinic');
    expect(body.estimates.map((e) => e.indication)).toEqual([...INDICATION_IDS]);
    for (const estimate of body.estimates) {
      expect(estimate).toEqual(
        coreEstimate(t.knowledge.kb, { indication: estimate.indication, includeConsult: true }),
      );
    }
    // depression: $250 + (1×4 to 2×6 = 4–12) × $450 = $250 + $1,800–$5,400 = $2,050–$5,650
    expect(body.estimates[0]?.total).toEqual({ minCents: 205_000, maxCents: 565_000 });
    // substance use has no clinic price in the example settings
    const sud = body.estimates.find((e) => e.indication === 'substance-use-disorder');
    expect(sud?.total).toBeNull();
    expect(sud?.lines[1]?.unitPrice).toEqual({ basis: 'ask-the-clinic' });
    expect(body.nasalSpray).toMatchObject({
      basis: 'source-range',
      text: '$600–$900',
      sources: [{ id: 'SEED' }],
    });
  });

  test('POST /api/public/costs/estimate equals core: 2 a week × 4 weeks × $450 + $250', async () => {
    const input = {
      indication: 'depression',
      sessionsPerWeek: 2,
      weeks: 4,
      includeConsult: true,
    } as const;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/public/costs/estimate',
      payload: input,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<CourseEstimate>();
    expect(body).toEqual(coreEstimate(t.knowledge.kb, input));
    expect(body.total).toEqual({ minCents: 385_000, maxCents: 385_000 });
    expect(body.lines[1]?.arithmetic).toBe('8 sessions × $450 = $3,600');
  });

  test('includeConsult defaults to true', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/public/costs/estimate',
      payload: { indication: 'ptsd', sessionsPerWeek: 1, weeks: 4 },
    });
    // $250 + 4 × $475 = $250 + $1,900 = $2,150
    expect(response.json<CourseEstimate>().total).toEqual({ minCents: 215_000, maxCents: 215_000 });
  });

  test('answers 400 naming the field when sessions per week are outside the protocol', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/public/costs/estimate',
      payload: { indication: 'depression', sessionsPerWeek: 3 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION.FAILED',
      errors: [{ path: 'body.sessionsPerWeek', code: 'COST.SESSIONS_OUTSIDE_PROTOCOL' }],
    });
  });

  test('answers 400 for an unknown indication', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/public/costs/estimate',
      payload: { indication: 'insomnia' },
    });
    expect(response.statusCode).toBe(400);
  });

  test('the PDF is a PDF, parses, and shows the branding, items and the same total', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/public/costs/good-faith-estimate.pdf?indication=depression&sessionsPerWeek=2&weeks=4&patientName=Alex%20Rivera',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, text } = await pdfText(response.rawPayload);
    expect(pages).toBe(1);
    const total = coreEstimate(t.knowledge.kb, {
      indication: 'depression',
      sessionsPerWeek: 2,
      weeks: 4,
      includeConsult: true,
    }).total;
    expect(total).toEqual({ minCents: 385_000, maxCents: 385_000 });
    for (const expected of [
      'Harbour Ketamine Clinic',
      '+1 555 010 0199',
      'Good Faith Estimate',
      'Patient: Alex Rivera',
      'Date of estimate: 2026-03-02',
      'Valid through: 2026-05-31',
      'KF-CONSULT',
      'KF-IV-KETAMINE',
      'Expected total: $3,850',
      '8 sessions × $450 = $3,600',
      'Total: $250 + $3,600 = $3,850',
      'No Surprises Act',
      '$4,250 or more',
    ])
      expect(text).toContain(expected);
  });

  test('a range estimate prints the range; a bad query is a 400 problem', async () => {
    const pdf = await t.app.inject({
      method: 'GET',
      url: '/api/public/costs/good-faith-estimate.pdf?indication=depression&includeConsult=false',
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await pdfText(pdf.rawPayload)).text).toContain('Expected total: $1,800–$5,400');

    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/public/costs/good-faith-estimate.pdf?indication=migraine&weeks=4',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      errors: [{ path: 'query.weeks', code: 'COST.AS_NEEDED_PROTOCOL' }],
    });
  });

  test('the OpenAPI document names the cost routes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, object>;
    }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/public/costs',
        '/api/public/costs/estimate',
        '/api/public/costs/good-faith-estimate.pdf',
      ]),
    );
  });

  test('GET /api/meta adds the clinic branding', async () => {
    const meta = (await t.app.inject({ method: 'GET', url: '/api/meta' })).json<{
      clinicName: string;
      branding: unknown;
    }>();
    expect(meta.clinicName).toBe('Harbour Ketamine Clinic');
    expect(meta.branding).toEqual({
      logo: null,
      primaryColor: '#1c5d99',
      contact: {
        phone: '+1 555 010 0199',
        email: 'frontdesk@harbour-clinic.example',
        address: '12 Harbour Street, Portland, ME 04101',
        website: 'https://harbour-clinic.example',
      },
    });
  });
});

describe('cost routes before the clinic sets prices', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', {
      demo: false,
      knowledge: { kb: knowledgeBase, clinicName: 'Test clinic', version: 'kb-test' },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  test('every estimate says ask the clinic, the PDF too, and meta has no branding', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/api/public/costs' })).json<{
      estimates: CourseEstimate[];
    }>();
    expect(body.estimates.every((e) => e.total === null)).toBe(true);
    const pdf = await t.app.inject({
      method: 'GET',
      url: '/api/public/costs/good-faith-estimate.pdf?indication=ptsd',
    });
    const { text } = await pdfText(pdf.rawPayload);
    expect(text).toContain('Test clinic');
    expect(text).toContain('ask the clinic');
    const meta = (await t.app.inject({ method: 'GET', url: '/api/meta' })).json<{
      branding: unknown;
    }>();
    expect(meta.branding).toBeNull();
  });
});

describe('the PDF with an inline logo', () => {
  const onePixelPng =
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
  let t: TestApp;
  beforeAll(async () => {
    const applied = applyClinicSettings(knowledgeBase, {
      clinicName: 'Logo Clinic',
      branding: { logo: onePixelPng, primaryColor: '#000000' },
    });
    if (!applied.ok) throw new Error(JSON.stringify(applied.error));
    const kb = applied.value;
    t = await createTestApp('pglite', {
      demo: false,
      knowledge: { kb, clinicName: 'Logo Clinic', version: kb.knowledgeVersion },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  test('embeds the logo as an image and still shows the text', async () => {
    const pdf = await t.app.inject({
      method: 'GET',
      url: '/api/public/costs/good-faith-estimate.pdf?indication=ocd',
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.toString('latin1')).toMatch(/\/Subtype \/Image/);
    expect((await pdfText(pdf.rawPayload)).text).toContain('Logo Clinic');
  });
});
