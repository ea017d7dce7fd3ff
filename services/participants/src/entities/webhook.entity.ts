import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { WebhookDeliveryStatus } from './enums';

@ObjectType({ description: 'A partner’s endpoint for signed change events. The secret is never returned.' })
@Entity({ name: 'webhook_subscription' })
export class WebhookSubscription {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Field({ description: 'The organization of the client that subscribed.' }) @Column('text', { name: 'organization_id' }) organizationId: string;
  @Field({ description: 'The partner client that subscribed; events carry what this client may see.' }) @Column('text', { name: 'client_id' }) clientId: string;
  @Field({ description: 'Where events are POSTed (https).' }) @Column('text') url: string;
  @Column('text') secret: string;
  /** The secret before the last rotation: it signs too until `previousSecretExpiresAt`. */
  @Column('text', { name: 'previous_secret', nullable: true }) previousSecret: string | null;
  @Field(() => Date, { nullable: true, description: 'Until when the secret before the last rotation still signs events beside the new one (both signatures are sent).' })
  @Column('timestamptz', { name: 'previous_secret_expires_at', nullable: true }) previousSecretExpiresAt: Date | null;
  @Field({ description: 'False once deleted; no more events are sent.' }) @Column('boolean') active: boolean;
  @Column('text', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Field(() => Date, { description: 'When the subscription was made (UTC instant).' }) @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

@ObjectType({ description: 'One event to one subscription: its attempts and outcome.' })
@Entity({ name: 'webhook_delivery' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'subscription_id' }) subscriptionId: string;
  @Column('bigint', { name: 'change_seq' }) changeSeq: string;
  @Field(() => WebhookDeliveryStatus, { description: 'PENDING until delivered, DELIVERED, or FAILED after the last attempt.' }) @Column('text') status: WebhookDeliveryStatus;
  @Field(() => Int, { description: 'Attempts made so far.' }) @Column('int') attempts: number;
  @Field(() => Date, { description: 'When the next attempt is due (UTC instant).' }) @Column('timestamptz', { name: 'next_attempt_at' }) nextAttemptAt: Date;
  @Column('timestamptz', { name: 'locked_until', nullable: true }) lockedUntil: Date | null;
  @Field(() => Int, { nullable: true, description: 'HTTP status of the endpoint’s last answer; null when it did not answer.' }) @Column('int', { name: 'last_status_code', nullable: true }) lastStatusCode: number | null;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, e.g. a timeout; null when it succeeded.' }) @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Field(() => String, { nullable: true, description: 'The first 500 characters of the endpoint’s last answer.' })
  @Column('text', { name: 'last_response_excerpt', nullable: true }) lastResponseExcerpt: string | null;
  @Field(() => Date, { nullable: true, description: 'When the endpoint accepted it (UTC instant); null until then.' }) @Column('timestamptz', { name: 'delivered_at', nullable: true }) deliveredAt: Date | null;
  @Field(() => Date, { description: 'When the event was queued (UTC instant).' }) @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
