/*
 * Statistical disclosure control: the one rule every count of people or municipalities that
 * statistics readers see follows (docs/security.md, "Suppression"). Like SSB's and SCB's tables,
 * small cells are suppressed ("prikket"), and cells that would give a suppressed one away are
 * suppressed with it (secondary suppression). Beyond one table, the rule is applied to what a
 * filtered answer can be combined with: a filtered cell is compared with the same cell of the
 * unfiltered table (its parent), and is suppressed when the parent is, or when the difference
 * between them (its complement) is a small cell.
 */

/*
 * The threshold (cells from fewer units than this are suppressed) is the service's configuration,
 * `ctx.config.suppressionThreshold` (STATISTICS_SUPPRESSION_THRESHOLD, default 3).
 */

/** One cell as disclosure control sees it. */
export interface DisclosureCell {
  /** Units (persons, municipalities) the cell counts. */
  units: number;
  /**
   * Every set of cells this cell belongs to whose total can be read elsewhere (the row and column
   * totals along each grouped dimension, and the county and country subtotals a filter gives).
   */
  groups: string[];
  /** Suppressed for a reason outside this table (its parent is suppressed, or its complement is small). */
  forced?: boolean;
}

/**
 * Which cells to suppress: primary suppression of cells from fewer units than the threshold (and
 * forced ones), then secondary suppression until no group has exactly one suppressed cell (the
 * smallest open cell of such a group is suppressed with it), so no suppressed cell equals a
 * readable total minus readable cells.
 */
export function suppressedCells(cells: readonly DisclosureCell[], threshold: number): boolean[] {
  const groups = new Map<string, number[]>();
  cells.forEach((c, i) => {
    for (const g of c.groups) {
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g)?.push(i);
    }
  });
  return suppressedInGroups(cells.map((c) => c.units), cells.map((c) => c.units < threshold || Boolean(c.forced)), [...groups.values()]);
}

/**
 * `suppressedCells` over groups given as lists of cell indexes (in the order the groups first
 * appear among the cells), with the primary suppression given: for a caller that decides the same
 * cells again and again (the base lattice's fixpoint) and groups them once.
 */
export function suppressedInGroups(units: readonly number[], primary: readonly boolean[], groups: readonly (readonly number[])[]): boolean[] {
  const hidden = [...primary];
  let changed = true;
  while (changed) {
    changed = false;
    for (const members of groups) {
      // Exactly one suppressed member and some open: the smallest open one (the first of equals) joins it.
      let suppressed = 0;
      let smallest = -1;
      for (const i of members) {
        if (hidden[i]) {
          if (++suppressed > 1) break;
        } else if (smallest < 0 || units[i] < units[smallest]) smallest = i;
      }
      if (suppressed === 1 && smallest >= 0) {
        hidden[smallest] = true;
        changed = true;
      }
    }
  }
  return hidden;
}

/**
 * Whether a filtered cell must be suppressed because of its parent (the same cell without the
 * filter): when the parent is suppressed, or when what the filter left out is a small cell
 * (parent − filtered between 1 and threshold − 1), which the two answers would otherwise reveal.
 */
export function suppressedByParent(units: number, parentUnits: number, parentSuppressed: boolean, threshold: number): boolean {
  const complement = parentUnits - units;
  return parentSuppressed || (complement > 0 && complement < threshold);
}

/** Group keys of a cell along each of its dimensions: the cell's keys with that one left out. */
export function groupsAlongDimensions(prefix: string, keys: readonly (string | null)[]): string[] {
  return keys.map((_, d) => JSON.stringify([prefix, d, keys.map((k, i) => (i === d ? '*' : k))]));
}

/** A figure of a coarser subtable, as the cells of the table being decided that add up to it. */
export interface CoarserFigure {
  /** Indexes of the table's cells it sums. */
  cells: number[];
  shown: boolean;
  /** Suppressed as a small figure (fewer units than the threshold): it must stay unknown. */
  small: boolean;
}

/**
 * The first of `targets` (sets of cells) whose sum the shown `equations` (sets of cells, with
 * known totals) determine, where `unknown` says which cells are suppressed (the others are
 * known). Gaussian elimination over the suppressed cells only; -1 when none is determined.
 */
export function firstDetermined(unknown: readonly boolean[], equations: readonly number[][], targets: readonly number[][]): number {
  return determined(unknown, equations, targets).indexOf(true);
}

/**
 * For each of `targets`, whether the shown `equations` determine its sum (see `firstDetermined`).
 * Sparse Gauss–Jordan elimination over the suppressed cells: every row of the basis is kept with
 * a 1 at its pivot and 0 at every other pivot, so reducing a vector touches only the rows of the
 * pivots it contains, and the cost follows the equations' nonzeros (a margin of a network touches
 * that network's suppressed cells only) instead of equations × suppressed cells². Which targets
 * are determined does not depend on the order of elimination: the answer is the dense one's.
 */
export function determined(unknown: readonly boolean[], equations: readonly number[][], targets: readonly number[][]): boolean[] {
  type SparseRow = Map<number, number>;
  const EPSILON = 1e-9;
  const restrict = (members: readonly number[]): SparseRow => {
    const v: SparseRow = new Map();
    for (const m of members) if (unknown[m]) v.set(m, (v.get(m) ?? 0) + 1);
    return v;
  };
  /** Pivot column → its row (1 at the pivot, 0 at every other pivot). */
  const basis = new Map<number, SparseRow>();
  /** Column → the pivots of the basis rows that have a nonzero there. */
  const holders = new Map<number, Set<number>>();
  const hold = (column: number, pivot: number, has: boolean) => {
    let set = holders.get(column);
    if (has) {
      if (!set) holders.set(column, (set = new Set()));
      set.add(pivot);
    } else set?.delete(pivot);
  };
  /** target -= factor × row; `pivot` set when target is a basis row, to keep `holders` up to date. */
  const subtract = (target: SparseRow, row: SparseRow, factor: number, pivot?: number) => {
    for (const [column, x] of row) {
      const value = (target.get(column) ?? 0) - factor * x;
      const kept = Math.abs(value) > EPSILON;
      if (kept) target.set(column, value);
      else target.delete(column);
      if (pivot !== undefined) hold(column, pivot, kept);
    }
  };
  // A basis row is 0 at every other pivot, so subtracting it leaves the vector's other pivot entries as they were.
  const reduce = (v: SparseRow): SparseRow => {
    for (const [column, factor] of [...v]) {
      const row = basis.get(column);
      if (row) subtract(v, row, factor);
    }
    return v;
  };
  for (const members of equations) {
    const v = reduce(restrict(members));
    if (v.size === 0) continue;
    let pivot = Infinity;
    for (const column of v.keys()) pivot = Math.min(pivot, column);
    const p = v.get(pivot) as number;
    for (const [column, x] of v) v.set(column, x / p);
    // Clear the new pivot from the rows that have it, so every row stays 0 at the other pivots.
    for (const other of [...(holders.get(pivot) ?? [])]) {
      const row = basis.get(other) as SparseRow;
      subtract(row, v, row.get(pivot) ?? 0, other);
    }
    basis.set(pivot, v);
    for (const column of v.keys()) hold(column, pivot, true);
  }
  return targets.map((members) => reduce(restrict(members)).size === 0);
}

/**
 * Secondary suppression checked exactly: after `suppressedCells`, no small figure (of the table,
 * or of its coarser subtables) may be determined by the shown figures as a system of linear
 * equations; while one is, the smallest open cell that shares an equation with it is suppressed
 * too. A figure the coarser subtables give away by themselves is theirs to protect, not this
 * table's. Deterministic: the same table gives the same pattern in every query.
 */
export function auditedSuppression(cells: readonly DisclosureCell[], coarser: readonly CoarserFigure[], threshold: number): boolean[] {
  const hidden = suppressedCells(cells, threshold);
  const equations = coarser.filter((f) => f.shown).map((f) => f.cells);
  const candidatesToProtect = [
    ...cells.flatMap((c, i) => (hidden[i] && c.units < threshold ? [[i]] : [])),
    ...coarser.filter((f) => !f.shown && f.small).map((f) => f.cells),
  ];
  const beyondThisTable = determined(cells.map(() => true), equations, candidatesToProtect);
  const targets = candidatesToProtect.filter((_, i) => !beyondThisTable[i]);
  for (;;) {
    const found = firstDetermined(hidden, equations, targets);
    if (found < 0) return hidden;
    const exposed = new Set(targets[found].filter((i) => hidden[i]));
    const related = new Set(equations.filter((e) => e.some((i) => exposed.has(i))).flat());
    const open = cells.map((c, i) => ({ c, i })).filter(({ i }) => !hidden[i]);
    const candidates = open.filter(({ i }) => related.has(i));
    const pick = (candidates.length ? candidates : open).sort((a, b) => a.c.units - b.c.units || a.i - b.i)[0];
    if (!pick) return hidden;
    hidden[pick.i] = true;
  }
}
