/**
 * Totals a report states in words in section 一 (收到申请 12 件, 行政复议 1 件,
 * 主动公开政府信息 352 条 …), each with the line it was read from and the table
 * cells it should agree with.
 */
import type { FactKey, ParsedReport, Template } from '../parse/types';
import { joinedProse } from './sectionText';

export type StatedKind =
  | 'received'
  | 'carried_over'
  | 'handled'
  | 'carried_forward'
  | 'review'
  | 'litigation'
  | 'normative'
  | 'proactive';

export interface StatedTotal {
  kind: StatedKind;
  /** what the prose says, in Chinese: 收到申请 */
  label: string;
  value: number;
  /** 20余条, 近百件 … : stated as an approximation, not compared */
  approximate: boolean;
  /** the matched words, e.g. 共收到政府信息公开申请12件 */
  match: string;
  /** 1-based report line, null when the section's position is unknown */
  line: number | null;
  lineText: string;
  /** table cells whose sum the statement should equal; empty when the tables have no counterpart */
  keys: FactKey[];
}

const NUM = '(\\d[\\d,，]*|[零〇一二两三四五六七八九十百千]+)';
const GAP = '[^。；;，,\\d零〇一二两三四五六七八九十]{0,12}?';
const UNIT = '\\s*(余|多)?\\s*(件|条|起|宗|个|份)';

interface Pattern {
  kind: StatedKind;
  label: string;
  re: RegExp;
  keys: (template: Template | null) => FactKey[];
}

const p = (kind: StatedKind, label: string, head: string, keys: Pattern['keys']): Pattern => ({
  kind,
  label,
  re: new RegExp(`(?:${head})${GAP}${NUM}${UNIT}`, 'g'),
  keys,
});

/** Order matters: a span matched by an earlier pattern is not read again by a later one. */
const PATTERNS: readonly Pattern[] = [
  p('carried_over', '上年结转申请', '上年(?:度)?结转', () => ['s3.carried_over.total']),
  p('carried_forward', '结转下年度', '结转(?:至|到)?下(?:一)?年(?:度)?(?:继续办理)?', () => ['s3.carried_forward.total']),
  p('received', '收到申请', '(?:收到|受理|接收|新收)[^。；;，,\\d]{0,10}?申请', () => ['s3.new.total']),
  p('handled', '办结申请', '办结|答复(?:申请)?|办理完毕', () => ['s3.total.total']),
  p('review', '行政复议', '行政复议', () => ['s4.review.total']),
  p('litigation', '行政诉讼', '行政诉讼', () => ['s4.direct.total', 's4.after_review.total']),
  p('normative', '主动公开规范性文件', '(?:主动公开|制发|出台|印发|发布)[^。；;，,\\d]{0,6}?规范性文件', (t) =>
    t === '2019' ? ['s2.normative.published'] : t === '2021' ? ['s2.normative.issued'] : [],
  ),
  p('proactive', '主动公开政府信息', '主动(?:共)?公开(?:了)?[^。；;，,\\d]{0,8}?(?:政府)?信息', () => []),
];

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 12 / 1,234 / 十二 / 二百零五 → number; null when not a number. */
export function parseStatedNumber(s: string): number | null {
  if (/^\d/.test(s)) {
    const n = Number(s.replace(/[,，]/g, ''));
    return Number.isFinite(n) ? n : null;
  }
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch];
    else if (ch in CN_UNITS) {
      total += (digit || 1) * CN_UNITS[ch];
      digit = 0;
    } else return null;
  }
  return total + digit;
}

/** The totals section 一 states, in reading order. Pass the decoded text for exact line numbers. */
export function extractStatedTotals(report: ParsedReport, sourceText?: string | null): StatedTotal[] {
  const prose = joinedProse(report, 1, sourceText);
  if (!prose) return [];
  const taken: [number, number][] = [];
  const out: (StatedTotal & { at: number })[] = [];
  for (const pat of PATTERNS) {
    pat.re.lastIndex = 0;
    for (let m = pat.re.exec(prose.text); m; m = pat.re.exec(prose.text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const value = parseStatedNumber(m[1]);
      if (value === null) continue;
      const tail = new RegExp(`${NUM}${UNIT}$`).exec(m[0]);
      const prefix = tail ? m[0].slice(0, tail.index) : m[0];
      const approximate = Boolean(m[2]) || /(约|近|逾|超过)$/.test(prefix) || /[约近]$/.test(prose.text.slice(0, start));
      taken.push([start, end]);
      out.push({
        kind: pat.kind,
        label: pat.label,
        value,
        approximate,
        match: m[0],
        line: prose.lineAt(start + m[0].length - 1),
        lineText: prose.lineText(start + m[0].length - 1),
        keys: pat.keys(report.template),
        at: start,
      });
      // 行政复议和行政诉讼均为 0 件: one number for both
      if (pat.kind === 'review' && /行政诉讼/.test(m[0])) {
        const lit = PATTERNS.find((x) => x.kind === 'litigation')!;
        out.push({ ...out[out.length - 1], kind: 'litigation', label: lit.label, keys: lit.keys(report.template) });
      }
    }
  }
  return out.sort((a, b) => a.at - b.at).map(({ at, ...rest }) => (void at, rest));
}
