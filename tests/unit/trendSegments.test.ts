import { describe, expect, test } from 'vitest';
import { segments } from '../../src/app/shape/yearly';
import { groupRows } from '../../src/app/shape/groups';
import { NO_FILTERS } from '../../src/db/filters';
import type { FactRow } from '../../src/app/shape/factRow';

const r = (year: number, template: string, value: number | null): FactRow => ({
  organ: '所选范围合计', province: '', city: '', county: '', year, template,
  key: 's2.punishment.decisions', label: '行政处罚 · 处理决定数量', unit: '项', value, reports: 1,
});

describe('trend segments', () => {
  test('the line breaks at the 2020→2021 template change', () => {
    const { segments: segs } = segments([r(2019, '2019', 5), r(2020, '2019', 6), r(2021, '2021', 7), r(2022, '2021', 8)]);
    expect(segs.map((s) => [s.template, s.points.map((p) => p.year)])).toEqual([
      ['2019', [2019, 2020]],
      ['2021', [2021, 2022]],
    ]);
  });

  test('a year nobody stated (null) breaks the line instead of counting as 0', () => {
    const { segments: segs } = segments([r(2021, '2021', 1), r(2022, '2021', null), r(2023, '2021', 3)]);
    expect(segs.map((s) => s.points.map((p) => p.year))).toEqual([[2021], [2023]]);
  });

  test('a 2020 report on the 2021 template is a lone point, never joined', () => {
    const { segments: segs, strays } = segments([r(2020, '2019', 1), r(2020, '2021', 2), r(2021, '2021', 3)]);
    expect(segs.map((s) => s.points.map((p) => `${p.year}/${p.row.template}`))).toEqual([['2020/2019'], ['2021/2021']]);
    expect(strays.map((p) => `${p.year}/${p.row.template}`)).toEqual(['2020/2021']);
  });
});

describe('column groups', () => {
  test('不予公开 sums its reasons; a group nobody stated is null, not 0', () => {
    const t = {
      length: 2,
      columns: {
        year: [2020, 2021],
        template: ['2019', '2021'],
        'sum:s3_denied_secret_total': [1, null],
        'n:s3_denied_secret_total': [3, 0],
        'sum:s3_denied_law_total': [2, null],
        'n:s3_denied_law_total': [3, 0],
      },
    };
    const rows = groupRows(t, [{ id: 'denied', label: '不予公开', unit: '件', keys: () => ['s3.denied.secret.total', 's3.denied.law.total'] }], NO_FILTERS);
    expect(rows.map((x) => [x.year, x.value, x.reports])).toEqual([
      [2020, 3, 3],
      [2021, null, 0],
    ]);
  });
});
