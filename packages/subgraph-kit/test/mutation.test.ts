import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import pino from 'pino';
import { ANONYMOUS } from '@kommunenett/auth';
import { createServiceDataSource, createTestDatabase } from '@kommunenett/db';
import { forbidden, inputSchemas, LoaderRegistry, refuse, runMutation, subgraphConfigFromEnv, USER_ERROR_CODES, type ChangeEvents, type RequestContext } from '../src';

/**
 * The mutation runner on a real database (the embedded one, or a fresh database on the server of
 * DATABASE_URL): what it does with a refusal, a constraint violation and the change events.
 */
let ds: DataSource;
let stop: () => Promise<void>;
let ctx: RequestContext;

beforeAll(async () => {
  const database = await createTestDatabase(process.env.DATABASE_URL);
  const url = database.url;
  stop = () => database.drop();
  // Through the db package, like a service's: the kit maps typeorm's errors by their class, and
  // the tests load typeorm as the kit does (jest-built-modules.cjs).
  ds = createServiceDataSource({ service: 'kit', url, entities: [], migrations: [], poolSize: 2, log: pino({ level: 'silent' }) });
  await ds.initialize();
  await ds.query(`CREATE SCHEMA kit;
    CREATE TABLE kit.parent (id uuid PRIMARY KEY, name text NOT NULL CONSTRAINT parent_name_key UNIQUE);
    CREATE TABLE kit.child (id uuid PRIMARY KEY, parent_id uuid NOT NULL REFERENCES kit.parent (id));
    CREATE TABLE kit.event (id serial PRIMARY KEY, what text NOT NULL)`);
  const config = subgraphConfigFromEnv('networks', undefined, { DATABASE_URL: url, INTERNAL_AUTH_SECRET: 'x'.repeat(32) });
  ctx = { service: 'kit', viewer: ANONYMOUS, requestId: 'test', log: pino({ level: 'silent' }), ds, loaders: new LoaderRegistry(), config };
});
afterAll(async () => {
  await ds?.destroy();
  await stop?.();
});

const schema = z.object({ id: inputSchemas.id, name: inputSchemas.requiredText(20), parentId: inputSchemas.id.nullish() });
const count = async (table: string) => Number((await ds.query(`SELECT count(*)::int AS n FROM kit.${table}`))[0].n);
const insertParent = (m: EntityManager, id: string, name: string) => m.query('INSERT INTO kit.parent (id, name) VALUES ($1, $2)', [id, name]);
const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];

class Log implements ChangeEvents {
  readonly pending: string[] = [];
  async flush(m: EntityManager) {
    for (const what of this.pending) await m.query('INSERT INTO kit.event (what) VALUES ($1)', [what]);
  }
}

describe('runMutation', () => {
  it('refuses malformed input with one user error per rule and a path inside input, before opening a transaction', async () => {
    let ran = false;
    const outcome = await runMutation(ctx, { input: { id: 'nope', name: '' }, schema }, async () => { ran = true; });
    expect(ran).toBe(false);
    expect(outcome).toEqual({ value: null, userErrors: [
      { field: ['input', 'id'], message: 'Not a valid id.', code: 'INVALID_ID' },
      { field: ['input', 'name'], message: 'Must not be empty.', code: 'TOO_SHORT' },
    ] });
  });

  it('commits the rule and its change events together', async () => {
    const events = new Log();
    const outcome = await runMutation(ctx, { input: { id: ids[0], name: 'first' }, schema, events }, async (value, m) => {
      await insertParent(m, value.id, value.name);
      events.pending.push(`created ${value.name}`);
      return value.id;
    });
    expect(outcome).toEqual({ value: ids[0], userErrors: [] });
    expect(await count('parent')).toBe(1);
    expect(await ds.query('SELECT what FROM kit.event')).toEqual([{ what: 'created first' }]);
  });

  it('rolls back everything written before a refusal thrown deep inside the rule, change events included', async () => {
    const events = new Log();
    const deepCheck = (name: string) => {
      if (name === 'second') refuse('name', 'Not this one.', 'INVALID');
    };
    const outcome = await runMutation(ctx, { input: { id: ids[1], name: 'second' }, schema, events }, async (value, m) => {
      await insertParent(m, value.id, value.name);
      events.pending.push('created second');
      deepCheck(value.name);
    });
    expect(outcome.userErrors).toEqual([{ field: ['input', 'name'], message: 'Not this one.', code: 'INVALID' }]);
    expect(await count('parent')).toBe(1);
    expect(await count('event')).toBe(1);
  });

  it('maps a unique violation to the code its constraint is given, or CONFLICT, and changes nothing', async () => {
    const duplicate = (constraints?: Parameters<typeof runMutation>[1]['constraints']) => runMutation(ctx, { input: { id: ids[1], name: 'first' }, schema, constraints }, async (value, m) => {
      await m.query('INSERT INTO kit.child (id, parent_id) VALUES ($1, $2)', [ids[2], ids[0]]);
      await insertParent(m, value.id, value.name);
    });
    expect((await duplicate({ parent_name_key: { field: 'name', code: 'DUPLICATE', message: 'The name is taken.' } })).userErrors)
      .toEqual([{ field: ['input', 'name'], message: 'The name is taken.', code: 'DUPLICATE' }]);
    expect((await duplicate()).userErrors.map((e) => e.code)).toEqual(['CONFLICT']);
    expect(await count('parent')).toBe(1);
    expect(await count('child')).toBe(0);
  });

  it('maps a foreign-key violation to NOT_FOUND', async () => {
    const outcome = await runMutation(ctx, { input: { id: ids[2], name: 'child', parentId: ids[1] }, schema }, async (value, m) => {
      await m.query('INSERT INTO kit.child (id, parent_id) VALUES ($1, $2)', [value.id, value.parentId]);
    });
    expect(outcome.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    expect(await count('child')).toBe(0);
  });

  it('lets authorization errors and unexpected errors through as errors, after rolling back', async () => {
    await expect(runMutation(ctx, { input: { id: ids[1], name: 'x' }, schema }, async (value, m) => {
      await insertParent(m, value.id, value.name);
      throw forbidden();
    })).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(runMutation(ctx, { input: { id: ids[1], name: 'x' }, schema }, async (value, m) => {
      await insertParent(m, value.id, value.name);
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(await count('parent')).toBe(1);
  });

  it('writes paths inside input once, whatever the caller passed', async () => {
    const nested = z.object({ input: z.object({ name: inputSchemas.requiredText(5) }) });
    const outcome = await runMutation(ctx, { input: { input: { name: 'far too long' } }, schema: nested }, async () => undefined);
    expect(outcome.userErrors[0].field).toEqual(['input', 'name']);
    expect(Object.keys(USER_ERROR_CODES)).toContain(outcome.userErrors[0].code);
  });
});
