/**
 * The open round of the demo data: networks that take registrations whenever the demo data is
 * loaded. Its dates are computed from the day of loading (and moved forward on a later start once
 * the deadline has passed), so a newcomer always finds a network to register for. All dates are
 * calendar dates local to the network (YYYY-MM-DD) or months (YYYY-MM).
 */
export interface OpenDemoRound {
  /** Registration opened three weeks before the day of loading. */
  registrationOpensOn: string;
  /** Last day of registration, six weeks after the day of loading. */
  registrationDeadlineOn: string;
  /** First gathering, lunch to lunch with an overnight stay: a Tuesday two to three months ahead. */
  firstGatheringOn: string;
  firstGatheringEndsOn: string;
  /** Second and third gatherings, known only to the month (as in the 2013 invitation). */
  secondGatheringMonth: string;
  thirdGatheringMonth: string;
  /** First and last month of the round's programme. */
  periodStart: string;
  periodEnd: string;
  /** When the `n`th seeded registration was made (n from 0): spread over the days since opening, never in the future. */
  registeredAt(n: number): Date;
}

const DAY = 86_400_000;
const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);
const isoMonth = (t: number) => new Date(t).toISOString().slice(0, 7);
const addMonths = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number);
  return isoMonth(Date.UTC(y, m - 1 + n, 1));
};

export function openDemoRound(today: Date): OpenDemoRound {
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const opens = day - 21 * DAY;
  // The first Tuesday at least nine weeks ahead (getUTCDay: 2 = Tuesday).
  let first = day + 63 * DAY;
  while (new Date(first).getUTCDay() !== 2) first += DAY;
  const firstMonth = isoMonth(first);
  const thirdGatheringMonth = addMonths(firstMonth, 5);
  return {
    registrationOpensOn: isoDate(opens),
    registrationDeadlineOn: isoDate(day + 42 * DAY),
    firstGatheringOn: isoDate(first),
    firstGatheringEndsOn: isoDate(first + DAY),
    secondGatheringMonth: addMonths(firstMonth, 2),
    thirdGatheringMonth,
    periodStart: isoMonth(opens),
    periodEnd: thirdGatheringMonth,
    // Hours after opening, at most twenty days in: before the day of loading.
    registeredAt: (n) => new Date(opens + 8 * 3_600_000 + ((n * 7) % (20 * 24)) * 3_600_000),
  };
}
