// tsx runs the server from the repository root, where no tsconfig sets the JSX runtime.
/* @jsxRuntime automatic */
import type { KnowledgeBase, Source } from '@ketaflow/core';

/** The anchor of a source in a page's source list. */
export function sourceAnchor(id: string): string {
  return `src-${id}`;
}

/**
 * Numbers the sources a page cites, in the order it first cites them. Pages render top-down, so
 * the list at the end of a page sees every citation above it.
 */
export class Citations {
  private readonly order: Source[] = [];

  constructor(private readonly kb: KnowledgeBase) {}

  /** Registers the ids (unknown ids are a bug in the knowledge base and throw). */
  private numberOf(id: string): number {
    const index = this.order.findIndex((s) => s.id === id);
    if (index >= 0) return index + 1;
    const source = this.kb.sources.find((s) => s.id === id);
    if (source === undefined) throw new Error(`Unknown source id ${id}`);
    this.order.push(source);
    return this.order.length;
  }

  numbers(ids: readonly string[]): { id: string; n: number }[] {
    return [...new Set(ids)].map((id) => ({ id, n: this.numberOf(id) }));
  }

  get cited(): readonly Source[] {
    return this.order;
  }
}

/** Superscript links to the page's source list, one per source. */
export function Cite({ ids, citations }: { ids: readonly string[]; citations: Citations }) {
  const refs = citations.numbers(ids);
  if (refs.length === 0) return null;
  return (
    <sup className="cite">
      {refs.map(({ id, n }, i) => (
        <span key={id}>
          {i > 0 ? ',' : ''}
          <a href={`#${sourceAnchor(id)}`} aria-label={`Source ${String(n)}`}>
            {n}
          </a>
        </span>
      ))}
    </sup>
  );
}

/** The numbered source list: title, year, publisher and link. */
export function SourceList({ citations }: { citations: Citations }) {
  const sources = citations.cited;
  if (sources.length === 0) return null;
  return (
    <section aria-labelledby="sources-heading" className="sources">
      <h2 id="sources-heading">Sources</h2>
      <ol>
        {sources.map((s) => (
          <li key={s.id} id={sourceAnchor(s.id)}>
            <SourceEntry source={s} />
          </li>
        ))}
      </ol>
    </section>
  );
}

export function SourceEntry({ source }: { source: Source }) {
  const where = source.journal ?? source.publisher;
  return (
    <>
      {source.url === undefined ? (
        <cite>{source.title}</cite>
      ) : (
        <a href={source.url} rel="noopener">
          <cite>{source.title}</cite>
        </a>
      )}{' '}
      ({source.year === null ? 'undated' : source.year}
      {where === undefined ? '' : `; ${where}`})
      {source.url === undefined ? null : <span className="url"> {source.url}</span>}
      {source.kind === 'clinic-patient-page' ? (
        <span className="muted">
          {' '}
          A clinic&apos;s patient page without references: weakest evidence here.
        </span>
      ) : null}
    </>
  );
}
