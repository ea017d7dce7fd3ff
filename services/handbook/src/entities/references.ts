import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { entityStub } from '@kommunenett/subgraph-kit';

/*
 * Entities other services own, as this service knows them: the key, plus what this service adds
 * or requires. Returned from fields with the kit's `entityRef`.
 */

/** Owned by the participants service; the handbook service refers to publishers by id. */
export const Organization = entityStub('Organization');
export type Organization = InstanceType<typeof Organization>;

/** Owned by the networks service; this service adds `handbook`. */
export const Network = entityStub('Network');
export type Network = InstanceType<typeof Network>;

/** Owned by the networks service; a revision proposal may come from a session. */
export const Session = entityStub('Session');
export type Session = InstanceType<typeof Session>;

/** Owned by the participants service (all personal data lives there); referred to by id only. */
export const Person = entityStub('Person', { resolvable: false });
export type Person = InstanceType<typeof Person>;

/** Owned by the networks service; this service resolves its handbook anchors and tools. */
@ObjectType()
@Directive('@key(fields: "id")')
export class AgendaItem {
  @Field(() => ID) id: string;
  @Directive('@external') @Field(() => [String]) handbookAnchors: string[];
  @Directive('@external') @Field(() => [ID]) toolIds: string[];
}
