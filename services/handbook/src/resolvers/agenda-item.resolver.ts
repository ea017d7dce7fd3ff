import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { isUuid, type RequestContext } from '@kommunenett/subgraph-kit';
import { AgendaItem } from '../entities/references';
import { Tool } from '../entities/tool.entity';
import { toolById } from '../loaders';
import { referenceByAnchor } from '../services/anchors';
import { HandbookReference } from './types';

const loaded = <T>(rows: (T | null | Error)[]): T[] => rows.map((r) => {
  if (r instanceof Error) throw r;
  return r;
}).filter((r): r is T => r !== null);

@Resolver(() => AgendaItem)
export class AgendaItemHandbookResolver {
  @Directive('@requires(fields: "handbookAnchors")')
  @FieldResolver(() => [HandbookReference], {
    description: 'The item’s handbook anchors resolved against the current editions; a removed section points at its nearest surviving one and says so.',
  })
  async handbookReferences(@Root() item: AgendaItem, @Ctx() ctx: RequestContext) {
    return loaded(await referenceByAnchor(ctx).loadMany(item.handbookAnchors ?? []));
  }

  @Directive('@requires(fields: "toolIds")')
  @FieldResolver(() => [Tool], { description: 'Handbook tools used in the item (those in editions the viewer may see).' })
  async tools(@Root() item: AgendaItem, @Ctx() ctx: RequestContext) {
    return loaded(await toolById(ctx).loadMany((item.toolIds ?? []).filter(isUuid)));
  }
}
