// tsx runs the server from the repository root, where no tsconfig sets the JSX runtime.
/* @jsxRuntime automatic */
import type { KnowledgeBase } from '@ketaflow/core';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Citations } from './citations';
import { EducationDocument, type PageMeta } from './layout';
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
    <EducationDocument meta={page.meta} clinicName={clinicName} css={educationCss} citations={cite}>
      {page.body(ctx)}
    </EducationDocument>,
  );
  return `<!DOCTYPE html>${html}`;
}
