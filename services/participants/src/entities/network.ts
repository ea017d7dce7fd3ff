import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** Network is owned by the networks service; this service adds registrations and counts. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Network {
  @Field(() => ID) id: string;
  /** Owned by networks; fetched by the gateway for `seatsLeft`. */
  @Field(() => Int, { nullable: true }) @Directive('@external') capacity?: number | null;
}
