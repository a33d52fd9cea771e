/**
 * A report as one HTML file that stands alone: its styles inline, its charts inline SVG, no
 * script, no font, no image, nothing fetched (a Content-Security-Policy of `default-src 'none'`
 * holds the browser to that). It reads without JavaScript, prints one chart to a page region,
 * and its tables hold every figure the charts draw.
 */
import { esc } from './markup.js';

export interface Section {
  heading: string;
  /** Markup: figures, tables, notes, already escaped. */
  body: string[];
}

export interface Page {
  title: string;
  /** Lines under the title: the horizon, the file, what-ifs. */
  facts: readonly string[];
  /** Lines a reader should not miss (records left out of a replay). */
  warnings?: readonly string[];
  sections: readonly Section[];
  /** The catalog and rates the figures were priced with, and how they are rounded. */
  footer: readonly string[];
}

const STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1a1a1a;background:#fff}
body{margin:0}main{max-width:1000px;margin:0 auto;padding:24px}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.25rem;margin:2rem 0 .6rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}h3{font-size:1rem;margin:1.2rem 0 .4rem}
.facts{color:#444;margin:.1rem 0}.warning{color:#8a3b00;margin:.1rem 0}
figure{margin:0 0 1rem;break-inside:avoid}figcaption{font-size:.9rem;color:#444;margin-top:.2rem}
svg.chart{max-width:100%;height:auto;font-size:12px;overflow:visible}
svg.chart text{fill:#1a1a1a}svg.chart .tick{fill:#555}svg.chart .axis-title,svg.chart .note{fill:#444;font-style:italic}
svg.chart .grid{stroke:#e4e4e4}svg.chart .grid.zero,svg.chart .baseline{stroke:#888}svg.chart .tick-mark{stroke:#888}
svg.chart .rule line{stroke:#444}svg.chart .marker text{font-weight:600}
table{border-collapse:collapse;margin:.4rem 0 1rem;font-variant-numeric:tabular-nums;font-size:.9rem}
th,td{padding:.25rem .6rem;border-bottom:1px solid #e4e4e4;text-align:left;vertical-align:top}tbody th{font-weight:normal}
td.num,th.num{text-align:right;white-space:nowrap}tr.total td,tr.total th{font-weight:600;border-top:2px solid #888}
.cheapest{color:#006b45;font-weight:600}.scroll{overflow-x:auto}
.notes{margin:.2rem 0 1rem;padding-left:1.4rem}.notes li{margin:.15rem 0}
footer{margin-top:2.5rem;color:#555;font-size:.85rem}footer p{margin:.15rem 0}
@media print{main{max-width:none;padding:0}h2{break-after:avoid}.scroll{overflow:visible}a{color:inherit}}
`;

export function htmlPage(page: Page): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(page.title)}</title>`,
    `<style>${STYLE.trim()}</style>`,
    '</head>',
    '<body><main>',
    '<header>',
    `<h1>${esc(page.title)}</h1>`,
    ...page.facts.map((f) => `<p class="facts">${esc(f)}</p>`),
    ...(page.warnings ?? []).map((w) => `<p class="warning">${esc(w)}</p>`),
    '</header>',
    ...page.sections.map((s) => [`<section>`, `<h2>${esc(s.heading)}</h2>`, ...s.body, '</section>'].join('\n')),
    `<footer>${page.footer.map((f) => `<p>${esc(f)}</p>`).join('')}</footer>`,
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}

export function figure(svg: string, caption: string): string {
  return `<figure>${svg}<figcaption>${esc(caption)}</figcaption></figure>`;
}

export interface Cell {
  text: string;
  /** Right-aligned, tabular figures. */
  num?: boolean;
  /** Marked as the cheapest. */
  good?: boolean;
}

type CellLike = Cell | string;

/** A table with a header row; `total` rows are set apart. Every cell's text is escaped here. */
export function htmlTable(caption: string, head: readonly CellLike[], rows: readonly { cells: readonly CellLike[]; total?: boolean }[]): string {
  const cell = (tag: 'th' | 'td', c: CellLike, scope?: 'col' | 'row') => {
    const { text, num, good } = typeof c === 'string' ? { text: c, num: false, good: false } : c;
    const classes = [num === true ? 'num' : '', good === true ? 'cheapest' : ''].filter(Boolean).join(' ');
    return `<${tag}${classes === '' ? '' : ` class="${classes}"`}${scope === undefined ? '' : ` scope="${scope}"`}>${esc(text)}</${tag}>`;
  };
  return [
    '<div class="scroll"><table>',
    `<caption class="facts">${esc(caption)}</caption>`,
    `<thead><tr>${head.map((c) => cell('th', c, 'col')).join('')}</tr></thead>`,
    '<tbody>',
    // each row is named by its first cell, which a screen reader gives with every figure of the row
    ...rows.map((r) => `<tr${r.total === true ? ' class="total"' : ''}>${r.cells.map((c, i) => (i === 0 ? cell('th', c, 'row') : cell('td', c))).join('')}</tr>`),
    '</tbody></table></div>',
  ].join('\n');
}

/** A list of notes under a heading (why an option costs more, its break-even months); numbered when a chart refers to them. */
export function notes(heading: string, lines: readonly string[], { ordered = false } = {}): string {
  const tag = ordered ? 'ol' : 'ul';
  return lines.length === 0 ? '' : `<h3>${esc(heading)}</h3><${tag} class="notes">${lines.map((l) => `<li>${esc(l.trim())}</li>`).join('')}</${tag}>`;
}
