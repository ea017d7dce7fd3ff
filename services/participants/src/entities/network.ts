import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Network is owned by the networks service; this service adds registrations and counts. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Network {
  @Field(() => ID) id: string;
}
