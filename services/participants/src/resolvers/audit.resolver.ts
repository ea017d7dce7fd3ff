import { Arg, Ctx, Directive, ID, Int, Query, Resolver } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { RequestContext } from '@kommunenett/subgraph-kit';
import { networkAuditEntries } from '../services/audit-entries';

/** The internal query by which the networks service reads this service's part of `Network.auditTrail`. */
@Resolver()
export class AuditEntriesResolver {
  @Directive('@inaccessible')
  @Query(() => GraphQLJSON, { description: 'Internal (the networks service only): a network’s registration and attendance entries older than the cursor, newest first, and their number, as { entries, total }.' })
  networkAuditEntries(
    @Ctx() ctx: RequestContext,
    @Arg('networkId', () => ID) networkId: string,
    @Arg('first', () => Int) first: number,
    @Arg('kinds', () => [String]) kinds: string[],
    @Arg('before', () => String, { nullable: true }) before?: string | null,
  ) {
    return networkAuditEntries(ctx, networkId, before ?? null, first, kinds);
  }
}
