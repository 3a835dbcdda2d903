/** Money in table 二: normalised to 万元, the unit as printed kept. */
import type { Amount } from './types';

export function toWanYuan(value: number, unit: '万元' | '元' | null): number {
  if (unit === '元') return Math.round((value / 10000) * 1e8) / 1e8;
  return value;
}

/** The unit a column header states: 采购总金额（单位：万元，保留4位小数） → 万元; 采购总金额（元） → 元. */
export function unitFromHeader(compactHeader: string): '万元' | '元' | null {
  const m = /(?:金额|金\u0001?额)[^\u0001]{0,16}/.exec(compactHeader);
  const tail = m ? m[0] : compactHeader;
  if (tail.includes('万元')) return '万元';
  if (/[(:单位]元|元\)/.test(tail)) return '元';
  return null;
}

export function makeAmount(value: number | null, raw: string, cellUnit: '万元' | '元' | undefined, headerUnit: '万元' | '元' | null): Amount {
  const unit = cellUnit ?? headerUnit;
  return {
    value: value === null ? null : toWanYuan(value, unit),
    unit,
    raw,
    unitUnknown: unit === null,
  };
}
