/**
 * The view and its filters live in the query string, so a link reproduces what
 * the reader sees. Defaults are left out; `v` versions the format; unknown keys
 * are ignored so old or decorated links still open.
 */
import { NO_FILTERS, type Filters } from '../../db/filters';

export const URL_VERSION = 1;

export const VIEWS = [
  { id: 'overview', label: '概览' },
  { id: 'proactive', label: '主动公开' },
  { id: 'applications', label: '依申请公开' },
  { id: 'procurement', label: '采购与收费' },
  { id: 'compliance', label: '合规' },
  { id: 'report', label: '报告详情' },
  { id: 'compare', label: '对比' },
  { id: 'sql', label: '查询' },
  { id: 'builder', label: '表格生成器' },
  { id: 'docs', label: '数据说明' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

export interface AppState extends Filters {
  view: ViewId;
  /** report shown in 报告详情 */
  report: number | null;
  /** the two reports of 对比 */
  a: number | null;
  b: number | null;
  /** check filter of 合规 */
  check: string;
  /** measure ranked in 主动公开 */
  metric: string;
  /** outcome group whose reasons are open in 依申请公开 */
  outcome: string;
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
  sql: '',
  find: '',
  cols: '',
};

type Kind = 'string' | 'int' | 'view' | 'template';
const FIELDS: [keyof AppState, Kind][] = [
  ['view', 'view'],
  ['province', 'string'],
  ['city', 'string'],
  ['county', 'string'],
  ['level', 'string'],
  ['organ', 'int'],
  ['from', 'int'],
  ['to', 'int'],
  ['template', 'template'],
  ['report', 'int'],
  ['a', 'int'],
  ['b', 'int'],
  ['check', 'string'],
  ['metric', 'string'],
  ['outcome', 'string'],
  ['sql', 'string'],
  ['find', 'string'],
  ['cols', 'string'],
];

const VIEW_IDS = new Set<string>(VIEWS.map((v) => v.id));

function parse(kind: Kind, raw: string): unknown {
  switch (kind) {
    case 'int':
      return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
    case 'view':
      return VIEW_IDS.has(raw) ? raw : undefined;
    case 'template':
      return raw === '2019' || raw === '2021' ? raw : undefined;
    default:
      return raw;
  }
}

/** Query string (with or without '?') → state; bad values fall back to defaults. */
export function decodeState(search: string): AppState {
  const q = new URLSearchParams(search);
  const s: Record<string, unknown> = { ...DEFAULT_STATE };
  for (const [key, kind] of FIELDS) {
    const raw = q.get(key);
    if (raw === null || raw === '') continue;
    const v = parse(kind, raw);
    if (v !== undefined) s[key] = v;
  }
  return s as unknown as AppState;
}

/** State → query string without '?', defaults omitted, version first. */
export function encodeState(state: AppState): string {
  const q = new URLSearchParams();
  q.set('v', String(URL_VERSION));
  for (const [key] of FIELDS) {
    const v = state[key];
    if (v === DEFAULT_STATE[key] || v === null || v === undefined || v === '') continue;
    q.set(key, String(v));
  }
  return q.toString();
}

/** A state change that keeps the region cascade consistent: a new province clears city, county and organ. */
export function withChange(state: AppState, patch: Partial<AppState>): AppState {
  const next = { ...state, ...patch };
  if ('province' in patch && patch.province !== state.province) Object.assign(next, { city: '', county: '', organ: null });
  if ('city' in patch && patch.city !== state.city) Object.assign(next, { county: '', organ: null });
  if ('county' in patch && patch.county !== state.county) next.organ = patch.organ ?? null;
  if ('level' in patch && patch.level !== state.level) next.organ = patch.organ ?? null;
  if (next.from != null && next.to != null && next.from > next.to) {
    if ('from' in patch) next.to = next.from;
    else next.from = next.to;
  }
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
