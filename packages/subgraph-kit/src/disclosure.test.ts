import { auditedSuppression, determined, firstDetermined, groupsAlongDimensions, suppressedByParent, suppressedCells } from './disclosure';

const row = (units: number) => ({ units, groups: ['all'] });

describe('suppressedCells', () => {
  it('hides cells of fewer than three units', () => {
    expect(suppressedCells([row(2), row(5), row(1)], 3)).toEqual([true, false, true]);
  });

  it('hides the next smallest cell when only one is hidden, so it cannot be recovered from the total', () => {
    expect(suppressedCells([row(7), row(2), row(4), row(9)], 3)).toEqual([false, true, true, false]);
  });

  it('leaves a table without small cells alone', () => {
    expect(suppressedCells([row(3), row(4)], 3)).toEqual([false, false]);
  });

  it('follows every group a cell belongs to until none has a lone suppressed cell', () => {
    // A 2 × 2 table: rows a, b; columns x, y. Only (a, x) is small.
    const cells = [['a', 'x', 1], ['a', 'y', 5], ['b', 'x', 6], ['b', 'y', 7]].map(([r, c, units]) => ({ units: units as number, groups: groupsAlongDimensions('t', [r as string, c as string]) }));
    expect(suppressedCells(cells, 3)).toEqual([true, true, true, true]);
  });
});

describe('suppressedByParent', () => {
  it('suppresses a filtered cell whose complement in the parent is small, or whose parent is suppressed', () => {
    expect(suppressedByParent(7, 8, false, 3)).toBe(true);
    expect(suppressedByParent(5, 8, false, 3)).toBe(false);
    expect(suppressedByParent(8, 8, true, 3)).toBe(true);
    expect(suppressedByParent(8, 8, false, 3)).toBe(false);
  });
});

describe('firstDetermined', () => {
  it('finds a suppressed cell that the shown totals determine, and none when they do not', () => {
    // Cells 0..2 suppressed; totals shown: 0+1 and 1+2 and 0+1+2 → 0+1+2 − (1+2) gives 0.
    expect(firstDetermined([true, true, true], [[0, 1], [1, 2], [0, 1, 2]], [[0]])).toBe(0);
    expect(firstDetermined([true, true, true], [[0, 1], [1, 2]], [[0], [2]])).toBe(-1);
    // Known cells drop out: with cell 1 shown, the total 0+1 gives 0.
    expect(firstDetermined([true, false], [[0, 1]], [[0]])).toBe(0);
  });
});

describe('auditedSuppression', () => {
  it('suppresses more when the singleton rule leaves a small cell determined by the coarser figures', () => {
    // Groups a = {0, 1}, b = {2, 3}; a third shown figure adds cells 1 and 2 (another dimension's
    // cell). The singleton rule hides 0 (small) and 1; then 2 is shown, so 1 = (1+2) − 2 and 0 = a − 1.
    const cells = [{ units: 1, groups: ['a'] }, { units: 4, groups: ['a'] }, { units: 9, groups: ['b'] }, { units: 8, groups: ['b'] }];
    const figures = [{ cells: [0, 1], shown: true, small: false }, { cells: [2, 3], shown: true, small: false }, { cells: [1, 2], shown: true, small: false }];
    expect(suppressedCells(cells, 3)).toEqual([true, true, false, false]);
    const hidden = auditedSuppression(cells, figures, 3);
    expect(hidden).toEqual([true, true, true, true]);
    expect(firstDetermined(hidden, figures.map((f) => f.cells), [[0]])).toBe(-1);
  });
});

describe('determined', () => {
  /** Dense Gaussian elimination over the unknown cells: the reference the sparse one must agree with. */
  const denseDetermined = (unknown: boolean[], equations: number[][], targets: number[][]) => {
    const columns = unknown.flatMap((u, i) => (u ? [i] : []));
    const vector = (members: number[]) => columns.map((c) => members.filter((m) => m === c).length);
    const basis: { pivot: number; row: number[] }[] = [];
    const reduce = (v: number[]) => {
      for (const { pivot, row } of basis) {
        const f = v[pivot];
        if (Math.abs(f) > 1e-9) row.forEach((x, j) => { v[j] -= f * x; });
      }
      return v;
    };
    for (const e of equations) {
      const v = reduce(vector(e));
      const pivot = v.findIndex((x) => Math.abs(x) > 1e-9);
      if (pivot >= 0) basis.push({ pivot, row: v.map((x) => x / v[pivot]) });
    }
    return targets.map((t) => reduce(vector(t)).every((x) => Math.abs(x) < 1e-9));
  };

  it('agrees with dense elimination on margins of random tables', () => {
    // A deterministic generator, so a failure can be reproduced.
    let state = 20130521;
    const next = (n: number) => { state = (state * 1103515245 + 12345) % 2 ** 31; return state % n; };
    let determinedSeen = 0;
    for (let round = 0; round < 200; round++) {
      const rows = 2 + next(5);
      const cols = 2 + next(5);
      const cell = (r: number, c: number) => r * cols + c;
      const unknown = Array.from({ length: rows * cols }, () => next(3) === 0);
      // Shown figures: some row and column totals, the grand total, and a few random sums.
      const equations = [
        ...Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cell(r, c))).filter(() => next(4) > 0),
        ...Array.from({ length: cols }, (_, c) => Array.from({ length: rows }, (_, r) => cell(r, c))).filter(() => next(4) > 0),
        Array.from({ length: rows * cols }, (_, i) => i),
        ...Array.from({ length: next(3) }, () => Array.from({ length: 1 + next(4) }, () => next(rows * cols))),
      ];
      const targets = [...Array.from({ length: rows * cols }, (_, i) => [i]), ...Array.from({ length: 3 }, () => [next(rows * cols), next(rows * cols)])];
      const expected = denseDetermined(unknown, equations, targets);
      determinedSeen += expected.filter(Boolean).length;
      expect(determined(unknown, equations, targets)).toEqual(expected);
    }
    expect(determinedSeen).toBeGreaterThan(0);
  });
});
