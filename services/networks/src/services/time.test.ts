import { endOfLocalDay, startOfMonth, zonedInstant } from './time';

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
});
