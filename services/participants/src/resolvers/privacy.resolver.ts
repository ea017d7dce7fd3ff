import { Arg, Args, Authorized, Ctx, Directive, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { ConnectionArgs, ConnectionType, keysetPage, UserError, type RequestContext, requireUuid } from '@kommunenett/subgraph-kit';
import { ContactAccess, ErasureRequest } from '../entities/privacy.entity';
import { ErasureRequestStatus } from '../entities/enums';
import { Person } from '../entities/person.entity';
import { personById } from '../loaders';
import { erasePerson, exportSubject, personalData, requestErasure } from '../services/privacy';

const ContactAccessConnection = ConnectionType(ContactAccess, 'ContactAccess');
const ErasureRequestConnection = ConnectionType(ErasureRequest, 'ErasureRequest');

/**
 * Everything the platform holds about one person. Owned here (the key is the person id); each
 * other subgraph adds its own part as a field on this entity, resolved for the same viewer.
 */
@ObjectType({ description: 'A person’s data across the platform. Each service adds its part as a field; ask for all of them.' })
@Directive('@key(fields: "id")')
export class PersonalDataExport {
  @Field(() => ID, { description: 'The person’s id.' }) id: string;
  @Field(() => Date, { description: 'When the export was made (UTC instant).' }) generatedAt: Date;
}

@InputType({ description: 'Erases a person’s personal data.' })
export class ErasePersonInput {
  @Field(() => ID, { description: 'The person to erase.' }) personId: string;
}

@InputType({ description: 'Asks ADMIN to erase your personal data.' })
export class RequestErasureInput {
  @Field(() => String, { nullable: true, description: 'Why, if you like to say.' }) reason?: string | null;
}

@ObjectType({ description: 'The outcome of erasePerson.' })
export class ErasePersonPayload {
  personId: string | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@ObjectType({ description: 'The outcome of requestErasure.' })
export class RequestErasurePayload {
  @Field(() => ErasureRequest, { nullable: true, description: 'The request, waiting for ADMIN; null when nothing changed.' }) request: ErasureRequest | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@Resolver(() => PersonalDataExport)
export class PrivacyResolver {
  @Authorized('PARTICIPANT')
  @Query(() => PersonalDataExport, { description: 'Everything the platform holds about you, as JSON, one field per service (participants, networks, handbook, reports): ask for all four. ADMIN may name a person (a request by post).' })
  exportMyData(@Ctx() ctx: RequestContext, @Arg('personId', () => ID, { nullable: true, description: 'Whose data: yours when left out; ADMIN may name a person.' }) personId?: string) {
    if (personId) requireUuid(personId, 'personId');
    return Object.assign(new PersonalDataExport(), { id: exportSubject(ctx, personId), generatedAt: new Date() });
  }

  @FieldResolver(() => GraphQLJSON, { nullable: true, description: 'This service’s part: the person, positions, registrations and their history, attendance, erasure requests, reads of contact data.' })
  participants(@Root() e: PersonalDataExport, @Ctx() ctx: RequestContext) {
    exportSubject(ctx, e.id);
    return personalData(ctx.ds, e.id);
  }

  @Authorized('PARTICIPANT')
  @Mutation(() => RequestErasurePayload, { description: 'Asks ADMIN to erase your personal data.' })
  requestErasure(@Arg('input', () => RequestErasureInput, { description: 'Why, if you like.' }) input: RequestErasureInput, @Ctx() ctx: RequestContext) {
    return requestErasure(ctx, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => ErasePersonPayload, { description: 'Erases a person’s personal data in every service (docs/security.md): their seats in networks not yet finished go to the waitlist; their registrations stay as anonymous rows, so counts and statistics stay right.' })
  erasePerson(@Arg('input', () => ErasePersonInput, { description: 'The person to erase.' }) input: ErasePersonInput, @Ctx() ctx: RequestContext) {
    return erasePerson(ctx, input);
  }

  @Authorized('ADMIN')
  @Query(() => ErasureRequestConnection, { description: 'Erasure requests, oldest first, a page at a time.' })
  erasureRequests(@Ctx() ctx: RequestContext, @Args() page: ConnectionArgs, @Arg('status', () => ErasureRequestStatus, { nullable: true, description: 'Only requests with this status.' }) status?: ErasureRequestStatus) {
    const qb = ctx.ds.getRepository(ErasureRequest).createQueryBuilder('e');
    if (status) qb.where('e.status = :status', { status });
    return keysetPage(qb, [{ sql: 'e.requested_at', value: (e) => e.requestedAt, isDate: true }, { sql: 'e.id', value: (e) => e.id }], page);
  }

  @Authorized('ADMIN')
  @Query(() => ContactAccessConnection, { description: 'Reads of contact data by anyone but the person, oldest first.' })
  contactDataAccessLog(@Ctx() ctx: RequestContext, @Args() page: ConnectionArgs, @Arg('personId', () => ID, { nullable: true, description: 'Only reads of this person’s contact data.' }) personId?: string) {
    const qb = ctx.ds.getRepository(ContactAccess).createQueryBuilder('a');
    if (personId) {
      requireUuid(personId, 'personId');
      qb.where('a.person_id = :personId', { personId });
    }
    return keysetPage(qb, [{ sql: 'a.accessed_at', value: (a) => a.accessedAt, isDate: true }, { sql: 'a.id', value: (a) => a.id }], page);
  }
}

@Resolver(() => ErasePersonPayload)
export class ErasePersonPayloadResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'The person after erasure (name "Anonymisert", no contact data); null when nothing changed.' })
  person(@Root() p: ErasePersonPayload, @Ctx() ctx: RequestContext) {
    if (!p.personId) return null;
    personById(ctx).clear(p.personId);
    return personById(ctx).load(p.personId);
  }
}
