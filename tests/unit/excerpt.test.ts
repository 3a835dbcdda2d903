import { describe, expect, it } from 'vitest';
import { excerptOf, labelNeedle } from '../../src/app/shape/excerpt';

const prose = '办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；'.repeat(6);
const table = '三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计（一）予以公开220000022（二）部分公开（区分处理的，只计这一情形，不计其他情形）191000020（三）不予公开1.属于国家秘密0000000';
const line = prose + table + '五、存在的主要问题及改进情况'.repeat(20);

describe('the stretch of a long source line a figure came from', () => {
  it('the label a report prints: last part, no enumerator, no parenthesised note', () => {
    expect(labelNeedle('（一）予以公开')).toBe('予以公开');
    expect(labelNeedle('（三）不予公开 1.属于国家秘密')).toBe('属于国家秘密');
    expect(labelNeedle('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('部分公开');
    expect(labelNeedle('一、本年新收政府信息公开申请数量')).toBe('本年新收政府信息公开申请数量');
    expect(labelNeedle('行政许可')).toBe('行政许可');
  });

  it('a short line is shown whole', () => {
    expect(excerptOf('  行政许可 | 2629  ', '行政许可')).toEqual({ before: '行政许可 | 2629', mark: '', after: '', cutStart: 0, cutEnd: 0 });
  });

  it('a long line: the place where the label follows its enumerator and precedes figures, not its mention in the prose', () => {
    const e = excerptOf(line, '（一）予以公开', 10, 12);
    expect(e.mark).toBe('予以公开');
    expect(e.before).toBe('或其他组织总计（一）');
    expect(e.after).toBe('220000022（二）');
    expect(e.cutStart).toBe(line.indexOf('（一）予以公开') + 3 - 10);
    expect(e.cutStart + e.before.length + e.mark.length + e.after.length + e.cutEnd).toBe(line.length);
  });

  it('a label with a note in parentheses before its figures', () => {
    const e = excerptOf(line, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 0, 40);
    expect(e.mark).toBe('部分公开');
    expect(e.after.startsWith('（区分处理的，只计这一情形，不计其他情形）191000020')).toBe(true);
  });

  it('a label not in the line: the start of the line, cut', () => {
    const e = excerptOf(line, '行政强制', 30, 160);
    expect(e).toMatchObject({ mark: '', cutStart: 0, cutEnd: line.length - 190 });
    expect(e.before).toBe(line.slice(0, 190));
  });
});
