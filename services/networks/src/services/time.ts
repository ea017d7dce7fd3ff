/**
 * The instant a local date and time in a time zone stands for: "deadline 21 May 2013" in
 * Europe/Oslo is the end of that day there, 2013-05-21T23:59:59.999+02:00.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, s = 0] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  // The zone's offset at that wall-clock time, found by formatting the UTC guess in the zone.
  const offsetAt = (instant: number) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(new Date(instant));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - instant;
  };
  const first = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(first));
}

/** End of a calendar day in a time zone (the last millisecond). */
export function endOfLocalDay(date: string, timeZone: string): Date {
  return new Date(zonedInstant(date, '23:59:59', timeZone).getTime() + 999);
}

/** First instant of a planned month (YYYY-MM) in a time zone: how planned sessions sort. */
export function startOfMonth(month: string, timeZone: string): Date {
  return zonedInstant(`${month}-01`, '00:00', timeZone);
}

export function timeZoneFor(country: 'NO' | 'SE'): string {
  return country === 'SE' ? 'Europe/Stockholm' : 'Europe/Oslo';
}
