/**
 * "How projections work": docs/how-projections-work.md, the same file the repository carries,
 * bundled as text and rendered with react-markdown (GitHub tables, no raw HTML: the CSP allows
 * no inline scripts or styles and the page never needs them). A contents list beside it jumps
 * to each section.
 */
import type { Element, ElementContent } from 'hast';
import type { ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import doc from '../../../../docs/how-projections-work.md?raw';
import { headingsOf, slugify } from './markdown-toc';

/** The document without its own first-level title (the screen has its heading). */
export const projectionsMarkdown = doc.replace(/^\s*#\s+[^\n]*\n/, '');

function textOf(node: Element | ElementContent | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function headingId(node: Element | undefined): string {
  return slugify(textOf(node));
}

const components: Components = {
  h2: ({ node, children }) => (
    <h2 id={headingId(node)} tabIndex={-1}>
      {children}
    </h2>
  ),
  h3: ({ node, children }) => (
    <h3 id={headingId(node)} tabIndex={-1}>
      {children}
    </h3>
  ),
  table: ({ children }) => (
    <div className="table-wrap doc__table-wrap">
      <table>{children}</table>
    </div>
  ),
  a: ({ href, children }) => {
    // Web pages open in the browser (main does that for https links); file paths are just text.
    if (href && /^https:\/\//.test(href)) {
      return (
        <a href={href} target="_blank" rel="noreferrer">
          {children}
        </a>
      );
    }
    return <span className="doc__path">{children}</span>;
  },
  img: ({ alt }) => <span className="muted">{alt}</span>,
};

function jumpTo(id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

export function ProjectionsDoc({ aside }: { aside?: ReactNode }) {
  const headings = headingsOf(projectionsMarkdown, 2, 3);
  return (
    <div className="doc-layout">
      <nav className="doc-toc" aria-label="On this page">
        <p className="doc-toc__title">On this page</p>
        <ul>
          {headings.map((h) => (
            <li key={h.id} className={`doc-toc__item doc-toc__item--${h.level}`}>
              <button type="button" className="doc-toc__link" onClick={() => jumpTo(h.id)}>
                {h.text}
              </button>
            </li>
          ))}
        </ul>
        {aside}
      </nav>
      <article className="card doc" data-testid="projections-doc">
        <Markdown remarkPlugins={[remarkGfm]} components={components} skipHtml>
          {projectionsMarkdown}
        </Markdown>
      </article>
    </div>
  );
}
