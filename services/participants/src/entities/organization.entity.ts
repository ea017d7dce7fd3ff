import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Country, OrganizationKind } from './enums';

@ObjectType({ description: 'An organization that runs, funds or takes part in networks: KS, SKR, TI Norge, a ministry, a union.' })
@Directive('@key(fields: "id")')
@Entity({ name: 'organization' })
export class Organization {
  @Field(() => ID, { description: 'Stable short identifier, e.g. "ks", "skr", "ti-norge"; used in tokens (--org) and never changes.' }) @PrimaryColumn('text') id: string;
  @Field({ description: 'Full name, e.g. "KS – Kommunesektorens organisasjon".' }) @Column('text') name: string;
  @Field({ description: 'Short name, e.g. "KS".' }) @Column('text', { name: 'short_name' }) shortName: string;
  @Field(() => Country, { description: 'Country the organization belongs to.' }) @Column('text') country: Country;
  @Field(() => OrganizationKind, { description: 'Association, NGO, ministry, union or other.' }) @Column('text') kind: OrganizationKind;
  @Field(() => [String], { description: 'Earlier names, e.g. SKL for SKR, KRD for KDD.' })
  @Column('text', { array: true, name: 'former_names', default: () => "'{}'" }) formerNames: string[];
}
