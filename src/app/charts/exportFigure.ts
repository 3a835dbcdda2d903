/**
 * A figure as one standalone image, as Our World in Data's grapher exports it:
 * its title and caption above, the drawing with its legend as laid out on the
 * page, and the source note below — an SVG file, or the same rendered to PNG.
 * The drawing is cloned from the page's SVGs with their computed styles
 * inlined, so the file looks the same without the site's stylesheet.
 */
import { wrapText } from './layout';

const NS = 'http://www.w3.org/2000/svg';
const PAD = 16;
const FONT = "system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
const STYLED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-size',
  'font-weight',
  'font-style',
  'font-family',
] as const;

export interface FigureText {
  title: string;
  note: string;
  source: string;
}

export interface FigureImage {
  svg: string;
  width: number;
  height: number;
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

function textLines(root: SVGElement, lines: string[], x: number, y: number, size: number, attrs: Record<string, string>): number {
  lines.forEach((line, i) => {
    const t = el('text', { x, y: y + size + i * size * 1.4, 'font-size': size, ...attrs });
    t.textContent = line;
    root.append(t);
  });
  return lines.length * size * 1.4;
}

/**
 * `copy` of `from` with the page's computed presentation written on its
 * elements: each property where it differs from what the element would inherit
 * (opacity, not inherited, where it is not 1), so a 1,000-cell matrix stays small.
 */
function inlineStyles(from: SVGSVGElement, copy: SVGSVGElement) {
  const a = [from, ...from.querySelectorAll('*')];
  const b = [copy, ...copy.querySelectorAll('*')];
  const styles = new Map<Element, CSSStyleDeclaration>(a.map((e) => [e, getComputedStyle(e)]));
  a.forEach((src, i) => {
    const dst = b[i];
    const cs = styles.get(src)!;
    const parent = src === from ? null : styles.get(src.parentElement!);
    const style = STYLED.filter((p) => (p === 'opacity' ? cs.opacity !== '1' : !parent || cs.getPropertyValue(p) !== parent.getPropertyValue(p)))
      .map((p) => `${p}:${cs.getPropertyValue(p)}`)
      .join(';');
    if (style) dst.setAttribute('style', style);
    for (const attr of ['tabindex', 'role', 'href', 'class', 'aria-label', 'aria-hidden']) dst.removeAttribute(attr);
  });
}

/** The figure element (a Figure) as a standalone SVG document. */
export function figureImage(figure: HTMLElement, text: FigureText): FigureImage {
  const plot = figure.querySelector<HTMLElement>('.plot');
  if (!plot) throw new Error('图中没有可导出的图形');
  const parts = [...figure.querySelectorAll<HTMLElement>('.legend, .plot')];
  const boxes = parts.map((p) => p.getBoundingClientRect());
  const origin = { x: plot.getBoundingClientRect().left, y: Math.min(...boxes.map((b) => b.top)) };
  const contentW = Math.ceil(Math.max(...boxes.map((b) => b.right)) - origin.x);
  const contentH = Math.ceil(Math.max(...boxes.map((b) => b.bottom)) - origin.y);
  const width = Math.max(320, contentW) + 2 * PAD;

  const root = el('svg', { 'font-family': FONT });
  root.append(el('rect', { width: '100%', height: '100%', fill: '#fff' }));
  let y = PAD;
  y += textLines(root, wrapText(text.title, width - 2 * PAD, 16, 6), PAD, y, 16, { 'font-weight': '700', fill: '#1f2328' });
  if (text.note) y += 4 + textLines(root, wrapText(text.note, width - 2 * PAD, 12, 12), PAD, y + 4, 12, { fill: '#5c6670' });
  y += 10;

  const at = (r: DOMRect) => ({ x: PAD + r.left - origin.x, y: y + r.top - origin.y });
  for (const li of figure.querySelectorAll<HTMLElement>('.legend-list li')) {
    const sw = li.querySelector<HTMLElement>('.swatch');
    if (!sw) continue;
    const r = sw.getBoundingClientRect();
    const p = at(r);
    root.append(el('rect', { x: p.x, y: p.y, width: r.width, height: r.height, rx: 2, fill: getComputedStyle(sw).backgroundColor, stroke: 'rgba(0,0,0,0.3)', 'stroke-width': 0.5 }));
    const t = el('text', { x: p.x + r.width + 4, y: p.y + r.height / 2, dy: '0.35em', 'font-size': 12, fill: '#1f2328' });
    t.textContent = li.textContent?.trim() ?? '';
    root.append(t);
  }
  for (const svg of plot.querySelectorAll<SVGSVGElement>('svg.chart-svg')) {
    const copy = svg.cloneNode(true) as SVGSVGElement;
    inlineStyles(svg, copy);
    const p = at(svg.getBoundingClientRect());
    copy.setAttribute('x', String(p.x));
    copy.setAttribute('y', String(p.y));
    root.append(copy);
  }
  y += contentH + 12;
  y += textLines(root, wrapText(`来源：${text.source}`, width - 2 * PAD, 11, 6), PAD, y, 11, { fill: '#5c6670' });
  const height = Math.ceil(y + PAD);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

/** The image rendered at `scale`× as a PNG. */
export async function pngOf(image: FigureImage, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([image.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('浏览器不支持画布（canvas），无法生成PNG');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG 生成失败'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
