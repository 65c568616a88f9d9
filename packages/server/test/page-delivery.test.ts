import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { costsPage } from '../src/routes/education/pages/costs';
import { renderPrerenderedPage } from '../src/routes/education/render';
import { createTestApp, type TestApp } from './harness';
import { shellSource, webAppWith } from './web-shell';

/** A built asset as Vite names it, with the brotli and gzip copies the build writes beside it. */
const script = `export const words = ${JSON.stringify('ketamine clinic '.repeat(400))};\n`;
const ASSET = '/assets/main-Dx3kF9aQ.js';

describe('pages and assets reach a phone compressed and cached', () => {
  let api: TestApp;
  let web: FastifyInstance;

  beforeAll(async () => {
    api = await createTestApp('pglite', { demo: false });
    const { kb, clinicName } = api.knowledge;
    web = await webAppWith(
      { prerendered: [renderPrerenderedPage(costsPage, kb, clinicName)] },
      {
        [ASSET]: script,
        [`${ASSET}.br`]: brotliCompressSync(script),
        [`${ASSET}.gz`]: gzipSync(script),
        '/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
      },
    );
  });
  afterAll(async () => {
    await web.close();
    await api.close();
  });

  test('a built asset is sent as its brotli copy, kept for a year, and varies on accept-encoding', async () => {
    const br = await web.inject({ url: ASSET, headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(script.length / 10);

    const gz = await web.inject({ url: ASSET, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await web.inject({ url: ASSET });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  test('files without a content hash, and the shell, are checked again at every load', async () => {
    const icon = await web.inject({ url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
    const shell = await web.inject({ url: '/login' });
    expect(shell.headers['cache-control']).toBe('no-cache');
    expect(shell.body).toBe(shellSource);
  });

  test('a pre-rendered page is compressed for a browser that accepts it, and equal once unpacked', async () => {
    const plain = await web.inject({ url: '/costs' });
    const br = await web.inject({ url: '/costs', headers: { 'accept-encoding': 'br' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.body.length / 3);
  });

  test('education pages are compressed; API answers are not', async () => {
    const page = await api.app.inject({ url: '/learn/faq', headers: { 'accept-encoding': 'br' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.rawPayload).toString()).toMatch(/^<!DOCTYPE html>/);
    // The no-JavaScript self-check answers with a page too (here: the form with its errors).
    const check = await api.app.inject({
      method: 'POST',
      url: '/check',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-encoding': 'gzip' },
      payload: 'indication=depression',
    });
    expect(check.statusCode).toBe(400);
    expect(check.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(check.rawPayload).toString()).toContain('<form');
    const json = await api.app.inject({
      url: '/api/public/self-screening/questions',
      headers: { 'accept-encoding': 'br' },
    });
    expect(json.statusCode).toBe(200);
    expect(json.body.length).toBeGreaterThan(1024);
    expect(json.headers['content-encoding']).toBeUndefined();
  });
});
