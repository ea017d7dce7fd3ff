import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A person: all personal data of the platform lives in this table and nowhere else. */
@ObjectType({ description: 'A person taking part in or running networks. Contact data is visible to a few roles only.' })
@Directive('@key(fields: "id")')
@Entity({ name: 'person' })
export class Person {
  @Field(() => ID) @PrimaryColumn('uuid') id: string;
  @Field() @Column('text') name: string;
  /** Unique: persons are deduplicated by email (lower-cased). */
  @Index({ unique: true }) @Column('text', { nullable: true }) email: string | null;
  @Column('text', { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true, description: 'Title or role, e.g. kommunalsjef, controller.' }) @Column('text', { nullable: true }) title: string | null;
  @Column('text', { name: 'employer_municipality_id', nullable: true }) employerMunicipalityId: string | null;
  @Column('text', { name: 'employer_organization_id', nullable: true }) employerOrganizationId: string | null;
  @Column('text', { nullable: true }) gender: string | null;
  @Field() @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
