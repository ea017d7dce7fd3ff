import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, ConnectionType, keysetPage, loaderById, UserError, type RequestContext } from '@kommunenett/subgraph-kit';
import { In } from 'typeorm';
import { WebhookDelivery, WebhookSubscription } from '../entities/webhook.entity';
import { RegistrationChange } from '../entities/registration-change.entity';
import { createWebhookSubscription, deleteWebhookSubscription, redeliverFailedWebhookDeliveries, redeliverWebhookDelivery, rotateWebhookSecret, subscriptionsOf } from '../services/webhooks';

const WebhookDeliveryConnection = ConnectionType(WebhookDelivery, 'WebhookDelivery');

@InputType({ description: 'A URL and a secret for signed change events.' })
export class CreateWebhookSubscriptionInput {
  @Field({ description: 'Where events are POSTed (https).' }) url: string;
  @Field({ description: 'At least 32 characters; signs each event (HMAC-SHA256). Never returned.' }) secret: string;
}

@InputType({ description: 'Stops a webhook subscription.' })
export class DeleteWebhookSubscriptionInput {
  @Field(() => ID, { description: 'The subscription to stop.' }) id: string;
}

@ObjectType({ description: 'The outcome of a change to a webhook subscription.' })
export class WebhookSubscriptionPayload {
  @Field(() => WebhookSubscription, { nullable: true, description: 'The subscription after the change; null when nothing changed.' }) subscription: WebhookSubscription | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@InputType({ description: 'Sends one webhook delivery again.' })
export class RedeliverWebhookDeliveryInput {
  @Field(() => ID, { description: 'A delivery of your client, whatever its status (not one still waiting).' }) id: string;
}

@InputType({ description: 'Sends a subscription’s failed deliveries again.' })
export class RedeliverFailedWebhookDeliveriesInput {
  @Field(() => ID, { description: 'The subscription.' }) subscriptionId: string;
  @Field(() => Date, { description: 'Deliveries created at or after this moment (ISO 8601 with offset).' }) since: Date;
}

@InputType({ description: 'Replaces a webhook subscription’s secret.' })
export class RotateWebhookSecretInput {
  @Field(() => ID, { description: 'The subscription.' }) id: string;
  @Field({ description: 'The new secret, at least 32 characters. Never returned.' }) secret: string;
  @Field(() => Int, { description: 'Hours (0–168) during which the old secret keeps signing beside the new one: each event carries both signatures, comma-separated.' }) overlapHours: number;
}

@ObjectType({ description: 'The outcome of redeliverWebhookDelivery.' })
export class WebhookDeliveryPayload {
  @Field(() => WebhookDelivery, { nullable: true, description: 'The delivery, waiting to be sent again.' }) delivery: WebhookDelivery | null;
  @Field(() => [UserError], { description: 'NOT_FOUND, ALREADY_PENDING, INVALID_ID.' }) userErrors: UserError[];
}

@ObjectType({ description: 'The outcome of redeliverFailedWebhookDeliveries.' })
export class RedeliverFailedWebhookDeliveriesPayload {
  @Field(() => Int, { description: 'How many failed deliveries wait to be sent again.' }) count: number;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@Resolver(() => WebhookSubscription)
export class WebhookResolver {
  @Authorized('PARTNER')
  @Mutation(() => WebhookDeliveryPayload, { description: 'Sends one delivery of your client again from the start (scope webhooks:manage), e.g. after your endpoint was down past the last retry.' })
  redeliverWebhookDelivery(@Arg('input', () => RedeliverWebhookDeliveryInput, { description: 'The delivery to send again.' }) input: RedeliverWebhookDeliveryInput, @Ctx() ctx: RequestContext) {
    return redeliverWebhookDelivery(ctx, input);
  }

  @Authorized('PARTNER')
  @Mutation(() => RedeliverFailedWebhookDeliveriesPayload, { description: 'Sends every FAILED delivery of a subscription created since a moment again (scope webhooks:manage).' })
  redeliverFailedWebhookDeliveries(@Arg('input', () => RedeliverFailedWebhookDeliveriesInput, { description: 'The subscription and the moment from which failed deliveries are sent again.' }) input: RedeliverFailedWebhookDeliveriesInput, @Ctx() ctx: RequestContext) {
    return redeliverFailedWebhookDeliveries(ctx, input);
  }

  @Authorized('PARTNER')
  @Mutation(() => WebhookSubscriptionPayload, { description: 'Replaces a subscription’s secret; the old one keeps signing beside it for overlapHours, so the endpoint can switch without losing an event.' })
  rotateWebhookSecret(@Arg('input', () => RotateWebhookSecretInput, { description: 'The subscription, the new secret and the overlap.' }) input: RotateWebhookSecretInput, @Ctx() ctx: RequestContext) {
    return rotateWebhookSecret(ctx, input);
  }

  @Authorized('PARTNER')
  @Query(() => [WebhookSubscription], { description: 'Your client’s webhook subscriptions.' })
  webhookSubscriptions(@Ctx() ctx: RequestContext) {
    return subscriptionsOf(ctx);
  }

  @Authorized('PARTNER')
  @Mutation(() => WebhookSubscriptionPayload, { description: 'Registers a URL and a secret for signed events of every change your client may see (scope webhooks:manage).' })
  createWebhookSubscription(@Arg('input', () => CreateWebhookSubscriptionInput, { description: 'The URL and the secret.' }) input: CreateWebhookSubscriptionInput, @Ctx() ctx: RequestContext) {
    return createWebhookSubscription(ctx, input);
  }

  @Authorized('PARTNER')
  @Mutation(() => WebhookSubscriptionPayload, { description: 'Stops a subscription; its delivery history stays.' })
  deleteWebhookSubscription(@Arg('input', () => DeleteWebhookSubscriptionInput, { description: 'The subscription to stop.' }) input: DeleteWebhookSubscriptionInput, @Ctx() ctx: RequestContext) {
    return deleteWebhookSubscription(ctx, input);
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'Events sent or to send, oldest first: attempts, last answer, outcome.' })
  deliveries(@Root() s: WebhookSubscription, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    const qb = ctx.ds.getRepository(WebhookDelivery).createQueryBuilder('d').where('d.subscription_id = :id', { id: s.id });
    return keysetPage(qb, [{ sql: 'd.change_seq', value: (d) => d.changeSeq }], page);
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => RegistrationChange, { description: 'The change the event announces.' })
  change(@Root() d: WebhookDelivery, @Ctx() ctx: RequestContext) {
    return loaderById(ctx, 'changeBySeq', (seqs) => ctx.ds.getRepository(RegistrationChange).findBy({ seq: In([...seqs]) }), (c) => c.seq).load(d.changeSeq);
  }
}
