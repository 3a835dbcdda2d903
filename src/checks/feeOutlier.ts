/**
 * C11 across the collection: 本年收费金额 (万元) thousands of times the organ's
 * other years or its peers' (same year, same kind of organ) looks like 元
 * written in the 万元 column.
 */
import type { ParsedReport } from '../parse/types';
import { checkFeeUnitSingle, FEE_AMOUNT } from './amounts';
import { readLevel } from './deadline';
import { type CheckFinding, finding, fmt, num } from './finding';
import type { GroupedItem } from './organGroups';

/** 元 vs 万元 is ×10,000; anything from ×1,000 up is read as a unit slip. */
export const UNIT_SLIP_RATIO = 1000;
/** Fewer peers than this give no reliable median. */
export const MIN_PEERS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function feeOf(r: ParsedReport): number | null {
  return r.template === '2021' ? num(r, FEE_AMOUNT) : null;
}

function peerKind(g: GroupedItem): string {
  const lv = readLevel(g.manifest?.level, g.report.organSimplified ?? g.report.organ ?? g.manifest?.organ);
  return `${g.report.year ?? '?'}|${lv?.kind ?? 'unknown'}`;
}

const KIND_WORDS: Record<string, string> = { township: '乡镇', department: '政府部门', government: '政府', unknown: '机关' };

export function feeOutlierFindings(items: readonly GroupedItem[]): Map<string, CheckFinding> {
  const out = new Map<string, CheckFinding>();
  const byOrgan = new Map<number, GroupedItem[]>();
  const byPeer = new Map<string, number[]>();
  for (const g of items) {
    const v = feeOf(g.report);
    if (g.organ >= 0) {
      const list = byOrgan.get(g.organ);
      if (list) list.push(g);
      else byOrgan.set(g.organ, [g]);
    }
    if (v !== null && v > 0) {
      const k = peerKind(g);
      const list = byPeer.get(k);
      if (list) list.push(v);
      else byPeer.set(k, [v]);
    }
  }
  const peerMedian = new Map<string, { median: number; n: number }>();
  for (const [k, vs] of byPeer) if (vs.length >= MIN_PEERS) peerMedian.set(k, { median: median(vs), n: vs.length });

  for (const g of items) {
    const single = checkFeeUnitSingle(g.report);
    if (!single) continue;
    const v = feeOf(g.report);
    if (v === null || v === 0) {
      out.set(g.id, single);
      continue;
    }
    const verdicts: { fail: boolean; text: string }[] = [];
    const history = (g.organ >= 0 ? byOrgan.get(g.organ) ?? [] : [])
      .filter((x) => x !== g && x.report.year !== g.report.year)
      .map((x) => ({ year: x.report.year, v: feeOf(x.report) }))
      .filter((x): x is { year: number | null; v: number } => x.v !== null && x.v > 0);
    if (history.length) {
      const m = median(history.map((h) => h.v));
      const ratio = v / m;
      const years = history.map((h) => h.year).join('、');
      verdicts.push({
        fail: ratio >= UNIT_SLIP_RATIO,
        text: `本机关其他年度（${years} 年）中位数 ${fmt(m)} 万元，本年为其 ${fmt(Math.round(ratio * 10) / 10)} 倍`,
      });
    }
    const kind = peerKind(g);
    const peers = peerMedian.get(kind);
    if (peers) {
      const ratio = v / peers.median;
      verdicts.push({
        fail: ratio >= UNIT_SLIP_RATIO,
        text: `同年 ${peers.n} 个${KIND_WORDS[kind.split('|')[1]]}中位数 ${fmt(peers.median)} 万元，本年为其 ${fmt(Math.round(ratio * 10) / 10)} 倍`,
      });
    }
    if (!verdicts.length) {
      out.set(g.id, single);
      continue;
    }
    const failed = verdicts.some((x) => x.fail) || single.status === 'fail';
    const text = `本年收费金额 ${fmt(v)} 万元；${verdicts.map((x) => x.text).join('；')}`;
    out.set(g.id, finding('C11', failed ? 'fail' : 'pass', 'info', failed ? `${text}，疑似以元填入万元栏` : text, [FEE_AMOUNT]));
  }
  return out;
}
