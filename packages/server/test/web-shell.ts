import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerWebApp, type WebAppOptions } from '../src/plugins/web-app';

/** The web app's own shell source: what `vite build` turns into dist/index.html. */
export const shellSource = readFileSync(
  fileURLToPath(new URL('../../web/index.html', import.meta.url)),
  'utf8',
);

/**
 * The web app's routes alone, on a scratch dist holding the shell (and `files`, by path under
 * dist), with `options`' pages.
 */
export async function webAppWith(
  options: WebAppOptions,
  files: Readonly<Record<string, string | Buffer>> = {},
): Promise<FastifyInstance> {
  const dist = mkdtempSync(join(tmpdir(), 'kf-web-'));
  writeFileSync(join(dist, 'index.html'), shellSource);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), content);
  }
  const web = Fastify({ logger: false });
  await registerWebApp(web, dist, options);
  return web;
}
