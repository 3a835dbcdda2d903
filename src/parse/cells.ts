/**
 * Reading one printed cell: a number (with thousands separators, a sign, a
 * decimal part, a unit, an approximation mark), a dash, a blank, or text.
 */
import type { CellState } from './types';

export interface CellReading {
  state: CellState;
  value: number | null;
  raw: string;
  /** unit printed with the number: 万元 / 元 (other units are dropped) */
  unit?: '万元' | '元';
  approximate?: boolean;
  /** digits printed with leading zeros ('007'): probably cells run together */
  leadingZeros?: boolean;
}

const NUMBER = /^([+-]?)(\d{1,3}(?:[,，]\d{3})+|\d+)(\.\d+)?(余|多)?\s*(万元|元|件|项|条|个|次|人次)?$/;
const DASH = /^(?:[-—–－―~～_/／\\]+|无|不适用|暂无|空)$/;

export function readCell(text: string): CellReading {
  const raw = text.trim();
  if (raw === '') return { state: 'blank', value: null, raw };
  const m = NUMBER.exec(raw);
  if (m) {
    const intPart = m[2].replace(/[,，]/g, '');
    const n = Number(`${m[1]}${intPart}${m[3] ?? ''}`);
    if (Number.isFinite(n)) {
      const out: CellReading = { state: 'number', value: n, raw };
      if (m[5] === '万元' || m[5] === '元') out.unit = m[5];
      if (m[4]) out.approximate = true;
      if (intPart.length > 1 && intPart[0] === '0' && !m[3] && !m[1]) out.leadingZeros = true;
      return out;
    }
  }
  if (DASH.test(raw)) return { state: 'dash', value: null, raw };
  return { state: 'text', value: null, raw };
}

/**
 * A number written with stray spaces inside a delimited (tab or pipe) cell:
 * '1 234' → '1234', '2 41' → '241'. A delimited cell is one cell, so its digits
 * are one number.
 */
export function joinStraySpaces(cell: string): string | null {
  const t = cell.trim();
  if (!/\s/.test(t)) return null;
  if (/^[+-]?\s*\d[\d\s,，]*(?:\.\s*\d[\d\s]*)?\s*(?:万元|元)?$/.test(t)) return t.replace(/\s+/g, '');
  return null;
}
