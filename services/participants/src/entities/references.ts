import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { entityStub } from '@kommunenett/subgraph-kit';

/*
 * Entities the networks service owns, as this service knows them: the key, plus what this service
 * adds or requires. Returned from fields with the kit's `entityRef`.
 */

/** This service adds registrations and counts. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Network {
  @Field(() => ID) id: string;
  /** Owned by networks; fetched by the gateway for `seatsLeft`. */
  @Field(() => Int, { nullable: true }) @Directive('@external') capacity?: number | null;
}

/** This service adds attendance. */
export const Session = entityStub('Session');
export type Session = InstanceType<typeof Session>;
