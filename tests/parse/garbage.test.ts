/**
 * Garbage in: the parser returns (no exception, no hang) and says what it
 * could not read. Inputs are made here (seeded), never copied from a corpus.
 */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse/index';
import { decodeText as decodeReport } from '../../src/extract/decode';
import { generateReport } from '../../scripts/synth/index';
import { Rng } from '../../scripts/synth/prng';

/** Uniform draws in [0, 1) from the generator's seeded PRNG. */
function rng(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.next();
}

describe('garbage in', () => {
  it('random bytes: the decoder rejects binary with a reason, and the parser survives the text anyway', () => {
    const r = rng(7);
    const bytes = new Uint8Array(4096).map(() => Math.floor(r() * 256));
    const d = decodeReport(bytes);
    expect('error' in d && d.error).toMatch(/二进制|既不是/);
    const p = parseReport(new TextDecoder('latin1').decode(bytes));
    expect(p.template).toBeNull();
    expect(p.completeness).toBe('none');
    expect(p.notes.some((n) => n.kind === 'no-template')).toBe(true);
  });

  it('empty input and empty file', () => {
    expect(decodeReport(new Uint8Array())).toEqual({ error: '空文件（0 字节）' });
    const p = parseReport('');
    expect(p.template).toBeNull();
    expect(p.organ).toBeNull();
    expect(p.lineCount).toBe(1);
  });

  it('GB18030 bytes decode', () => {
    // 政府 in GB18030: D5FE B8AE
    const d = decodeReport(new Uint8Array([0xd5, 0xfe, 0xb8, 0xae, 0x0a]));
    expect(d).toEqual({ text: '政府\n', encoding: 'gb18030' });
  });

  it('random CJK text', () => {
    const r = rng(11);
    let s = '';
    for (let i = 0; i < 20000; i++) s += r() < 0.05 ? '\n' : r() < 0.1 ? String(Math.floor(r() * 100)) + ' ' : String.fromCharCode(0x4e00 + Math.floor(r() * 0x5000));
    const p = parseReport(s);
    expect(p.template).toBeNull();
    expect(Object.keys(p.cells)).toHaveLength(0);
  });

  it('a report cut at every line boundary: never a wrong number, the rest missing', () => {
    const full = generateReport(5, { layout: 'spaced', template: '2021' });
    const lines = full.text.split('\n');
    for (let n = 0; n <= lines.length; n++) {
      const p = parseReport(lines.slice(0, n).join('\n'));
      for (const [k, c] of Object.entries(p.cells)) {
        if (c.value === null) continue;
        expect(c.value, `cut after line ${n}: ${k}`).toBe(full.facts[k]);
      }
      if (p.template && n < lines.length - 20) expect(p.completeness === 'partial' || p.completeness === 'none').toBe(true);
    }
  });

  it('a 10 MB file returns within seconds', () => {
    const r = rng(3);
    const one = generateReport(9, { layout: 'pipes', template: '2019' }).text;
    const parts: string[] = [];
    let size = 0;
    while (size < 10_000_000) {
      const chunk = r() < 0.5 ? one : '|'.repeat(200) + ' 0 '.repeat(100) + '\n';
      parts.push(chunk);
      size += chunk.length;
    }
    const t0 = Date.now();
    const p = parseReport(parts.join(''));
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(p.lineCount).toBeGreaterThan(10_000);
    expect(p.template).toBe('2019');
  });

  it('a 10 MB single line', () => {
    const p = parseReport('二、主动公开政府信息情况 '.padEnd(10_000_000, '规章 0 '));
    expect(p.lineCount).toBe(1);
  });
});
