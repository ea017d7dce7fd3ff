import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { UserError, type RequestContext } from '@kommunenett/subgraph-kit';
import { Attendance } from '../entities/attendance.entity';
import { AttendanceStatus } from '../entities/enums';
import { Person } from '../entities/person.entity';
import { Session } from '../entities/session';
import { visiblePersonById } from '../services/person-visibility';
import { recordAttendance, visibleAttendance } from '../services/attendance';

@InputType()
export class AttendanceEntryInput {
  @Field(() => ID) personId: string;
  @Field(() => AttendanceStatus) status: AttendanceStatus;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType({ description: 'Attendance of a whole session; entries replace earlier ones of the same persons.' })
export class RecordAttendanceInput {
  @Field(() => ID) sessionId: string;
  @Field(() => [AttendanceEntryInput], { description: 'At most 200.' }) entries: AttendanceEntryInput[];
}

@ObjectType()
export class RecordAttendancePayload {
  @Field(() => [Attendance]) attendance: Attendance[];
  @Field(() => [UserError]) userErrors: UserError[];
}

@Resolver(() => Attendance)
export class AttendanceResolver {
  @Authorized('FACILITATOR', 'ORG_ADMIN')
  @Mutation(() => RecordAttendancePayload, { description: 'Records PRESENT, ABSENT or EXCUSED for persons registered in the session’s network (FACILITATOR of the network, ORG_ADMIN of a host).' })
  recordAttendance(@Arg('input', () => RecordAttendanceInput) input: RecordAttendanceInput, @Ctx() ctx: RequestContext) {
    return recordAttendance(ctx, input);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The person, as far as you may see them; null otherwise.' })
  person(@Root() a: Attendance, @Ctx() ctx: RequestContext) {
    return visiblePersonById(ctx).load(a.personId);
  }

  @FieldResolver(() => Session)
  session(@Root() a: Attendance) {
    return Object.assign(new Session(), { id: a.sessionId });
  }
}

@Resolver(() => Session)
export class SessionAttendanceResolver {
  @FieldResolver(() => [Attendance], { description: 'Who attended: all for the network’s facilitators and organizers, your own for a participant.' })
  attendance(@Root() s: Session, @Ctx() ctx: RequestContext) {
    return visibleAttendance(ctx, s.id);
  }
}
