import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NotificationKind, NotificationStatus } from './enums';

/**
 * One message to one person, from the outbox: written in the transaction of the change it tells
 * of, rendered and sent by the delivery job. Subject and text are kept once sent (the person's own
 * export shows them; erasure removes them).
 */
@ObjectType({ description: 'A message the platform sent, or is to send, to a person. Visible to the person (exportMyData) and ADMIN.' })
@Entity({ name: 'notification' })
export class Notification {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Field(() => NotificationKind) @Column('text') kind: NotificationKind;
  @Column('uuid', { name: 'person_id', nullable: true }) personId: string | null;
  @Column('uuid', { name: 'registration_id', nullable: true }) registrationId: string | null;
  @Column('uuid', { name: 'network_id', nullable: true }) networkId: string | null;
  @Column('bigint', { name: 'change_seq', nullable: true }) changeSeq: string | null;
  @Column('jsonb') data: Record<string, unknown>;
  @Field(() => NotificationStatus) @Column('text') status: NotificationStatus;
  @Field(() => Int, { description: 'Delivery attempts so far.' }) @Column('int') attempts: number;
  @Column('timestamptz', { name: 'next_attempt_at' }) nextAttemptAt: Date;
  @Column('timestamptz', { name: 'locked_until', nullable: true }) lockedUntil: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed (the mail server’s answer).' })
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Field(() => String, { nullable: true, description: 'The address it was sent to.' }) @Column('text', { nullable: true }) recipient: string | null;
  @Field(() => String, { nullable: true, description: 'Language of the message: nb, nn, sv or en.' }) @Column('text', { nullable: true }) language: string | null;
  @Field(() => String, { nullable: true, description: 'Subject line as sent.' }) @Column('text', { nullable: true }) subject: string | null;
  @Field(() => String, { nullable: true, description: 'Plain-text part as sent.' }) @Column('text', { name: 'body_text', nullable: true }) bodyText: string | null;
  @Column('text', { name: 'message_id', nullable: true }) messageId: string | null;
  @Field(() => Date, { nullable: true, description: 'When the mail server accepted it.' }) @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
  @Field(() => Date, { description: 'When the change it tells of was committed.' }) @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
