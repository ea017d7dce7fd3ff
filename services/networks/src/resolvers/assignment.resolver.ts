import { ConnectionArgs, ConnectionType, Payload, payload } from '@kommunenett/subgraph-kit';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Resolver, Root, Authorized } from 'type-graphql';
import type { RequestContext } from '@kommunenett/subgraph-kit';
import { Network } from '../entities/network.entity';
import { Session } from '../entities/session.entity';
import { Assignment, Submission } from '../entities/assignment.entity';
import { Municipality, Person, municipalityRef, personRef } from '../entities/references';
import { assignmentById, assignmentsByNetwork, networkById, sessionById, submissionPagesByAssignment } from '../loaders';
import { workScope } from '../services/access';
import { createAssignment, reviewSubmission, saveSubmission, submitSubmission, updateAssignment } from '../services/assignments';

@InputType({ description: 'Work between gatherings, e.g. a vulnerability mapping given at session 1 and due before session 2.' })
class CreateAssignmentInput {
  @Field(() => ID) networkId: string;
  @Field() title: string;
  @Field() instructions: string;
  @Field(() => ID, { nullable: true, description: 'Session at which the work is given.' }) givenAtSessionId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Session before which the work is due.' }) dueBeforeSessionId?: string | null;
}

@InputType()
class UpdateAssignmentInput {
  @Field(() => ID) assignmentId: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
  @Field(() => String, { nullable: true }) title?: string;
  @Field(() => String, { nullable: true }) instructions?: string;
  @Field(() => ID, { nullable: true }) givenAtSessionId?: string | null;
  @Field(() => ID, { nullable: true }) dueBeforeSessionId?: string | null;
}

@InputType({ description: 'A municipality’s draft answer. Leave out expectedVersion for the first save; give it for later ones.' })
class SaveSubmissionInput {
  @Field(() => ID) assignmentId: string;
  @Field(() => ID) municipalityId: string;
  @Field(() => String, { nullable: true }) text?: string | null;
  @Field(() => [String], { nullable: true }) links?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'The version the client last read; when given, the change is refused with STALE_VERSION if the object has changed since.' }) expectedVersion?: number | null;
}

@InputType()
class SubmitSubmissionInput {
  @Field(() => ID) submissionId: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
}

@InputType()
class ReviewSubmissionInput extends SubmitSubmissionInput {
  @Field(() => String, { nullable: true, description: 'Feedback to the municipality.' }) note?: string | null;
}

const AssignmentPayload = Payload(Assignment, 'assignment');
const SubmissionPayload = Payload(Submission, 'submission');
const SubmissionConnection = ConnectionType(Submission, 'Submission');

@Resolver(() => Network)
export class NetworkAssignmentsResolver {
  @FieldResolver(() => [Assignment], { description: 'Work between gatherings, in order.' })
  assignments(@Root() network: Network, @Ctx() ctx: RequestContext) {
    return assignmentsByNetwork(ctx).load(network.id);
  }
}

@Resolver(() => Assignment)
export class AssignmentResolver {
  @FieldResolver(() => Network, { nullable: true })
  network(@Root() a: Assignment, @Ctx() ctx: RequestContext) {
    return networkById(ctx).load(a.networkId);
  }

  @FieldResolver(() => Session, { nullable: true, description: 'Session at which the work is given.' })
  givenAt(@Root() a: Assignment, @Ctx() ctx: RequestContext) {
    return a.givenAtSessionId ? sessionById(ctx).load(a.givenAtSessionId) : null;
  }

  @FieldResolver(() => Session, { nullable: true, description: 'Session before which the work is due.' })
  dueBefore(@Root() a: Assignment, @Ctx() ctx: RequestContext) {
    return a.dueBeforeSessionId ? sessionById(ctx).load(a.dueBeforeSessionId) : null;
  }

  @FieldResolver(() => SubmissionConnection, {
    description: 'Submissions the viewer may read, by municipality, a page at a time: all for the network’s hosts and facilitators, their own municipality’s for a coordinator (one per municipality of the network). A municipality without one has NOT_STARTED.',
  })
  async submissions(@Root() a: Assignment, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    const network = await networkById(ctx).load(a.networkId);
    return submissionPagesByAssignment(ctx, network ? workScope(ctx.viewer, network) : 'NONE', page).load(a.id);
  }

  @Authorized('ORG_ADMIN', 'FACILITATOR')
  @Mutation(() => AssignmentPayload, { description: 'Hosts’ ORG_ADMIN or the network’s FACILITATOR.' })
  async createAssignment(@Arg('input') input: CreateAssignmentInput, @Ctx() ctx: RequestContext) {
    return payload('assignment', await createAssignment(ctx, input));
  }

  @Authorized('ORG_ADMIN', 'FACILITATOR')
  @Mutation(() => AssignmentPayload)
  async updateAssignment(@Arg('input') input: UpdateAssignmentInput, @Ctx() ctx: RequestContext) {
    return payload('assignment', await updateAssignment(ctx, input));
  }

  @Authorized('COORDINATOR')
  @Mutation(() => SubmissionPayload, { description: 'The municipality’s COORDINATOR writes its draft.' })
  async saveSubmission(@Arg('input') input: SaveSubmissionInput, @Ctx() ctx: RequestContext) {
    return payload('submission', await saveSubmission(ctx, input));
  }

  @Authorized('COORDINATOR')
  @Mutation(() => SubmissionPayload, { description: 'DRAFT → SUBMITTED, by the municipality’s COORDINATOR.' })
  async submitSubmission(@Arg('input') input: SubmitSubmissionInput, @Ctx() ctx: RequestContext) {
    return payload('submission', await submitSubmission(ctx, input));
  }

  @Authorized('ORG_ADMIN', 'FACILITATOR')
  @Mutation(() => SubmissionPayload, { description: 'SUBMITTED → REVIEWED, by the hosts or the network’s FACILITATOR.' })
  async reviewSubmission(@Arg('input') input: ReviewSubmissionInput, @Ctx() ctx: RequestContext) {
    return payload('submission', await reviewSubmission(ctx, input));
  }
}

@Resolver(() => Submission)
export class SubmissionResolver {
  @FieldResolver(() => Assignment, { nullable: true })
  assignment(@Root() s: Submission, @Ctx() ctx: RequestContext) {
    return assignmentById(ctx).load(s.assignmentId);
  }

  @FieldResolver(() => Municipality)
  municipality(@Root() s: Submission) {
    return municipalityRef(s.municipalityId);
  }

  @FieldResolver(() => Person, { nullable: true })
  submittedBy(@Root() s: Submission) {
    return s.submittedByPersonId ? personRef(s.submittedByPersonId) : null;
  }
}
