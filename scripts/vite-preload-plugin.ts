/**
 * A Vite plugin for some of the renderer's pages (the print page: it is timed from a cold start
 * for every first report): lists, in the page's head, what its script will ask for only later, so
 * the browser fetches it at once, in parallel with the page's own entry:
 * - `<link rel="modulepreload">` for the chunks the entry loads with `import()` (the print page's
 *   report module: renderer/src/features/print/print-entry.ts), which Vite otherwise only
 *   requests when that `import()` runs;
 * - `<link rel="preload" as="font">` for the woff2 fonts its style sheets declare, which the
 *   browser otherwise only requests once something on the page is drawn in them.
 * Same-origin files only, so the page's CSP (script-src/font-src 'self') is unchanged.
 */
import type { HtmlTagDescriptor, IndexHtmlTransformContext, Plugin } from 'vite';

type Bundle = NonNullable<IndexHtmlTransformContext['bundle']>;

/** Every chunk `fileName` loads when it runs: its static imports, recursively. */
function staticClosure(bundle: Bundle, fileName: string, into = new Set<string>()): Set<string> {
  if (into.has(fileName)) return into;
  into.add(fileName);
  const chunk = bundle[fileName];
  if (chunk?.type === 'chunk') for (const imported of chunk.imports) staticClosure(bundle, imported, into);
  return into;
}

/** `pages`: the HTML files to do this for, by name (`print.html`). */
export function preloadLaterNeeds(pages: readonly string[]): Plugin {
  return {
    name: 'pathway:preload-later-needs',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk, path }) {
        if (!bundle || !chunk || !pages.some((page) => path.endsWith(`/${page}`))) return;
        // The pages sit at the root of the output, beside assets/ (base './').
        const href = (fileName: string) => `./${fileName}`;
        const already = staticClosure(bundle, chunk.fileName);
        const later = new Set<string>();
        for (const dynamic of chunk.dynamicImports) staticClosure(bundle, dynamic, later);
        const tags: HtmlTagDescriptor[] = [...later]
          .filter((fileName) => !already.has(fileName))
          .map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: href(fileName) },
            injectTo: 'head',
          }));
        const css = new Set<string>();
        for (const fileName of already) {
          const entry = bundle[fileName];
          if (entry?.type === 'chunk') entry.viteMetadata?.importedCss.forEach((name) => css.add(name));
        }
        for (const name of css) {
          const sheet = bundle[name];
          if (sheet?.type !== 'asset') continue;
          for (const [, font] of String(sheet.source).matchAll(/url\(\.\/([^)]+\.woff2)\)/g)) {
            tags.push({
              tag: 'link',
              attrs: {
                rel: 'preload',
                as: 'font',
                type: 'font/woff2',
                crossorigin: true,
                href: href(`assets/${font}`),
              },
              injectTo: 'head',
            });
          }
        }
        return tags;
      },
    },
  };
}
