import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Session is owned by the networks service; this service adds attendance. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Session {
  @Field(() => ID) id: string;
}
