import { userError, type UserError } from '@kommunenett/subgraph-kit';
import { RegistrationStatus, SEAT_HOLDING } from '../entities/enums';
import type { NetworkRules } from './network-rules';

/**
 * The registration rules of one network, decided in memory over its live registrations as read
 * under the network's lock. Pure: the service loads the ledger, asks, and writes the outcome.
 */

export interface LiveRegistration {
  id: string;
  personId: string | null;
  municipalityId: string;
  status: RegistrationStatus;
  waitlistPosition: number | null;
}

/** Whether the network takes registrations at `now`; the broken rule otherwise. */
export function registrationWindowError(rules: NetworkRules, now: Date, field = 'networkId'): UserError | null {
  if (rules.status === 'CANCELLED') return userError(field, 'The network is cancelled.', 'NETWORK_CANCELLED');
  if (rules.status === 'DRAFT' || (rules.registrationOpensAt && new Date(rules.registrationOpensAt) > now)) {
    return userError(field, `Registration is not open yet${rules.registrationOpensAt ? ` (opens ${rules.registrationOpensAt})` : ''}.`, 'REGISTRATION_NOT_OPEN');
  }
  if (rules.status !== 'PUBLISHED') return userError(field, 'Registration for the network is closed.', 'REGISTRATION_CLOSED');
  if (rules.registrationDeadline && new Date(rules.registrationDeadline) < now) {
    return userError(field, `The registration deadline passed on ${rules.registrationDeadline}.`, 'DEADLINE_PASSED');
  }
  return null;
}

/** Whether a municipality of this kind and country may register for the network. */
export function eligibilityError(rules: NetworkRules, municipality: { kind: string; country: string; name: string }, field = 'municipalityId'): UserError | null {
  if (municipality.country !== rules.country) return userError(field, `${municipality.name} is not in the network’s country (${rules.country}).`, 'NOT_ELIGIBLE');
  if (!rules.eligibleKinds.includes(municipality.kind as 'MUNICIPALITY' | 'COUNTY')) {
    return userError(field, `The network is open to ${rules.eligibleKinds.join(' and ').toLowerCase()} registrants, not to ${municipality.name}.`, 'NOT_ELIGIBLE');
  }
  return null;
}

export class NetworkLedger {
  constructor(readonly rules: NetworkRules, private readonly rows: LiveRegistration[]) {}

  get live(): readonly LiveRegistration[] {
    return this.rows;
  }

  seatsTaken(): number {
    return this.rows.filter((r) => SEAT_HOLDING.includes(r.status)).length;
  }

  freeSeats(): number {
    return this.rules.capacity === null ? Number.POSITIVE_INFINITY : Math.max(0, this.rules.capacity - this.seatsTaken());
  }

  /** Live registrations (holding or waiting for a seat) of a municipality: what its limit counts. */
  countFor(municipalityId: string, statuses: readonly RegistrationStatus[] = [...SEAT_HOLDING, RegistrationStatus.WAITLISTED]): number {
    return this.rows.filter((r) => r.municipalityId === municipalityId && statuses.includes(r.status)).length;
  }

  isRegistered(personId: string): boolean {
    return this.rows.some((r) => r.personId === personId);
  }

  waitlist(): LiveRegistration[] {
    return this.rows.filter((r) => r.status === RegistrationStatus.WAITLISTED).sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  }

  /**
   * Places a new registration: a seat when one is free and nobody waits (PENDING when the
   * network wants approval), else the end of the waitlist. Refuses a second live registration of
   * the person and a municipality over its limit.
   */
  place(candidate: Omit<LiveRegistration, 'status' | 'waitlistPosition'>, field: string[] | string = 'input'): { status: RegistrationStatus; waitlistPosition: number | null } | { error: UserError } {
    if (candidate.personId && this.isRegistered(candidate.personId)) {
      return { error: userError(field, 'The person is already registered for this network.', 'ALREADY_REGISTERED') };
    }
    const limit = this.rules.perMunicipalityLimit;
    if (limit !== null && this.countFor(candidate.municipalityId) >= limit) {
      return { error: userError(field, `The municipality has reached its limit of ${limit} participants in this network.`, 'MUNICIPALITY_LIMIT_REACHED') };
    }
    const row: LiveRegistration = { ...candidate, status: RegistrationStatus.WAITLISTED, waitlistPosition: null };
    if (this.freeSeats() > 0 && this.waitlist().length === 0) {
      row.status = this.rules.requiresApproval ? RegistrationStatus.PENDING : RegistrationStatus.CONFIRMED;
    } else {
      row.waitlistPosition = this.waitlist().length + 1;
    }
    this.rows.push(row);
    return { status: row.status, waitlistPosition: row.waitlistPosition };
  }

  /** Marks a registration as no longer live (cancelled, rejected, expired, moved away). */
  remove(id: string): void {
    const i = this.rows.findIndex((r) => r.id === id);
    if (i >= 0) this.rows.splice(i, 1);
    this.renumber();
  }

  setStatus(id: string, status: RegistrationStatus): void {
    const row = this.rows.find((r) => r.id === id);
    if (row) row.status = status;
    this.renumber();
  }

  /**
   * Offers free seats to the waitlist in order: the first waitlisted registration that fits is
   * offered a seat. Where the network wants at least `perMunicipalityMin` people per
   * municipality, a municipality without enough seats yet moves as a group (up to the minimum)
   * or not at all. Returns the registrations to offer.
   */
  offerFreeSeats(): LiveRegistration[] {
    if (!['PUBLISHED', 'REGISTRATION_CLOSED', 'RUNNING'].includes(this.rules.status)) return [];
    const offered: LiveRegistration[] = [];
    let free = this.freeSeats();
    for (const head of this.waitlist()) {
      if (free <= 0) break;
      if (head.status !== RegistrationStatus.WAITLISTED) continue; // moved with its group already
      const seated = this.countFor(head.municipalityId, SEAT_HOLDING);
      const min = this.rules.perMunicipalityMin ?? 1;
      const group = this.waitlist().filter((r) => r.municipalityId === head.municipalityId);
      const need = seated >= min ? 1 : Math.min(min - seated, group.length);
      if (need > free) continue;
      for (const r of group.slice(0, need)) {
        r.status = RegistrationStatus.OFFERED;
        r.waitlistPosition = null;
        offered.push(r);
      }
      free -= need;
    }
    this.renumber();
    return offered;
  }

  private renumber(): void {
    this.waitlist().forEach((r, i) => (r.waitlistPosition = i + 1));
    for (const r of this.rows) if (r.status !== RegistrationStatus.WAITLISTED) r.waitlistPosition = null;
  }
}
