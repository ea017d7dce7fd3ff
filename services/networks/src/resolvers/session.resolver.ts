import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { RequestContext } from '@kommunenett/subgraph-kit';
import { Network } from '../entities/network.entity';
import { Session } from '../entities/session.entity';
import { AgendaItem } from '../entities/agenda-item.entity';
import { Municipality, Person } from '../entities/references';
import { AgendaItemKind, SessionDatePrecision, SessionKind } from '../entities/enums';
import { agendaBySession, networkById, sessionById } from '../loaders';
import { createSession, deleteSession, scheduleSession, setAgenda, updateSession } from '../services/sessions';
import { formatInZone, sessionInterval, wallClock } from '../services/time';
import { requireUuid, Payload, payload, entityRef } from '@kommunenett/subgraph-kit';

@ObjectType({ description: 'Where a session is held; parts may be decided later.' })
class SessionLocation {
  @Field(() => String, { nullable: true, description: 'Venue, e.g. a hotel.' }) venue: string | null;
  @Field(() => String, { nullable: true, description: 'Place, e.g. "Gardermoen".' }) place: string | null;
  @Field(() => Municipality, { nullable: true, description: 'The municipality the session is held in, when known.' }) municipality: Municipality | null;
}

@InputType({ description: 'Where a session is held; every part is optional.' })
class SessionLocationInput {
  @Field(() => String, { nullable: true, description: 'Venue, e.g. a hotel.' }) venue?: string | null;
  @Field(() => String, { nullable: true, description: 'Place, e.g. "Gardermoen".' }) place?: string | null;
  @Field(() => ID, { nullable: true, description: 'Municipality id, e.g. NO-3209.' }) municipalityId?: string | null;
}

@InputType({ description: 'Exact times as wall-clock times in the network’s time zone; endDate defaults to startDate (give the next day for an overnight gathering).' })
class SessionTimesInput {
  @Field(() => String, { description: 'YYYY-MM-DD.' }) startDate: string;
  @Field({ description: 'HH:MM. A time the spring summer-time change skips is refused (NONEXISTENT_LOCAL_TIME); one the autumn change repeats is its first occurrence (summer time).' }) startTime: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) endDate?: string | null;
  @Field({ description: 'HH:MM' }) endTime: string;
}

@InputType({ description: 'A new session, appended after the network’s last. Give exact times, a planned month (or span of months), or neither while the date is undecided.' })
class CreateSessionInput {
  @Field(() => ID, { description: 'The network the session belongs to.' }) networkId: string;
  @Field(() => SessionKind, { nullable: true, description: 'Default GATHERING.' }) kind?: SessionKind;
  @Field({ description: 'Title of the session, e.g. «Samling 1».' }) title: string;
  @Field(() => String, { nullable: true, description: 'Theme of the session.' }) theme?: string | null;
  @Field(() => String, { nullable: true, description: 'More about the session.' }) description?: string | null;
  @Field(() => [String], { nullable: true, description: 'The points the invitation or programme lists for the session, in order, worded as it words them.' }) points?: string[];
  @Field(() => SessionTimesInput, { nullable: true, description: 'Exact times or a planned month; left out while the date is undecided.' }) times?: SessionTimesInput | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM, e.g. "2013-10".' }) plannedMonth?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM, the last month of a span.' }) plannedTo?: string | null;
  @Field(() => SessionLocationInput, { nullable: true, description: 'Where the session is held; left out while it is to be decided.' }) location?: SessionLocationInput | null;
}

@InputType({ description: 'Changes to a session: only the fields given change. A planned month here replaces exact times; use scheduleSession to set exact times.' })
class UpdateSessionInput {
  @Field(() => ID, { description: 'The session to change.' }) sessionId: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
  @Field(() => SessionKind, { nullable: true, description: 'Gathering, theme day or webinar.' }) kind?: SessionKind;
  @Field(() => String, { nullable: true, description: 'New title.' }) title?: string;
  @Field(() => String, { nullable: true, description: 'New theme.' }) theme?: string | null;
  @Field(() => String, { nullable: true, description: 'New description.' }) description?: string | null;
  @Field(() => [String], { nullable: true, description: 'The points the invitation or programme lists for the session, in order, worded as it words them.' }) points?: string[];
  @Field(() => String, { nullable: true, description: 'YYYY-MM: the month the session is planned for; replaces exact times.' }) plannedMonth?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM: last month of a planned span.' }) plannedTo?: string | null;
  @Field(() => SessionLocationInput, { nullable: true, description: 'Replaces the location; null: to be decided.' }) location?: SessionLocationInput | null;
}

@InputType({ description: 'Gives a session exact times.' })
class ScheduleSessionInput {
  @Field(() => ID, { description: 'The session to schedule.' }) sessionId: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
  @Field(() => SessionTimesInput, { description: 'The exact times, in the network’s time zone.' }) times: SessionTimesInput;
}

@InputType({ description: 'Removes a session and its agenda.' })
class DeleteSessionInput {
  @Field(() => ID, { description: 'The session to remove.' }) sessionId: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
}

@InputType({ description: 'One agenda item: a start time and either a duration or an end time (or neither: it lasts until the next item).' })
class AgendaItemInput {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD. Day of the item; needed when the session lasts more than one day.' }) date?: string | null;
  @Field({ description: 'HH:MM in the network’s time zone.' }) startTime: string;
  @Field(() => Int, { nullable: true, description: 'Length in minutes; instead of endTime.' }) durationMinutes?: number | null;
  @Field(() => String, { nullable: true, description: 'HH:MM; instead of durationMinutes.' }) endTime?: string | null;
  @Field({ description: 'What the item is.' }) title: string;
  @Field(() => String, { nullable: true, description: 'More about the item.' }) description?: string | null;
  @Field(() => AgendaItemKind, { description: 'Plenary, presentation, group work, break and so on.' }) kind: AgendaItemKind;
  @Field(() => String, { nullable: true, description: 'Who leads the item, as text.' }) leaders?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Person ids of who leads the item.' }) leaderPersonIds?: string[];
  @Field({ nullable: true, description: 'Runs at the same time as other items; exempt from the overlap check.' }) parallel?: boolean;
  @Field(() => [String], { nullable: true, description: 'The points listed under the item, in order, worded as the agenda words them.' }) points?: string[];
  @Field(() => [String], { nullable: true, description: 'Handbook sections the item works from, e.g. "beskytt-kommunen/verdier-holdninger-og-kultur".' }) handbookAnchors?: string[];
  @Field(() => [ID], { nullable: true, description: 'Ids of handbook tools used in the item.' }) toolIds?: string[];
}

@InputType({ description: 'The whole new agenda of a session; replaces the old one atomically.' })
class SetAgendaInput {
  @Field(() => ID, { description: 'The session whose agenda is replaced.' }) sessionId: string;
  @Field(() => Int, { description: 'The session’s version you read.' }) expectedVersion: number;
  @Field(() => [AgendaItemInput], { description: 'The items in order; an empty list clears the agenda.' }) items: AgendaItemInput[];
}

const SessionPayload = Payload(Session, 'session');

/** The time zone a session's wall-clock times are in: its network's. */
async function timeZoneOf(ctx: RequestContext, networkId: string): Promise<string> {
  return (await networkById(ctx).load(networkId))?.timeZone ?? 'Europe/Oslo';
}

@Resolver(() => Session)
export class SessionResolver {
  @Query(() => Session, { nullable: true, description: 'A session by id; null when there is none.' })
  async session(@Arg('id', () => ID, { description: 'The session’s id.' }) id: string, @Ctx() ctx: RequestContext) {
    const session = await sessionById(ctx).load(requireUuid(id, 'id'));
    // A session is visible when its network is.
    return session && (await networkById(ctx).load(session.networkId)) ? session : null;
  }

  @FieldResolver(() => Network, { nullable: true, description: 'The network the session belongs to.' })
  network(@Root() s: Session, @Ctx() ctx: RequestContext) {
    return networkById(ctx).load(s.networkId);
  }

  @FieldResolver(() => SessionDatePrecision, { description: 'How exactly the date is known: EXACT times, a MONTH, a MONTH_SPAN, or UNDECIDED.' })
  datePrecision(@Root() s: Session) {
    if (s.startsAt) return SessionDatePrecision.EXACT;
    if (s.plannedTo) return SessionDatePrecision.MONTH_SPAN;
    return s.plannedMonth ? SessionDatePrecision.MONTH : SessionDatePrecision.UNDECIDED;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'Start of the interval the session’s date covers: startsAt, or the first instant of plannedMonth in the network’s time zone; null while UNDECIDED. Read it with datePrecision: for MONTH and MONTH_SPAN it is the start of a month, not a known start time. Catalogue filters and the NEXT_SESSION order use this interval.',
  })
  async intervalStart(@Root() s: Session, @Ctx() ctx: RequestContext) {
    return sessionInterval(s, await timeZoneOf(ctx, s.networkId))?.start ?? null;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'End of the interval the session’s date covers, exclusive: endsAt, or the first instant after the last planned month (plannedTo, else plannedMonth) in the network’s time zone; null while UNDECIDED.',
  })
  async intervalEnd(@Root() s: Session, @Ctx() ctx: RequestContext) {
    return sessionInterval(s, await timeZoneOf(ctx, s.networkId))?.end ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'startsAt in the network’s time zone with its offset, e.g. 2013-06-18T12:00:00+02:00.' })
  async startsAtLocal(@Root() s: Session, @Ctx() ctx: RequestContext) {
    return s.startsAt ? formatInZone(s.startsAt, await timeZoneOf(ctx, s.networkId)) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'endsAt in the network’s time zone with its offset.' })
  async endsAtLocal(@Root() s: Session, @Ctx() ctx: RequestContext) {
    return s.endsAt ? formatInZone(s.endsAt, await timeZoneOf(ctx, s.networkId)) : null;
  }

  @FieldResolver(() => SessionLocation, { nullable: true, description: 'Null while the location is to be decided.' })
  location(@Root() s: Session): SessionLocation | null {
    if (!s.locationVenue && !s.locationPlace && !s.locationMunicipalityId) return null;
    return { venue: s.locationVenue, place: s.locationPlace, municipality: s.locationMunicipalityId ? entityRef(Municipality, s.locationMunicipalityId) : null };
  }

  @FieldResolver(() => [AgendaItem], { description: 'The timed agenda, in order of start. Bounded by nature, so not paged: the items of one session of at most a week (setAgenda takes a limited number of items).' })
  agenda(@Root() s: Session, @Ctx() ctx: RequestContext) {
    return agendaBySession(ctx).load(s.id);
  }

  @Authorized('ORG_ADMIN', 'FACILITATOR')
  @Mutation(() => SessionPayload, { description: 'Hosts’ ORG_ADMIN or the network’s FACILITATOR.' })
  async createSession(@Arg('input', { description: 'The new session.' }) input: CreateSessionInput, @Ctx() ctx: RequestContext) {
    return payload('session', await createSession(ctx, input));
  }

  @Authorized('ORG_ADMIN', 'FACILITATOR')
  @Mutation(() => SessionPayload, { description: 'Changes a session’s description, kind or planned month. Hosts’ ORG_ADMIN or the network’s FACILITATOR.' })
  async updateSession(@Arg('input', { description: 'The session, the version you read and the fields to change.' }) input: UpdateSessionInput, @Ctx() ctx: RequestContext) {
    return payload('session', await updateSession(ctx, input));
  }

  @Authorized('ORG_ADMIN', 'FACILITATOR')
  @Mutation(() => SessionPayload, { description: 'Gives a session exact times (e.g. when a planned month gets its dates).' })
  async scheduleSession(@Arg('input', { description: 'The session, the version you read and its exact times.' }) input: ScheduleSessionInput, @Ctx() ctx: RequestContext) {
    return payload('session', await scheduleSession(ctx, input));
  }

  @Authorized('ORG_ADMIN', 'FACILITATOR')
  @Mutation(() => SessionPayload, { description: 'Removes a session and its agenda; later sessions move up. Returns the removed session.' })
  async deleteSession(@Arg('input', { description: 'The session and the version you read.' }) input: DeleteSessionInput, @Ctx() ctx: RequestContext) {
    return payload('session', await deleteSession(ctx, input));
  }

  @Authorized('ORG_ADMIN', 'FACILITATOR')
  @Mutation(() => SessionPayload, { description: 'Replaces the agenda of a session with exact times: items inside its day(s), no overlaps unless parallel.' })
  async setAgenda(@Arg('input', { description: 'The session, the version you read and the whole new agenda.' }) input: SetAgendaInput, @Ctx() ctx: RequestContext) {
    return payload('session', await setAgenda(ctx, input));
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @FieldResolver(() => Session, { nullable: true, description: 'The session whose agenda this is.' })
  session(@Root() item: AgendaItem, @Ctx() ctx: RequestContext) {
    return sessionById(ctx).load(item.sessionId);
  }

  @FieldResolver(() => LocalDateResolver, { description: 'Day of the item in the network’s time zone.' })
  async date(@Root() item: AgendaItem, @Ctx() ctx: RequestContext) {
    return wallClock(item.startsAt, await this.timeZone(item, ctx)).date;
  }

  @FieldResolver(() => String, { description: 'HH:MM in the network’s time zone.' })
  async startTime(@Root() item: AgendaItem, @Ctx() ctx: RequestContext) {
    return wallClock(item.startsAt, await this.timeZone(item, ctx)).time;
  }

  @FieldResolver(() => String, { nullable: true, description: 'HH:MM in the network’s time zone; null when the item lasts until the next one.' })
  async endTime(@Root() item: AgendaItem, @Ctx() ctx: RequestContext) {
    return item.endsAt ? wallClock(item.endsAt, await this.timeZone(item, ctx)).time : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Length in minutes; null when the item lasts until the next one.' })
  durationMinutes(@Root() item: AgendaItem) {
    return item.endsAt ? Math.round((item.endsAt.getTime() - item.startsAt.getTime()) / 60_000) : null;
  }

  @Authorized()
  @FieldResolver(() => String, { nullable: true, description: 'Who leads the item, as text (signed-in callers only).' })
  leaders(@Root() item: AgendaItem) {
    return item.leaders;
  }

  @Authorized()
  @FieldResolver(() => [Person], { nullable: 'items', description: 'Who leads the item, as people, each as far as you may see them directly: null for one you may not see. Signed-in callers only.' })
  leaderPersons(@Root() item: AgendaItem) {
    return item.leaderPersonIds.map((id) => entityRef(Person, id));
  }

  private async timeZone(item: AgendaItem, ctx: RequestContext): Promise<string> {
    const session = await sessionById(ctx).load(item.sessionId);
    return session ? timeZoneOf(ctx, session.networkId) : 'Europe/Oslo';
  }
}
