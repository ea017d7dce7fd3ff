import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The facts of a network as last read from the networks service: who hosts it (row access for
 * ORG_ADMIN and PARTNER), its programme and capacity. Compared on every write that reads them and
 * by the waitlist job; `refreshedAt` is when the facts last changed. The row is also the
 * network's lock (services/locks.ts) and holds its seat counters.
 */
@Entity({ name: 'network_snapshot' })
export class NetworkSnapshot {
  @PrimaryColumn('uuid', { name: 'network_id' }) networkId: string;
  @Column('uuid', { name: 'program_id', nullable: true }) programId: string | null;
  @Column('text', { array: true, name: 'host_ids' }) hostIds: string[];
  @Column('text', { nullable: true }) country: string | null;
  @Column('text') status: string;
  @Column('int', { nullable: true }) capacity: number | null;
  @Column('timestamptz', { name: 'refreshed_at' }) refreshedAt: Date;
  /** Live registrations holding a seat (PENDING, CONFIRMED, OFFERED), counted by a trigger on every write. */
  @Column('int', { name: 'seats_taken' }) seatsTaken: number;
  /** WAITLISTED registrations, counted the same way: the next waitlist position is one more. */
  @Column('int') waitlisted: number;
}
