/**
 * Layout maths shared by the charts: text width estimates, label clipping and
 * wrapping, ticks, tick thinning and margins. Pure functions of their arguments —
 * nothing here measures the DOM, so a chart's SVG depends only on its props.
 */
import { scaleLinear } from 'd3-scale';
import { fmt } from './format';

/** Width of one character in em: CJK and full-width forms are square, Latin about half. */
export function charEm(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x2e80 || ch === '…' || ch === '“' || ch === '”') return 1;
  if (ch === ' ' || ch === '·' || ch === '.' || ch === ',' || ch === '|') return 0.3;
  if (ch >= '0' && ch <= '9') return 0.56;
  if (ch >= 'A' && ch <= 'Z') return 0.66;
  return 0.55;
}

/** Estimated width in pixels of `s` at `size` px (a little wide on purpose, so estimates never overlap). */
export function textWidth(s: string, size: number): number {
  let em = 0;
  for (const ch of s) em += charEm(ch);
  return em * size;
}

/**
 * `s` shortened with '…' to fit `max` px; `keep` (e.g. the trailing " 2021") is
 * kept whole after the ellipsis when the text ends with it.
 */
export function clipText(s: string, max: number, size: number, keep = ''): string {
  if (textWidth(s, size) <= max) return s;
  const tail = keep && s.endsWith(keep) ? keep : '';
  const chars = [...s.slice(0, s.length - tail.length)];
  const room = max - textWidth('…' + tail, size);
  let w = 0;
  let n = 0;
  while (n < chars.length && w + charEm(chars[n]) * size <= room) w += charEm(chars[n++]) * size;
  return chars.slice(0, Math.max(1, n)).join('') + '…' + tail;
}

/**
 * `s` broken into at most `lines` lines of `max` px, preferring breaks after
 * ' · ', a space or closing punctuation; the last line is clipped with '…'.
 */
export function wrapText(s: string, max: number, size: number, lines = 2): string[] {
  const out: string[] = [];
  let rest = s;
  while (rest && out.length < lines - 1 && textWidth(rest, size) > max) {
    const chars = [...rest];
    let w = 0;
    let fit = 0;
    while (fit < chars.length && w + charEm(chars[fit]) * size <= max) w += charEm(chars[fit++]) * size;
    let cut = fit;
    for (let i = fit; i > fit / 2; i--) {
      if (/[ ·、，）)]/.test(chars[i - 1])) {
        cut = i;
        break;
      }
    }
    // closing punctuation never starts a line: it stays at the end of this one
    while (cut < chars.length && /[，。、；：？！）”)]/.test(chars[cut])) cut++;
    out.push(chars.slice(0, Math.max(1, cut)).join('').trim());
    rest = chars.slice(Math.max(1, cut)).join('').trim();
  }
  if (rest) out.push(clipText(rest, max, size));
  return out;
}

/**
 * Ticks of a count or amount axis from 0 to `max`: d3's nice ticks, whole numbers
 * only when the data are whole numbers. An all-zero axis has the one tick 0.
 */
export function valueTicks(max: number, count = 4, integer = true): { ticks: number[]; top: number } {
  if (!(max > 0)) return { ticks: [0], top: 1 };
  const s = scaleLinear().domain([0, max]).nice(count);
  const ticks = s.ticks(count).filter((t) => !integer || Number.isInteger(t));
  return { ticks, top: s.domain()[1] };
}

/**
 * Which of `labels` (centred at `positions`, in order) can be shown without
 * overlapping: every k-th, the smallest k that leaves `gap` px between neighbours.
 */
export function thinLabels(labels: readonly string[], positions: readonly number[], size: number, gap = 6): boolean[] {
  const n = labels.length;
  const w = labels.map((l) => textWidth(l, size));
  for (let k = 1; k <= n; k++) {
    let ok = true;
    for (let i = k; i < n && ok; i += k) ok = positions[i] - positions[i - k] >= (w[i] + w[i - k]) / 2 + gap;
    if (ok) return labels.map((_, i) => i % k === 0);
  }
  return labels.map((_, i) => i === 0);
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Left margin of a value axis: room for its widest tick label. */
export function valueAxisWidth(ticks: readonly number[], size: number): number {
  return Math.ceil(Math.max(0, ...ticks.map((t) => textWidth(fmt(t), size)))) + 10;
}

/** Below this width a bar chart's labels go above their bars instead of beside them. */
export const NARROW = 520;

/** px per line of a bar label above its bars (12 px text) */
export const LABEL_LINE = 15;

/** how many lines (1 or 2) the longest label needs above the bars of a `width` px chart */
export function labelLines(width: number, labels: readonly string[], size: number): number {
  return labels.some((l) => textWidth(l, size) > width) ? 2 : 1;
}

/**
 * The label column of a horizontal bar chart: beside the bars (up to `share` of
 * the width, wrapping to two lines) or, on a narrow chart, above them.
 */
export function labelColumn(width: number, labels: readonly string[], size: number, share = 0.36): { above: boolean; width: number } {
  if (width < NARROW) return { above: true, width: 0 };
  const widest = Math.max(0, ...labels.map((l) => textWidth(l, size)));
  return { above: false, width: Math.ceil(Math.min(width * share, Math.max(90, widest + 10))) };
}
