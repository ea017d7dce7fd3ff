import { openDemoRound } from './demo-open-round';

describe('openDemoRound', () => {
  // Every day of a year, including the turn of the year and the last days of months.
  const days = Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i, 23, 30)));

  it.each(days.filter((_, i) => i % 15 === 0 || i > 355).map((d) => [d.toISOString().slice(0, 10), d] as const))(
    'on %s: open today, deadline ahead, gatherings after the deadline, registrations in the past', (today, now) => {
      const round = openDemoRound(now);
      expect(round.registrationOpensOn < today).toBe(true);
      expect(round.registrationDeadlineOn > today).toBe(true);
      expect(round.firstGatheringOn > round.registrationDeadlineOn).toBe(true);
      expect(new Date(`${round.firstGatheringOn}T12:00:00Z`).getUTCDay()).toBe(2);
      expect(round.secondGatheringMonth > round.firstGatheringOn.slice(0, 7)).toBe(true);
      expect(round.thirdGatheringMonth > round.secondGatheringMonth).toBe(true);
      expect(round.periodStart <= round.registrationOpensOn.slice(0, 7)).toBe(true);
      expect(round.periodEnd).toBe(round.thirdGatheringMonth);
      for (const n of [0, 1, 50, 100]) {
        const at = round.registeredAt(n);
        expect(at.getTime()).toBeLessThan(now.getTime());
        expect(at.toISOString().slice(0, 10) >= round.registrationOpensOn).toBe(true);
      }
    });
});
