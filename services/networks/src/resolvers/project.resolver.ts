import { ConnectionArgs, ConnectionType, Payload, payload, entityRef } from '@kommunenett/subgraph-kit';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@kommunenett/subgraph-kit';
import { Network } from '../entities/network.entity';
import { AnchoringChange, MunicipalityProject, ProjectMilestone } from '../entities/project.entity';
import { Municipality } from '../entities/references';
import { AnchoringPhase, MilestoneStatus } from '../entities/enums';
import { anchoringHistoryByProject, milestonesByProject, networkById, projectPagesByNetwork } from '../loaders';
import { workScope } from '../services/access';
import { saveProject, setAnchoringPhase } from '../services/projects';

@InputType({ description: 'A milestone of a municipality project.' })
class MilestoneInput {
  @Field({ description: 'What is to be reached.' }) title: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) dueOn?: string | null;
  @Field(() => MilestoneStatus, { nullable: true, description: 'Default PLANNED.' }) status?: MilestoneStatus;
}

@InputType({ description: 'A municipality’s project in a network. Leave out expectedVersion for the first save; give it for later ones.' })
class SaveProjectInput {
  @Field(() => ID, { description: 'The network the project is part of.' }) networkId: string;
  @Field(() => ID, { description: 'The municipality whose project it is.' }) municipalityId: string;
  @Field(() => Int, { nullable: true, description: 'The version the client last read; when given, the change is refused with STALE_VERSION if the object has changed since.' }) expectedVersion?: number | null;
  @Field({ description: 'Title of the project.' }) title: string;
  @Field(() => String, { nullable: true, description: 'The problem the project addresses.' }) problem?: string | null;
  @Field(() => String, { nullable: true, description: 'What the project wants to reach.' }) goals?: string | null;
  @Field(() => String, { nullable: true, description: 'What the municipality will do.' }) measures?: string | null;
  @Field(() => String, { nullable: true, description: 'Who works on the project and how it is organised.' }) organisation?: string | null;
  @Field(() => String, { nullable: true, description: 'The mandate from the municipality’s leadership.' }) leadMandate?: string | null;
  @Field(() => [MilestoneInput], { nullable: true, description: 'When given, replaces the milestones.' }) milestones?: MilestoneInput[] | null;
}

@InputType({ description: 'Moves a municipality project to another anchoring phase.' })
class SetAnchoringPhaseInput {
  @Field(() => ID, { description: 'The project to move.' }) projectId: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
  @Field(() => AnchoringPhase, { description: 'The new phase.' }) phase: AnchoringPhase;
  @Field(() => String, { nullable: true, description: 'Why; kept in the project’s anchoringHistory.' }) note?: string | null;
}

const ProjectPayload = Payload(MunicipalityProject, 'project');
const MunicipalityProjectConnection = ConnectionType(MunicipalityProject, 'MunicipalityProject');

@Resolver(() => Network)
export class NetworkProjectsResolver {
  @FieldResolver(() => MunicipalityProjectConnection, { description: 'Municipality projects the viewer may read, by municipality, a page at a time: all for hosts and facilitators, their own for a coordinator (one project per municipality of the network).' })
  projects(@Root() network: Network, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    return projectPagesByNetwork(ctx, workScope(ctx.viewer, network), page).load(network.id);
  }
}

@Resolver(() => MunicipalityProject)
export class ProjectResolver {
  @FieldResolver(() => Network, { nullable: true, description: 'The network the project is part of.' })
  network(@Root() p: MunicipalityProject, @Ctx() ctx: RequestContext) {
    return networkById(ctx).load(p.networkId);
  }

  @FieldResolver(() => Municipality, { description: 'The municipality whose project it is.' })
  municipality(@Root() p: MunicipalityProject) {
    return entityRef(Municipality, p.municipalityId);
  }

  @FieldResolver(() => [ProjectMilestone], { description: 'Milestones, in order.' })
  milestones(@Root() p: MunicipalityProject, @Ctx() ctx: RequestContext) {
    return milestonesByProject(ctx).load(p.id);
  }

  @FieldResolver(() => [AnchoringChange], { description: 'Every change of the anchoring phase, oldest first.' })
  anchoringHistory(@Root() p: MunicipalityProject, @Ctx() ctx: RequestContext) {
    return anchoringHistoryByProject(ctx).load(p.id);
  }

  @Authorized('COORDINATOR')
  @Mutation(() => ProjectPayload, { description: 'The municipality’s COORDINATOR writes its project; the first save starts it in AWARENESS.' })
  async saveProject(@Arg('input', { description: 'The network, the municipality and the project.' }) input: SaveProjectInput, @Ctx() ctx: RequestContext) {
    return payload('project', await saveProject(ctx, input));
  }

  @Authorized('COORDINATOR')
  @Mutation(() => ProjectPayload, { description: 'Moves the project to another anchoring phase and records it in anchoringHistory.' })
  async setAnchoringPhase(@Arg('input', { description: 'The project, the version you read, the new phase and why.' }) input: SetAnchoringPhaseInput, @Ctx() ctx: RequestContext) {
    return payload('project', await setAnchoringPhase(ctx, input));
  }
}
