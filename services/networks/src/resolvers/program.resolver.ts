import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Info, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, keysetPage, type RequestContext, Payload, payload, entityRef } from '@kommunenett/subgraph-kit';
import { Program } from '../entities/program.entity';
import { Organization, Person } from '../entities/references';
import { Language, NetworkOrder, ProgramStatus } from '../entities/enums';
import { programById } from '../loaders';
import { networkCatalogue } from '../services/networks';
import { createProgram, updateProgram } from '../services/programs';
import { NetworkConnection, ProgramConnection } from './types';
import { requireUuid } from '@kommunenett/subgraph-kit';

@InputType({ description: 'A new programme.' })
class CreateProgramInput {
  @Field({ description: 'Name of the programme.' }) name: string;
  @Field(() => String, { nullable: true, description: 'What the programme is for.' }) description?: string | null;
  @Field(() => Language, { description: 'Language of name and description.' }) language: Language;
  @Field(() => ProgramStatus, { nullable: true, description: 'Default PLANNED.' }) status?: ProgramStatus;
  @Field(() => [ID], { description: 'Organizations that own the programme; an ORG_ADMIN must include their own.' }) ownerIds: string[];
  @Field(() => [ID], { nullable: true, description: 'Organizations that take part in running the programme without owning it.' }) partnerIds?: string[];
  @Field(() => ID, { nullable: true, description: 'Who funds the programme, e.g. "kdd".' }) funderId?: string | null;
  @Field(() => [String], { nullable: true, description: 'Themes of the programme, e.g. «åpenhet», «integritet».' }) themes?: string[];
  @Field(() => String, { nullable: true, description: 'First month, YYYY-MM.' }) periodStart?: string | null;
  @Field(() => String, { nullable: true, description: 'Last month, YYYY-MM.' }) periodEnd?: string | null;
}

@InputType({ description: 'Changes to a programme: only the fields given change; null clears an optional field.' })
class UpdateProgramInput {
  @Field(() => ID, { description: 'The programme to change.' }) id: string;
  @Field(() => Int, { description: 'The version you read; a newer one refuses the change with STALE_VERSION.' }) expectedVersion: number;
  @Field(() => String, { nullable: true, description: 'New name.' }) name?: string;
  @Field(() => String, { nullable: true, description: 'New description.' }) description?: string | null;
  @Field(() => Language, { nullable: true, description: 'Language of name and description.' }) language?: Language;
  @Field(() => ProgramStatus, { nullable: true, description: 'Where the programme stands in time.' }) status?: ProgramStatus;
  @Field(() => [ID], { nullable: true, description: 'Organizations that own the programme; replaces the list.' }) ownerIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Partner organizations; replaces the list.' }) partnerIds?: string[];
  @Field(() => ID, { nullable: true, description: 'Who funds the programme, e.g. "kdd".' }) funderId?: string | null;
  @Field(() => [String], { nullable: true, description: 'Themes; replaces the list.' }) themes?: string[];
  @Field(() => String, { nullable: true, description: 'First month, YYYY-MM.' }) periodStart?: string | null;
  @Field(() => String, { nullable: true, description: 'Last month, YYYY-MM.' }) periodEnd?: string | null;
}

const ProgramPayload = Payload(Program, 'program');

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => ProgramConnection, { description: 'Programmes, ordered by name.' })
  programs(@Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    const qb = ctx.ds.getRepository(Program).createQueryBuilder('p');
    return keysetPage(qb, [{ sql: 'p.name', value: (p) => p.name }, { sql: 'p.id', value: (p) => p.id }], page);
  }

  @Query(() => Program, { nullable: true, description: 'A programme by id; null when there is none.' })
  program(@Arg('id', () => ID, { description: 'The programme’s id.' }) id: string, @Ctx() ctx: RequestContext) {
    return programById(ctx).load(requireUuid(id, 'id'));
  }

  @FieldResolver(() => [Organization], { description: 'Organizations that own the programme (e.g. KS and TI Norge).' })
  owners(@Root() p: Program) {
    return p.ownerIds.map((id) => entityRef(Organization, id));
  }

  @FieldResolver(() => [Organization], { description: 'Partner organizations (e.g. the unions in «Saman om ein betre kommune»).' })
  partners(@Root() p: Program) {
    return p.partnerIds.map((id) => entityRef(Organization, id));
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Who funds the programme (e.g. the ministry).' })
  funder(@Root() p: Program) {
    return p.funderId ? entityRef(Organization, p.funderId) : null;
  }

  @Authorized()
  @FieldResolver(() => [Person], { nullable: 'items', description: 'People who signed the programme’s invitation to take part, in the order they signed (e.g. KS’ chief executive and TI Norge’s secretary general), each as far as you may see them directly: null for one you may not see. Signed-in callers only.' })
  signatories(@Root() p: Program) {
    return p.signatoryPersonIds.map((id) => entityRef(Person, id));
  }

  @FieldResolver(() => NetworkConnection, { description: 'The programme’s networks the viewer may see, by name.' })
  networks(@Root() p: Program, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs, @Info() info?: GraphQLResolveInfo) {
    return networkCatalogue(ctx, { programId: p.id }, NetworkOrder.NAME, page, info);
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => ProgramPayload, { description: 'ADMIN, or ORG_ADMIN of an owner organization.' })
  async createProgram(@Arg('input', { description: 'The new programme.' }) input: CreateProgramInput, @Ctx() ctx: RequestContext) {
    return payload('program', await createProgram(ctx, input));
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => ProgramPayload, { description: 'ADMIN, or ORG_ADMIN of an owner organization.' })
  async updateProgram(@Arg('input', { description: 'The programme, the version you read and the fields to change.' }) input: UpdateProgramInput, @Ctx() ctx: RequestContext) {
    return payload('program', await updateProgram(ctx, input));
  }
}
