import { listIndications } from '@ketaflow/core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EDUCATION_PAGES, indicationPath } from '../src/routes/education/catalog';
import { landingPage } from '../src/routes/education/pages/landing';
import { renderPrerenderedPage } from '../src/routes/education/render';
import { createTestApp, type TestApp } from './harness';
import { textOf } from './html-text';
import { shellSource, webAppWith } from './web-shell';

/** The paths the web app's router knows (its route table's `path: '...'` entries). */
const appPaths = [
  ...readFileSync(
    fileURLToPath(new URL('../../web/src/app/router.tsx', import.meta.url)),
    'utf8',
  ).matchAll(/path: '([^']+)'/g),
].map((m) => m[1]);

describe('/ reads without JavaScript', () => {
  let api: TestApp;
  let web: FastifyInstance;

  beforeAll(async () => {
    api = await createTestApp('pglite', { demo: false });
    const { kb, clinicName } = api.knowledge;
    web = await webAppWith({ prerendered: [renderPrerenderedPage(landingPage, kb, clinicName)] });
  });
  afterAll(async () => {
    await web.close();
    await api.close();
  });

  test('the shell for / carries the landing text, its title and the app script', async () => {
    const response = await web.inject({ method: 'GET', url: '/?utm=letter' });
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('<script type="module" src="/src/main.tsx"></script>');
    expect(html).not.toContain('<noscript>');
    expect(html).toContain(
      `<title>Ketamine and esketamine care · ${api.knowledge.clinicName}</title>`,
    );
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    const text = textOf(html);
    expect(text).toContain(
      `${api.knowledge.clinicName} treats patients with ketamine infusions and esketamine nasal spray`,
    );
    for (const name of listIndications(api.knowledge.kb).map((i) => i.displayName))
      expect(text).toContain(name);
  });

  test('every link on the landing page leads somewhere that answers', async () => {
    const html = renderPrerenderedPage(
      landingPage,
      api.knowledge.kb,
      api.knowledge.clinicName,
    ).html;
    const links = new Set([...html.matchAll(/href="([^"#]+)"/g)].map((m) => m[1]!));
    // The education pages, every condition, the next steps and the account pages.
    for (const path of [
      ...EDUCATION_PAGES.map((p) => p.path),
      ...listIndications(api.knowledge.kb).map((i) => indicationPath(i.id)),
      '/check',
      '/consult',
      '/costs',
      '/login',
      '/register',
    ])
      expect(links, path).toContain(path);
    for (const link of links) {
      if (link.startsWith('/learn')) {
        const page = await api.app.inject({ method: 'GET', url: link });
        expect(page.statusCode, link).toBe(200);
      } else {
        // The app's own pages: a route of the web app's router, which the shell then shows.
        expect(appPaths, link).toContain(link);
      }
    }
  });

  test('other paths still get the shell as built', async () => {
    const response = await web.inject({ method: 'GET', url: '/login' });
    expect(response.body).toBe(shellSource);
  });
});
