import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, ConnectionType, keysetPage, loaderById, UserError, type RequestContext } from '@kommunenett/subgraph-kit';
import { In } from 'typeorm';
import { WebhookDelivery, WebhookSubscription } from '../entities/webhook.entity';
import { RegistrationChange } from '../entities/registration-change.entity';
import { createWebhookSubscription, deleteWebhookSubscription, subscriptionsOf } from '../services/webhooks';

const WebhookDeliveryConnection = ConnectionType(WebhookDelivery, 'WebhookDelivery');

@InputType()
export class CreateWebhookSubscriptionInput {
  @Field({ description: 'Where events are POSTed (https).' }) url: string;
  @Field({ description: 'At least 32 characters; signs each event (HMAC-SHA256). Never returned.' }) secret: string;
}

@InputType()
export class DeleteWebhookSubscriptionInput {
  @Field(() => ID) id: string;
}

@ObjectType()
export class WebhookSubscriptionPayload {
  @Field(() => WebhookSubscription, { nullable: true }) subscription: WebhookSubscription | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver(() => WebhookSubscription)
export class WebhookResolver {
  @Authorized('PARTNER')
  @Query(() => [WebhookSubscription], { description: 'Your client’s webhook subscriptions.' })
  webhookSubscriptions(@Ctx() ctx: RequestContext) {
    return subscriptionsOf(ctx);
  }

  @Authorized('PARTNER')
  @Mutation(() => WebhookSubscriptionPayload, { description: 'Registers a URL and a secret for signed events of every change your client may see (scope webhooks:manage).' })
  createWebhookSubscription(@Arg('input', () => CreateWebhookSubscriptionInput) input: CreateWebhookSubscriptionInput, @Ctx() ctx: RequestContext) {
    return createWebhookSubscription(ctx, input);
  }

  @Authorized('PARTNER')
  @Mutation(() => WebhookSubscriptionPayload, { description: 'Stops a subscription; its delivery history stays.' })
  deleteWebhookSubscription(@Arg('input', () => DeleteWebhookSubscriptionInput) input: DeleteWebhookSubscriptionInput, @Ctx() ctx: RequestContext) {
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
