import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Info, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput, ConnectionArgs, ConnectionType, escapeLike, foldForSearch, keysetPage, mapNodes, Payload, payload, type RequestContext } from '@kommunenett/subgraph-kit';
import { updateOrganizationMailSettings } from '../services/organization-mail';
import { coordinatorOf } from '../services/municipality-coordinator';
import { MUNICIPALITY_ID_PATTERN } from '@kommunenett/reference-data';
import { Municipality } from '../entities/municipality.entity';
import { Organization } from '../entities/organization.entity';
import { Country, MunicipalityKind, MunicipalitySizeClass } from '../entities/enums';
import { PopulationFigure } from '../entities/population.entity';
import { sizeClassOf } from '@kommunenett/reference-data';
import { LocalDateResolver } from 'graphql-scalars';
import { confirmedNetworkPagesByMunicipality, municipalityById, organizationById, peoplePagesByOrganization, populationsByMunicipality } from '../loaders';
import { Person } from '../entities/person.entity';
import { Registration } from '../entities/registration.entity';
import { Network } from '../entities/references';
import { whereRegistrationShowsPerson } from '../services/person-visibility';
import { registrationPagesBy } from '../services/registration-queries';
import { NetworkRegistrationFilter } from './network-participation.resolver';
import { networkRef } from './registration.resolver';
import { PersonConnection, RegistrationConnection } from './types';

export const MunicipalityConnection = ConnectionType(Municipality, 'Municipality');
/** Named after the field: NetworkConnection is the networks service's. */
const MunicipalityNetworkConnection = ConnectionType(Network, 'MunicipalityNetwork');

@ArgsType()
class MunicipalitiesArgs extends ConnectionArgs {
  @Field(() => Country, { nullable: true, description: 'Only this country’s.' }) country?: Country;
  @Field({ nullable: true, description: 'Two-digit county code (fylke, län).' }) countyCode?: string;
  @Field(() => MunicipalityKind, { nullable: true, description: 'Only municipalities, or only county authorities.' }) kind?: MunicipalityKind;
  @Field({ nullable: true, description: 'Name search without regard to case and diacritics: "baerum" finds Bærum.' }) search?: string;
}

/** Checks the form of a municipality id (NO-0301, SE-0180, NO-32) before any query. */
export function requireMunicipalityId(id: string, field: string): string {
  if (!MUNICIPALITY_ID_PATTERN.test(id)) throw badInput(`${field} must look like NO-0301, SE-0180 or NO-32.`, field);
  return id;
}

@Resolver(() => Municipality)
export class MunicipalityResolver {
  @Query(() => MunicipalityConnection, { description: 'The directory of municipalities and county authorities, ordered by id.' })
  municipalities(@Args() args: MunicipalitiesArgs, @Ctx() ctx: RequestContext) {
    const qb = ctx.ds.getRepository(Municipality).createQueryBuilder('m');
    if (args.country) qb.andWhere('m.country = :country', { country: args.country });
    if (args.countyCode) {
      if (!/^\d{2}$/.test(args.countyCode)) throw badInput('countyCode must be two digits.', 'countyCode');
      qb.andWhere('m.county_code = :county', { county: args.countyCode });
    }
    if (args.kind) qb.andWhere('m.kind = :kind', { kind: args.kind });
    if (args.search !== undefined) {
      const q = foldForSearch(args.search);
      if (q.length === 0 || q.length > 100) throw badInput('search must be 1 to 100 characters.', 'search');
      qb.andWhere("m.search_name LIKE :q ESCAPE '\\'", { q: `%${escapeLike(q)}%` });
    }
    return keysetPage(qb, [{ sql: 'm.id', value: (m) => m.id }], args);
  }

  @Query(() => Municipality, { nullable: true, description: 'A municipality or county authority by id, e.g. NO-0301. Anyone may read it.' })
  municipality(@Arg('id', () => ID, { description: 'Country and official code, e.g. NO-0301, SE-0180, NO-32.' }) id: string, @Ctx() ctx: RequestContext) {
    return municipalityById(ctx).load(requireMunicipalityId(id, 'id'));
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The person who receives copies of the messages about the municipality’s registrations (setMunicipalityCoordinator); null: nobody. ADMIN and the municipality’s COORDINATOR only; FORBIDDEN otherwise.' })
  coordinatorPersonId(@Root() municipality: Municipality, @Ctx() ctx: RequestContext) {
    return coordinatorOf(ctx, municipality.id);
  }

  @FieldResolver(() => RegistrationConnection, { description: 'The municipality’s registrations you may see, in registration order.' })
  registrations(@Root() m: Municipality, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs,
    @Arg('filter', () => NetworkRegistrationFilter, { nullable: true, description: 'Conditions the registrations must meet.' }) filter?: NetworkRegistrationFilter,
    @Info() info?: GraphQLResolveInfo) {
    return registrationPagesBy(ctx, 'municipality_id', { status: filter?.status }, page, info).load(m.id);
  }

  @FieldResolver(() => PersonConnection, { description: 'People the municipality registered whose registrations show them to you (the person-visibility rule), by name.' })
  participants(@Root() m: Municipality, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    const registered = whereRegistrationShowsPerson(ctx.ds.getRepository(Registration).createQueryBuilder('r').select('r.person_id'), ctx.viewer)
      .andWhere('r.municipality_id = :municipality', { municipality: m.id });
    const qb = ctx.ds.getRepository(Person).createQueryBuilder('p').where(`p.id IN (${registered.getQuery()})`).setParameters(registered.getParameters());
    return keysetPage(qb, [{ sql: 'p.name', value: (p) => p.name }, { sql: 'p.id', value: (p) => p.id }], page);
  }

  @FieldResolver(() => MunicipalityNetworkConnection, { description: 'Networks the municipality has a confirmed registration in, in order of id, a page at a time.' })
  async networks(@Root() m: Municipality, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    return mapNodes(await confirmedNetworkPagesByMunicipality(ctx, page).load(m.id), (r) => networkRef(r.networkId));
  }

  @FieldResolver(() => [PopulationFigure], { description: 'Population as a time series, oldest year first: one figure per year (bounded by the years counted), each with its day and source.' })
  populations(@Root() m: Municipality, @Ctx() ctx: RequestContext) {
    return populationsByMunicipality(ctx).load(m.id);
  }

  @FieldResolver(() => LocalDateResolver, { nullable: true, description: 'The day the latest population figure counts (Norway: SSB, 1 January 2024; Sweden: SCB, 31 December 2024).' })
  async populationAsOf(@Root() m: Municipality, @Ctx() ctx: RequestContext) {
    return (await populationsByMunicipality(ctx).load(m.id)).at(-1)?.asOf ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who counted the latest population figure (statistics office and table).' })
  async populationSource(@Root() m: Municipality, @Ctx() ctx: RequestContext) {
    return (await populationsByMunicipality(ctx).load(m.id)).at(-1)?.source ?? null;
  }

  @FieldResolver(() => MunicipalitySizeClass, { nullable: true, description: 'Size class by the latest population (docs/reports.md); null when the population is unknown.' })
  sizeClass(@Root() m: Municipality) {
    return sizeClassOf(m.population);
  }

  @FieldResolver(() => Municipality, { nullable: true, description: 'The county authority of the county the municipality lies in.' })
  county(@Root() m: Municipality, @Ctx() ctx: RequestContext) {
    return m.kind === MunicipalityKind.COUNTY ? null : municipalityById(ctx).load(`${m.country}-${m.countyCode}`);
  }
}

@InputType({ description: 'How an organization’s messages are signed; only the fields given change, null or empty clears.' })
class OrganizationMailSettingsInput {
  @Field(() => ID, { description: 'The organization, e.g. "ks".' }) organizationId: string;
  @Field(() => String, { nullable: true, description: 'Sender name, e.g. «KS Læring»; cleared: the organization’s name.' }) senderName?: string | null;
  @Field(() => String, { nullable: true, description: 'Reply-to address.' }) replyTo?: string | null;
}

const OrganizationPayload = Payload(Organization, 'organization');

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => PersonConnection, { description: 'People employed by the organization (facilitators, contacts), by name, a page at a time; signed-in users only (empty for anonymous callers).' })
  people(@Root() org: Organization, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    return peoplePagesByOrganization(ctx, page).load(org.id);
  }

  @Query(() => [Organization], { description: 'Organizations, ordered by name.' })
  organizations(@Ctx() ctx: RequestContext) {
    return ctx.ds.getRepository(Organization).find({ order: { name: 'ASC' } });
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => OrganizationPayload, { description: 'Sets the sender name and reply-to address of the messages of the networks the organization hosts (first host). ADMIN, or ORG_ADMIN of that organization.' })
  async updateOrganizationMailSettings(@Arg('input', () => OrganizationMailSettingsInput, { description: 'The organization and its sender name and reply-to address.' }) input: OrganizationMailSettingsInput, @Ctx() ctx: RequestContext) {
    return payload('organization', await updateOrganizationMailSettings(ctx, input));
  }

  @Query(() => Organization, { nullable: true, description: 'An organization by id, e.g. "ks". Anyone may read it.' })
  organization(@Arg('id', () => ID, { description: 'The organization’s id, e.g. "ks".' }) id: string, @Ctx() ctx: RequestContext) {
    if (!/^[a-z0-9-]{1,64}$/.test(id)) throw badInput('id is not a valid organization id.', 'id');
    return organizationById(ctx).load(id);
  }
}
