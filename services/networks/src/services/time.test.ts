import { addDays, endOfLocalDay, formatInZone, resolveLocalTime, startOfMonth, wallClock, zonedInstant } from './time';

describe('time zones of deadlines and sessions', () => {
  it('puts a Norwegian deadline at the end of the day in Europe/Oslo (summer time)', () => {
    expect(endOfLocalDay('2013-05-21', 'Europe/Oslo').toISOString()).toBe('2013-05-21T21:59:59.999Z');
  });
  it('uses winter time in March before the change', () => {
    expect(zonedInstant('2013-03-11', '10:00', 'Europe/Oslo').toISOString()).toBe('2013-03-11T09:00:00.000Z');
  });
  it('sorts a planned month as its first day', () => {
    expect(startOfMonth('2013-10', 'Europe/Stockholm').toISOString()).toBe('2013-09-30T22:00:00.000Z');
  });
  it('shows an instant with the offset of the zone on that day', () => {
    expect(formatInZone(new Date('2013-05-21T21:59:59.999Z'), 'Europe/Oslo')).toBe('2013-05-21T23:59:59+02:00');
    expect(formatInZone(new Date('2014-03-01T11:00:00Z'), 'Europe/Stockholm')).toBe('2014-03-01T12:00:00+01:00');
  });
  it('reads wall-clock date and time across the summer-time change (31 March 2013, 02:00 → 03:00)', () => {
    expect(wallClock(new Date('2013-03-31T00:59:00Z'), 'Europe/Oslo')).toMatchObject({ date: '2013-03-31', time: '01:59', offset: '+01:00' });
    expect(wallClock(new Date('2013-03-31T01:00:00Z'), 'Europe/Oslo')).toMatchObject({ date: '2013-03-31', time: '03:00', offset: '+02:00' });
  });
  it('finds the times the summer-time changes skip and repeat', () => {
    expect(resolveLocalTime('2027-03-28', '02:30', 'Europe/Oslo')).toMatchObject({ nonexistent: true, ambiguous: false });
    expect(resolveLocalTime('2027-03-28', '03:00', 'Europe/Stockholm')).toEqual({ instant: new Date('2027-03-28T01:00:00Z'), nonexistent: false, ambiguous: false });
    expect(resolveLocalTime('2027-03-28', '01:59', 'Europe/Oslo')).toEqual({ instant: new Date('2027-03-28T00:59:00Z'), nonexistent: false, ambiguous: false });
    expect(resolveLocalTime('2026-10-25', '02:30', 'Europe/Oslo')).toEqual({ instant: new Date('2026-10-25T00:30:00Z'), nonexistent: false, ambiguous: true });
    expect(resolveLocalTime('2026-10-25', '03:00', 'Europe/Oslo')).toEqual({ instant: new Date('2026-10-25T02:00:00Z'), nonexistent: false, ambiguous: false });
    expect(resolveLocalTime('2026-06-01', '02:30', 'Europe/Oslo')).toMatchObject({ nonexistent: false, ambiguous: false });
  });
  it('adds calendar days across month ends', () => {
    expect(addDays('2013-10-31', 1)).toBe('2013-11-01');
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
  });
});
