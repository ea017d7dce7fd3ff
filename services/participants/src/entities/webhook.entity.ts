import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { WebhookDeliveryStatus } from './enums';

@ObjectType({ description: 'A partner’s endpoint for signed change events. The secret is never returned.' })
@Entity({ name: 'webhook_subscription' })
export class WebhookSubscription {
  @Field(() => ID) @PrimaryColumn('uuid') id: string;
  @Field() @Column('text', { name: 'organization_id' }) organizationId: string;
  @Field() @Column('text', { name: 'client_id' }) clientId: string;
  @Field() @Column('text') url: string;
  @Column('text') secret: string;
  @Field() @Column('boolean') active: boolean;
  @Column('text', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Field(() => Date) @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

@ObjectType({ description: 'One event to one subscription: its attempts and outcome.' })
@Entity({ name: 'webhook_delivery' })
export class WebhookDelivery {
  @Field(() => ID) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'subscription_id' }) subscriptionId: string;
  @Column('bigint', { name: 'change_seq' }) changeSeq: string;
  @Field(() => WebhookDeliveryStatus) @Column('text') status: WebhookDeliveryStatus;
  @Field(() => Int) @Column('int') attempts: number;
  @Field(() => Date) @Column('timestamptz', { name: 'next_attempt_at' }) nextAttemptAt: Date;
  @Column('timestamptz', { name: 'locked_until', nullable: true }) lockedUntil: Date | null;
  @Field(() => Int, { nullable: true }) @Column('int', { name: 'last_status_code', nullable: true }) lastStatusCode: number | null;
  @Field(() => String, { nullable: true }) @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'delivered_at', nullable: true }) deliveredAt: Date | null;
  @Field(() => Date) @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
