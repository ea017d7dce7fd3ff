import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a registration lets the role that made it see the person (the person-visibility rule,
 * docs/security.md): false when the registrar reused an existing person whose contact data they
 * could not see, so registering someone is never a way to their data.
 */
export class PersonVisibility1734000000000 implements MigrationInterface {
  name = 'PersonVisibility1734000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE participants.registration ADD COLUMN grants_registrar_access boolean NOT NULL DEFAULT true');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE participants.registration DROP COLUMN grants_registrar_access');
  }
}
