import { listIndications } from '@ketaflow/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ClinicKnowledge } from '../../knowledge';
import { indicationPath } from './catalog';
import { faqPage } from './pages/faq';
import { indexPage } from './pages/index-page';
import { indicationPage } from './pages/indication';
import { interactionsPage } from './pages/interactions';
import { pregnancyPage } from './pages/pregnancy';
import { researchPage } from './pages/research';
import { sideEffectsPage } from './pages/side-effects';
import { therapyPage } from './pages/therapy';
import { whoShouldNotPage } from './pages/who-should-not';
import { renderEducationPage, type EducationPage } from './render';
import { compressPages } from '../../plugins/compress-pages';

export interface EducationOptions {
  readonly knowledge: ClinicKnowledge;
}

/** Every education page by path, rendered once: the knowledge base does not change while running. */
export function renderEducationSite(knowledge: ClinicKnowledge): ReadonlyMap<string, string> {
  const { kb, clinicName } = knowledge;
  const pages: EducationPage[] = [
    indexPage,
    therapyPage,
    whoShouldNotPage,
    interactionsPage,
    pregnancyPage,
    sideEffectsPage,
    researchPage,
    faqPage,
    ...listIndications(kb).map((i) => indicationPage(kb, i)),
  ];
  return new Map(pages.map((p) => [p.meta.path, renderEducationPage(p, kb, clinicName)]));
}

function sendHtml(reply: FastifyReply, html: string): FastifyReply {
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'public, max-age=300')
    .send(html);
}

/**
 * Pre-rendered patient education (`/learn/...`): complete HTML documents that read without
 * JavaScript, generated from the clinic's knowledge base. Registered before the SPA fallback.
 */
export async function educationRoutes(
  appBase: FastifyInstance,
  options: EducationOptions,
): Promise<void> {
  await compressPages(appBase);
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const site = renderEducationSite(options.knowledge);

  for (const [path, html] of site) {
    if (path.startsWith('/learn/indications/')) continue;
    app.get(path, { schema: { hide: true } }, (_request, reply) => sendHtml(reply, html));
  }

  app.get(
    '/learn/indications/:id',
    { schema: { hide: true, params: z.object({ id: z.string().max(100) }) } },
    (request, reply) => {
      const html = site.get(indicationPath(request.params.id));
      if (html === undefined) {
        return sendHtml(reply.code(404), site.get('/learn') ?? '');
      }
      return sendHtml(reply, html);
    },
  );
}
