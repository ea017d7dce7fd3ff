import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, ConnectionType, forbidden, UserError, type RequestContext } from '@kommunenett/subgraph-kit';
import { Attendance, AttendanceChange } from '../entities/attendance.entity';
import { AttendanceStatus, ExcusedRule } from '../entities/enums';
import { Municipality } from '../entities/municipality.entity';
import { Network, Session } from '../entities/references';
import { Person } from '../entities/person.entity';
import { attendanceByNetwork, attendanceBySession, attendanceHistoryBySession, municipalityById } from '../loaders';
import { visiblePersonById } from '../services/person-visibility';
import { attendanceCounts, groupBy, recordAttendance, removeAttendance, seesAllAttendance, visibleAttendance, type AttendanceCounts } from '../services/attendance';

const AttendanceConnection = ConnectionType(Attendance, 'Attendance');

@InputType({ description: 'One person’s attendance of the session.' })
export class AttendanceEntryInput {
  @Field(() => ID, { description: 'The person, registered in the session’s network.' }) personId: string;
  @Field(() => AttendanceStatus, { description: 'PRESENT, ABSENT or EXCUSED.' }) status: AttendanceStatus;
  @Field(() => String, { nullable: true, description: 'A note on the entry, e.g. why the person was excused.' }) note?: string | null;
}

@InputType({ description: 'Attendance of a whole session; entries replace earlier ones of the same persons.' })
export class RecordAttendanceInput {
  @Field(() => ID, { description: 'The session, which must have started.' }) sessionId: string;
  @Field(() => [AttendanceEntryInput], { description: 'At most 200.' }) entries: AttendanceEntryInput[];
}

@ObjectType({ description: 'The outcome of recordAttendance.' })
export class RecordAttendancePayload {
  @Field(() => [Attendance], { description: 'The entries as recorded; empty when nothing changed.' }) attendance: Attendance[];
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@InputType({ description: 'Removes one person’s attendance entry from a session, e.g. one recorded by mistake. The removal and its reason are kept in the session’s attendanceHistory.' })
export class RemoveAttendanceInput {
  @Field(() => ID, { description: 'The session.' }) sessionId: string;
  @Field(() => ID, { description: 'The person whose entry is removed.' }) personId: string;
  @Field({ description: 'Why the entry is removed (1–500 characters).' }) reason: string;
}

@ObjectType({ description: 'The outcome of removeAttendance.' })
export class RemoveAttendancePayload {
  @Field(() => Attendance, { nullable: true, description: 'The entry as it was before it was removed.' }) removed: Attendance | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@ObjectType({ description: 'Attendance entries counted, and the rate under an explicit rule for EXCUSED (see ExcusedRule).' })
export class AttendanceRate implements AttendanceCounts {
  @Field(() => Int, { description: 'Entries PRESENT.' }) present: number;
  @Field(() => Int, { description: 'Entries ABSENT.' }) absent: number;
  @Field(() => Int, { description: 'Entries EXCUSED (meldt forfall).' }) excused: number;
  @Field(() => Int, { description: 'All entries recorded.' }) recorded: number;
  @Field(() => Float, { nullable: true, description: 'Share attending under excusedRule, 0–1; null when nothing is left to count.' }) rate: number | null;
  @Field(() => ExcusedRule, { description: 'The rule the rate was computed with.' }) excusedRule: ExcusedRule;
}

@ObjectType({ description: 'Attendance of one municipality’s participants in a network, across its sessions.' })
export class MunicipalityAttendanceRate extends AttendanceRate {
  municipalityId: string | null;
  @Field(() => Municipality, { nullable: true, description: 'The municipality the participants attended for; null for entries recorded before it was kept.' }) municipality: Municipality | null;
}

@ObjectType({ description: 'Attendance of one participant in a network, across its sessions.' })
export class PersonAttendanceRate extends AttendanceRate {
  personId: string;
  @Field(() => Person, { nullable: true, description: 'The person, as far as you may see them.' }) person: Person | null;
}

const excusedArg = { nullable: true, defaultValue: ExcusedRule.COUNT_AS_ABSENT, description: 'How EXCUSED entries count; default COUNT_AS_ABSENT.' };

/** Only the network's organizers (and ADMIN) see attendance broken down. */
async function requireAllAttendance(ctx: RequestContext, networkId: string): Promise<void> {
  if (!(await seesAllAttendance(ctx, networkId))) throw forbidden('Attendance by session, person and municipality is for the network’s facilitators and organizers.');
}

@Resolver(() => Attendance)
export class AttendanceResolver {
  @Authorized('FACILITATOR', 'ORG_ADMIN')
  @Mutation(() => RecordAttendancePayload, {
    description: 'Records PRESENT, ABSENT or EXCUSED for persons registered in the session’s network (FACILITATOR of the network, ORG_ADMIN of a host). Refused with SESSION_IN_FUTURE for a session that has not started (a planned month counts from its first day; an undecided session has not been held).',
  })
  recordAttendance(@Arg('input', () => RecordAttendanceInput, { description: 'The session and the entries.' }) input: RecordAttendanceInput, @Ctx() ctx: RequestContext) {
    return recordAttendance(ctx, input);
  }

  @Authorized('FACILITATOR', 'ORG_ADMIN')
  @Mutation(() => RemoveAttendancePayload, { description: 'Removes one attendance entry (FACILITATOR of the network, ORG_ADMIN of a host); the removal and its reason stay in the session’s attendanceHistory.' })
  removeAttendance(@Arg('input', () => RemoveAttendanceInput, { description: 'The session, the person and why.' }) input: RemoveAttendanceInput, @Ctx() ctx: RequestContext) {
    return removeAttendance(ctx, input);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The person, as far as you may see them; null otherwise.' })
  person(@Root() a: Attendance, @Ctx() ctx: RequestContext) {
    return visiblePersonById(ctx).load(a.personId);
  }

  @FieldResolver(() => Session, { description: 'The session attended.' })
  session(@Root() a: Attendance) {
    return Object.assign(new Session(), { id: a.sessionId });
  }
}

@Resolver(() => AttendanceChange)
export class AttendanceChangeResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'The person the entry is about, as far as you may see them.' })
  person(@Root() c: AttendanceChange, @Ctx() ctx: RequestContext) {
    return visiblePersonById(ctx).load(c.personId);
  }
}

@Resolver(() => Session)
export class SessionAttendanceResolver {
  @FieldResolver(() => AttendanceConnection, { description: 'Who attended, by person id, a page at a time: all for the network’s facilitators and organizers, your own for a participant.' })
  attendance(@Root() s: Session, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    return visibleAttendance(ctx, s.id, page);
  }

  @FieldResolver(() => AttendanceRate, { description: 'The session’s attendance counted, and its rate under the rule for EXCUSED. For the network’s facilitators and organizers (FORBIDDEN otherwise); zeros before anything is recorded.' })
  async attendanceSummary(@Root() s: Session, @Ctx() ctx: RequestContext, @Arg('excused', () => ExcusedRule, excusedArg) excused: ExcusedRule) {
    const rows = await attendanceBySession(ctx).load(s.id);
    // Nothing recorded reveals nothing; otherwise the organizer check of the session's network.
    if (rows.length) await requireAllAttendance(ctx, rows[0].networkId);
    return Object.assign(new AttendanceRate(), attendanceCounts(rows, excused));
  }

  @FieldResolver(() => [AttendanceChange], { description: 'Every recording, change and removal of the session’s attendance entries, oldest first (facilitators and organizers; FORBIDDEN otherwise). Bounded by nature: a few changes per participant of one session.' })
  async attendanceHistory(@Root() s: Session, @Ctx() ctx: RequestContext) {
    const history = await attendanceHistoryBySession(ctx).load(s.id);
    if (history.length) await requireAllAttendance(ctx, history[0].networkId);
    return history;
  }
}

@Resolver(() => Network)
export class NetworkAttendanceResolver {
  @FieldResolver(() => Float, { nullable: true, description: 'Share of recorded attendance entries counted as attending, 0–1, under the rule for EXCUSED (default COUNT_AS_ABSENT: excused is absent); null before any is recorded.' })
  async attendanceRate(@Root() network: Network, @Ctx() ctx: RequestContext, @Arg('excused', () => ExcusedRule, excusedArg) excused: ExcusedRule) {
    return attendanceCounts(await attendanceByNetwork(ctx).load(network.id), excused).rate;
  }

  @FieldResolver(() => AttendanceRate, { description: 'All of the network’s attendance entries counted, with the rate under the rule for EXCUSED.' })
  async attendanceSummary(@Root() network: Network, @Ctx() ctx: RequestContext, @Arg('excused', () => ExcusedRule, excusedArg) excused: ExcusedRule) {
    return Object.assign(new AttendanceRate(), attendanceCounts(await attendanceByNetwork(ctx).load(network.id), excused));
  }

  @FieldResolver(() => [MunicipalityAttendanceRate], { description: 'Attendance per municipality the participants attended for, highest rate first (facilitators and organizers; FORBIDDEN otherwise). Bounded by nature: one row per participating municipality.' })
  async attendanceByMunicipality(@Root() network: Network, @Ctx() ctx: RequestContext, @Arg('excused', () => ExcusedRule, excusedArg) excused: ExcusedRule) {
    await requireAllAttendance(ctx, network.id);
    const groups = groupBy(await attendanceByNetwork(ctx).load(network.id), (a) => a.municipalityId ?? '');
    const rows = [...groups].map(([id, entries]) => Object.assign(new MunicipalityAttendanceRate(), { municipalityId: id || null, ...attendanceCounts(entries, excused) }));
    return sortByRate(rows, (r) => r.municipalityId ?? '');
  }

  @FieldResolver(() => [PersonAttendanceRate], { description: 'Attendance per participant, highest rate first (facilitators and organizers; FORBIDDEN otherwise). Bounded by nature: one row per participant of the network.' })
  async attendanceByPerson(@Root() network: Network, @Ctx() ctx: RequestContext, @Arg('excused', () => ExcusedRule, excusedArg) excused: ExcusedRule) {
    await requireAllAttendance(ctx, network.id);
    const groups = groupBy(await attendanceByNetwork(ctx).load(network.id), (a) => a.personId);
    const rows = [...groups].map(([personId, entries]) => Object.assign(new PersonAttendanceRate(), { personId, ...attendanceCounts(entries, excused) }));
    return sortByRate(rows, (r) => r.personId);
  }
}

function sortByRate<T extends AttendanceCounts>(rows: T[], key: (row: T) => string): T[] {
  return rows.sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || key(a).localeCompare(key(b)));
}

@Resolver(() => MunicipalityAttendanceRate)
export class MunicipalityAttendanceRateResolver {
  @FieldResolver(() => Municipality, { nullable: true })
  municipality(@Root() r: MunicipalityAttendanceRate, @Ctx() ctx: RequestContext) {
    return r.municipalityId ? municipalityById(ctx).load(r.municipalityId) : null;
  }
}

@Resolver(() => PersonAttendanceRate)
export class PersonAttendanceRateResolver {
  @FieldResolver(() => Person, { nullable: true })
  person(@Root() r: PersonAttendanceRate, @Ctx() ctx: RequestContext) {
    return visiblePersonById(ctx).load(r.personId);
  }
}
