import { describe, expect, test } from 'vitest';
import { FACT_KEYS, FACT_KEY_INFO, keysForTemplate } from '../../src/parse/factKeys';

describe('fact key catalogue', () => {
  test('2019 template: 22 table-二 cells, 23×7 table-三 cells, 15 table-四 cells, plus s1 total', () => {
    const keys = keysForTemplate('2019');
    expect(keys.filter((k) => k.startsWith('s2.'))).toHaveLength(22);
    expect(keys.filter((k) => k.startsWith('s3.'))).toHaveLength(23 * 7);
    expect(keys.filter((k) => k.startsWith('s4.'))).toHaveLength(15);
    expect(keys).toContain('s1.proactive_total');
    expect(keys).toContain('s2.procurement.amount');
    expect(keys).toContain('s3.other.total');
    expect(keys).not.toContain('s3.other.no_fee.total');
  });

  test('2021 template: 10 table-二 cells and 25 rows in table 三', () => {
    const keys = keysForTemplate('2021');
    expect(keys.filter((k) => k.startsWith('s2.'))).toHaveLength(10);
    expect(keys.filter((k) => k.startsWith('s3.'))).toHaveLength(25 * 7);
    expect(keys).toContain('s3.other.no_fee.natural');
    expect(keys).not.toContain('s2.procurement.count');
  });

  test('columns are the key with dots replaced, and unique', () => {
    expect(FACT_KEY_INFO.get('s3.denied.third_party.natural')?.column).toBe('s3_denied_third_party_natural');
    expect(new Set(FACT_KEYS.map((f) => f.column)).size).toBe(FACT_KEYS.length);
  });

  test('labels are the template wording', () => {
    expect(FACT_KEY_INFO.get('s2.normative.new')?.label).toBe('规范性文件 · 本年新制作数量');
    expect(FACT_KEY_INFO.get('s2.fees.amount')?.label).toBe('行政事业性收费 · 本年收费金额');
    expect(FACT_KEY_INFO.get('s2.fees.amount')?.unit).toBe('万元');
    expect(FACT_KEY_INFO.get('s4.review.maintained')?.label).toBe('行政复议 · 结果维持');
  });
});
