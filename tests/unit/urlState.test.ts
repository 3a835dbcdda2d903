import { describe, expect, test } from 'vitest';
import { DEFAULT_STATE, decodeState, encodeState, withChange, type AppState } from '../../src/app/state/url';

describe('URL codec', () => {
  test('a full state survives the round trip', () => {
    const s: AppState = {
      ...DEFAULT_STATE,
      view: 'applications',
      province: '黑龙江省',
      city: '鹤岗市',
      county: '绥滨县',
      level: '乡镇',
      organ: '3fa2b1c4',
      from: 2020,
      to: 2021,
      template: '2021',
      report: '3fa2b1c4-2021-8d6632',
      a: '3fa2b1c4-2020-3d4bda',
      b: '#4',
      check: 'C12',
      metric: 'punishment',
      outcome: 'denied',
      page: 3,
      sort: '-errors',
      cov: 'partial',
      diff: true,
    };
    expect(decodeState('?' + encodeState(s))).toEqual(s);
  });

  test('defaults are left out; only the version remains', () => {
    expect(encodeState(DEFAULT_STATE)).toBe('v=2');
    const q = new URLSearchParams(encodeState({ ...DEFAULT_STATE, view: 'compliance', from: 2019 }));
    expect([...q.keys()]).toEqual(['v', 'view', 'from']);
  });

  test('unknown keys and bad values are ignored', () => {
    const s = decodeState('?v=2&utm_source=weibo&view=nonsense&from=abc&template=2018&county=绥滨县&x=1&page=0&cov=all&diff=yes');
    expect(s).toEqual({ ...DEFAULT_STATE, county: '绥滨县' });
  });

  test('Chinese region names are encoded and decoded', () => {
    const enc = encodeState({ ...DEFAULT_STATE, province: '河南省' });
    expect(enc).toBe('v=2&province=%E6%B2%B3%E5%8D%97%E7%9C%81');
    expect(decodeState(enc).province).toBe('河南省');
  });

  test('a new province clears the city, county and organ below it', () => {
    const s = { ...DEFAULT_STATE, province: '黑龙江省', city: '鹤岗市', county: '绥滨县', organ: '3fa2b1c4' };
    expect(withChange(s, { province: '河南省' })).toMatchObject({ province: '河南省', city: '', county: '', organ: null });
    expect(withChange(s, { city: '绥化市' })).toMatchObject({ province: '黑龙江省', city: '绥化市', county: '', organ: null });
  });

  test('a year range never runs backwards', () => {
    const s = { ...DEFAULT_STATE, from: 2021, to: 2022 };
    expect(withChange(s, { from: 2023 })).toMatchObject({ from: 2023, to: 2023 });
    expect(withChange(s, { to: 2019 })).toMatchObject({ from: 2019, to: 2019 });
  });

  test('a version-1 link names reports and organs by build-order ids, kept as #<id>', () => {
    expect(decodeState('?v=1&view=report&report=3&organ=2')).toMatchObject({ report: '#3', organ: '#2' });
    // a link without a version is as old as version 1
    expect(decodeState('?view=compare&a=1&b=3')).toMatchObject({ a: '#1', b: '#3' });
    // in version 2 a number is not a key: looked up, and not found
    expect(decodeState('?v=2&report=999').report).toBe('999');
    expect(decodeState('?v=1&report=-5').report).toBe('#-5');
    expect(decodeState('?v=2&report=3fa2b1c4-2021-8d6632').report).toBe('3fa2b1c4-2021-8d6632');
  });

  test('a new selection or order of the report list starts it at page 1; turning the page keeps the rest', () => {
    const s = { ...DEFAULT_STATE, page: 4, sort: 'year' };
    expect(withChange(s, { province: '河南省' }).page).toBe(1);
    expect(withChange(s, { sort: '-year' }).page).toBe(1);
    expect(withChange(s, { cov: 'partial' }).page).toBe(1);
    expect(withChange(s, { page: 5 })).toMatchObject({ page: 5, sort: 'year' });
    expect(withChange(s, { view: 'report', report: 'x' }).page).toBe(4);
  });

  test('choosing an organ sets its own place without the cascade clearing the organ', () => {
    const s = { ...DEFAULT_STATE, province: '河南省' };
    expect(withChange(s, { organ: '3fa2b1c4', province: '黑龙江省', city: '鹤岗市', county: '绥滨县' })).toMatchObject({
      organ: '3fa2b1c4', province: '黑龙江省', city: '鹤岗市', county: '绥滨县',
    });
  });
});
