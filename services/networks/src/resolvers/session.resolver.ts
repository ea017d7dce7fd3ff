import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@kommunenett/subgraph-kit';
import { Network } from '../entities/network.entity';
import { Session } from '../entities/session.entity';
import { networkById, sessionById } from '../loaders';
import { requireUuid } from './network.resolver';

@Resolver(() => Session)
export class SessionResolver {
  @Query(() => Session, { nullable: true })
  async session(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    const session = await sessionById(ctx).load(requireUuid(id, 'id'));
    // A session is visible when its network is.
    return session && (await networkById(ctx).load(session.networkId)) ? session : null;
  }

  @FieldResolver(() => Network, { nullable: true })
  network(@Root() s: Session, @Ctx() ctx: RequestContext) {
    return networkById(ctx).load(s.networkId);
  }
}
