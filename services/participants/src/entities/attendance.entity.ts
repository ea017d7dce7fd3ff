import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AttendanceChangeAction, AttendanceStatus } from './enums';

@ObjectType({ description: 'Whether a person attended a session of a network.' })
@Entity({ name: 'attendance' })
export class Attendance {
  @PrimaryColumn('uuid', { name: 'session_id' }) sessionId: string;
  @PrimaryColumn('uuid', { name: 'person_id' }) personId: string;
  @Column('uuid', { name: 'network_id' }) networkId: string;
  /** The municipality the person attended for: that of their registration in the network. */
  @Column('text', { name: 'municipality_id', nullable: true }) municipalityId: string | null;
  @Field(() => AttendanceStatus, { description: 'PRESENT, ABSENT or EXCUSED.' }) @Column('text') status: AttendanceStatus;
  @Field(() => String, { nullable: true, description: 'The facilitator’s note on the entry, e.g. why a person was excused.' }) @Column('text', { nullable: true }) note: string | null;
  @Column('text', { name: 'recorded_by', nullable: true }) recordedBy: string | null;
  @Field(() => Date, { description: 'When the entry was last recorded (UTC instant).' }) @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}

@ObjectType({ description: 'One change of a session’s attendance: an entry recorded, changed or removed. Kept when the entry itself is removed.' })
@Entity({ name: 'attendance_change' })
@Index(['sessionId', 'changedAt'])
@Index(['personId'])
export class AttendanceChange {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'session_id' }) sessionId: string;
  @Column('uuid', { name: 'person_id' }) personId: string;
  @Column('uuid', { name: 'network_id' }) networkId: string;
  @Field(() => AttendanceChangeAction, { description: 'Whether the entry was recorded, changed or removed.' }) @Column('text') action: AttendanceChangeAction;
  @Field(() => AttendanceStatus, { nullable: true, description: 'The status before the change; null when the entry was new.' })
  @Column('text', { name: 'from_status', nullable: true }) fromStatus: AttendanceStatus | null;
  @Field(() => AttendanceStatus, { nullable: true, description: 'The status after the change; null when the entry was removed.' })
  @Column('text', { name: 'to_status', nullable: true }) toStatus: AttendanceStatus | null;
  @Field(() => String, { nullable: true, description: 'Why an entry was removed, as given.' }) @Column('text', { nullable: true }) reason: string | null;
  /** Subject of the token that made the change. */
  @Column('text', { name: 'changed_by', nullable: true }) changedBy: string | null;
  /** Their role, and the client the change came through (the audit trail's). */
  @Column('text', { name: 'actor_role', nullable: true }) actorRole: string | null;
  @Column('text', { nullable: true }) client: string | null;
  @Field(() => Date, { description: 'When the change was made (UTC instant).' }) @Column('timestamptz', { name: 'changed_at' }) changedAt: Date;
}
