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
  const hidden = cells.map((c) => c.units < threshold || Boolean(c.forced));
  const groups = new Map<string, number[]>();
  cells.forEach((c, i) => {
    for (const g of c.groups) groups.set(g, [...(groups.get(g) ?? []), i]);
  });
  let changed = true;
  while (changed) {
    changed = false;
    for (const members of groups.values()) {
      const open = members.filter((i) => !hidden[i]);
      if (members.length - open.length === 1 && open.length > 0) {
        hidden[open.reduce((a, b) => (cells[b].units < cells[a].units ? b : a))] = true;
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

/** For each of `targets`, whether the shown `equations` determine its sum (see `firstDetermined`). */
export function determined(unknown: readonly boolean[], equations: readonly number[][], targets: readonly number[][]): boolean[] {
  const columns = new Map<number, number>();
  unknown.forEach((u, i) => { if (u) columns.set(i, columns.size); });
  const restrict = (members: readonly number[]) => {
    const v = new Float64Array(columns.size);
    for (const m of members) {
      const j = columns.get(m);
      if (j !== undefined) v[j] += 1;
    }
    return v;
  };
  const basis: { pivot: number; row: Float64Array }[] = [];
  const reduce = (v: Float64Array) => {
    for (const { pivot, row } of basis) {
      const f = v[pivot];
      if (Math.abs(f) > 1e-9) for (let j = 0; j < v.length; j++) v[j] -= f * row[j];
    }
    return v;
  };
  for (const members of equations) {
    const v = reduce(restrict(members));
    const pivot = v.findIndex((x) => Math.abs(x) > 1e-9);
    if (pivot < 0) continue;
    const p = v[pivot];
    basis.push({ pivot, row: v.map((x) => x / p) });
  }
  return targets.map((members) => reduce(restrict(members)).every((x) => Math.abs(x) < 1e-9));
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
