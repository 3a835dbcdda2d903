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
import { generateReport } from '../../scripts/synth/index';

const root = path.resolve(__dirname, '../..');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-cli-'));

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

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
