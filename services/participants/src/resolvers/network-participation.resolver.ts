import { Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@kommunenett/subgraph-kit';
import { Network } from '../entities/network';
import { confirmedRegistrationsByNetwork } from '../loaders';

@Resolver(() => Network)
export class NetworkParticipationResolver {
  @FieldResolver(() => Int, { description: 'Persons with a confirmed registration.' })
  async participantCount(@Root() network: Network, @Ctx() ctx: RequestContext) {
    return (await confirmedRegistrationsByNetwork(ctx).load(network.id)).length;
  }

  @FieldResolver(() => Int, { description: 'Municipalities with at least one confirmed registration.' })
  async municipalityCount(@Root() network: Network, @Ctx() ctx: RequestContext) {
    return new Set((await confirmedRegistrationsByNetwork(ctx).load(network.id)).map((r) => r.municipalityId)).size;
  }

  @FieldResolver(() => [ID], { description: 'Ids of the municipalities with a confirmed registration, sorted.' })
  async participatingMunicipalityIds(@Root() network: Network, @Ctx() ctx: RequestContext) {
    return [...new Set((await confirmedRegistrationsByNetwork(ctx).load(network.id)).map((r) => r.municipalityId))].sort();
  }
}
