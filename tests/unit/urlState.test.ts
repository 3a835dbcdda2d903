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
      organ: 12,
      from: 2020,
      to: 2021,
      template: '2021',
      report: 7,
      a: 3,
      b: 4,
      check: 'C12',
      metric: 'punishment',
      outcome: 'denied',
    };
    expect(decodeState('?' + encodeState(s))).toEqual(s);
  });

  test('defaults are left out; only the version remains', () => {
    expect(encodeState(DEFAULT_STATE)).toBe('v=1');
    const q = new URLSearchParams(encodeState({ ...DEFAULT_STATE, view: 'compliance', from: 2019 }));
    expect([...q.keys()]).toEqual(['v', 'view', 'from']);
  });

  test('unknown keys and bad values are ignored', () => {
    const s = decodeState('?v=1&utm_source=weibo&view=nonsense&from=abc&template=2018&county=绥滨县&x=1');
    expect(s).toEqual({ ...DEFAULT_STATE, county: '绥滨县' });
  });

  test('Chinese region names are encoded and decoded', () => {
    const enc = encodeState({ ...DEFAULT_STATE, province: '河南省' });
    expect(enc).toBe('v=1&province=%E6%B2%B3%E5%8D%97%E7%9C%81');
    expect(decodeState(enc).province).toBe('河南省');
  });

  test('a new province clears the city, county and organ below it', () => {
    const s = { ...DEFAULT_STATE, province: '黑龙江省', city: '鹤岗市', county: '绥滨县', organ: 1 };
    expect(withChange(s, { province: '河南省' })).toMatchObject({ province: '河南省', city: '', county: '', organ: null });
    expect(withChange(s, { city: '绥化市' })).toMatchObject({ province: '黑龙江省', city: '绥化市', county: '', organ: null });
  });

  test('a year range never runs backwards', () => {
    const s = { ...DEFAULT_STATE, from: 2021, to: 2022 };
    expect(withChange(s, { from: 2023 })).toMatchObject({ from: 2023, to: 2023 });
    expect(withChange(s, { to: 2019 })).toMatchObject({ from: 2019, to: 2019 });
  });
});
