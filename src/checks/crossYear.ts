/**
 * C18–C22, C24: a report against the same organ's report of the year before.
 * Every finding's evidence starts with which report it was compared with and
 * how the two were matched.
 */
import { S3_COLS } from '../parse/factKeys';
import type { ParsedReport } from '../parse/types';
import { type CheckFinding, finding, fmt, fold, type FindingPart, num, readAll } from './finding';
import { compactText } from './sectionText';
import { formatSimilarity, normaliseForSimilarity, textSimilarity } from './similarity';

/** The previous report and how it was matched, e.g. 与 2020 年报告（连生乡，按机关名称+区划代码匹配）比较. */
export interface Counterpart {
  report: ParsedReport;
  /** 按机关名称+区划代码匹配 … */
  how: string;
}

export function pairNote(c: Counterpart): string {
  const name = c.report.organ ?? c.report.organSimplified ?? '机关名称不详';
  return `与 ${c.report.year ?? '年度不详'} 年报告（${name}，${c.how}）比较`;
}

const NO_PREVIOUS = '未找到本机关上年报告';

function withNote(f: CheckFinding, c: Counterpart): CheckFinding {
  return { ...f, evidence: `${pairNote(c)}：${f.evidence}` };
}

/** Names a missing cell of the earlier report. */
function prevMissing(prev: ParsedReport, keys: string[], label: string): FindingPart {
  return { label, status: 'na', evidence: `${label}：${prev.year} 年报告 ${keys.join('、')} 无数值，无法核对`, keys };
}

/** C18: this year's 上年结转 = last year's 结转下年度, per column. */
export function checkCarryOverChain(cur: ParsedReport, prev: Counterpart | null): CheckFinding {
  if (!prev) return finding('C18', 'na', 'warning', NO_PREVIOUS);
  if (cur.template === null || prev.report.template === null) {
    return withNote(finding('C18', 'na', 'warning', `${cur.template === null ? '本年' : '上年'}报告无模板表格`), prev);
  }
  const parts: FindingPart[] = S3_COLS.map(({ col, label }) => {
    const a = num(cur, `s3.carried_over.${col}`);
    const b = num(prev.report, `s3.carried_forward.${col}`);
    const keys = [`s3.carried_over.${col}`];
    const name = `${label}列`;
    if (a === null) return { label: name, status: 'na', evidence: `${name}：本年上年结转无数值`, keys };
    if (b === null) return prevMissing(prev.report, [`结转下年度 · ${label}`], name);
    const ok = a === b;
    return {
      label: name,
      status: ok ? 'pass' : 'fail',
      evidence: `${name}：本年上年结转 ${fmt(a)} ${ok ? '=' : '≠'} 上年结转下年度 ${fmt(b)}`,
      keys,
    };
  });
  return withNote(fold('C18', 'warning', parts, 'strict', (p) => `${p.length} 列的上年结转均等于上年报告的结转下年度`), prev);
}

/** C19 (2021 template): 现行有效(Y) = 现行有效(Y−1) + 制发(Y) − 废止(Y). Omitted for the 2019 template. */
export function checkInForceChain(cur: ParsedReport, prev: Counterpart | null): CheckFinding | null {
  if (cur.template !== '2021') return null;
  if (!prev) return finding('C19', 'na', 'warning', NO_PREVIOUS);
  if (prev.report.template !== '2021') {
    return withNote(finding('C19', 'na', 'warning', `上年报告为 ${prev.report.template ?? '无'} 模板，没有现行有效件数`), prev);
  }
  const parts: FindingPart[] = (['rules', 'normative'] as const).map((row) => {
    const name = row === 'rules' ? '规章' : '行政规范性文件';
    const keys = [`s2.${row}.in_force`, `s2.${row}.issued`, `s2.${row}.repealed`];
    const { missing } = readAll(cur, keys);
    if (missing.length) return { label: name, status: 'na', evidence: `${name}：本年 ${missing.length} 格无数值`, keys };
    const before = num(prev.report, `s2.${row}.in_force`);
    if (before === null) return prevMissing(prev.report, [`${name}现行有效件数`], name);
    const [now, issued, repealed] = keys.map((k) => num(cur, k)!);
    const want = before + issued - repealed;
    const ok = now === want;
    return {
      label: name,
      status: ok ? 'pass' : 'fail',
      evidence: `${name}：上年现行有效 ${fmt(before)} + 制发 ${fmt(issued)} − 废止 ${fmt(repealed)} = ${fmt(want)} ${ok ? '=' : '≠'} 本年现行有效 ${fmt(now)}`,
      keys,
    };
  });
  return withNote(fold('C19', 'warning', parts, 'strict', () => '规章、行政规范性文件现行有效件数逐年衔接'), prev);
}

const STOCK_ROWS = [
  { row: 'licensing', label: '行政许可' },
  { row: 'other_services', label: '其他对外管理服务事项' },
  { row: 'punishment', label: '行政处罚' },
  { row: 'enforcement', label: '行政强制' },
  { row: 'fees', label: '行政事业性收费' },
] as const;

/** C20 (2019 template, e.g. 2019→2020): 上一年项目数量(Y) = 上一年项目数量(Y−1) + 本年增/减(Y−1). */
export function checkStockChain(cur: ParsedReport, prev: Counterpart | null): CheckFinding | null {
  if (cur.template !== '2019') return null;
  if (!prev) return finding('C20', 'na', 'warning', NO_PREVIOUS);
  if (prev.report.template !== '2019') {
    return withNote(finding('C20', 'na', 'warning', `上年报告为 ${prev.report.template ?? '无'} 模板，没有上一年项目数量`), prev);
  }
  const parts: FindingPart[] = STOCK_ROWS.map(({ row, label }) => {
    const key = `s2.${row}.prev`;
    const now = num(cur, key);
    if (now === null) return { label, status: 'na', evidence: `${label}：本年上一年项目数量无数值`, keys: [key] };
    const before = num(prev.report, key);
    const delta = num(prev.report, `s2.${row}.delta`);
    if (before === null || delta === null) return prevMissing(prev.report, [`${label}上一年项目数量或本年增/减`], label);
    const want = before + delta;
    const ok = now === want;
    return {
      label,
      status: ok ? 'pass' : 'fail',
      evidence: `${label}：上年报告 ${fmt(before)} + 增减 ${fmt(delta)} = ${fmt(want)} ${ok ? '=' : '≠'} 本年上一年项目数量 ${fmt(now)}`,
      keys: [key],
    };
  });
  return withNote(fold('C20', 'warning', parts, 'strict', () => '上一年项目数量逐年衔接'), prev);
}

/** C21: the template changed between Y−1 and Y — table 二 stock figures are not comparable. */
export function checkTemplateChange(cur: ParsedReport, prev: Counterpart | null): CheckFinding {
  if (!prev) return finding('C21', 'na', 'info', NO_PREVIOUS);
  const a = prev.report.template;
  const b = cur.template;
  if (a === null || b === null) return withNote(finding('C21', 'na', 'info', `${a === null ? '上年' : '本年'}报告无模板表格`), prev);
  if (a !== b) {
    return withNote(finding('C21', 'fail', 'info', `模板由 ${a} 年版改为 ${b} 年版，表二存量数据不可比，趋势在此断开`), prev);
  }
  return withNote(finding('C21', 'pass', 'info', `两年均为 ${b} 年模板`), prev);
}

/** Below this many characters a section is too short to call copied. */
export const MIN_SIMILARITY_CHARS = 30;
export const COPY_THRESHOLD = 0.8;

export function proseFor(report: ParsedReport, which: 1 | 5): string | null {
  const t = which === 1 ? report.prose.s1 : report.prose.s5;
  return t && normaliseForSimilarity(t).length >= MIN_SIMILARITY_CHARS ? t : null;
}

/** C22: section 五 (and 一) nearly identical to the organ's previous report. */
export function checkCopiedFromLastYear(cur: ParsedReport, prev: Counterpart | null): CheckFinding {
  if (!prev) return finding('C22', 'na', 'warning', '未找到本机关以前年度报告');
  const parts: FindingPart[] = ([5, 1] as const).map((which) => {
    const name = which === 5 ? '第五部分' : '第一部分';
    const a = proseFor(cur, which);
    const b = proseFor(prev.report, which);
    if (!a || !b) {
      const short = !a ? '本年' : '上年';
      return { label: name, status: 'na', evidence: `${name}：${short}文字缺失或过短（少于 ${MIN_SIMILARITY_CHARS} 字）`, keys: [] };
    }
    const sim = textSimilarity(a, b);
    const copied = sim >= COPY_THRESHOLD;
    const identical = compactText(a) === compactText(b) ? '（完全相同）' : '';
    return {
      label: name,
      status: copied ? 'fail' : 'pass',
      evidence: `${name}与上年相似度 ${formatSimilarity(sim)}${identical}`,
      keys: [],
    };
  });
  const f = fold('C22', 'warning', parts, 'lenient', (p) => p.map((x) => x.evidence).join('；'));
  if (f.status === 'fail') f.evidence = parts.filter((p) => p.status !== 'na').map((p) => p.evidence).join('；');
  return withNote(f, prev);
}

/** The figures C24 follows from year to year. */
export const KEY_FIGURES: readonly { key: string; label: string }[] = [
  { key: 's3.new.total', label: '新收申请' },
  { key: 's3.total.total', label: '办理结果总计' },
  { key: 's2.licensing.decisions', label: '行政许可处理决定' },
  { key: 's2.punishment.decisions', label: '行政处罚处理决定' },
  { key: 's2.enforcement.decisions', label: '行政强制处理决定' },
  { key: 's4.review.total', label: '行政复议' },
  { key: 's1.proactive_total', label: '主动公开信息总数' },
];

export const JUMP_FACTOR = 5;

/** C24: a key figure changed more than ×5 or less than ÷5 from last year. */
export function checkJumps(cur: ParsedReport, prev: Counterpart | null): CheckFinding {
  if (!prev) return finding('C24', 'na', 'info', NO_PREVIOUS);
  const parts: FindingPart[] = [];
  for (const { key, label } of KEY_FIGURES) {
    const a = num(prev.report, key);
    const b = num(cur, key);
    if (a === null || b === null) continue;
    if (a === 0 || b === 0) {
      if (a !== b) parts.push({ label, status: 'na', evidence: `${label}：上年 ${fmt(a)}，本年 ${fmt(b)}，含 0 无法计算倍数`, keys: [key] });
      else parts.push({ label, status: 'pass', evidence: `${label}：两年均为 0`, keys: [key] });
      continue;
    }
    const ratio = b / a;
    const jump = ratio > JUMP_FACTOR || ratio < 1 / JUMP_FACTOR;
    const times = ratio >= 1 ? `增至 ${fmt(Math.round(ratio * 10) / 10)} 倍` : `降至 1/${fmt(Math.round((1 / ratio) * 10) / 10)}`;
    parts.push({ label, status: jump ? 'fail' : 'pass', evidence: `${label}：上年 ${fmt(a)} → 本年 ${fmt(b)}，${times}`, keys: [key] });
  }
  return withNote(
    fold('C24', 'info', parts, 'lenient', (p) => `${p.length} 项关键数字变化均在 5 倍以内`, '两年没有共同的关键数字'),
    prev,
  );
}
