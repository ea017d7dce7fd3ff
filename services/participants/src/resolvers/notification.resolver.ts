import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requireUuid, UserError, type RequestContext } from '@kommunenett/subgraph-kit';
import { NotificationKind } from '../entities/enums';
import { preferencesOf, preferenceSubject, updateNotificationPreferences } from '../services/preferences';

@ObjectType({ description: 'Whether a person receives one kind of message.' })
export class NotificationPreference {
  @Field(() => NotificationKind, { description: 'The kind of message.' }) kind: NotificationKind;
  @Field({ description: 'Whether the person receives it.' }) enabled: boolean;
  @Field({ description: 'Whether it may be switched off: reminders may; decisions, offers and their expiry may not.' }) optional: boolean;
}

@InputType({ description: 'One kind of message switched on or off.' })
export class NotificationPreferenceInput {
  @Field(() => NotificationKind, { description: 'The kind of message.' }) kind: NotificationKind;
  @Field({ description: 'true to receive it, false to switch it off (optional kinds only).' }) enabled: boolean;
}

@InputType({ description: 'Switches kinds of messages on or off.' })
export class UpdateNotificationPreferencesInput {
  @Field(() => ID, { nullable: true, description: 'Whose settings: yours when left out; ADMIN may name a person.' }) personId?: string | null;
  @Field(() => [NotificationPreferenceInput], { description: 'The kinds to change; others stay as they are.' }) preferences: NotificationPreferenceInput[];
}

@ObjectType({ description: 'The outcome of updateNotificationPreferences.' })
export class NotificationPreferencesPayload {
  personId: string | null;
  @Field(() => [UserError], { description: 'NOTIFICATION_REQUIRED for a message that cannot be switched off; nothing is changed then.' }) userErrors: UserError[];
}

@Resolver(() => NotificationPreferencesPayload)
export class NotificationPreferencesResolver {
  @Authorized('PARTICIPANT')
  @Query(() => [NotificationPreference], { description: 'Which messages you receive (PARTICIPANT: your own; ADMIN may name a person).' })
  notificationPreferences(@Ctx() ctx: RequestContext, @Arg('personId', () => ID, { nullable: true, description: 'ADMIN only: whose settings.' }) personId?: string) {
    if (personId) requireUuid(personId, 'personId');
    return preferencesOf(ctx.ds, preferenceSubject(ctx, personId));
  }

  @Authorized('PARTICIPANT')
  @Mutation(() => NotificationPreferencesPayload, { description: 'Switches optional messages (reminders) on or off. Changing another person’s settings is FORBIDDEN.' })
  updateNotificationPreferences(@Ctx() ctx: RequestContext, @Arg('input', { description: 'Whose settings and the kinds to switch.' }) input: UpdateNotificationPreferencesInput) {
    return updateNotificationPreferences(ctx, input);
  }

  @FieldResolver(() => [NotificationPreference], { nullable: true, description: 'The settings after the change.' })
  preferences(@Root() payload: NotificationPreferencesPayload, @Ctx() ctx: RequestContext) {
    return payload.personId ? preferencesOf(ctx.ds, payload.personId) : null;
  }
}
