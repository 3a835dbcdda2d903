/**
 * scripts/synth.ts writes a corpus a person (or score.mjs) can use: NNNNNN.txt,
 * NNNNNN.json truth in the seed corpus's shape, and manifest.csv; report i is
 * generateReport(seed + i), so any file can be regenerated alone.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { generateReport, NEW_LAYOUTS } from '../../scripts/synth/index';
import { parseReport } from '../../src/parse/index';

const root = path.resolve(__dirname, '../..');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-cli-'));
const outNew = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-cli-new-'));

afterAll(() => {
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(outNew, { recursive: true, force: true });
});

describe('tsx scripts/synth.ts --count 12 --out DIR --seed 500', () => {
  execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/synth.ts', '--count', '12', '--out', out, '--seed', '500'], { cwd: root, stdio: 'pipe' });

  it('writes 12 reports, 12 truth files and a manifest', () => {
    const files = fs.readdirSync(out).sort();
    expect(files.filter((f) => f.endsWith('.txt'))).toHaveLength(12);
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(12);
    expect(files).toContain('manifest.csv');
    expect(files[0]).toBe('000001.json');
  });

  it('report i is generateReport(seed + i), truth included', () => {
    const r = generateReport(503);
    expect(fs.readFileSync(path.join(out, '000004.txt'), 'utf8')).toBe(r.text);
    const truth = JSON.parse(fs.readFileSync(path.join(out, '000004.json'), 'utf8'));
    expect(truth.file).toBe('000004.txt');
    expect(truth.year).toBe(r.year);
    expect(truth.template).toBe(r.template);
    expect(truth.organ).toBe(r.organ);
    expect(truth.county).toBe(r.county);
    for (const [k, v] of Object.entries(r.facts)) if (!r.dash.includes(k)) expect(truth.facts[k]).toBe(v);
    expect(truth.absent).toEqual(r.dash);
    expect(truth.blank).toEqual(r.blank);
  });

  it('manifest.csv has the documented columns and a plausible publication date', () => {
    const rows = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(out, 'manifest.csv'), 'utf8'), { header: true, skipEmptyLines: true });
    expect(rows.meta.fields).toEqual(['file', 'organ', 'province', 'city', 'county', 'level', 'year', 'source_url', 'published']);
    expect(rows.data).toHaveLength(12);
    for (const row of rows.data) {
      expect(['乡镇', '县级部门', '县级政府']).toContain(row.level);
      const published = new Date(row.published);
      expect(published.getUTCFullYear()).toBe(Number(row.year) + 1);
      expect(row.source_url).toMatch(/^http:\/\/www\.gov\d{6}\.gov\.cn\//);
    }
  });
});

describe('tsx scripts/synth.ts --count 6 --out DIR --seed 700 --layouts new', () => {
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  execFileSync(tsx, ['scripts/synth.ts', '--count', '6', '--out', outNew, '--seed', '700', '--layouts', 'new'], { cwd: root, stdio: 'pipe' });

  it('takes the flattened, detached-labels and ocr-tables layouts in turn, the markdown ones as .md', () => {
    const files = fs.readdirSync(outNew).filter((f) => !f.endsWith('.json') && f !== 'manifest.csv').sort();
    expect(files).toEqual(['000001.txt', '000002.md', '000003.md', '000004.txt', '000005.md', '000006.md']);
    for (let i = 0; i < 6; i++) {
      const r = generateReport(700 + i, { layout: NEW_LAYOUTS[i % 3] });
      expect(fs.readFileSync(path.join(outNew, files[i]), 'utf8')).toBe(r.text);
      const truth = JSON.parse(fs.readFileSync(path.join(outNew, `${files[i].slice(0, 6)}.json`), 'utf8'));
      expect([truth.file, truth.layout]).toEqual([files[i], NEW_LAYOUTS[i % 3]]);
    }
  });

  it('writes files the parse CLI reads as parseReport reads their text', () => {
    const files = fs.readdirSync(outNew).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => path.join(outNew, f));
    const lines = execFileSync(tsx, ['scripts/parse-cli.ts', ...files], { cwd: root, encoding: 'utf8' }).trim().split('\n');
    expect(lines).toHaveLength(6);
    lines.forEach((line, i) => {
      const got = JSON.parse(line) as { file: string; template: string | null; facts: Record<string, number | null> };
      const p = parseReport(fs.readFileSync(files[i], 'utf8'), { file: path.basename(files[i]) });
      expect(got.template).toBe(p.template);
      const want: Record<string, number | null> = {};
      for (const [k, c] of Object.entries(p.cells)) want[k] = c.value;
      for (const [k, v] of Object.entries(want)) expect(got.facts[k] ?? null, `${path.basename(files[i])} ${k}`).toBe(v);
    });
  });

  it('rejects an unknown layout and --layout given with --layouts', () => {
    const run = (...a: string[]) => () => execFileSync(tsx, ['scripts/synth.ts', '--count', '1', '--out', outNew, ...a], { cwd: root, stdio: 'pipe' });
    expect(run('--layouts', 'flattened,scanned')).toThrow(/unknown layout scanned/);
    expect(run('--layout', 'flattened', '--layouts', 'new')).toThrow(/not both/);
  });
});
