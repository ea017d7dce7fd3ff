import { Directive, Field, ID, ObjectType } from 'type-graphql';

/*
 * Entities other subgraphs own, as a service refers to them: each service keeps its stubs in
 * `entities/references.ts`, built with `entityStub` when the stub is the key alone (a class of its
 * own when the service adds `@external` fields), and returns them with `entityRef`.
 */

/**
 * A reference to an entity another subgraph owns (or resolves), to return from a field: the
 * gateway fetches the rest from the owner by key.
 */
export function entityRef<T extends { id: string }>(type: new () => T, id: string): T {
  return Object.assign(new type(), { id });
}

/**
 * The key-only stub of an entity another subgraph owns: `@key(fields: "id")`, resolvable unless
 * this service only ever returns it (`resolvable: false`, e.g. Person outside participants).
 */
export function entityStub(name: string, { resolvable = true }: { resolvable?: boolean } = {}): new () => { id: string } {
  @ObjectType(name)
  @Directive(resolvable ? '@key(fields: "id")' : '@key(fields: "id", resolvable: false)')
  class EntityStub {
    @Field(() => ID) id: string;
  }
  return EntityStub;
}
