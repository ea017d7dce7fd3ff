import { Field, ObjectType, type ClassType } from 'type-graphql';
import { UserError } from './user-errors';
import type { Outcome } from './mutation';

/**
 * A mutation payload `{ <field>: T, userErrors }`: the changed object, or null and the rules the
 * input broke. One payload type per object type, shared by its mutations.
 */
export function Payload<T extends object>(type: ClassType<T>, field: string, name = `${type.name}Payload`) {
  @ObjectType(name, { description: `The outcome of a mutation of a ${type.name}.` })
  class PayloadType {
    @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
  }
  Field(() => type, { nullable: true, description: 'The object after the change; null when nothing changed.' })(PayloadType.prototype, field);
  return PayloadType as ClassType<{ userErrors: UserError[] }>;
}

/** Turns a mutation's outcome into its payload. */
export function payload<T>(field: string, outcome: Outcome<T>): { userErrors: UserError[] } {
  return { [field]: outcome.value, userErrors: outcome.userErrors } as { userErrors: UserError[] };
}
