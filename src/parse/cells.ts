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

/** could the cell be a number or a dash? (a cheap look at the first character before the regexes) */
function numberish(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 0x2d || c === 0x2014 || c === 0x2013 || c === 0xff0d || c === 0x2015 || c === 47 || c === 0xff0f || c === 92 || c === 126 || c === 0xff5e || c === 95;
}

const TEXT_ONLY = (raw: string): CellReading => ({ state: 'text', value: null, raw });

export function readCell(text: string): CellReading {
  const raw = text.trim();
  if (raw === '') return { state: 'blank', value: null, raw };
  const c0 = raw.charCodeAt(0);
  if (!numberish(c0)) {
    if ((c0 === 0x65e0 || c0 === 0x4e0d || c0 === 0x6682 || c0 === 0x7a7a) && DASH.test(raw)) return { state: 'dash', value: null, raw };
    return TEXT_ONLY(raw);
  }
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
