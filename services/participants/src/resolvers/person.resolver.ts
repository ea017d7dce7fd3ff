import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Info, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, isUuid, UserError, type RequestContext, requireUuid } from '@kommunenett/subgraph-kit';
import { Person } from '../entities/person.entity';
import { Position } from '../entities/position.entity';
import { Municipality } from '../entities/municipality.entity';
import { Organization } from '../entities/organization.entity';
import { Gender, PositionRole } from '../entities/enums';
import { municipalityById, organizationById, personById, positionsByPerson } from '../loaders';
import { accessTo, PersonAccess, readContactField, visiblePersonById } from '../services/person-visibility';
import { registrationPagesBy } from '../services/registration-queries';
import { recordPosition } from '../services/positions';
import { RegistrationConnection } from './types';

@ObjectType({ description: 'The outcome of recordPosition.' })
export class PositionPayload {
  @Field(() => Position, { nullable: true, description: 'The recorded position; null when nothing changed.' }) position: Position | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@InputType({ description: 'A position a person held or holds: what follows their career after a network.' })
export class RecordPositionInput {
  @Field(() => ID, { description: 'The person.' }) personId: string;
  @Field({ description: 'The title as worded, e.g. «kommunedirektør».' }) title: string;
  @Field(() => PositionRole, { nullable: true, description: 'What the position is; derived from the title when not given (docs/participants.md).' }) role?: PositionRole | null;
  @Field(() => ID, { nullable: true, description: 'The employer, when a municipality or county authority, e.g. NO-3201.' }) employerMunicipalityId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The employer, when an organization, e.g. "ks".' }) employerOrganizationId?: string | null;
  @Field({ description: 'First day, YYYY-MM-DD.' }) validFrom: string;
  @Field(() => String, { nullable: true, description: 'Last day, YYYY-MM-DD; empty while held (it then becomes the current title).' }) validTo?: string | null;
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'A person, if you may see them (the person-visibility rule of docs/security.md); null as for an unknown id otherwise.' })
  person(@Arg('id', () => ID, { description: 'The person’s id.' }) id: string, @Ctx() ctx: RequestContext) {
    requireUuid(id, 'id');
    return visiblePersonById(ctx).load(id);
  }

  @Query(() => Person, { nullable: true, description: 'The signed-in participant.' })
  me(@Ctx() ctx: RequestContext) {
    const id = ctx.viewer.personId;
    return id && isUuid(id) ? personById(ctx).load(id) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Visible to ADMIN, the person, ORG_ADMIN of a host and FACILITATOR of a network they are registered for, and their COORDINATOR; FORBIDDEN otherwise. Each read is logged.' })
  email(@Root() p: Person, @Ctx() ctx: RequestContext) {
    return readContactField(ctx, p, 'email');
  }

  @FieldResolver(() => String, { nullable: true, description: 'Visible as email is.' })
  phone(@Root() p: Person, @Ctx() ctx: RequestContext) {
    return readContactField(ctx, p, 'phone');
  }

  @FieldResolver(() => Gender, { nullable: true, description: 'Only where the person gave it; visible as email is.' })
  gender(@Root() p: Person, @Ctx() ctx: RequestContext) {
    return readContactField(ctx, p, 'gender');
  }

  @FieldResolver(() => Municipality, { nullable: true, description: 'Current employer, when a municipality or county authority.' })
  employerMunicipality(@Root() p: Person, @Ctx() ctx: RequestContext) {
    return p.employerMunicipalityId ? municipalityById(ctx).load(p.employerMunicipalityId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Current employer, when an organization.' })
  employerOrganization(@Root() p: Person, @Ctx() ctx: RequestContext) {
    return p.employerOrganizationId ? organizationById(ctx).load(p.employerOrganizationId) : null;
  }

  @FieldResolver(() => [Position], { description: 'Positions over time, oldest first: how a programme follows outcomes per participant. Visible as email is; empty otherwise.' })
  async positions(@Root() p: Person, @Ctx() ctx: RequestContext) {
    return (await accessTo(ctx, p)) === PersonAccess.CONTACT ? positionsByPerson(ctx).load(p.id) : [];
  }

  @FieldResolver(() => RegistrationConnection, { description: 'The person’s registrations you may see, in registration order, a page at a time.' })
  registrations(@Root() p: Person, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs, @Info() info?: GraphQLResolveInfo) {
    return registrationPagesBy(ctx, 'person_id', null, page, info).load(p.id);
  }

  @Authorized('ORG_ADMIN', 'COORDINATOR', 'PARTICIPANT')
  @Mutation(() => PositionPayload, { description: 'Records a position of a person (ADMIN, the person, their COORDINATOR, ORG_ADMIN of a network they took part in).' })
  async recordPosition(@Arg('input', () => RecordPositionInput, { description: 'The person and the position.' }) input: RecordPositionInput, @Ctx() ctx: RequestContext): Promise<PositionPayload> {
    const outcome = await recordPosition(ctx, input);
    return { position: outcome.value, userErrors: outcome.userErrors };
  }
}

@Resolver(() => Position)
export class PositionResolver {
  @FieldResolver(() => Municipality, { nullable: true, description: 'The employer, when a municipality or county authority.' })
  employerMunicipality(@Root() p: Position, @Ctx() ctx: RequestContext) {
    return p.employerMunicipalityId ? municipalityById(ctx).load(p.employerMunicipalityId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The employer, when an organization.' })
  employerOrganization(@Root() p: Position, @Ctx() ctx: RequestContext) {
    return p.employerOrganizationId ? organizationById(ctx).load(p.employerOrganizationId) : null;
  }
}
