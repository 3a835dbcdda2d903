/**
 * Stage "solve the table": table 三's rows may each have several readings (a
 * digit run that splits more than one way) or a placement by order that needs
 * confirming. The template's identities span rows —
 *
 *   C14, per column: （七）总计 = the sum of the 办理结果 leaf rows;
 *   C12, per column: 新收 + 上年结转 = 总计 + 结转下年度 —
 *
 * so the table is solved as a whole: a reading of a row survives only if some
 * choice of readings for the other rows satisfies every identity (checked per
 * identity by forward and backward sets of partial sums, repeated until nothing
 * changes). A row is given only when exactly one reading survives; a row placed
 * by order only when an identity it takes part in could be checked and holds.
 * When no choice satisfies the identities (the report's own arithmetic is off),
 * nothing is inferred: only rows printed with a single reading are given.
 */

export interface RowOptions {
  /** the row's readings (cell values, null for a blank); null: the row was not read */
  readings: (number | null)[][] | null;
  /** placed by order, not by its label */
  ordered: boolean;
}

/** Σ plus = Σ minus, column by column, over the rows named. */
export interface Identity {
  name: string;
  plus: readonly string[];
  minus: readonly string[];
}

export interface RowOutcome {
  /** index of the reading given, or null */
  reading: number | null;
  /** why no reading was given */
  reason?: string;
  /** the identities confirmed this row's reading or placement */
  confirmedBy: string[];
}

export interface SolveLimits {
  maxSolverStates: number;
}

type Vec = number[];
const key = (v: Vec) => v.join(',');

interface Term {
  id: string;
  sign: 1 | -1;
}

/** the columns every reading of every row of the identity states (a blank says nothing) */
function evaluableColumns(terms: readonly Term[], rows: ReadonlyMap<string, RowOptions>, width: number): number[] | null {
  const cols: number[] = [];
  for (let c = 0; c < width; c++) {
    let ok = true;
    for (const t of terms) {
      const r = rows.get(t.id)!;
      if (r.readings!.some((v) => v[c] === null || v[c] === undefined)) {
        ok = false;
        break;
      }
    }
    if (ok) cols.push(c);
  }
  return cols.length ? cols : null;
}

/**
 * Arc consistency for one identity: the readings of each row that some choice
 * of the other rows' readings completes. null when the sets grow past the limit.
 */
function prune(terms: readonly Term[], cand: Map<string, number[]>, rows: ReadonlyMap<string, RowOptions>, cols: number[], limit: number): Map<string, number[]> | null {
  const vecOf = (t: Term, i: number): Vec => {
    const v = rows.get(t.id)!.readings![i];
    return cols.map((c) => t.sign * (v[c] as number));
  };
  const add = (a: Vec, b: Vec) => a.map((x, i) => x + b[i]);
  const sub = (a: Vec, b: Vec) => a.map((x, i) => x - b[i]);
  const zero = cols.map(() => 0);
  const fwd: Map<string, Vec>[] = [new Map([[key(zero), zero]])];
  for (const t of terms) {
    const next = new Map<string, Vec>();
    for (const s of fwd[fwd.length - 1].values()) {
      for (const i of cand.get(t.id)!) {
        const v = add(s, vecOf(t, i));
        next.set(key(v), v);
      }
      if (next.size > limit) return null;
    }
    fwd.push(next);
  }
  const bwd: Map<string, Vec>[] = new Array(terms.length + 1);
  bwd[terms.length] = new Map([[key(zero), zero]]);
  for (let k = terms.length - 1; k >= 0; k--) {
    const next = new Map<string, Vec>();
    for (const r of bwd[k + 1].values()) {
      for (const i of cand.get(terms[k].id)!) {
        const v = sub(r, vecOf(terms[k], i));
        next.set(key(v), v);
      }
      if (next.size > limit) return null;
    }
    bwd[k] = next;
  }
  const out = new Map<string, number[]>();
  terms.forEach((t, k) => {
    const keep = cand.get(t.id)!.filter((i) => {
      const x = vecOf(t, i);
      for (const s of fwd[k].values()) if (bwd[k + 1].has(key(add(s, x)))) return true;
      return false;
    });
    out.set(t.id, keep);
  });
  return out;
}

/**
 * The same, one column at a time: sets of numbers instead of vectors. A
 * reading whose value in some column no choice completes cannot survive the
 * whole identity either, so this cheap pass narrows the candidates before the
 * vector pass weighs what is left. null past the limit.
 */
function pruneColumns(terms: readonly Term[], cand: Map<string, number[]>, rows: ReadonlyMap<string, RowOptions>, cols: number[], limit: number): Map<string, number[]> | null {
  const keep = new Map<string, number[]>(terms.map((t) => [t.id, cand.get(t.id)!]));
  for (const c of cols) {
    const val = (t: Term, i: number) => t.sign * (rows.get(t.id)!.readings![i][c] as number);
    const fwd: Set<number>[] = [new Set([0])];
    for (const t of terms) {
      const next = new Set<number>();
      for (const s of fwd[fwd.length - 1]) for (const i of keep.get(t.id)!) next.add(s + val(t, i));
      if (next.size > limit) return null;
      fwd.push(next);
    }
    const bwd: Set<number>[] = new Array(terms.length + 1);
    bwd[terms.length] = new Set([0]);
    for (let k = terms.length - 1; k >= 0; k--) {
      const next = new Set<number>();
      for (const r of bwd[k + 1]) for (const i of keep.get(terms[k].id)!) next.add(r - val(terms[k], i));
      if (next.size > limit) return null;
      bwd[k] = next;
    }
    terms.forEach((t, k) => {
      keep.set(
        t.id,
        keep.get(t.id)!.filter((i) => {
          const x = val(t, i);
          for (const s of fwd[k]) if (bwd[k + 1].has(s + x)) return true;
          return false;
        }),
      );
    });
  }
  return keep;
}

export interface Solution {
  rows: Map<string, RowOutcome>;
  /** identities the report's own figures break whatever the readings */
  broken: string[];
  /** identities too costly to weigh (more partial sums than the limit) */
  overflowed: string[];
}

export function solveTable(rows: ReadonlyMap<string, RowOptions>, identities: readonly Identity[], width: number, limits: SolveLimits): Solution {
  const out = new Map<string, RowOutcome>();
  const cand = new Map<string, number[]>();
  for (const [id, r] of rows) if (r.readings) cand.set(id, r.readings.map((_, i) => i));

  const undecided = [...rows.values()].some((r) => r.ordered || (r.readings !== null && r.readings.length > 1));
  const usable: { identity: Identity; terms: Term[]; cols: number[] }[] = [];
  if (undecided) {
    for (const identity of identities) {
      const terms: Term[] = [...identity.plus.map((id) => ({ id, sign: 1 as const })), ...identity.minus.map((id) => ({ id, sign: -1 as const }))];
      if (!terms.every((t) => rows.get(t.id)?.readings?.length)) continue;
      const cols = evaluableColumns(terms, rows, width);
      if (cols) usable.push({ identity, terms, cols });
    }
  }

  // an identity the report's own figures break (whatever the readings) decides nothing
  const initial = new Map(cand);
  const broken = new Set<string>();
  const overflowed = new Set<string>();
  for (const u of usable) {
    const narrowed = pruneColumns(u.terms, initial, rows, u.cols, limits.maxSolverStates);
    const alone = narrowed && ([...narrowed.values()].some((k) => !k.length) ? narrowed : prune(u.terms, narrowed, rows, u.cols, limits.maxSolverStates));
    if (!alone) overflowed.add(u.identity.name);
    else if ([...alone.values()].some((k) => !k.length)) broken.add(u.identity.name);
  }
  const checked = usable.filter((u) => !overflowed.has(u.identity.name) && !broken.has(u.identity.name));
  let consistent = true;
  for (let changed = true, round = 0; changed && consistent && round < 8; round++) {
    changed = false;
    for (const u of checked) {
      const narrowed = pruneColumns(u.terms, cand, rows, u.cols, limits.maxSolverStates);
      const pruned = narrowed && (u.terms.every((t) => narrowed.get(t.id)!.length <= 1) ? narrowed : prune(u.terms, narrowed, rows, u.cols, limits.maxSolverStates));
      if (!pruned) continue;
      for (const [id, keep] of pruned) {
        if (keep.length !== cand.get(id)!.length) changed = true;
        cand.set(id, keep);
        if (!keep.length) consistent = false;
      }
    }
  }

  for (const [id, r] of rows) {
    if (!r.readings) continue;
    const confirmedBy = checked.filter((u) => u.terms.some((t) => t.id === id)).map((u) => u.identity.name);
    if (!consistent) {
      // the report's arithmetic is off: infer nothing from it
      if (!r.ordered && r.readings.length === 1) out.set(id, { reading: 0, confirmedBy: [] });
      else out.set(id, { reading: null, confirmedBy: [], reason: r.ordered ? '按顺序对应的行无法由勾稽关系确认（表内数字相互矛盾）' : `数字连写，${r.readings.length} 种拆分均不满足表内勾稽关系` });
      continue;
    }
    const left = cand.get(id)!;
    if (r.ordered && !confirmedBy.length) {
      out.set(id, { reading: null, confirmedBy, reason: '按顺序对应的行无可核对的勾稽关系，不予采用' });
      continue;
    }
    if (left.length === 1) out.set(id, { reading: left[0], confirmedBy: r.readings.length > 1 || r.ordered ? confirmedBy : [] });
    else out.set(id, { reading: null, confirmedBy, reason: `数字连写，满足勾稽关系的拆分有 ${left.length} 种，无法确定` });
  }
  return { rows: out, broken: [...broken], overflowed: [...overflowed] };
}
