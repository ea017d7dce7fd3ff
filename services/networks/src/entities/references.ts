import { entityRef } from '@kommunenett/subgraph-kit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/*
 * Entities owned by the participants service, referred to here by key only. Organization gets
 * `hostedNetworks` from this service; Person and Municipality are plain references.
 */

@ObjectType()
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID) id: string;
}

@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class Person {
  @Field(() => ID) id: string;
}

@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class Municipality {
  @Field(() => ID) id: string;
}

export const organizationRef = (id: string) => entityRef(Organization, id);
export const personRef = (id: string) => entityRef(Person, id);
export const municipalityRef = (id: string) => entityRef(Municipality, id);
