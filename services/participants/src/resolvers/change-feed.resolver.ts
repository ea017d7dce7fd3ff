import { Arg, Authorized, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@kommunenett/subgraph-kit';
import { RegistrationChange } from '../entities/registration-change.entity';
import { Registration } from '../entities/registration.entity';
import { Network } from '../entities/references';
import { encodeFeedCursor, readChanges } from '../services/change-feed';
import { networkRef, visibleRegistration } from './registration.resolver';

@ObjectType({ description: 'A page of the change feed. Resume from cursor; it stays the same when nothing changed.' })
export class RegistrationChangeFeed {
  @Field(() => [RegistrationChange], { description: 'The changes of this page, in commit order.' }) changes: RegistrationChange[];
  @Field({ description: 'Where to resume: pass it as since next time.' }) cursor: string;
  @Field({ description: 'More changes are waiting: ask again right away.' }) hasMore: boolean;
}

@Resolver(() => RegistrationChange)
export class RegistrationChangeResolver {
  @Authorized()
  @Query(() => RegistrationChangeFeed, {
    description: 'Every change of the registrations you may see, in commit order, after the cursor since (from the beginning without it). Partners follow it instead of polling everything.',
  })
  registrationChanges(
    @Ctx() ctx: RequestContext,
    @Arg('since', () => String, { nullable: true, description: 'The cursor of the last page read; from the beginning when left out.' }) since?: string,
    @Arg('first', () => Int, { nullable: true, description: 'At most 100 (default 100).' }) first?: number,
  ) {
    return readChanges(ctx, since, first);
  }

  @FieldResolver({ description: 'Position of the change in the feed (opaque cursor).' })
  cursor(@Root() c: RegistrationChange): string {
    return encodeFeedCursor(c.seq);
  }

  @FieldResolver(() => Registration, { nullable: true, description: 'The registration as it is now.' })
  registration(@Root() c: RegistrationChange, @Ctx() ctx: RequestContext) {
    return visibleRegistration(ctx, c.registrationId);
  }

  @FieldResolver(() => Network, { description: 'The network of the registration after the change.' })
  network(@Root() c: RegistrationChange) {
    return networkRef(c.networkId);
  }
}
