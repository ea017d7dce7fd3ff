import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AttendanceStatus } from './enums';

@ObjectType({ description: 'Whether a person attended a session of a network.' })
@Entity({ name: 'attendance' })
export class Attendance {
  @PrimaryColumn('uuid', { name: 'session_id' }) sessionId: string;
  @PrimaryColumn('uuid', { name: 'person_id' }) personId: string;
  @Column('uuid', { name: 'network_id' }) networkId: string;
  @Field(() => AttendanceStatus) @Column('text') status: AttendanceStatus;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) note: string | null;
  @Column('text', { name: 'recorded_by', nullable: true }) recordedBy: string | null;
  @Field(() => Date) @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
