import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType, UserError } from '@kommunenett/subgraph-kit';
import { Registration } from '../entities/registration.entity';
import { Person } from '../entities/person.entity';
import { Gender, RegistrationStatus } from '../entities/enums';

export const RegistrationConnection = ConnectionType(Registration, 'Registration');
export const PersonConnection = ConnectionType(Person, 'Person');

@InputType({ description: 'A person to register. A person is one per email on the platform: a known email reuses the person.' })
export class PersonInput {
  @Field({ description: 'The person’s name.' }) name: string;
  @Field({ description: 'The person’s email; a known email reuses the person.' }) email: string;
  @Field(() => String, { nullable: true, description: 'Phone number, e.g. +47 912 34 567.' }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Title or role, e.g. kommunalsjef.' }) title?: string | null;
  @Field(() => Gender, { nullable: true, description: 'Only if the person wants to give it (used for anonymous statistics).' }) gender?: Gender | null;
}

@InputType({ description: 'Registers a person for a network on behalf of a municipality.' })
export class RegisterParticipantInput {
  @Field(() => ID, { description: 'The network to register for; it must be open for registration.' }) networkId: string;
  @Field(() => ID, { description: 'The registering municipality or county authority, e.g. NO-3201.' }) municipalityId: string;
  @Field(() => PersonInput, { nullable: true, description: 'The person, found or created by email; or give personId.' }) person?: PersonInput | null;
  @Field(() => ID, { nullable: true, description: 'A known person, instead of person.' }) personId?: string | null;
  @Field(() => String, { nullable: true, description: 'The leadership decision the participation is anchored in (required by some networks).' }) leadershipAnchoring?: string | null;
  @Field(() => String, { nullable: true, description: 'A note to the organizer.' }) note?: string | null;
  @Field(() => String, { nullable: true, description: 'Retry key: the same key with the same input within 24 hours (PARTICIPANTS_IDEMPOTENCY_HOURS) returns the first result; with another input it is refused with IDEMPOTENCY_KEY_REUSED.' }) idempotencyKey?: string | null;
  @Field(() => String, { nullable: true, description: 'The partner’s own reference, unique per partner client.' }) externalRef?: string | null;
}

@InputType({ description: 'Names a registration by id, or by the calling partner’s externalRef.' })
export class CancelRegistrationInput {
  @Field(() => ID, { nullable: true, description: 'The registration to cancel; or give externalRef.' }) registrationId?: string | null;
  @Field(() => String, { nullable: true, description: 'The calling partner’s own reference of the registration, instead of registrationId.' }) externalRef?: string | null;
  @Field(() => String, { nullable: true, description: 'Why it is cancelled; kept as the registration’s statusReason.' }) reason?: string | null;
  @Field(() => String, { nullable: true, description: 'Retry key: the same key with the same input within 24 hours (PARTICIPANTS_IDEMPOTENCY_HOURS) returns the first result; with another input it is refused with IDEMPOTENCY_KEY_REUSED.' }) idempotencyKey?: string | null;
}

@InputType({ description: 'Takes a seat offered from the waitlist. Names the registration by id, or by the calling partner’s externalRef.' })
export class AcceptOfferInput {
  @Field(() => ID, { nullable: true, description: 'The OFFERED registration; or give externalRef.' }) registrationId?: string | null;
  @Field(() => String, { nullable: true, description: 'The calling partner’s own reference of the registration, instead of registrationId.' }) externalRef?: string | null;
  @Field(() => String, { nullable: true, description: 'Retry key: the same key with the same input within 24 hours (PARTICIPANTS_IDEMPOTENCY_HOURS) returns the first result; with another input it is refused with IDEMPOTENCY_KEY_REUSED.' }) idempotencyKey?: string | null;
}

@InputType({ description: 'Approves a PENDING registration.' })
export class ApproveRegistrationInput {
  @Field(() => ID, { description: 'The PENDING registration.' }) registrationId: string;
  @Field(() => String, { nullable: true, description: 'A note on the approval, kept in the registration’s history.' }) reason?: string | null;
}

@InputType({ description: 'Rejects a PENDING registration.' })
export class RejectRegistrationInput {
  @Field(() => ID, { description: 'The PENDING registration.' }) registrationId: string;
  @Field({ description: 'Told to the registrant.' }) reason: string;
}

@InputType({ description: 'Changes the note, anchoring statement or external reference of a registration.' })
export class UpdateRegistrationInput {
  @Field(() => ID, { description: 'The registration to change.' }) registrationId: string;
  @Field(() => Int, { description: 'The version read; a stale one is refused with STALE_VERSION.' }) expectedVersion: number;
  @Field(() => String, { nullable: true, description: 'The leadership decision the participation is anchored in.' }) leadershipAnchoring?: string | null;
  @Field(() => String, { nullable: true, description: 'A note to the organizer.' }) note?: string | null;
  @Field(() => String, { nullable: true, description: 'The calling partner’s own reference, unique per partner client.' }) externalRef?: string | null;
  @Field(() => String, { nullable: true, description: 'Retry key: the same key with the same input within 24 hours (PARTICIPANTS_IDEMPOTENCY_HOURS) returns the first result; with another input it is refused with IDEMPOTENCY_KEY_REUSED.' }) idempotencyKey?: string | null;
}

@InputType({ description: 'Moves a registration to another network of the same programme.' })
export class MoveRegistrationInput {
  @Field(() => ID, { description: 'The registration to move.' }) registrationId: string;
  @Field(() => ID, { description: 'Another network of the same programme.' }) toNetworkId: string;
  @Field(() => String, { nullable: true, description: 'Retry key: the same key with the same input within 24 hours (PARTICIPANTS_IDEMPOTENCY_HOURS) returns the first result; with another input it is refused with IDEMPOTENCY_KEY_REUSED.' }) idempotencyKey?: string | null;
}

@InputType({ description: 'One row of an import: the same as the columns of the CSV form.' })
export class ImportRowInput {
  @Field({ description: 'The registering municipality or county authority, e.g. NO-3201.' }) municipalityId: string;
  @Field({ description: 'The person’s name.' }) name: string;
  @Field({ description: 'The person’s email; a known email reuses the person.' }) email: string;
  @Field(() => String, { nullable: true, description: 'Phone number, e.g. +47 912 34 567.' }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Title or role, e.g. kommunalsjef.' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'The leadership decision the participation is anchored in.' }) leadershipAnchoring?: string | null;
  @Field(() => String, { nullable: true, description: 'A note on the registration.' }) note?: string | null;
  @Field(() => String, { nullable: true, description: 'The partner’s own reference, unique per partner client.' }) externalRef?: string | null;
}

@InputType({ description: 'Registers many people into one network at once, from rows or CSV.' })
export class ImportRegistrationsInput {
  @Field(() => ID, { description: 'The network to register into.' }) networkId: string;
  @Field(() => [ImportRowInput], { nullable: true, description: 'Up to 1,000 rows; or give csv.' }) rows?: ImportRowInput[] | null;
  @Field(() => String, {
    nullable: true,
    description: 'UTF-8 CSV with a header row: municipalityId,name,email and optionally phone,title,leadershipAnchoring,note,externalRef (comma or semicolon separated).',
  }) csv?: string | null;
  @Field({ defaultValue: true, description: 'Only validate and report what each row would become (the default).' }) dryRun: boolean;
  @Field(() => String, { nullable: true, description: 'Retry key: the same key with the same input within 24 hours (PARTICIPANTS_IDEMPOTENCY_HOURS) returns the first result; with another input it is refused with IDEMPOTENCY_KEY_REUSED.' }) idempotencyKey?: string | null;
}

@InputType({ description: 'Narrows a list of registrations. All given conditions must hold.' })
export class RegistrationFilter {
  @Field(() => ID, { nullable: true, description: 'Only registrations for this network.' }) networkId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only registrations by this municipality or county authority, e.g. NO-3201.' }) municipalityId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only registrations of this person.' }) personId?: string | null;
  @Field(() => [RegistrationStatus], { nullable: true, description: 'Only registrations in one of these statuses.' }) status?: RegistrationStatus[] | null;
  @Field(() => String, { nullable: true, description: 'The calling partner’s own reference.' }) externalRef?: string | null;
}

export interface WrittenRegistration {
  registration: Registration;
  hostIds: string[];
}

@ObjectType({ description: 'The outcome of a change to a registration.' })
export class RegistrationPayload {
  registrationId: string | null;
  /** The row as this request wrote it and its network's hosts, when it did (not read again for the answer). */
  written?: WrittenRegistration;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@ObjectType({ description: 'The outcome of one row of an import.' })
export class ImportRowResult {
  @Field(() => Int, { description: 'Row number: 1 is the first row after the CSV header, or the first of rows.' }) row: number;
  @Field(() => RegistrationStatus, { nullable: true, description: 'What the row became, or would become (dry run).' }) status: RegistrationStatus | null;
  registrationId: string | null;
  @Field(() => [UserError], { description: 'What is wrong with the row; empty when it is fine. Paths start at the row, e.g. ["input", "rows", "3", "email"].' }) errors: UserError[];
}

@ObjectType({ description: 'The outcome of an import: what each row became or would become.' })
export class ImportRegistrationsPayload {
  @Field({ description: 'True when the rows were registered (all of them); false on a dry run or when any row is wrong.' }) applied: boolean;
  @Field(() => [ImportRowResult], { description: 'One result per row, in the order given.' }) rows: ImportRowResult[];
  @Field(() => [UserError], { description: 'Errors of the whole import (network, file); per-row errors are in rows.' }) userErrors: UserError[];
}
