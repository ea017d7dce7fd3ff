import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, badInput, escapeLike, isUuid, keysetPage, type RequestContext } from '@kommunenett/subgraph-kit';
import { Network } from '../entities/network.entity';
import { Program } from '../entities/program.entity';
import { Session } from '../entities/session.entity';
import { Organization, organizationRef } from '../entities/organization';
import { networkById, programById, sessionsByNetwork } from '../loaders';
import { visibleNetworks } from '../services/network-visibility';
import { NetworkConnection, NetworkFilter } from './types';

export function requireUuid(id: string, field: string): string {
  if (!isUuid(id)) throw badInput(`${field} is not a valid id.`, field);
  return id;
}

@Resolver(() => Network)
export class NetworkResolver {
  @Query(() => NetworkConnection, { description: 'The network catalogue: published networks, and drafts for those who run them. Ordered by name.' })
  async networks(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => NetworkFilter, { nullable: true }) filter?: NetworkFilter,
  ) {
    const qb = visibleNetworks(ctx);
    if (filter?.country) qb.andWhere('n.country = :country', { country: filter.country });
    if (filter?.language) qb.andWhere('n.language = :language', { language: filter.language });
    if (filter?.theme) qb.andWhere('n.theme = :theme', { theme: filter.theme });
    if (filter?.programId) qb.andWhere('n.program_id = :programId', { programId: requireUuid(filter.programId, 'filter.programId') });
    if (filter?.hostId) qb.andWhere(':hostId = ANY(n.host_ids)', { hostId: filter.hostId });
    if (filter?.status?.length) qb.andWhere('n.status IN (:...statuses)', { statuses: filter.status });
    if (filter?.search) {
      if (filter.search.length > 200) throw badInput('search is longer than 200 characters.', 'filter.search');
      qb.andWhere("(n.name ILIKE :q ESCAPE '\\' OR n.description ILIKE :q ESCAPE '\\')", { q: `%${escapeLike(filter.search)}%` });
    }
    return keysetPage(qb, [{ sql: 'n.name', value: (n) => n.name }, { sql: 'n.id', value: (n) => n.id }], page);
  }

  @Query(() => Network, { nullable: true })
  network(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return networkById(ctx).load(requireUuid(id, 'id'));
  }

  @FieldResolver(() => [Organization], { description: 'Organizations that run the network.' })
  hosts(@Root() network: Network) {
    return network.hostIds.map(organizationRef);
  }

  @FieldResolver(() => Program, { nullable: true })
  program(@Root() network: Network, @Ctx() ctx: RequestContext) {
    return network.programId ? programById(ctx).load(network.programId) : null;
  }

  @FieldResolver(() => [Session], { description: 'Gatherings in order.' })
  sessions(@Root() network: Network, @Ctx() ctx: RequestContext) {
    return sessionsByNetwork(ctx).load(network.id);
  }
}

@Resolver(() => Organization)
export class OrganizationNetworksResolver {
  @FieldResolver(() => NetworkConnection, { description: 'Networks the organization hosts.' })
  hostedNetworks(@Root() org: Organization, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    const qb = visibleNetworks(ctx).andWhere(':hostId = ANY(n.host_ids)', { hostId: org.id });
    return keysetPage(qb, [{ sql: 'n.name', value: (n) => n.name }, { sql: 'n.id', value: (n) => n.id }], page);
  }
}
