import { describe, expect, test } from 'vitest';
import { fnv1a64, legacyId, organHash, organKeys, parseReportKey } from '../../src/db/keys';
import { coverageOf } from '../../src/db/coverage';
import type { Finding } from '../../src/parse/types';

describe('stable keys', () => {
  test('FNV-1a 64 matches the published test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  test("an organ's hash reads its match key and county (the code's first six digits, else the name)", () => {
    expect(organHash('连生乡', '230422203', '绥滨县')).toBe(organHash('连生乡', '230422', null));
    expect(organHash('连生乡', null, '绥滨县')).not.toBe(organHash('连生乡', null, '绥棱县'));
    expect(organHash('连生乡', null, '绥滨县')).toMatch(/^[0-9a-f]{16}$/);
  });

  test('keys are 8 digits, longer only where two organs share a prefix, whatever their order', () => {
    const a = 'aaaaaaaa11112222', b = 'aaaaaaaa33334444', c = 'bbbbbbbb00000000';
    expect(organKeys([a, b, c])).toEqual(['aaaaaaaa1111', 'aaaaaaaa3333', 'bbbbbbbb']);
    expect(organKeys([c, b, a])).toEqual(['bbbbbbbb', 'aaaaaaaa3333', 'aaaaaaaa1111']);
    const d = 'aaaaaaaa1111ffff';
    expect(organKeys([a, d])).toEqual([a, d]);
    // the same hash twice (two organs the grouping kept apart): a counter, in input order
    expect(organKeys([a, a])).toEqual([a, `${a}x2`]);
    expect(new Set(organKeys([a, b, c, d, a])).size).toBe(5);
  });

  test('a report key reads back into its parts; anything else is not one', () => {
    expect(parseReportKey('fd6372e0-2021-e51878')).toEqual({ organ: 'fd6372e0', year: 2021, file: 'e51878' });
    expect(parseReportKey('aaaaaaaa1111-x-0a0b0c')).toEqual({ organ: 'aaaaaaaa1111', year: null, file: '0a0b0c' });
    expect(parseReportKey('aaaaaaaa11112222x2-2020-0a0b0c')?.organ).toBe('aaaaaaaa11112222x2');
    for (const bad of ['999', '-5', '#3', 'fd6372e0-2021', 'FD6372E0-2021-E51878', 'fd6372e-2021-e51878', 'fd6372e0-21-e51878']) {
      expect(parseReportKey(bad), bad).toBeNull();
    }
  });

  test('an old link’s build-order id is #<digits>', () => {
    expect(legacyId('#3')).toBe(3);
    expect(legacyId('#-5')).toBeNull();
    expect(legacyId('3')).toBeNull();
  });
});

describe('coverage of a report’s checks', () => {
  const f = (check: string, status: Finding['status'], severity: Finding['severity'] = 'error'): Finding => ({ check, status, severity, evidence: '', keys: [] });

  test('a report with no tables: few checks judged, all passed, marked 仅部分可判断', () => {
    const findings = [f('C01', 'na'), f('C04', 'na'), f('C05', 'na'), f('C06', 'na'), f('C07', 'pass', 'warning'), f('C08', 'pass', 'warning'), f('C12', 'na')];
    expect(coverageOf(findings)).toEqual({ assessed: 2, passed: 2, unassessed: 5, partial: 1 });
  });

  test('checks that need other reports or the manifest (C18, C28) not assessable: not partial', () => {
    const findings = [f('C04', 'pass'), f('C12', 'fail'), f('C13', 'pass'), f('C18', 'na', 'warning'), f('C28', 'na', 'warning')];
    expect(coverageOf(findings)).toEqual({ assessed: 3, passed: 2, unassessed: 2, partial: 0 });
  });
});
