import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { entityStub } from '@kommunenett/subgraph-kit';

/*
 * Entities other services own, as this service knows them: the key, plus what this service adds
 * (in resolvers/contributions.resolver.ts) or requires. Returned from fields with the kit's
 * `entityRef`.
 */

/** Owned by participants; this service adds `reports` and `indicatorValues`. */
export const Municipality = entityStub('Municipality');
export type Municipality = InstanceType<typeof Municipality>;

/** Owned by participants. */
export const Organization = entityStub('Organization');
export type Organization = InstanceType<typeof Organization>;

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
export const Program = entityStub('Program');
export type Program = InstanceType<typeof Program>;

/** Owned by handbook (e.g. Transparency International's 8 recommendations); this service adds `statuses`. */
export const Recommendation = entityStub('Recommendation');
export type Recommendation = InstanceType<typeof Recommendation>;
