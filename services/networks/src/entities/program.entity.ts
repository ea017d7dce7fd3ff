import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Language, ProgramStatus } from './enums';

@ObjectType({ description: 'A programme of learning networks, e.g. «Åpenhet, integritet og antikorrupsjonsarbeid i kommunesektoren».' })
@Directive('@key(fields: "id")')
@Entity({ name: 'program' })
export class Program {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Field({ description: 'Name in the programme’s language.' }) @Column('text') name: string;
  @Field(() => String, { nullable: true, description: 'What the programme is for.' }) @Column('text', { nullable: true }) description: string | null;
  @Field(() => Language, { description: 'Language of name and description.' }) @Column('text') language: Language;
  @Field(() => ProgramStatus, { description: 'Where the programme stands in time.' }) @Column('text') status: ProgramStatus;
  @Column('text', { array: true, name: 'owner_ids' }) ownerIds: string[];
  @Column('text', { array: true, name: 'partner_ids', default: () => "'{}'" }) partnerIds: string[];
  @Column('text', { name: 'funder_id', nullable: true }) funderId: string | null;
  @Field(() => [String], { description: 'Themes of the programme, e.g. «åpenhet», «integritet».' }) @Column('text', { array: true, default: () => "'{}'" }) themes: string[];
  /** People who signed the programme's invitation, in the order they signed (000: KS and TI Norge). */
  @Column('uuid', { array: true, name: 'signatory_person_ids', default: () => "'{}'" }) signatoryPersonIds: string[];
  @Field(() => String, { nullable: true, description: 'First month of the programme, YYYY-MM.' }) @Column('text', { name: 'period_start', nullable: true }) periodStart: string | null;
  @Field(() => String, { nullable: true, description: 'Last month of the programme, YYYY-MM.' }) @Column('text', { name: 'period_end', nullable: true }) periodEnd: string | null;
  @Field(() => Int, { description: 'Increases with every change; pass it as expectedVersion when updating.' }) @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
