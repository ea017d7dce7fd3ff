import { ConnectionArgs, ConnectionType, Payload, payload, entityRef } from '@kommunenett/subgraph-kit';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Resolver, Root, Authorized } from 'type-graphql';
import type { RequestContext } from '@kommunenett/subgraph-kit';
import { Network } from '../entities/network.entity';
import { Session } from '../entities/session.entity';
import { Assignment, Submission } from '../entities/assignment.entity';
import { Municipality, Person } from '../entities/references';
import { assignmentById, assignmentsByNetwork, networkById, sessionById, submissionPagesByAssignment } from '../loaders';
import { workScope } from '../services/access';
import { createAssignment, reviewSubmission, saveSubmission, submitSubmission, updateAssignment } from '../services/assignments';

@InputType({ description: 'Work between gatherings, e.g. a vulnerability mapping given at session 1 and due before session 2.' })
class CreateAssignmentInput {
  @Field(() => ID, { description: 'The network the work is given in.' }) networkId: string;
  @Field({ description: 'What the work is.' }) title: string;
  @Field({ description: 'What the municipalities are asked to do.' }) instructions: string;
  @Field(() => ID, { nullable: true, description: 'Session at which the work is given.' }) givenAtSessionId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Session before which the work is due.' }) dueBeforeSessionId?: string | null;
}

@InputType({ description: 'Changes to an assignment: only the fields given change; null clears an optional field.' })
class UpdateAssignmentInput {
  @Field(() => ID, { description: 'The assignment to change.' }) assignmentId: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
  @Field(() => String, { nullable: true, description: 'New title.' }) title?: string;
  @Field(() => String, { nullable: true, description: 'New instructions.' }) instructions?: string;
  @Field(() => ID, { nullable: true, description: 'Session at which the work is given.' }) givenAtSessionId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Session before which the work is due.' }) dueBeforeSessionId?: string | null;
}

@InputType({ description: 'A municipality’s draft answer. Leave out expectedVersion for the first save; give it for later ones.' })
class SaveSubmissionInput {
  @Field(() => ID, { description: 'The assignment answered.' }) assignmentId: string;
  @Field(() => ID, { description: 'The municipality that answers.' }) municipalityId: string;
  @Field(() => String, { nullable: true, description: 'The answer as text.' }) text?: string | null;
  @Field(() => [String], { nullable: true, description: 'Links to documents that belong to the answer (http or https).' }) links?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'The version the client last read; when given, the change is refused with STALE_VERSION if the object has changed since.' }) expectedVersion?: number | null;
}

@InputType({ description: 'Submits a municipality’s draft answer.' })
class SubmitSubmissionInput {
  @Field(() => ID, { description: 'The submission to change.' }) submissionId: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
}

@InputType({ description: 'Marks a submitted answer as reviewed.' })
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
  @FieldResolver(() => Network, { nullable: true, description: 'The network the work is given in.' })
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
  async createAssignment(@Arg('input', { description: 'The new assignment.' }) input: CreateAssignmentInput, @Ctx() ctx: RequestContext) {
    return payload('assignment', await createAssignment(ctx, input));
  }

  @Authorized('ORG_ADMIN', 'FACILITATOR')
  @Mutation(() => AssignmentPayload, { description: 'Changes an assignment. Hosts’ ORG_ADMIN or the network’s FACILITATOR.' })
  async updateAssignment(@Arg('input', { description: 'The assignment, the version you read and the fields to change.' }) input: UpdateAssignmentInput, @Ctx() ctx: RequestContext) {
    return payload('assignment', await updateAssignment(ctx, input));
  }

  @Authorized('COORDINATOR')
  @Mutation(() => SubmissionPayload, { description: 'The municipality’s COORDINATOR writes its draft.' })
  async saveSubmission(@Arg('input', { description: 'The assignment, the municipality and the draft answer.' }) input: SaveSubmissionInput, @Ctx() ctx: RequestContext) {
    return payload('submission', await saveSubmission(ctx, input));
  }

  @Authorized('COORDINATOR')
  @Mutation(() => SubmissionPayload, { description: 'DRAFT → SUBMITTED, by the municipality’s COORDINATOR.' })
  async submitSubmission(@Arg('input', { description: 'The submission and the version you read.' }) input: SubmitSubmissionInput, @Ctx() ctx: RequestContext) {
    return payload('submission', await submitSubmission(ctx, input));
  }

  @Authorized('ORG_ADMIN', 'FACILITATOR')
  @Mutation(() => SubmissionPayload, { description: 'SUBMITTED → REVIEWED, by the hosts or the network’s FACILITATOR.' })
  async reviewSubmission(@Arg('input', { description: 'The submission and the version you read.' }) input: ReviewSubmissionInput, @Ctx() ctx: RequestContext) {
    return payload('submission', await reviewSubmission(ctx, input));
  }
}

@Resolver(() => Submission)
export class SubmissionResolver {
  @FieldResolver(() => Assignment, { nullable: true, description: 'The assignment answered.' })
  assignment(@Root() s: Submission, @Ctx() ctx: RequestContext) {
    return assignmentById(ctx).load(s.assignmentId);
  }

  @FieldResolver(() => Municipality, { description: 'The municipality that answered.' })
  municipality(@Root() s: Submission) {
    return entityRef(Municipality, s.municipalityId);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who submitted it, as far as you may see them directly; null before submission or when hidden.' })
  submittedBy(@Root() s: Submission) {
    return s.submittedByPersonId ? entityRef(Person, s.submittedByPersonId) : null;
  }
}
