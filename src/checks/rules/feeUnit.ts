/**
 * C11 (2021 template): 本年收费金额 (万元) thousands of times the organ's other
 * years or its peers' (same year, same kind of organ) looks like 元 written in
 * the 万元 column. Alone, a report shows only an absurd figure.
 */
import type { ParsedReport } from '../../parse/types';
import { defineCheck } from '../defineCheck';
import { fail, fmt, na, NO_TEMPLATE, num, pass, type Verdict, whyMissing } from '../finding';
import type { GroupedItem } from '../organGroups';
import { readLevel } from '../organLevel';

const FEE_AMOUNT = 's2.fees.amount';
/** Above this (10 亿元) a single organ's fee income in 万元 is not credible on its own. */
export const FEE_ABSURD_WAN = 100_000;
/** 元 vs 万元 is ×10,000; anything from ×1,000 up is read as a unit slip. */
export const UNIT_SLIP_RATIO = 1000;
/** Fewer peers than this give no reliable median. */
export const MIN_PEERS = 5;

function alone(report: ParsedReport): Verdict {
  if (report.template === null) return na(NO_TEMPLATE);
  const v = num(report, FEE_AMOUNT);
  if (v === null) return na(whyMissing(report, FEE_AMOUNT), [FEE_AMOUNT]);
  if (v === 0) return pass('本年收费金额为 0 万元', [FEE_AMOUNT]);
  if (v >= FEE_ABSURD_WAN) return fail(`本年收费金额 ${fmt(v)} 万元（即 ${fmt(v / 10000)} 亿元），疑似以元填入万元栏`, [FEE_AMOUNT]);
  return na(`本年收费金额 ${fmt(v)} 万元，需与本机关历年及同级机关比较`, [FEE_AMOUNT]);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const feeOf = (r: ParsedReport) => (r.template === '2021' ? num(r, FEE_AMOUNT) : null);

function peerKind(g: GroupedItem): string {
  const lv = readLevel(g.manifest?.level, g.report.organSimplified ?? g.report.organ ?? g.manifest?.organ);
  return `${g.report.year ?? '?'}|${lv?.kind ?? 'unknown'}`;
}

const KIND_WORDS: Record<string, string> = { township: '乡镇', department: '政府部门', government: '政府', unknown: '机关' };

const times = (ratio: number) => fmt(Math.round(ratio * 10) / 10);

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export default defineCheck({
  id: 'C11',
  group: 'A',
  title: '收费金额疑似以元填入万元栏',
  severity: 'info',
  scope: 'collection',
  appliesTo: { templates: ['2021', null] },
  provisional: alone,
  run(items) {
    const byOrgan = new Map<number, GroupedItem[]>();
    const byPeer = new Map<string, number[]>();
    for (const g of items) {
      const v = feeOf(g.report);
      if (g.organ >= 0) push(byOrgan, g.organ, g);
      if (v !== null && v > 0) push(byPeer, peerKind(g), v);
    }
    const peerMedian = new Map<string, { median: number; n: number }>();
    for (const [k, vs] of byPeer) if (vs.length >= MIN_PEERS) peerMedian.set(k, { median: median(vs), n: vs.length });

    const out = new Map<string, Verdict>();
    for (const g of items) {
      const single = alone(g.report);
      const v = feeOf(g.report);
      if (v === null || v === 0) {
        out.set(g.id, single);
        continue;
      }
      const verdicts: { fail: boolean; text: string }[] = [];
      const history = (g.organ >= 0 ? (byOrgan.get(g.organ) ?? []) : [])
        .filter((x) => x !== g && x.report.year !== g.report.year)
        .map((x) => ({ year: x.report.year, v: feeOf(x.report) }))
        .filter((x): x is { year: number | null; v: number } => x.v !== null && x.v > 0);
      if (history.length) {
        const m = median(history.map((h) => h.v));
        const years = history.map((h) => h.year).join('、');
        verdicts.push({ fail: v / m >= UNIT_SLIP_RATIO, text: `本机关其他年度（${years} 年）中位数 ${fmt(m)} 万元，本年为其 ${times(v / m)} 倍` });
      }
      const kind = peerKind(g);
      const peers = peerMedian.get(kind);
      if (peers) {
        const ratio = v / peers.median;
        const words = KIND_WORDS[kind.split('|')[1]];
        verdicts.push({ fail: ratio >= UNIT_SLIP_RATIO, text: `同年 ${peers.n} 个${words}中位数 ${fmt(peers.median)} 万元，本年为其 ${times(ratio)} 倍` });
      }
      if (!verdicts.length) {
        out.set(g.id, single);
        continue;
      }
      const failed = verdicts.some((x) => x.fail) || single.status === 'fail';
      const text = `本年收费金额 ${fmt(v)} 万元；${verdicts.map((x) => x.text).join('；')}`;
      out.set(g.id, failed ? fail(`${text}，疑似以元填入万元栏`, [FEE_AMOUNT]) : pass(text, [FEE_AMOUNT]));
    }
    return out;
  },
});
