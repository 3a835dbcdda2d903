/** The build's progress output: a bar with rate and ETA on a terminal, nothing elsewhere; a line per later phase. */
import { describe, expect, test } from 'vitest';
import { formatSeconds, Phases, Progress } from '../../scripts/lib/progress';

function stream(isTTY: boolean): { out: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const out = { isTTY, write: (s: string) => ((text += s), true) } as unknown as NodeJS.WriteStream;
  return { out, text: () => text };
}

describe('Progress', () => {
  test('on a terminal: one redrawn line with the count, the rate in the given unit and an ETA; a newline when done', () => {
    const s = stream(true);
    const p = new Progress(4, '补入明细文件', '个', s.out);
    p.tick(4);
    p.done();
    const line = s.text();
    expect(line.startsWith('\r补入明细文件 ')).toBe(true);
    expect(line).toContain('█'.repeat(28));
    expect(line).toMatch(/ 4\/4 {2}\d+ 个\/秒 {2}剩余约 0 秒/);
    expect(line.endsWith('\n')).toBe(true);
  });

  test('reports by default, and the bar fills in proportion', () => {
    const s = stream(true);
    new Progress(4, '解析报告', undefined, s.out).tick(1);
    expect(s.text()).toContain('█'.repeat(7) + '░'.repeat(21));
    expect(s.text()).toMatch(/ 1\/4 {2}\d+ 份\/秒/);
  });

  test('not a terminal (CI logs, pipes): silent', () => {
    const s = stream(false);
    const p = new Progress(10, '解析报告', '份', s.out);
    for (let i = 1; i <= 10; i++) p.tick(i);
    p.done();
    expect(s.text()).toBe('');
  });
});

describe('Phases', () => {
  test('a line per phase with the time so far and the memory held; none without an output', () => {
    const s = stream(false);
    const ph = new Phases(s.out);
    ph.begin('跨报告检查');
    ph.begin('写入核心文件');
    const lines = s.text().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^跨报告检查…（已用 0 秒，内存 [1-9]\d* MB：堆 \d+ MB，缓冲区 \d+ MB）$/);
    expect(lines[1]).toMatch(/^写入核心文件…（已用 0 秒，内存 [1-9]\d* MB：堆 \d+ MB，缓冲区 \d+ MB）$/);
    expect(lines[2]).toBe('');
    expect(() => new Phases(null).begin('x')).not.toThrow();
  });

  test('formatSeconds: seconds under a minute, minutes and seconds after', () => {
    expect(formatSeconds(42.4)).toBe('42 秒');
    expect(formatSeconds(125)).toBe('2 分 5 秒');
    expect(formatSeconds(Infinity)).toBe('?');
  });
});
