import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Owned by the participants service; the handbook service refers to publishers by id. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID) id: string;
}

/** Owned by the networks service; this service adds `handbook`. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Network {
  @Field(() => ID) id: string;
}

/** Owned by the networks service; a revision proposal may come from a session. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Session {
  @Field(() => ID) id: string;
}

export { entityRef as ref } from '@kommunenett/subgraph-kit';

/** Owned by the networks service; this service resolves its handbook anchors and tools. */
@ObjectType()
@Directive('@key(fields: "id")')
export class AgendaItem {
  @Field(() => ID) id: string;
  @Directive('@external') @Field(() => [String]) handbookAnchors: string[];
  @Directive('@external') @Field(() => [ID]) toolIds: string[];
}

/** Owned by the participants service (all personal data lives there); referred to by id only. */
@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class Person {
  @Field(() => ID) id: string;
}
