/**
 * The view and its filters live in the query string, so a link reproduces what
 * the reader sees. Defaults are left out; `v` versions the format; unknown keys
 * are ignored so old or decorated links still open.
 *
 * Version 2 names reports and organs by their stable keys (src/db/keys.ts).
 * Version 1 links (and links without `v`) named them by build-order ids, which
 * change when files are added: such an id is kept as `#<id>` and the page says
 * that it may now name another report or organ.
 */
import { NO_FILTERS, type Filters } from '../../db/filters';
import type { CoverageFilter } from '../../db/queries';

export const URL_VERSION = 2;

export const VIEWS = [
  { id: 'overview', label: '概览' },
  { id: 'proactive', label: '主动公开' },
  { id: 'applications', label: '依申请公开' },
  { id: 'procurement', label: '采购与收费' },
  { id: 'compliance', label: '合规' },
  { id: 'report', label: '报告详情' },
  { id: 'compare', label: '对比' },
  { id: 'selfcheck', label: '自查' },
  { id: 'sql', label: '查询' },
  { id: 'builder', label: '表格生成器' },
  { id: 'docs', label: '数据说明' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

export interface AppState extends Filters {
  view: ViewId;
  /** report shown in 报告详情: its key, or `#<id>` from a version-1 link */
  report: string | null;
  /** the two reports of 对比 */
  a: string | null;
  b: string | null;
  /** check filter of 合规 */
  check: string;
  /** measure ranked in 主动公开 */
  metric: string;
  /** outcome group whose reasons are open in 依申请公开 */
  outcome: string;
  /** the report list: page (from 1), sort column ('-' first: descending), coverage filter */
  page: number;
  sort: string;
  cov: CoverageFilter;
  /** 对比: only the figures where the two reports differ */
  diff: boolean;
  /** the SQL of 查询 */
  sql: string;
  /** 表格生成器: part of the organs' names, and the chosen figures (fact keys, comma-separated) */
  find: string;
  cols: string;
}

export const DEFAULT_STATE: AppState = {
  ...NO_FILTERS,
  view: 'overview',
  report: null,
  a: null,
  b: null,
  check: '',
  metric: '',
  outcome: '',
  page: 1,
  sort: '',
  cov: '',
  diff: false,
  sql: '',
  find: '',
  cols: '',
};

type Kind = 'string' | 'int' | 'page' | 'ref' | 'view' | 'template' | 'coverage' | 'flag';
const FIELDS: [keyof AppState, Kind][] = [
  ['view', 'view'],
  ['province', 'string'],
  ['city', 'string'],
  ['county', 'string'],
  ['level', 'string'],
  ['organ', 'ref'],
  ['from', 'int'],
  ['to', 'int'],
  ['template', 'template'],
  ['report', 'ref'],
  ['a', 'ref'],
  ['b', 'ref'],
  ['check', 'string'],
  ['metric', 'string'],
  ['outcome', 'string'],
  ['cov', 'coverage'],
  ['sort', 'string'],
  ['page', 'page'],
  ['diff', 'flag'],
  ['sql', 'string'],
  ['find', 'string'],
  ['cols', 'string'],
];

const VIEW_IDS = new Set<string>(VIEWS.map((v) => v.id));

function parse(kind: Kind, raw: string, version: number): unknown {
  switch (kind) {
    case 'int':
      return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
    case 'page':
      return /^\d+$/.test(raw) && Number(raw) >= 1 ? Number(raw) : undefined;
    case 'ref':
      // a version-1 number is a build-order id; anything else is looked up as a key (and may be not found)
      return version < 2 && /^-?\d+$/.test(raw) ? `#${raw}` : raw;
    case 'view':
      return VIEW_IDS.has(raw) ? raw : undefined;
    case 'template':
      return raw === '2019' || raw === '2021' ? raw : undefined;
    case 'coverage':
      return raw === 'full' || raw === 'partial' ? raw : undefined;
    case 'flag':
      return raw === '1' ? true : undefined;
    default:
      return raw;
  }
}

/** Query string (with or without '?') → state; bad values fall back to defaults. */
export function decodeState(search: string): AppState {
  const q = new URLSearchParams(search);
  const version = /^\d+$/.test(q.get('v') ?? '') ? Number(q.get('v')) : 1;
  const s: Record<string, unknown> = { ...DEFAULT_STATE };
  for (const [key, kind] of FIELDS) {
    const raw = q.get(key);
    if (raw === null || raw === '') continue;
    const v = parse(kind, raw, version);
    if (v !== undefined) s[key] = v;
  }
  return s as unknown as AppState;
}

/** State → query string without '?', defaults omitted, version first. */
export function encodeState(state: AppState): string {
  const q = new URLSearchParams();
  q.set('v', String(URL_VERSION));
  for (const [key, kind] of FIELDS) {
    const v = state[key];
    if (v === DEFAULT_STATE[key] || v === null || v === undefined || v === '' || v === false) continue;
    q.set(key, kind === 'flag' ? '1' : String(v));
  }
  return q.toString();
}

const SELECTION: (keyof AppState)[] = ['province', 'city', 'county', 'level', 'organ', 'from', 'to', 'template', 'cov', 'sort'];

/**
 * A state change that keeps the region cascade consistent: a new province clears
 * city, county and organ (unless the change sets them too), and a new selection
 * or order of the report list starts it at page 1.
 */
export function withChange(state: AppState, patch: Partial<AppState>): AppState {
  const next = { ...state, ...patch };
  const changed = (k: keyof AppState) => k in patch && patch[k] !== state[k];
  const clear = (...keys: ('city' | 'county' | 'organ')[]) => {
    for (const k of keys) {
      if (k in patch) continue;
      if (k === 'organ') next.organ = null;
      else next[k] = '';
    }
  };
  if (changed('province')) clear('city', 'county', 'organ');
  if (changed('city')) clear('county', 'organ');
  if (changed('county') || changed('level')) clear('organ');
  if (next.from != null && next.to != null && next.from > next.to) {
    if ('from' in patch) next.to = next.from;
    else next.from = next.to;
  }
  if (!('page' in patch) && SELECTION.some((k) => next[k] !== state[k])) next.page = 1;
  return next;
}

export function filtersOf(s: AppState): Filters {
  return {
    province: s.province,
    city: s.city,
    county: s.county,
    level: s.level,
    organ: s.organ,
    from: s.from,
    to: s.to,
    template: s.template,
  };
}
