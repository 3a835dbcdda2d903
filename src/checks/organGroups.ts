/**
 * Groups a collection of reports into organs: same normalised name, and regions
 * that do not disagree. Linear in the number of reports (bucketed by name; a
 * bucket is only scanned for the few regions that share one name).
 */
import type { ManifestRow, ParsedReport } from '../parse/types';
import { MATCH_WORDS, matchMethod, organIdentity, type OrganIdentity } from './organKey';

export interface CollectionItem {
  id: string;
  report: ParsedReport;
  manifest?: ManifestRow | null;
  regionCode?: string | null;
}

export interface GroupedItem extends CollectionItem {
  identity: OrganIdentity | null;
  /** index of the organ this report belongs to (−1 when its name is unknown) */
  organ: number;
}

export function identityOf(item: CollectionItem): OrganIdentity | null {
  const r = item.report;
  const name = r.organSimplified ?? r.organ ?? item.manifest?.organ ?? null;
  if (!name) return null;
  const reg = r.region?.region;
  const region = {
    province: reg?.province ?? item.manifest?.province ?? null,
    city: reg?.city ?? item.manifest?.city ?? null,
    county: reg?.county ?? item.manifest?.county ?? null,
  };
  const id = organIdentity(name, item.regionCode ?? reg?.code ?? null, region);
  return id.key ? id : null;
}

interface Cluster {
  index: number;
  county6: string | null;
  countyName: string | null;
}

export function groupByOrgan(items: readonly CollectionItem[]): GroupedItem[] {
  const out: GroupedItem[] = items.map((it) => ({ ...it, identity: identityOf(it), organ: -1 }));
  const byKey = new Map<string, GroupedItem[]>();
  for (const g of out) {
    if (!g.identity) continue;
    const list = byKey.get(g.identity.key);
    if (list) list.push(g);
    else byKey.set(g.identity.key, [g]);
  }
  let next = 0;
  for (const list of byKey.values()) {
    const clusters: Cluster[] = [];
    const placed = (g: GroupedItem) => {
      const id = g.identity!;
      let c = clusters.find(
        (x) =>
          (id.county6 && x.county6 ? id.county6 === x.county6 : true) &&
          (id.countyName && x.countyName ? id.countyName === x.countyName : true) &&
          (x.county6 || x.countyName ? Boolean(id.county6 || id.countyName) : !(id.county6 || id.countyName)),
      );
      if (!c) {
        c = { index: next++, county6: id.county6, countyName: id.countyName };
        clusters.push(c);
      }
      c.county6 ??= id.county6;
      c.countyName ??= id.countyName;
      g.organ = c.index;
    };
    const located = list.filter((g) => g.identity!.county6 || g.identity!.countyName);
    const unlocated = list.filter((g) => !(g.identity!.county6 || g.identity!.countyName));
    located.forEach(placed);
    // a report without region joins the name's only located organ, else the name-only organ
    const locatedClusters = clusters.length;
    for (const g of unlocated) {
      if (locatedClusters === 1) g.organ = clusters[0].index;
      else placed(g);
    }
  }
  return out;
}

/** 按机关名称+区划代码匹配 … for a pair in one organ. */
export function howMatched(a: GroupedItem, b: GroupedItem): string {
  const m = a.identity && b.identity ? matchMethod(a.identity, b.identity) : null;
  return MATCH_WORDS[m ?? 'name'];
}
