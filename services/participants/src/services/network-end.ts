/** What the networks service says of when a network ended (`NETWORK_END_SELECTION` of `Network`). */
export interface NetworkEnd {
  id: string;
  status: string;
  sessions: { endsAt: string | null; startsAt: string | null; plannedMonth: string | null; plannedTo: string | null }[];
  program: { periodEnd: string | null } | null;
}

export const NETWORK_END_SELECTION = 'id status sessions { startsAt endsAt plannedMonth plannedTo } program { periodEnd }';

/** The first instant after a month "YYYY-MM". */
function afterMonth(month: string): Date {
  const [y, mo] = month.split('-').map(Number);
  return new Date(Date.UTC(y, mo, 1));
}

/**
 * When a completed or cancelled network ended: the end of its last session (a session known only
 * to a month ends with that month); null while it runs or when it has no dated session.
 */
export function endOf(n: NetworkEnd): Date | null {
  if (n.status !== 'COMPLETED' && n.status !== 'CANCELLED') return null;
  const ends = n.sessions.map((s) => {
    if (s.endsAt ?? s.startsAt) return new Date((s.endsAt ?? s.startsAt)!);
    const month = s.plannedTo ?? s.plannedMonth;
    return month ? afterMonth(month) : null;
  }).filter((d): d is Date => d !== null);
  return ends.length ? new Date(Math.max(...ends.map((d) => d.getTime()))) : null;
}

/**
 * The last day of a completed network for its outcomes, and what it was taken from: the day its
 * last session ended, else (a network whose gatherings are not recorded) the last day of its
 * programme's period. Null while the network runs.
 */
export function lastDayOf(n: NetworkEnd): { day: string; from: 'LAST_SESSION' | 'PROGRAM_PERIOD' } | null {
  if (n.status !== 'COMPLETED') return null;
  const end = endOf(n);
  // The day of the last instant before the end (a planned month ends with the first instant after it).
  if (end) return { day: new Date(end.getTime() - 1).toISOString().slice(0, 10), from: 'LAST_SESSION' };
  if (n.program?.periodEnd) return { day: new Date(afterMonth(n.program.periodEnd.slice(0, 7)).getTime() - 1).toISOString().slice(0, 10), from: 'PROGRAM_PERIOD' };
  return null;
}
