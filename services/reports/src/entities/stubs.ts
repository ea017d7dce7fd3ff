import { Directive, Field, ID, ObjectType } from 'type-graphql';

/*
 * Entities owned by other services, as this service knows them: the key, plus what this service
 * adds (in resolvers/contributions.resolver.ts) or requires.
 */

/** Owned by participants; this service adds `reports` and `indicatorValues`. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Municipality {
  @Field(() => ID) id: string;
}

/** Owned by participants. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID) id: string;
}

/** Owned by networks; participants adds `participatingMunicipalityIds`, which comparisons require. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Network {
  @Field(() => ID) id: string;
  @Field(() => [ID], { description: 'Ids of the municipalities with a confirmed registration (from participants).' })
  @Directive('@external')
  participatingMunicipalityIds?: string[];
}

/** Owned by networks; this service adds `indicatorComparison`. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Program {
  @Field(() => ID) id: string;
}

/** Owned by handbook (e.g. Transparency International's 8 recommendations); this service adds `statuses`. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Recommendation {
  @Field(() => ID) id: string;
}

export function ref<T extends { id: string }>(type: new () => T, id: string): T {
  const o = new type();
  o.id = id;
  return o;
}
