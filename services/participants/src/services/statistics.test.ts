import { applySuppression, type StatisticsCell } from './statistics';

const cell = (participants: number): StatisticsCell => ({ keys: [], participants, municipalities: 1, registrations: participants, suppressed: false });

describe('applySuppression', () => {
  it('hides cells of fewer than three persons', () => {
    expect(applySuppression([cell(2), cell(5), cell(1)]).map((c) => c.participants)).toEqual([null, 5, null]);
  });

  it('hides the next smallest cell when only one is hidden, so it cannot be recovered from the total', () => {
    const out = applySuppression([cell(7), cell(2), cell(4), cell(9)]);
    expect(out.map((c) => c.suppressed)).toEqual([false, true, true, false]);
    expect(out.map((c) => c.registrations)).toEqual([7, null, null, 9]);
  });

  it('leaves a table without small cells alone', () => {
    expect(applySuppression([cell(3), cell(4)]).every((c) => !c.suppressed)).toBe(true);
  });
});
