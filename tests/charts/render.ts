/**
 * A chart rendered to SVG text as the site draws it, by svelte's server
 * renderer: no browser, no fonts, no layout engine, so the same props give the
 * same bytes on every machine (the charts never measure text; clipping and
 * margins are the pure maths of charts/layout.ts). One element per line, so a
 * change in output is a readable diff of the committed snapshot.
 */
import { render } from 'svelte/server';
import type { Component } from 'svelte';
import { parseDocument } from 'htmlparser2';
import { Element, Text, type ChildNode } from 'domhandler';

export function svgOf<P extends Record<string, unknown>>(component: Component<P>, props: P): string {
  const { body } = render(component, { props });
  const start = body.indexOf('<svg');
  const end = body.lastIndexOf('</svg>');
  if (start < 0 || end < 0) throw new Error('the chart rendered no <svg>');
  return (
    body
      .slice(start, end + '</svg>'.length)
      .replace(/<!--[^]*?-->/g, '')
      .replace(/>\s*</g, '>\n<')
      .replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100)) + '\n'
  );
}

/** The whole HTML the chart renders (legend, SVG, tooltip). */
export function htmlOf<P extends Record<string, unknown>>(component: Component<P>, props: P): string {
  return render(component, { props }).body;
}

/** The legend the chart draws above its SVG, as "label=colour" lines. */
export function legendOf<P extends Record<string, unknown>>(component: Component<P>, props: P): string[] {
  const { body } = render(component, { props });
  return [...body.matchAll(/<li>[^]*?background: ([^;"]+);?"[^>]*><\/span>([^<]*)/g)].map((m) => `${m[2].trim()}=${m[1]}`);
}

/** The elements of rendered SVG text, to assert geometry: name, attributes and own text. */
export interface Mark {
  name: string;
  attrs: Record<string, string>;
  text: string;
}

export function marksOf(svg: string): Mark[] {
  const doc = parseDocument(svg, { xmlMode: true });
  const out: Mark[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (!(n instanceof Element)) continue;
      out.push({ name: n.name, attrs: n.attribs, text: n.children.map((c) => (c instanceof Text ? c.data : '')).join('') });
      walk(n.children);
    }
  };
  walk(doc.children);
  return out;
}
