import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { PrerenderedPage } from '../routes/education/render';
import { compressPages } from './compress-pages';

const ROOT = '<div id="root"></div>';
/** Vite's output: `assets/<name>-<content hash>.<ext>`. */
const ASSET_PATH = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+(\.(br|gz))?$/;

/**
 * The shell (index.html) with a pre-rendered page in its root element, its title and description,
 * and without the "needs JavaScript" notice: the page reads without it. `undefined` when the
 * shell has no empty root element to fill.
 */
export function shellWithPage(shell: string, page: PrerenderedPage): string | undefined {
  if (!shell.includes(ROOT)) return undefined;
  // Replacer functions: the page's text ($450, say) is never read as a replacement pattern.
  return shell
    .replace(/<title>[^<]*<\/title>\s*/, '')
    .replace(/<meta\s+name="description"\s+content="[^"]*"\s*\/?>\s*/, '')
    .replace('</head>', () => `${page.head}</head>`)
    .replace(ROOT, () => `<div id="root">${page.html}</div>`)
    .replace(/<noscript>[\s\S]*?<\/noscript>/, '');
}

export interface WebAppOptions {
  /** Public pages whose content is in the HTML the server sends (see shellWithPage). */
  readonly prerendered?: readonly PrerenderedPage[];
  /** The same for pages whose content changes (offered times): rendered at each request. */
  readonly live?: readonly {
    readonly path: string;
    readonly render: () => Promise<PrerenderedPage>;
  }[];
}

/**
 * Serves the built web app (packages/web/dist). Paths that are not files and not API routes get
 * index.html, so the browser's router can take them; a pre-rendered path gets index.html with
 * its content already in place.
 */
export async function registerWebApp(
  app: FastifyInstance,
  distDir: string,
  options: WebAppOptions = {},
): Promise<boolean> {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) {
    app.log.warn('The web app is not built (run `npm run build`): only the API is served.');
    return false;
  }
  const shell = readFileSync(index, 'utf8');
  const filled = new Map<string, string>();
  for (const page of options.prerendered ?? []) {
    const html = shellWithPage(shell, page);
    if (html === undefined) {
      app.log.warn({ path: page.meta.path }, 'index.html has no empty root: page not pre-rendered');
    } else {
      filled.set(page.meta.path, html);
    }
  }
  const live = new Map((options.live ?? []).map((page) => [page.path, page.render]));
  // Its own plugin, so the compression of its pages reaches no API route.
  await app.register(async (web) => {
    await compressPages(web);
    await web.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      // The build writes brotli and gzip copies beside each file; the one the browser accepts
      // is sent.
      preCompressed: true,
      // Built assets have their content's hash in their names: a browser keeps them for a year.
      // Everything else (index.html) is checked again at each load.
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          ASSET_PATH.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    web.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (
        path.startsWith('/api/') ||
        path.startsWith('/fhir') ||
        path.startsWith('/cds-services')
      ) {
        reply.callNotFound();
        return reply;
      }
      reply.type('text/html').header('cache-control', 'no-cache');
      const render = live.get(path);
      if (render !== undefined) {
        try {
          const html = shellWithPage(shell, await render());
          if (html !== undefined) return await reply.send(html);
        } catch (error) {
          // The app can still load and show the page itself: serve the shell, log the cause.
          request.log.error({ err: error, path }, 'live page not rendered');
        }
        return reply.sendFile('index.html');
      }
      const page = filled.get(path);
      return page === undefined ? reply.sendFile('index.html') : reply.send(page);
    });
  });
  return true;
}
