import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Population as a time series: one figure per municipality (or county authority) and year, with its day and source. */
export class Population1735100000000 implements MigrationInterface {
  name = 'Population1735100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE participants.municipality_population (
        municipality_id text NOT NULL REFERENCES participants.municipality(id),
        year int NOT NULL,
        population int NOT NULL CHECK (population >= 0),
        as_of date NOT NULL,
        source text NOT NULL,
        PRIMARY KEY (municipality_id, year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE participants.municipality_population');
  }
}
