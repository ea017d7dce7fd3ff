import { Arg, Authorized, Ctx, Field, Float, ID, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { RequestContext } from '@kommunenett/subgraph-kit';
import { PositionRole } from '../entities/enums';
import { Network } from '../entities/references';
import { networkOutcomes } from '../services/outcomes';
import { networkRef } from './registration.resolver';

enum NetworkEndSource { LAST_SESSION = 'LAST_SESSION', PROGRAM_PERIOD = 'PROGRAM_PERIOD' }
registerEnumType(NetworkEndSource, {
  name: 'NetworkEndSource',
  description: 'What the end of a network was taken from.',
  valuesConfig: {
    LAST_SESSION: { description: 'The end of its last session.' },
    PROGRAM_PERIOD: { description: 'The last day of its programme’s period: the network has no dated sessions.' },
  },
});

@ObjectType({ description: 'How many of a network’s participants entered a role (e.g. became chief executive) after registering, at the latest withinYears years after the network ended. Counts below the threshold, or that would give one away, are null with suppressed: true.' })
export class NetworkOutcomes {
  networkId: string;
  @Field(() => Network, { description: 'The network whose participants are counted.' }) network: Network;
  @Field(() => PositionRole, { description: 'The role counted.' }) role: PositionRole;
  @Field(() => Int, { description: 'Years after the network’s end that count, as asked.' }) withinYears: number;
  @Field(() => LocalDateResolver, { description: 'The last day of the network the years are counted from.' }) endedOn: string;
  @Field(() => NetworkEndSource, { description: 'Whether endedOn is the end of the last session or of the programme’s period.' }) endedFrom: NetworkEndSource;
  @Field(() => LocalDateResolver, { description: 'endedOn plus withinYears: positions entered up to and including this day count.' }) windowEnd: string;
  @Field(() => Int, { description: 'Persons with a confirmed registration in the network (as participantCount).' }) participants: number;
  @Field(() => Int, { nullable: true, description: 'Participants who entered the role after registering and by windowEnd, not holding it when they registered; null when suppressed.' }) became: number | null;
  @Field(() => Float, { nullable: true, description: 'became / participants, 0–1; null when suppressed.' }) share: number | null;
  @Field({ description: 'became, or participants − became, is below suppressionThreshold: both would give a few persons away.' }) suppressed: boolean;
  @Field(() => Int, { description: 'Counts below this are suppressed (STATISTICS_SUPPRESSION_THRESHOLD, default 3).' }) suppressionThreshold: number;
}

@Resolver()
export class OutcomesResolver {
  @Authorized('ORG_ADMIN', 'ANALYST', 'FACILITATOR')
  @Query(() => NetworkOutcomes, { description: 'Outcomes of a completed network from its participants’ positions: how many became chief executives (or entered another role) within N years after it ended (docs/participants.md, "Outcomes"). For the roles that see statistics.' })
  async networkOutcomes(
    @Ctx() ctx: RequestContext,
    @Arg('networkId', () => ID, { description: 'A completed network.' }) networkId: string,
    @Arg('withinYears', () => Int, { description: 'Years after the network’s end, 0–30.' }) withinYears: number,
    @Arg('role', () => PositionRole, { defaultValue: PositionRole.CHIEF_EXECUTIVE, description: 'The role whose entry is counted; chief executive by default.' }) role: PositionRole,
  ): Promise<NetworkOutcomes> {
    const outcome = await networkOutcomes(ctx, networkId, withinYears, role);
    return { ...outcome, endedFrom: outcome.endedFrom as NetworkEndSource, network: networkRef(networkId) };
  }
}
