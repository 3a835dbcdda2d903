/**
 * Every chart from a fixture: literal query rows → the view's shaping → the
 * component, rendered to SVG and diffed against its committed file in
 * snapshots/ (as Observable Plot's test/plots). A change in output is a visible
 * diff; `npx vitest run -u tests/charts` rewrites the files after a deliberate
 * change. Beside each snapshot, the geometry the issue asks for is asserted.
 */
import { describe, expect, test } from 'vitest';
import { NO_FILTERS } from '../../src/db/filters';
import StackedColumns from '../../src/app/charts/StackedColumns.svelte';
import TrendPanel from '../../src/app/charts/TrendPanel.svelte';
import RankedBars from '../../src/app/charts/RankedBars.svelte';
import PairedBars from '../../src/app/charts/PairedBars.svelte';
import Matrix from '../../src/app/charts/Matrix.svelte';
import { reportsPerYear } from '../../src/app/shape/overview';
import { groupRows } from '../../src/app/shape/groups';
import { OUTCOME_SERIES, REVIEW_SERIES, STATUS_SERIES, TEMPLATE_SERIES } from '../../src/app/shape/series';
import { everyYear, isStray, templateRules, trendLines, yearSpan, YEARLY_COLUMNS as yearly } from '../../src/app/shape/yearly';
import { measureRows, PROACTIVE_MEASURES } from '../../src/app/shape/measures';
import { rankedName, rankedRows, UNIT_NOTES } from '../../src/app/shape/ranked';
import { compareRows, reportName } from '../../src/app/shape/compare';
import { binTick, cellStatus, matrixOf, passShareBins, type MatrixCell } from '../../src/app/shape/compliance';
import type { FactRow } from '../../src/app/shape/factRow';
import { htmlOf, legendOf, marksOf, svgOf, type Mark } from './render';
import * as F from './fixtures';

const snapshot = (name: string, svg: string) => expect(svg).toMatchFileSnapshot(`snapshots/${name}.svg`);
const texts = (marks: Mark[], cls?: string) => marks.filter((m) => m.name === 'text' && (!cls || m.attrs.class === cls)).map((m) => m.text);
const num = (m: Mark, a: string) => Number(m.attrs[a]);

describe('各年度报告数 (overview)', () => {
  const rows = reportsPerYear(F.PER_YEAR, NO_FILTERS);
  const props = { width: 640, rows, x: (r: FactRow) => r.year ?? 0, y: (r: FactRow) => r.value as number, z: (r: FactRow) => r.template, xDomain: everyYear(rows), series: TEMPLATE_SERIES.slice(0, 2), legend: true, label: '各年度按模板的报告数' };
  test('snapshot', async () => snapshot('overview-reports-per-year', svgOf(StackedColumns, props)));
  test('a missing 2022 is an empty slot on a continuous year axis, marked 无报告', () => {
    const marks = marksOf(svgOf(StackedColumns, props));
    expect(texts(marks).filter((t) => /^20\d\d$/.test(t))).toEqual(['2019', '2020', '2021', '2022', '2023']);
    const label2022 = marks.find((m) => m.name === 'text' && m.text === '2022')!;
    const note = marks.find((m) => m.text === '无报告')!;
    expect(num(note, 'x')).toBeCloseTo(num(label2022, 'x'));
    const columns = marks.filter((m) => m.attrs.class === 'column').map((m) => m.attrs['aria-label']);
    expect(columns).toEqual(['2019：2019年模板 1；合计 1', '2020：2019年模板 3，2021年模板 1；合计 4', '2021：2021年模板 1；合计 1', '2023：2021年模板 2；合计 2']);
  });
  test('the legend is the series definition', () => {
    expect(legendOf(StackedColumns, props)).toEqual(['2019年模板=#3f6ea6', '2021年模板=#c8553d']);
  });
});

describe('办理结果 (applications)', () => {
  const rows = groupRows(F.OUTCOME_TOTALS, OUTCOME_SERIES, NO_FILTERS);
  const props = { width: 640, rows, ...yearly, xDomain: everyYear(rows), series: OUTCOME_SERIES, active: 'denied', pick: () => {}, label: '各年度按办理结果' };
  test('snapshot', async () => snapshot('applications-outcomes', svgOf(StackedColumns, props)));
  test('2020 on the 2021 template stands beside 2020 on the 2019 template, each with the reports it sums', () => {
    const marks = marksOf(svgOf(StackedColumns, props));
    const cols = marks.filter((m) => m.attrs.class === 'column').map((m) => m.attrs['aria-label']);
    expect(cols).toEqual([
      '2020（19版）：予以公开 12，部分公开 3，不予公开 3，其他处理 1；合计 19，2–3份报告',
      '2020（21版）：予以公开 4，其他处理 1；合计 5，1份报告',
      '2021：予以公开 20，部分公开 5，不予公开 4，其他处理 2；合计 31，3–4份报告',
      '2023：予以公开 9，不予公开 1；合计 10，2份报告',
    ]);
    expect(texts(marks, 'axis-note')).toEqual(['19版', '2–3份', '21版', '1份', '3–4份', '无报告', '2份']);
  });
  test('the picked outcome is the pressed legend button, and the segments are pickable', () => {
    expect(legendOf(StackedColumns, props)).toHaveLength(6);
    expect(htmlOf(StackedColumns, props)).toMatch(/<button type="button" aria-pressed="true"><span class="swatch" style="background: #c8553d;"><\/span>不予公开/);
    expect(svgOf(StackedColumns, props)).toContain('class="pickable"');
  });
});

describe('an all-zero chart (table 四)', () => {
  const rows = groupRows(F.REVIEW_ZERO, REVIEW_SERIES, NO_FILTERS);
  const props = { width: 640, rows, ...yearly, xDomain: everyYear(rows), series: REVIEW_SERIES, label: '行政复议与行政诉讼' };
  test('snapshot', async () => snapshot('applications-review-all-zero', svgOf(StackedColumns, props)));
  test('says every value is 0 instead of drawing an empty 0–1 frame', () => {
    const marks = marksOf(svgOf(StackedColumns, props));
    expect(texts(marks, 'zero-note')).toEqual(['所选范围内各项数值均为 0（已填报，不是缺失）']);
    const ticks = marks.filter((m) => m.name === 'g' && m.attrs.transform?.startsWith('translate(') && marks.length);
    expect(texts(marks).filter((t) => /^\d$/.test(t))).toEqual(['0']);
    expect(ticks.length).toBeGreaterThan(0);
  });
});

describe('主动公开 trend panel (proactive)', () => {
  const all = measureRows(F.LICENSING_TOTALS, PROACTIVE_MEASURES, NO_FILTERS);
  const own = all.filter((r) => r.series === 'licensing');
  const span = yearSpan(all)!;
  const props = {
    width: 420,
    title: '行政许可 · 处理决定',
    rows: own.filter((r) => typeof r.value === 'number'),
    x: (r: FactRow) => r.year ?? 0,
    y: (r: FactRow) => r.value as number,
    z: (r: FactRow) => r.template,
    hollow: isStray,
    lines: trendLines(own),
    xDomain: span,
    rules: templateRules(span),
    series: TEMPLATE_SERIES.slice(0, 2),
    tip: (r: FactRow) => `${r.year}：${r.value}`,
    label: '各年度合计的折线图',
  };
  test('snapshot', async () => snapshot('proactive-trend', svgOf(TrendPanel, props)));
  test('every year has a tick, 2022 included; the 2021-template points are joined across it by a dashed bridge', () => {
    const marks = marksOf(svgOf(TrendPanel, props));
    expect(texts(marks).filter((t) => /^20\d\d$/.test(t))).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
    const paths = marks.filter((m) => m.name === 'path');
    // 2019–2020 and 2023–2024 solid (2021 alone draws no line), 2021 to 2023 dashed
    expect(paths.map((p) => [p.attrs.stroke, p.attrs['stroke-dasharray'] ?? 'solid'])).toEqual([
      ['#3f6ea6', 'solid'],
      ['#c8553d', 'solid'],
      ['#c8553d', '4 3'],
    ]);
    const dots = marks.filter((m) => m.name === 'circle');
    const at = (year: number) => dots.find((d) => d.attrs['aria-label'] === `${year}：${own.find((r) => r.year === year && !isStray(r))!.value}`)!;
    const bridge = paths[2].attrs.d;
    expect(bridge).toBe(`M${at(2021).attrs.cx},${at(2021).attrs.cy}L${at(2023).attrs.cx},${at(2023).attrs.cy}`);
  });
  test('the 2020 report on the 2021 template is a hollow dot on no line; the template change is marked', () => {
    const marks = marksOf(svgOf(TrendPanel, props));
    const hollow = marks.filter((m) => m.name === 'circle' && m.attrs.fill === '#fff');
    expect(hollow.map((m) => m.attrs['aria-label'])).toEqual(['2020：12']);
    expect(texts(marks).includes('模板变更')).toBe(true);
  });
});

describe('采购金额 ranking (procurement)', () => {
  const rows = rankedRows(F.PROCUREMENT, 's2_procurement_amount', 'procurement_unit');
  const props = (width: number) => ({
    width,
    rows,
    id: (r: FactRow) => String(r.reportId),
    name: rankedName,
    value: (r: FactRow) => r.value as number,
    note: (r: FactRow) => (r.note ? '*' : ''),
    flagged: (r: FactRow) => r.note === UNIT_NOTES[''],
    unit: '万元',
    series: { id: 'amount', label: '采购总金额', color: '#2a7f62' },
    label: '按采购总金额',
  });
  test('snapshot at 640 px', async () => snapshot('procurement-ranked-640', svgOf(RankedBars, props(640))));
  test('snapshot at 340 px (a phone)', async () => snapshot('procurement-ranked-340', svgOf(RankedBars, props(340))));
  test('the bar of an amount without a unit is hatched with a pattern of its own chart', () => {
    const marks = marksOf(svgOf(RankedBars, props(640)));
    const pattern = marks.find((m) => m.name === 'pattern')!;
    expect(pattern.attrs.id).toMatch(/-hatch-amount$/);
    const bars = marks.filter((m) => m.name === 'rect' && m.attrs.role === 'button');
    expect(bars.map((b) => b.attrs.fill)).toEqual(['#2a7f62', '#2a7f62', `url(#${pattern.attrs.id})`]);
    expect(texts(marks, 'bar-value')).toEqual(['318.5', '96 *', '12.25 *']);
  });
  test('on a phone the names stand whole above their bars', () => {
    const marks = marksOf(svgOf(RankedBars, props(340)));
    expect(texts(marks, 'bar-label')).toEqual(['绥滨县连生乡人民政府 2020', '宁陵县刘楼乡人民政府 2019', '城郊乡人民政府 2020']);
  });
});

describe('对比 paired bars (compare)', () => {
  const rows = compareRows(F.REPORT_A, F.REPORT_B);
  const props = (width: number) => ({
    width,
    rows,
    key: (r: FactRow) => r.key,
    name: (r: FactRow) => r.label,
    value: (r: FactRow) => r.value as number | null,
    z: (r: FactRow) => r.series ?? '',
    series: [
      { id: 'a', label: `A：${reportName(F.REPORT_A)}`, color: '#3f6ea6' },
      { id: 'b', label: `B：${reportName(F.REPORT_B)}`, color: '#c8553d' },
    ],
    label: '两份报告主要数字',
  });
  test('snapshot at 640 px', async () => snapshot('compare-paired-640', svgOf(PairedBars, props(640))));
  test('snapshot at 340 px (a phone)', async () => snapshot('compare-paired-340', svgOf(PairedBars, props(340))));
  test('the bars draw the rows the CSV holds: 12 figures of A, then of B; unstated ones written 未填报', () => {
    expect(rows.map((r) => r.series)).toEqual([...Array(12).fill('a'), ...Array(12).fill('b')]);
    const marks = marksOf(svgOf(PairedBars, props(640)));
    expect(texts(marks, 'bar-missing')).toHaveLength(2);
    expect(marks.filter((m) => m.attrs.class === 'bar-missing').map((m) => m.attrs['aria-label'])).toEqual([
      '行政强制 · 处理决定数量 · A：连生乡 2020：未填报',
      '行政复议 · 总计 · B：绥滨县连生乡人民政府 2021：未填报',
    ]);
  });
  test('on a phone no measure name is cut short', () => {
    const labels = texts(marksOf(svgOf(PairedBars, props(340))), 'bar-label');
    expect(labels).toContain('行政许可 · 处理决定数量');
    expect(labels).toContain('一、本年新收政府信息公开申请数量 · 总计');
    expect(labels.join('')).not.toContain('…');
  });
});

describe('合规矩阵 (compliance)', () => {
  const m = matrixOf(F.MATRIX_REPORTS, F.MATRIX_CELLS);
  const props = (width: number) => ({
    width,
    rows: m.rows.map((r) => ({ id: r.id, label: r.label, href: `?v=1&view=report&report=${r.id}` })),
    cols: F.CHECK_COLUMNS,
    cells: m.cells,
    row: (c: MatrixCell) => c.report,
    col: (c: MatrixCell) => c.check,
    status: cellStatus,
    tip: (c: MatrixCell) => `${c.check}：${c.status}`,
    series: STATUS_SERIES,
    missing: 'none',
    onpick: () => {},
    label: '合规矩阵',
  });
  test('snapshot at 640 px', async () => snapshot('compliance-matrix-640', svgOf(Matrix, props(640))));
  test('snapshot at 340 px (a phone)', async () => snapshot('compliance-matrix-340', svgOf(Matrix, props(340))));
  test('a check that applies to no report is a white, outlined cell, and 不适用 is in the legend', () => {
    const marks = marksOf(svgOf(Matrix, props(640)));
    const absent = marks.filter((m) => m.name === 'rect' && m.attrs.class === 'absent');
    expect(absent.every((r) => r.attrs.fill === '#ffffff')).toBe(true);
    expect(absent).toHaveLength(3 * 28 - 12); // every pair without a finding: C06–C28 everywhere, C03 of report 1, C04 and C05 of report 5
    expect(legendOf(Matrix, props(640))).toContain('不适用=#ffffff');
  });
  test('every row is a link to its report, named with its summary', () => {
    const links = marksOf(svgOf(Matrix, props(640))).filter((x) => x.name === 'a');
    expect(links.map((a) => a.attrs.href)).toEqual(['?v=1&view=report&report=3', '?v=1&view=report&report=1', '?v=1&view=report&report=5']);
    expect(links[0].attrs['aria-label']).toBe(
      '绥滨县连生乡人民政府 2021：通过 2（C01、C02）；不通过 · 错误 1（C04）；不通过 · 警告 1（C03）；无法判断 1（C05）；不适用 23。按 Enter 打开报告',
    );
  });
  test('on a phone the column labels stand upright and the organ names are whole, above their rows', () => {
    const marks = marksOf(svgOf(Matrix, props(340)));
    const cols = marks.filter((x) => x.attrs.class === 'matrix-col');
    expect(cols.every((c) => /^rotate\(-90 /.test(c.attrs.transform ?? ''))).toBe(true);
    const xs = cols.map((c) => num(c, 'x'));
    for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(11);
    expect(texts(marks, 'bar-label pickable')).toEqual(['绥滨县连生乡人民政府 2021', '连生乡 2020', '宁陵县城关回族镇人民政府办公室 2019']);
  });
});

describe('通过比例分布 (compliance)', () => {
  const rows = passShareBins(F.BY_ORGAN, NO_FILTERS);
  const props = (width: number) => ({
    width,
    height: 200,
    rows,
    x: (r: FactRow) => r.label,
    y: (r: FactRow) => r.value as number,
    z: (r: FactRow) => r.series ?? '',
    xDomain: rows.map((r) => r.label),
    xLabel: binTick,
    series: [{ id: 'organs', label: '机关数', color: '#3f6ea6' }],
    label: '按检查通过比例分组的机关数',
  });
  test('snapshot at 640 px', async () => snapshot('compliance-pass-share-640', svgOf(StackedColumns, props(640))));
  test('snapshot at 340 px (a phone)', async () => snapshot('compliance-pass-share-340', svgOf(StackedColumns, props(340))));
  test('organs fall in the bins of their share passed; crowded bin labels are thinned on a phone', () => {
    expect(rows.map((r) => r.value)).toEqual([1, 0, 0, 0, 0, 0, 0, 1, 1, 2]);
    const wide = texts(marksOf(svgOf(StackedColumns, props(640)))).filter((t) => t.endsWith('%'));
    const phone = texts(marksOf(svgOf(StackedColumns, props(340)))).filter((t) => t.endsWith('%'));
    expect(wide).toHaveLength(10);
    expect(phone).toEqual(['0–10%', '20–30%', '40–50%', '60–70%', '80–90%']);
  });
});
