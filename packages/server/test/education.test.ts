import { knowledgeBase as kbDefault, listIndications, type KnowledgeBase } from '@ketaflow/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EDUCATION_PAGES, indicationPath } from '../src/routes/education/catalog';
import { formatRange, forPatients } from '../src/routes/education/format';
import { renderEducationSite } from '../src/routes/education/routes';
import { createTestApp, type TestApp } from './harness';
import { textOf } from './html-text';

let t: TestApp;
let kb: KnowledgeBase;

beforeAll(async () => {
  t = await createTestApp('pglite', { demo: false });
  kb = t.knowledge.kb;
});
afterAll(async () => {
  await t.close();
});

const BUDGET_BYTES = 100 * 1024;

async function fetchPage(path: string) {
  const res = await t.app.inject({ method: 'GET', url: path });
  return { status: res.statusCode, type: res.headers['content-type'], html: res.body };
}

function allPaths(): string[] {
  return [
    '/learn',
    ...EDUCATION_PAGES.map((p) => p.path),
    ...listIndications(kb).map((i) => indicationPath(i.id)),
  ];
}

describe('education pages', () => {
  test('every page is a complete HTML document with title, description, one h1, landmarks and a skip link', async () => {
    for (const path of allPaths()) {
      const page = await fetchPage(path);
      expect(page.status, path).toBe(200);
      expect(page.type, path).toMatch(/^text\/html/);
      const { html } = page;
      expect(html.startsWith('<!DOCTYPE html><html lang="en">'), path).toBe(true);
      expect(html, path).toMatch(/<title>[^<]{10,}<\/title>/);
      expect(html, path).toMatch(/<meta name="description" content="[^"]{40,}"\/>/);
      expect(html.match(/<h1[\s>]/g)?.length, path).toBe(1);
      for (const tag of ['<header', '<nav', '<main id="main"', '<footer'])
        expect(html, path).toContain(tag);
      expect(html, path).toContain('href="#main"');
      expect(html, path).not.toContain('<script');
      for (const link of ['/check', '/consult', '/costs'])
        expect(html, path).toContain(`href="${link}"`);
    }
  });

  test.each(listIndications(kbDefault).map((i) => [i.id]))(
    'the %s page shows the knowledge base numbers of its protocol',
    async (id) => {
      const indication = kb.indications.find((i) => i.id === id)!;
      const protocol = kb.protocols[indication.id];
      const page = await fetchPage(indicationPath(id));
      expect(page.status).toBe(200);
      const text = textOf(page.html);
      expect(text).toContain(
        `${formatRange(protocol.doseMgPerKg.min, protocol.doseMgPerKg.max)} mg/kg`,
      );
      expect(text).toContain(
        `${formatRange(protocol.durationMin.min, protocol.durationMin.max)} minutes`,
      );
      if (protocol.sessionsPerWeek === null) {
        expect(text).toContain(protocol.seedWording.frequency);
      } else {
        const { min, max } = protocol.sessionsPerWeek;
        expect(text).toContain(`${formatRange(min, max)} sessions a week`);
      }
      if (protocol.courseLength !== null) {
        const { minWeeks, maxWeeks } = protocol.courseLength;
        expect(text).toContain(`${formatRange(minWeeks, maxWeeks)} weeks`);
      }
      expect(text).toContain(forPatients(indication.evidenceSummary));
      for (const m of kb.alternatives[indication.id].medications) expect(text).toContain(m.generic);
      for (const o of kb.alternatives[indication.id].nonDrugOptions) expect(text).toContain(o);
    },
  );

  test('an unknown indication answers 404', async () => {
    expect((await fetchPage('/learn/indications/not-a-condition')).status).toBe(404);
  });

  test("patients read no internal words, codes or lower-cased acronyms, and no 'a' before a vowel", async () => {
    for (const path of allPaths()) {
      // The source list names the seed page by its title; the text above it must not say "seed".
      const text = textOf((await fetchPage(path)).html).split(' Sources ')[0] ?? '';
      expect(text, path).not.toMatch(/\bseed\b/i);
      expect(text, path).not.toMatch(/\b(CI|PL|IX|SCREEN)\.[A-Z_]+/);
      expect(text, path).not.toMatch(/schedule esketamine-/);
      expect(text, path).not.toMatch(/\((ptsd|ocd|nmda)\)/);
      expect(text, path).not.toMatch(/\ba [aeiou]/);
    }
    const therapy = textOf((await fetchPage('/learn/ketamine-therapy')).html);
    expect(therapy).toContain('an N-methyl-D-aspartate (NMDA) receptor antagonist');
    const ocd = textOf((await fetchPage(indicationPath('ocd'))).html);
    expect(ocd).toContain('Ketamine for obsessive-compulsive disorder (OCD)');
    // The seed gives a total dose over 1-4 hours, not an hourly rate.
    const migraine = textOf((await fetchPage(indicationPath('migraine'))).html);
    expect(migraine).toContain('a total of 0.1-0.5 mg/kg spread over 1-4 hours');
  });

  test('every page stays under 100 KB transferred, HTML and its (inline) CSS together', async () => {
    for (const path of allPaths()) {
      const res = await t.app.inject({ method: 'GET', url: path });
      // No linked stylesheets, scripts or images: the document is everything a phone downloads.
      expect(res.body, path).not.toMatch(/<link rel="stylesheet"|<script|<img/);
      expect(res.rawPayload.byteLength, path).toBeLessThan(BUDGET_BYTES);
    }
  });

  test('the seed facts are all there: six contraindications, five interaction classes with examples, alternatives', async () => {
    const who = textOf((await fetchPage('/learn/who-should-not')).html);
    const seedCis = kb.contraindications.filter((c) => c.origin.includes('seed'));
    expect(seedCis).toHaveLength(6);
    for (const c of seedCis) expect(who).toContain(c.name);
    for (const name of [
      'blood pressure',
      'stroke',
      'aneurysm',
      'heart',
      'schizophrenia',
      'psychosis',
      'Pregnancy',
      'liver',
    ])
      expect(who.toLowerCase()).toContain(name.toLowerCase());

    const ix = textOf((await fetchPage('/learn/interactions')).html);
    const seedIx = kb.interactions.filter((i) => i.origin.includes('seed'));
    expect(seedIx).toHaveLength(5);
    for (const i of seedIx) {
      expect(ix).toContain(i.className);
      for (const d of i.exampleDrugs.filter((e) => e.inSeed)) {
        expect(ix).toContain(d.generic);
        for (const b of d.brands) expect(ix).toContain(b);
      }
    }
    for (const drug of [
      'Xanax',
      'Valium',
      'OxyContin',
      'Vicodin',
      'phenobarbital',
      'Prozac',
      'Zoloft',
      'Lopressor',
      'Norvasc',
    ])
      expect(ix.toLowerCase()).toContain(drug.toLowerCase());

    const preg = textOf((await fetchPage('/learn/pregnancy')).html);
    for (const g of kb.pregnancyAndLactation) expect(preg).toContain(g.plainLanguage);

    const therapy = textOf((await fetchPage('/learn/ketamine-therapy')).html);
    for (const s of [
      'Ketalar',
      'Spravato',
      'Dissociative anesthetic'.toLowerCase(),
      '10 mg/mL',
      '50 mg/mL',
      '100 mg/mL',
      '28 mg',
    ])
      expect(therapy.toLowerCase()).toContain(s.toLowerCase());

    const faq = textOf((await fetchPage('/learn/faq')).html);
    expect(faq).toContain(
      formatRange(kb.costs.nasalSpray30DaySupply.min, kb.costs.nasalSpray30DaySupply.max),
    );

    const research = textOf((await fetchPage('/learn/research')).html);
    for (const n of kb.notes.filter((x) => x.topic === 'research-update'))
      expect(research).toContain(n.statement);
  });

  test('every source link on every page resolves to a source of the knowledge base listed on that page', async () => {
    const known = new Set(kb.sources.map((s) => s.id));
    for (const path of allPaths()) {
      const { html } = await fetchPage(path);
      const refs = [...html.matchAll(/href="#src-([^"]+)"/g)].map((m) => m[1]!);
      expect(refs.length, path).toBeGreaterThan(0);
      for (const id of refs) {
        expect(known.has(id), `${path} cites unknown ${id}`).toBe(true);
        expect(html, `${path} lists ${id}`).toContain(`id="src-${id}"`);
      }
      // Every listed source is cited, and carries its year.
      for (const m of html.matchAll(/<li id="src-([^"]+)">([\s\S]*?)<\/li>/g)) {
        const source = kb.sources.find((s) => s.id === m[1])!;
        expect(refs, path).toContain(m[1]);
        expect(m[2], path).toContain(source.year === null ? 'undated' : String(source.year));
        if (source.url !== undefined)
          expect(m[2], path).toContain(source.url.replace(/&/g, '&amp;'));
      }
    }
  });

  test('HTML-escapes clinic and knowledge-base text', () => {
    const evil = '<script>alert("x")</script>';
    const tampered: KnowledgeBase = {
      ...kb,
      indications: kb.indications.map((i) =>
        i.id === 'depression' ? { ...i, plainDescription: evil } : i,
      ),
    };
    const site = renderEducationSite({
      kb: tampered,
      clinicName: `Clinic ${evil}`,
      version: kb.knowledgeVersion,
    });
    const html = site.get('/learn/indications/depression')!;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });
});
