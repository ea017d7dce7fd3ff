import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { LocalDateResolver } from 'graphql-scalars';
import { PositionRole } from './enums';

/** One position a person held: how a programme follows its participants' careers over years. */
@ObjectType({ description: 'A position a person held: role and employer over a period (e.g. became chief executive in 2009).' })
@Entity({ name: 'position' })
@Index(['personId', 'validFrom'])
@Index(['personId', 'role', 'validFrom'])
export class Position {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'person_id' }) personId: string;
  @Field({ description: 'The title as the person or their employer words it, e.g. «kommunalsjef for oppvekst».' }) @Column('text') title: string;
  @Field(() => PositionRole, { description: 'What the position is, in the vocabulary outcomes are counted in; given when recorded, else derived from the title.' })
  @Column('text', { default: PositionRole.OTHER }) role: PositionRole;
  @Column('text', { name: 'employer_municipality_id', nullable: true }) employerMunicipalityId: string | null;
  @Column('text', { name: 'employer_organization_id', nullable: true }) employerOrganizationId: string | null;
  @Field(() => LocalDateResolver, { description: 'First day the person held the position.' }) @Column('date', { name: 'valid_from' }) validFrom: string;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Null while the person still holds it.' }) @Column('date', { name: 'valid_to', nullable: true }) validTo: string | null;
}
