import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, keysetPage, type RequestContext } from '@kommunenett/subgraph-kit';
import { Program } from '../entities/program.entity';
import { Organization, organizationRef } from '../entities/organization';
import { programById } from '../loaders';
import { visibleNetworks } from '../services/network-visibility';
import { NetworkConnection, ProgramConnection } from './types';
import { requireUuid } from './network.resolver';

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => ProgramConnection, { description: 'Programmes, ordered by name.' })
  programs(@Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    const qb = ctx.ds.getRepository(Program).createQueryBuilder('p');
    return keysetPage(qb, [{ sql: 'p.name', value: (p) => p.name }, { sql: 'p.id', value: (p) => p.id }], page);
  }

  @Query(() => Program, { nullable: true })
  program(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return programById(ctx).load(requireUuid(id, 'id'));
  }

  @FieldResolver(() => [Organization], { description: 'Organizations that own the programme (e.g. KS and TI Norge).' })
  owners(@Root() p: Program) {
    return p.ownerIds.map(organizationRef);
  }

  @FieldResolver(() => [Organization])
  partners(@Root() p: Program) {
    return p.partnerIds.map(organizationRef);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Who funds the programme (e.g. the ministry).' })
  funder(@Root() p: Program) {
    return p.funderId ? organizationRef(p.funderId) : null;
  }

  @FieldResolver(() => NetworkConnection)
  networks(@Root() p: Program, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    const qb = visibleNetworks(ctx).andWhere('n.program_id = :programId', { programId: p.id });
    return keysetPage(qb, [{ sql: 'n.name', value: (n) => n.name }, { sql: 'n.id', value: (n) => n.id }], page);
  }
}
