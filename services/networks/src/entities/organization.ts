import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Organization is owned by the participants service; this service adds `hostedNetworks`. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID) id: string;
}

export function organizationRef(id: string): Organization {
  const o = new Organization();
  o.id = id;
  return o;
}
