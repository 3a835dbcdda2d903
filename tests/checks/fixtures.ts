/**
 * Builds ParsedReports for the check tests from a facts map: a complete,
 * internally consistent report of either template with non-zero figures, which
 * a test then breaks one figure at a time.
 */
import { keysForTemplate, S3_COLS, S3_ROWS } from '../../src/parse/factKeys';
import type { Cell, Finding, ParsedReport, SectionSpan, Template } from '../../src/parse/types';

export type CellSpec = number | 'blank' | 'missing' | 'dash' | { text: string };

const APPLICANTS = S3_COLS.filter((c) => c.col !== 'total').map((c) => c.col);

/** Consistent facts: every rule of C12–C17 holds, most cells non-zero. */
export function consistentFacts(template: Template): Record<string, number> {
  const f: Record<string, number> = {};
  const rows = S3_ROWS.filter((r) => r.templates.includes(template));
  const leaves = rows.filter((r) => r.leaf);
  APPLICANTS.forEach((col, j) => {
    let total = 0;
    leaves.forEach((r, i) => {
      // no unpaid-fee notices, so a report denying fees stays consistent (C26)
      const v = r.row === 'other.no_fee' ? 0 : (i + 2 * j) % 4;
      f[`s3.${r.row}.${col}`] = v;
      total += v;
    });
    const carriedForward = j + 1;
    const carriedOver = (j % 3) + 1;
    f[`s3.total.${col}`] = total;
    f[`s3.carried_forward.${col}`] = carriedForward;
    f[`s3.carried_over.${col}`] = carriedOver;
    f[`s3.new.${col}`] = total + carriedForward - carriedOver;
  });
  for (const r of rows) f[`s3.${r.row}.total`] = APPLICANTS.reduce((s, c) => s + f[`s3.${r.row}.${c}`], 0);
  const s4: Record<string, number[]> = { review: [3, 1, 2, 1], direct: [2, 0, 1, 1], after_review: [1, 1, 0, 0] };
  for (const [g, [m, c, o, p]] of Object.entries(s4)) {
    Object.assign(f, {
      [`s4.${g}.maintained`]: m,
      [`s4.${g}.corrected`]: c,
      [`s4.${g}.other`]: o,
      [`s4.${g}.pending`]: p,
      [`s4.${g}.total`]: m + c + o + p,
    });
  }
  if (template === '2019') {
    Object.assign(f, {
      's2.rules.new': 2, 's2.rules.published': 2, 's2.rules.total': 15,
      's2.normative.new': 5, 's2.normative.published': 4, 's2.normative.total': 30,
      's2.licensing.prev': 40, 's2.licensing.delta': 3, 's2.licensing.decisions': 212,
      's2.other_services.prev': 12, 's2.other_services.delta': -1, 's2.other_services.decisions': 30,
      's2.punishment.prev': 25, 's2.punishment.delta': 2, 's2.punishment.decisions': 87,
      's2.enforcement.prev': 6, 's2.enforcement.delta': 0, 's2.enforcement.decisions': 9,
      's2.fees.prev': 4, 's2.fees.delta': -1,
      's2.procurement.count': 3, 's2.procurement.amount': 190,
    });
  } else {
    Object.assign(f, {
      's2.rules.issued': 1, 's2.rules.repealed': 0, 's2.rules.in_force': 12,
      's2.normative.issued': 6, 's2.normative.repealed': 2, 's2.normative.in_force': 41,
      's2.licensing.decisions': 212, 's2.punishment.decisions': 87, 's2.enforcement.decisions': 9,
      's2.fees.amount': 3.5,
    });
  }
  f['s1.proactive_total'] = 352;
  return f;
}

export const SECTION1_LINE = 4;

/** Section 一 that states the table totals (one statement per line). */
export function consistentSection1(f: Record<string, number>, template: Template): string {
  const normative = template === '2019' ? f['s2.normative.published'] : f['s2.normative.issued'];
  return [
    '（一）主动公开情况。全年主动公开政府信息352条，其中主动公开规范性文件' + normative + '件。',
    `（二）依申请公开情况。全年共收到政府信息公开申请${f['s3.new.total']}件，上年结转${f['s3.carried_over.total']}件，`,
    `已按时办结${f['s3.total.total']}件，结转下年度${f['s3.carried_forward.total']}件。`,
    '（三）政府信息管理情况。严格落实保密审查和发布审核制度。',
    '（四）平台建设情况。完善政府网站信息公开专栏。',
    `（五）监督保障情况。加强培训和考核。全年发生行政复议${f['s4.review.total']}件，行政诉讼${f['s4.direct.total'] + f['s4.after_review.total']}件。`,
  ].join('\n');
}

export const SECTION5 =
  '（一）存在的主要问题。一是信息公开的时效性有待提高，二是公开内容不够全面，解读形式较为单一。\n（二）改进措施。下一步将加强业务培训，完善发布审核制度，提升公开质量和解读水平。';

export const SECTION6_2021 = '本年度未收取信息处理费。';

const LABELS: Record<Template, string[]> = {
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '处理决定数量', '其他对外管理服务事项', '采购项目数量', '采购总金额', '政府集中采购'],
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'],
};

export interface BuildOptions {
  template?: Template | null;
  year?: number | null;
  organ?: string | null;
  /** overrides on top of the consistent facts */
  facts?: Record<string, CellSpec>;
  prose?: Partial<ParsedReport['prose']>;
  /** section indexes present (default 1–6) in the order they appear */
  sections?: number[];
  procurementUnit?: '万元' | '元' | null;
  templateLabels?: string[];
  region?: { province?: string | null; city?: string | null; county?: string | null; code?: string | null };
}

function cell(spec: CellSpec | undefined, line: number): Cell {
  if (spec === undefined || spec === 'missing') return { value: null, state: 'missing', raw: '', source: null };
  if (spec === 'blank') return { value: null, state: 'blank', raw: '', source: { line, text: '' } };
  if (spec === 'dash') return { value: null, state: 'dash', raw: '—', source: { line, text: '—' } };
  if (typeof spec === 'object') return { value: null, state: 'text', raw: spec.text, source: { line, text: spec.text } };
  return { value: spec, state: 'number', raw: String(spec), source: { line, text: String(spec) } };
}

const HEADINGS = ['', '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
const START_LINE = [0, 3, 20, 40, 80, 100, 110];

export function buildReport(opts: BuildOptions = {}): ParsedReport {
  const template = opts.template === undefined ? '2021' : opts.template;
  const year = opts.year === undefined ? (template === '2019' ? 2020 : 2021) : opts.year;
  const base: Record<string, CellSpec> = template ? consistentFacts(template) : {};
  const facts: Record<string, CellSpec> = { ...base, ...(opts.facts ?? {}) };
  const cells: Record<string, Cell> = {};
  if (template) keysForTemplate(template).forEach((k, i) => (cells[k] = cell(facts[k], 20 + i)));
  const sectionIdx = opts.sections ?? [1, 2, 3, 4, 5, 6];
  const sections: SectionSpan[] = sectionIdx.map((index, i) => ({
    index,
    heading: HEADINGS[index],
    startLine: START_LINE[i + 1],
    endLine: (START_LINE[i + 2] ?? 120) - 1,
  }));
  const numericFacts = Object.fromEntries(Object.entries(base).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
  const s1 = template ? consistentSection1(numericFacts, template) : '本机关认真做好主动公开和依申请公开工作，加强平台建设和监督保障，完善信息管理。';
  const amountValue = typeof facts['s2.procurement.amount'] === 'number' ? (facts['s2.procurement.amount'] as number) : null;
  const unit = opts.procurementUnit === undefined ? '万元' : opts.procurementUnit;
  const r = opts.region ?? { province: '黑龙江省', city: '鹤岗市', county: '绥滨县', code: '230922' };
  return {
    organ: opts.organ === undefined ? '绥滨县连生乡人民政府' : opts.organ,
    organSimplified: opts.organ === undefined ? '绥滨县连生乡人民政府' : opts.organ,
    organSource: 'title',
    year,
    template,
    templateLabels: opts.templateLabels ?? (template ? LABELS[template] : []),
    period: null,
    region: {
      region: { province: r.province ?? null, city: r.city ?? null, county: r.county ?? null, code: r.code ?? null },
      method: 'manifest',
      candidates: [],
    },
    cells,
    sections,
    prose: {
      s1: sectionIdx.includes(1) ? s1 : null,
      s5: sectionIdx.includes(5) ? SECTION5 : null,
      s6: sectionIdx.includes(6) ? (template === '2019' ? '无。' : SECTION6_2021) : null,
      ...(opts.prose ?? {}),
    },
    procurementAmount:
      template === '2019'
        ? { value: amountValue, unit, raw: amountValue === null ? '' : String(amountValue), unitUnknown: unit === null }
        : null,
    completeness: template ? 'complete' : 'none',
    notes: [],
    lineCount: 120,
  };
}

/** The finding of one check (fails the test if absent). */
export function get(findings: readonly Finding[], check: string): Finding {
  const f = findings.find((x) => x.check === check);
  if (!f) throw new Error(`no ${check} finding among ${findings.map((x) => x.check).join(',')}`);
  return f;
}

export function failed(findings: readonly Finding[], among?: readonly string[]): string[] {
  return findings.filter((f) => f.status === 'fail' && (!among || among.includes(f.check))).map((f) => f.check);
}

export const ARITHMETIC = ['C12', 'C13', 'C14', 'C15', 'C16', 'C17'];
