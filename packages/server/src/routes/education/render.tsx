// tsx runs the server from the repository root, where no tsconfig sets the JSX runtime.
/* @jsxRuntime automatic */
import type { KnowledgeBase } from '@ketaflow/core';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Citations } from './citations';
import { EducationDocument, SiteChrome, type PageMeta } from './layout';
import { educationCss } from './styles';

/** What every page component gets: the clinic's applied knowledge base and its citation list. */
export interface PageContext {
  readonly kb: KnowledgeBase;
  readonly clinicName: string;
  readonly cite: Citations;
}

export interface EducationPage {
  readonly meta: PageMeta;
  readonly body: (ctx: PageContext) => ReactNode;
}

/**
 * Renders a page to a complete HTML document. React escapes every text and attribute value, so
 * knowledge-base or clinic text can never become markup.
 */
export function renderEducationPage(
  page: EducationPage,
  kb: KnowledgeBase,
  clinicName: string,
): string {
  const cite = new Citations(kb);
  const ctx: PageContext = { kb, clinicName, cite };
  // Fizz renders in document order, so the source list after the body sees every citation.
  const html = renderToStaticMarkup(
    <EducationDocument
      meta={page.meta}
      clinicName={clinicName}
      css={educationCss}
      citations={cite}
      crisisResources={kb.crisisResources.resources}
    >
      {page.body(ctx)}
    </EducationDocument>,
  );
  return `<!DOCTYPE html>${html}`;
}

/** A page to put inside the web app's shell: shown until (and unless) JavaScript replaces it. */
export interface PrerenderedPage {
  readonly meta: PageMeta;
  /** The page's title and description elements, for the shell's head. */
  readonly head: string;
  /** The page's own stylesheet and markup, for the shell's root element. */
  readonly html: string;
}

/**
 * Renders a page without the document around it, for a path the web app also serves: a browser
 * without JavaScript reads this; with JavaScript, React replaces it with the interactive page.
 */
export function renderPrerenderedPage(
  page: EducationPage,
  kb: KnowledgeBase,
  clinicName: string,
): PrerenderedPage {
  const cite = new Citations(kb);
  const ctx: PageContext = { kb, clinicName, cite };
  const html = renderToStaticMarkup(
    <>
      <style>{educationCss}</style>
      <div id="top" data-prerendered="">
        <SiteChrome
          meta={page.meta}
          clinicName={clinicName}
          citations={cite}
          crisisResources={kb.crisisResources.resources}
        >
          {page.body(ctx)}
        </SiteChrome>
      </div>
    </>,
  );
  const head = renderToStaticMarkup(
    <>
      <title>{`${page.meta.title} · ${clinicName}`}</title>
      <meta name="description" content={page.meta.description} />
    </>,
  );
  return { meta: page.meta, head, html };
}
