import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requireUuid, UserError, type RequestContext } from '@kommunenett/subgraph-kit';
import { NotificationKind } from '../entities/enums';
import { preferencesOf, preferenceSubject, updateNotificationPreferences } from '../services/preferences';
import { setMunicipalityCoordinator } from '../services/municipality-coordinator';

@ObjectType({ description: 'Whether a person receives one kind of message.' })
export class NotificationPreference {
  @Field(() => NotificationKind, { description: 'The kind of message.' }) kind: NotificationKind;
  @Field({ description: 'Whether the person receives it.' }) enabled: boolean;
  @Field({ description: 'Whether it may be switched off: reminders, copies to the coordinator and messages to organisers may; decisions, offers and their expiry may not.' }) optional: boolean;
  @Field({ description: 'NEW_REGISTRATION only: true when new registrations come as one daily digest instead of one message each.' }) dailyDigest: boolean;
}

@InputType({ description: 'One kind of message switched on or off.' })
export class NotificationPreferenceInput {
  @Field(() => NotificationKind, { description: 'The kind of message.' }) kind: NotificationKind;
  @Field({ description: 'true to receive it, false to switch it off (optional kinds only).' }) enabled: boolean;
  @Field(() => Boolean, { nullable: true, description: 'NEW_REGISTRATION only: true for one daily digest instead of one message each, false for one each; left out, it stays as it is. DIGEST_NOT_OFFERED for another kind.' })
  dailyDigest?: boolean | null;
}

@InputType({ description: 'Switches kinds of messages on or off.' })
export class UpdateNotificationPreferencesInput {
  @Field(() => ID, { nullable: true, description: 'Whose settings: yours when left out; ADMIN may name a person.' }) personId?: string | null;
  @Field(() => [NotificationPreferenceInput], { description: 'The kinds to change; others stay as they are.' }) preferences: NotificationPreferenceInput[];
}

@ObjectType({ description: 'The outcome of updateNotificationPreferences.' })
export class NotificationPreferencesPayload {
  personId: string | null;
  @Field(() => [UserError], { description: 'NOTIFICATION_REQUIRED for a message that cannot be switched off, DIGEST_NOT_OFFERED for a daily digest of a kind that has none; nothing is changed then.' }) userErrors: UserError[];
}

@Resolver(() => NotificationPreferencesPayload)
export class NotificationPreferencesResolver {
  @Authorized('PARTICIPANT', 'COORDINATOR', 'ORG_ADMIN', 'FACILITATOR')
  @Query(() => [NotificationPreference], { description: 'Which messages you receive (your own, as the person your token names; ADMIN may name a person).' })
  notificationPreferences(@Ctx() ctx: RequestContext, @Arg('personId', () => ID, { nullable: true, description: 'ADMIN only: whose settings.' }) personId?: string) {
    if (personId) requireUuid(personId, 'personId');
    return preferencesOf(ctx.ds, preferenceSubject(ctx, personId));
  }

  @Authorized('PARTICIPANT', 'COORDINATOR', 'ORG_ADMIN', 'FACILITATOR')
  @Mutation(() => NotificationPreferencesPayload, { description: 'Switches optional messages (reminders, copies to the coordinator, messages of new registrations) on or off, and new registrations to a daily digest. Changing another person’s settings is FORBIDDEN.' })
  updateNotificationPreferences(@Ctx() ctx: RequestContext, @Arg('input', { description: 'Whose settings and the kinds to switch.' }) input: UpdateNotificationPreferencesInput) {
    return updateNotificationPreferences(ctx, input);
  }

  @FieldResolver(() => [NotificationPreference], { nullable: true, description: 'The settings after the change.' })
  preferences(@Root() payload: NotificationPreferencesPayload, @Ctx() ctx: RequestContext) {
    return payload.personId ? preferencesOf(ctx.ds, payload.personId) : null;
  }
}

@InputType({ description: 'Who receives the copies of messages about a municipality’s registrations.' })
export class SetMunicipalityCoordinatorInput {
  @Field(() => ID, { description: 'The municipality, e.g. NO-3201.' }) municipalityId: string;
  @Field(() => ID, { nullable: true, description: 'The person (with an e-mail address) who receives the copies; null: nobody.' }) personId?: string | null;
}

@ObjectType({ description: 'The outcome of setMunicipalityCoordinator.' })
export class MunicipalityCoordinatorPayload {
  @Field(() => ID, { nullable: true, description: 'The municipality; null when refused.' }) municipalityId: string | null;
  @Field(() => ID, { nullable: true, description: 'Who receives its copies now; null: nobody (or refused).' }) coordinatorPersonId: string | null;
  @Field(() => [UserError], { description: 'UNKNOWN_MUNICIPALITY, NOT_FOUND (no such person), NO_EMAIL_ADDRESS; nothing is changed then.' }) userErrors: UserError[];
}

@Resolver()
export class MunicipalityCoordinatorResolver {
  @Authorized('COORDINATOR')
  @Mutation(() => MunicipalityCoordinatorPayload, {
    description: 'Names who receives copies of the messages about a municipality’s registrations (COORDINATOR_COPY): its COORDINATOR or ADMIN; anyone else FORBIDDEN.',
  })
  async setMunicipalityCoordinator(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The municipality and the person.' }) input: SetMunicipalityCoordinatorInput) {
    const outcome = await setMunicipalityCoordinator(ctx, input);
    return { municipalityId: outcome.value?.municipalityId ?? null, coordinatorPersonId: outcome.value?.coordinatorPersonId ?? null, userErrors: outcome.userErrors };
  }
}
