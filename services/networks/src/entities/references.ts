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

function ref<T extends { id: string }>(type: new () => T) {
  return (id: string): T => Object.assign(new type(), { id });
}
export const organizationRef = ref(Organization);
export const personRef = ref(Person);
export const municipalityRef = ref(Municipality);
