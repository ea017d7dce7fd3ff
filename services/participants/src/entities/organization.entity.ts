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
  @Field(() => String, { nullable: true, description: 'The sender name of the messages of the networks it hosts first (the address is the platform’s); null: its name.' })
  @Column('text', { name: 'mail_sender_name', nullable: true }) mailSenderName: string | null;
  @Field(() => String, { nullable: true, description: 'Where answers to those messages go; null: no reply-to.' })
  @Column('text', { name: 'mail_reply_to', nullable: true }) mailReplyTo: string | null;
}
