import { RegistrationStatus } from '../entities/enums';
import type { NetworkRules } from './network-rules';
import { NetworkLedger, registrationWindowError, type LiveRegistration } from './placement';

const rules = (over: Partial<NetworkRules> = {}): NetworkRules => ({
  id: 'n', status: 'PUBLISHED', country: 'NO', capacity: 3, perMunicipalityLimit: 3, perMunicipalityMin: null, registrationOpensAt: null,
  registrationDeadline: null, eligibleKinds: ['MUNICIPALITY'], requiresApproval: false, requiresLeadershipAnchoring: false, hosts: [], program: null, ...over,
});
const row = (id: string, municipalityId: string, status: RegistrationStatus, waitlistPosition: number | null = null): LiveRegistration =>
  ({ id, personId: `p-${id}`, municipalityId, status, waitlistPosition });

describe('NetworkLedger.place', () => {
  it('seats while seats are free and nobody waits, then queues in order', () => {
    const ledger = new NetworkLedger(rules({ capacity: 1 }), []);
    expect(ledger.place({ id: 'a', personId: 'pa', municipalityId: 'NO-0301' })).toEqual({ status: RegistrationStatus.CONFIRMED, waitlistPosition: null });
    expect(ledger.place({ id: 'b', personId: 'pb', municipalityId: 'NO-3201' })).toEqual({ status: RegistrationStatus.WAITLISTED, waitlistPosition: 1 });
    expect(ledger.place({ id: 'c', personId: 'pc', municipalityId: 'NO-3203' })).toEqual({ status: RegistrationStatus.WAITLISTED, waitlistPosition: 2 });
  });

  it('counts waitlisted registrations against the municipality limit', () => {
    const ledger = new NetworkLedger(rules({ capacity: 1, perMunicipalityLimit: 2 }), [row('a', 'NO-0301', RegistrationStatus.CONFIRMED), row('b', 'NO-0301', RegistrationStatus.WAITLISTED, 1)]);
    const placed = ledger.place({ id: 'c', personId: 'pc', municipalityId: 'NO-0301' });
    expect('error' in placed && placed.error.code).toBe('MUNICIPALITY_LIMIT_REACHED');
  });
});

describe('NetworkLedger.offerFreeSeats', () => {
  it('skips a group that does not fit, then moves it whole', () => {
    const live = [
      row('s1', 'NO-3201', RegistrationStatus.CONFIRMED), row('s2', 'NO-3201', RegistrationStatus.CONFIRMED),
      row('x1', 'NO-0301', RegistrationStatus.WAITLISTED, 1), row('x2', 'NO-0301', RegistrationStatus.WAITLISTED, 2), row('y', 'NO-3203', RegistrationStatus.WAITLISTED, 3),
    ];
    const ledger = new NetworkLedger(rules({ capacity: 3, perMunicipalityMin: 2 }), live);
    expect(ledger.offerFreeSeats().map((r) => r.id)).toEqual(['y']);
    expect(live.filter((r) => r.status === RegistrationStatus.WAITLISTED).map((r) => [r.id, r.waitlistPosition])).toEqual([['x1', 1], ['x2', 2]]);
    const bigger = new NetworkLedger(rules({ capacity: 6, perMunicipalityMin: 2 }), live);
    expect(bigger.offerFreeSeats().map((r) => r.id)).toEqual(['x1', 'x2']);
  });

  it('offers nothing in a cancelled or completed network', () => {
    for (const status of ['CANCELLED', 'COMPLETED'] as const) {
      const ledger = new NetworkLedger(rules({ status, capacity: 5 }), [row('w', 'NO-0301', RegistrationStatus.WAITLISTED, 1)]);
      expect(ledger.offerFreeSeats()).toEqual([]);
    }
  });
});

describe('registrationWindowError', () => {
  const now = new Date('2013-05-10T12:00:00Z');
  it.each([
    [{ status: 'CANCELLED' as const }, 'NETWORK_CANCELLED'],
    [{ status: 'DRAFT' as const }, 'REGISTRATION_NOT_OPEN'],
    [{ registrationOpensAt: '2013-06-01T00:00:00Z' }, 'REGISTRATION_NOT_OPEN'],
    [{ status: 'RUNNING' as const }, 'REGISTRATION_CLOSED'],
    [{ registrationDeadline: '2013-05-09T21:59:59.999Z' }, 'DEADLINE_PASSED'],
  ])('%j → %s', (over, code) => {
    expect(registrationWindowError(rules(over), now)?.code).toBe(code);
  });

  it('accepts until the end of the deadline (21 May 2013, Oslo time)', () => {
    expect(registrationWindowError(rules({ registrationDeadline: '2013-05-21T21:59:59.999Z' }), new Date('2013-05-21T21:00:00Z'))).toBeNull();
  });
});
