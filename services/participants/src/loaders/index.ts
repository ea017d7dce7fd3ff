import { In } from 'typeorm';
import { loaderByGroup, loaderById, type RequestContext } from '@kommunenett/subgraph-kit';
import { Municipality } from '../entities/municipality.entity';
import { Organization } from '../entities/organization.entity';
import { Person } from '../entities/person.entity';
import { Registration } from '../entities/registration.entity';
import { RegistrationStatus } from '../entities/enums';

export const municipalityById = (ctx: RequestContext) =>
  loaderById(ctx, 'municipalityById', (ids) => ctx.ds.getRepository(Municipality).findBy({ id: In([...ids]) }));

export const organizationById = (ctx: RequestContext) =>
  loaderById(ctx, 'organizationById', (ids) => ctx.ds.getRepository(Organization).findBy({ id: In([...ids]) }));

export const personById = (ctx: RequestContext) =>
  loaderById(ctx, 'personById', (ids) => ctx.ds.getRepository(Person).findBy({ id: In([...ids]) }));

/** Confirmed registrations of each network: the base of counts and participating municipalities. */
export const confirmedRegistrationsByNetwork = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'confirmedRegistrationsByNetwork', (networkIds) =>
    ctx.ds.getRepository(Registration).findBy({ networkId: In([...networkIds]), status: RegistrationStatus.CONFIRMED }), (r) => r.networkId);
