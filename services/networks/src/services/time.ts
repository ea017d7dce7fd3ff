const DAY_MS = 24 * 3_600_000;

/** The zone's offset (ms ahead of UTC) at an instant, found by formatting the instant in the zone. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - instant;
}

/**
 * What a local date and time in a time zone stands for. At the spring change the clock skips an
 * hour (Europe/Oslo, last Sunday of March: 02:00 → 03:00), so 02:30 does not exist: `nonexistent`,
 * and `instant` reads it with the offset before the change (02:30+01:00 = 03:30+02:00). At the
 * autumn change (03:00 → 02:00) 02:30 happens twice: `ambiguous`, and `instant` is the first
 * occurrence, in summer time (02:30+02:00), as RFC 5545 §3.3.5 reads such a time in a calendar.
 */
export function resolveLocalTime(date: string, time: string, timeZone: string): { instant: Date; nonexistent: boolean; ambiguous: boolean } {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, s = 0] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  // The offsets in force a day either side: a zone changes its offset at most once within two days.
  const before = offsetAt(asUtc - DAY_MS, timeZone);
  const after = offsetAt(asUtc + DAY_MS, timeZone);
  const fits = [...new Set([before, after])].map((o) => asUtc - o).filter((i) => offsetAt(i, timeZone) === asUtc - i).sort((a, b) => a - b);
  if (fits.length === 0) return { instant: new Date(asUtc - before), nonexistent: true, ambiguous: false };
  return { instant: new Date(fits[0]), nonexistent: false, ambiguous: fits.length > 1 };
}

/**
 * The instant a local date and time in a time zone stands for: "deadline 21 May 2013" in
 * Europe/Oslo is the end of that day there, 2013-05-21T23:59:59.999+02:00. See resolveLocalTime
 * for the times the summer-time changes skip or repeat.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  return resolveLocalTime(date, time, timeZone).instant;
}

/** End of a calendar day in a time zone (the last millisecond). */
export function endOfLocalDay(date: string, timeZone: string): Date {
  return new Date(zonedInstant(date, '23:59:59', timeZone).getTime() + 999);
}

/** First instant of a planned month (YYYY-MM) in a time zone: where a planned session's interval starts. */
export function startOfMonth(month: string, timeZone: string): Date {
  return zonedInstant(`${month}-01`, '00:00', timeZone);
}

/** The month after a YYYY-MM month. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The interval a session's date covers, end exclusive: its exact times, or from the first
 * instant of its planned month to the first instant after its last planned month (local to the
 * network). Null while undecided. The SQL twin is sessionIntervalEndSql (with sort_date as start).
 */
export function sessionInterval(
  s: { startsAt: Date | null; endsAt: Date | null; plannedMonth: string | null; plannedTo: string | null }, timeZone: string,
): { start: Date; end: Date } | null {
  if (s.startsAt) return { start: s.startsAt, end: s.endsAt ?? s.startsAt };
  if (!s.plannedMonth) return null;
  return { start: startOfMonth(s.plannedMonth, timeZone), end: startOfMonth(nextMonth(s.plannedTo ?? s.plannedMonth), timeZone) };
}

export function timeZoneFor(country: 'NO' | 'SE'): string {
  return country === 'SE' ? 'Europe/Stockholm' : 'Europe/Oslo';
}

/** Wall-clock parts of an instant in a time zone. */
export function wallClock(instant: Date, timeZone: string): { date: string; time: string; seconds: string; offset: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  const offsetMinutes = Math.round((Date.parse(`${date}T${get('hour')}:${get('minute')}:${get('second')}Z`) - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return {
    date, time: `${get('hour')}:${get('minute')}`, seconds: get('second'),
    offset: `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`,
  };
}

/** An instant as ISO 8601 with the offset of the time zone: 2013-05-21T23:59:59+02:00. */
export function formatInZone(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.date}T${w.time}:${w.seconds}${w.offset}`;
}

/** Start of a calendar day in a time zone. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return zonedInstant(date, '00:00', timeZone);
}

/** YYYY-MM-DD plus n days (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
export const TIME_ZONES = ['Europe/Oslo', 'Europe/Stockholm'] as const;
