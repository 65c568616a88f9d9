import { fileURLToPath } from 'node:url';
import { formatMoneyRange } from '@ketaflow/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadClinicKnowledge, type ClinicKnowledge } from '../src/knowledge';
import { shellWithPage } from '../src/plugins/web-app';
import { costsOverview } from '../src/routes/costs/overview';
import { costsPage } from '../src/routes/education/pages/costs';
import { renderPrerenderedPage } from '../src/routes/education/render';
import { createTestApp, type TestApp } from './harness';
import { textOf } from './html-text';
import { shellSource, webAppWith } from './web-shell';

const settingsFile = fileURLToPath(
  new URL('../../../docs/examples/clinic-settings-costs.json', import.meta.url),
);
describe('/costs reads without JavaScript', () => {
  let knowledge: ClinicKnowledge;
  let web: FastifyInstance;
  let api: TestApp;

  beforeAll(async () => {
    knowledge = loadClinicKnowledge(settingsFile);
    web = await webAppWith({
      prerendered: [renderPrerenderedPage(costsPage, knowledge.kb, knowledge.clinicName)],
    });
    api = await createTestApp('pglite', { demo: false, knowledge });
  });
  afterAll(async () => {
    await web.close();
    await api.close();
  });

  test('the shell for /costs carries every estimate, the spray range and its own title', async () => {
    const response = await web.inject({ method: 'GET', url: '/costs?from=learn' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const html = response.body;
    // Still the web app: its script loads and replaces the page when JavaScript runs.
    expect(html).toContain('<script type="module" src="/src/main.tsx"></script>');
    expect(html).not.toContain('<noscript>');
    expect(html).toContain('<title>What treatment costs · Harbour Ketamine Clinic</title>');
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html.match(/name="description"/g)).toHaveLength(1);

    const text = textOf(html);
    const overview = costsOverview(knowledge.kb, knowledge.clinicName);
    for (const estimate of overview.estimates) {
      const total =
        estimate.total === null
          ? 'Ask the clinic'
          : formatMoneyRange(estimate.total, estimate.currency);
      expect(text).toContain(`${estimate.indicationName} Consultation`);
      const cell = new RegExp(
        `data-testid="static-total-${estimate.indication}"><strong>([^<]*)</strong>`,
      ).exec(html);
      expect(cell?.[1], estimate.indication).toBe(total);
      for (const line of estimate.lines) expect(text).toContain(line.arithmetic);
    }
    // Prices ("$450") survive the fill into the shell: no replacement patterns.
    expect(text).toContain(`A 30-day supply usually costs ${overview.nasalSpray.text}`);
    expect(overview.nasalSpray.text).toBe('$600–$900');
    expect(text).toContain('+1 555 010 0199');
    expect(text).toContain('Esketamine nasal spray (Spravato)');
  });

  test('other paths get the shell as built', async () => {
    const response = await web.inject({ method: 'GET', url: '/check' });
    expect(response.body).toBe(shellSource);
  });

  test('an index.html without an empty root is served as it is', () => {
    const page = renderPrerenderedPage(costsPage, knowledge.kb, knowledge.clinicName);
    expect(shellWithPage('<html><body><div id="app"></div></body></html>', page)).toBeUndefined();
  });

  test('the page form asks for the PDF with empty fields, which mean "as the protocol gives"', async () => {
    const html = renderPrerenderedPage(costsPage, knowledge.kb, knowledge.clinicName).html;
    expect(html).toContain('action="/api/public/costs/good-faith-estimate.pdf"');
    const names = [...html.matchAll(/<(?:input|select)[^>]* name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual([
      'indication',
      'sessionsPerWeek',
      'weeks',
      'includeConsult',
      'patientName',
    ]);

    // What a browser sends for the form left as it is.
    const pdf = await api.app.inject({
      method: 'GET',
      url: '/api/public/costs/good-faith-estimate.pdf?indication=depression&sessionsPerWeek=&weeks=&includeConsult=true&patientName=',
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const same = await api.app.inject({
      method: 'GET',
      url: '/api/public/costs/good-faith-estimate.pdf?indication=depression',
    });
    expect(pdf.rawPayload.length).toBe(same.rawPayload.length);

    // A value that is there is still checked, and the error names the field.
    const zero = await api.app.inject({
      method: 'GET',
      url: '/api/public/costs/good-faith-estimate.pdf?indication=depression&sessionsPerWeek=0&weeks=',
    });
    expect(zero.statusCode).toBe(400);
    expect(zero.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual([
      'query.sessionsPerWeek',
    ]);
  });
});
