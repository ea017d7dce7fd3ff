import { entityStub } from '@kommunenett/subgraph-kit';

/*
 * Entities the participants service owns, referred to here by key only and returned from fields
 * with the kit's `entityRef`. Organization gets `hostedNetworks` from this service; Person and
 * Municipality are plain references.
 */

export const Organization = entityStub('Organization');
export type Organization = InstanceType<typeof Organization>;

export const Person = entityStub('Person', { resolvable: false });
export type Person = InstanceType<typeof Person>;

export const Municipality = entityStub('Municipality', { resolvable: false });
export type Municipality = InstanceType<typeof Municipality>;
