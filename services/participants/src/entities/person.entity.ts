import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Gender } from './enums';

/**
 * A person: all personal data of the platform lives in this table and nowhere else. Contact
 * fields (email, phone) and gender are resolved in `PersonResolver`, behind the contact rule.
 */
@ObjectType({ description: 'A person taking part in or running networks. Contact data is visible to a few roles only.' })
@Directive('@key(fields: "id")')
@Entity({ name: 'person' })
export class Person {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Field({ description: 'Name; "Anonymisert" once the person is erased.' }) @Column('text') name: string;
  /** Unique: persons are deduplicated by email (stored lower-cased). */
  @Index({ unique: true }) @Column('text', { nullable: true }) email: string | null;
  @Column('text', { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true, description: 'Current title or role, e.g. kommunalsjef, controller.' }) @Column('text', { nullable: true }) title: string | null;
  @Column('text', { name: 'employer_municipality_id', nullable: true }) employerMunicipalityId: string | null;
  @Column('text', { name: 'employer_organization_id', nullable: true }) employerOrganizationId: string | null;
  @Column('text', { nullable: true }) gender: Gender | null;
  @Field(() => Date, { nullable: true, description: 'When the person’s personal data was erased; their registrations stay as anonymous rows.' })
  @Column('timestamptz', { name: 'erased_at', nullable: true }) erasedAt: Date | null;
  @Field(() => Int, { description: 'Increases with every change of the person; pass it as expectedVersion.' }) @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export const ERASED_NAME = 'Anonymisert';
