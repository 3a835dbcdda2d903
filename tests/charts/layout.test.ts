/**
 * The charts' layout maths, args → expected: text widths, clipping and wrapping
 * of labels, ticks, thinning of crowded tick labels, margins, label placement.
 */
import { describe, expect, test } from 'vitest';
import {
  clipText,
  labelColumn,
  labelLines,
  textWidth,
  thinLabels,
  valueAxisWidth,
  valueTicks,
  wrapText,
} from '../../src/app/charts/layout';

describe('text width', () => {
  test('a Chinese character is one em, a digit 0.56 em, a capital 0.66 em', () => {
    expect(textWidth('行政许可', 12)).toBe(48);
    expect(textWidth('2021', 10)).toBeCloseTo(22.4);
    expect(textWidth('C01', 10)).toBeCloseTo(17.8);
  });
});

describe('label clipping', () => {
  test('a long organ name is shortened, its year kept whole', () => {
    expect(clipText('绥滨县连生乡人民政府 2021', 100, 12, ' 2021')).toBe('绥滨县连… 2021');
  });
  test('a name that fits is left as it is', () => {
    expect(clipText('刘楼乡 2019', 100, 12, ' 2019')).toBe('刘楼乡 2019');
  });
  test('the clipped label with its ellipsis fits the room', () => {
    const clipped = clipText('行政许可 · 处理决定数量', 100, 12);
    expect(clipped).toBe('行政许可 · 处理…');
    expect(textWidth(clipped, 12)).toBeLessThanOrEqual(100);
  });
});

describe('label wrapping', () => {
  test('a table 三 row label breaks into two lines that each fit', () => {
    const lines = wrapText('一、本年新收政府信息公开申请数量 · 总计', 150, 12, 2);
    expect(lines).toEqual(['一、本年新收政府信息公开', '申请数量 · 总计']);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(150);
  });
  test('a break after closing punctuation is preferred over one mid-word', () => {
    expect(wrapText('（二）部分公开（区分处理的，只计这一情形，不计其他情形） · 总计', 340, 12, 2)).toEqual([
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '· 总计',
    ]);
  });
  test('what two lines cannot hold ends in an ellipsis', () => {
    expect(wrapText('（二）部分公开（区分处理的，只计这一情形，不计其他情形） · 总计', 150, 12, 2)).toEqual([
      '（二）部分公开（区分处理',
      '的，只计这一情形，不计…',
    ]);
  });
});

describe('value ticks', () => {
  test('an all-zero axis has the one tick 0 (not an empty 0–1 frame)', () => {
    expect(valueTicks(0)).toEqual({ ticks: [0], top: 1 });
  });
  test('counts get whole-number ticks up to a nice top', () => {
    expect(valueTicks(3)).toEqual({ ticks: [0, 1, 2, 3], top: 3 });
    expect(valueTicks(143_000)).toEqual({ ticks: [0, 50_000, 100_000, 150_000], top: 150_000 });
  });
  test('amounts in 万元 keep fractional ticks', () => {
    expect(valueTicks(2.5, 4, false)).toEqual({ ticks: [0, 0.5, 1, 1.5, 2, 2.5], top: 2.5 });
  });
});

describe('tick thinning', () => {
  const bins = ['0–10%', '10–20%', '20–30%', '30–40%', '40–50%', '50–60%', '60–70%', '70–80%', '80–90%', '90–100%'];
  test('ten bin labels 30 px apart (a phone) show every second one', () => {
    expect(thinLabels(bins, bins.map((_, i) => 20 + i * 30), 11)).toEqual(bins.map((_, i) => i % 2 === 0));
  });
  test('90 px apart (a desktop) all show', () => {
    expect(thinLabels(bins, bins.map((_, i) => 20 + i * 90), 11).every(Boolean)).toBe(true);
  });
});

describe('margins and label placement', () => {
  test('the value axis is as wide as its widest tick label plus a gap', () => {
    expect(valueAxisWidth([0, 50_000, 100_000, 150_000], 11)).toBe(51);
    expect(valueAxisWidth([0], 11)).toBe(17);
  });
  test('on a phone bar labels go above the bars', () => {
    expect(labelColumn(390, ['行政许可 · 处理决定数量'], 12)).toEqual({ above: true, width: 0 });
  });
  test('on a desktop the label column is the widest label, up to its share of the width', () => {
    expect(labelColumn(800, ['行政许可 · 处理决定数量'], 12)).toEqual({ above: false, width: 141 });
    expect(labelColumn(800, ['（二）部分公开（区分处理的，只计这一情形，不计其他情形） · 总计'], 12, 0.4)).toEqual({ above: false, width: 320 });
  });
  test('a label wider than a phone chart takes two lines above its bars', () => {
    expect(labelLines(340, ['行政许可 · 处理决定数量'], 12)).toBe(1);
    expect(labelLines(340, ['（二）部分公开（区分处理的，只计这一情形，不计其他情形） · 总计'], 12)).toBe(2);
  });
});
