import fc from 'fast-check';
import {
  buildClientSchema, getIntrospectionQuery, getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isObjectType,
  type GraphQLField, type GraphQLInputType, type GraphQLObjectType, type GraphQLSchema, type IntrospectionQuery,
} from 'graphql';
import { DEMO } from '@kommunenett/reference-data';
import { startTestStack, type TestStack } from '@kommunenett/stack/testing';

/**
 * Every mutation of the API, driven through the gateway with generated inputs — any unicode,
 * control characters, the extremes of every scalar, ids that exist and ids that do not — by the
 * roles that may call them. Whatever the input, the answer is a result, a userError or a client
 * error with a code: never HTTP 500 nor INTERNAL_SERVER_ERROR. Fixed seed, bounded runs: the same
 * cases every time, a couple of minutes at most on a slow machine.
 */
const SEED = 20131301;
const RUNS_PER_MUTATION = 10;

let stack: TestStack;
let schema: GraphQLSchema;
let tokens: string[];
beforeAll(async () => {
  stack = await startTestStack();
  const introspection = await stack.graphql<IntrospectionQuery>(getIntrospectionQuery());
  schema = buildClientSchema(introspection.body.data!);
  tokens = await Promise.all([
    stack.token('ADMIN'),
    stack.token('ORG_ADMIN', { org: 'ks' }),
    stack.token('COORDINATOR', { municipality: 'NO-3024' }),
    stack.token('FACILITATOR', { networks: [DEMO.networks.antikorrupsjonA] }),
    stack.token('PARTNER', { org: 'ks', client_id: 'ks-medlemsregister', scope: 'registrations:read registrations:write webhooks:manage' }),
    stack.token('PARTICIPANT', { person: DEMO.people.baerumCoordinator }),
  ]);
}, 240_000);
afterAll(async () => { await stack?.stop(); });

/** Text a person (or an attacker) might send: any code point, control characters, and known troublemakers. */
const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\u0001', '\u0008', '\u001f', '\u007f', '\u200b', '\u202e', '\ud800', '\udfff', '\ufeff', '\uffff', '\n', '\t', '%', '_', '\\', '\'', '"'), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '😀👩‍👩‍👧', 'Ærlig Øvre Åsane', '\'; DROP TABLE participants.person; --', '%_%', 'x'.repeat(10_000), '<script>alert(1)</script>', 'ks', 'NO-0301', 'nb') },
);
const existingIds = [...Object.values(DEMO.networks), ...Object.values(DEMO.people), ...Object.values(DEMO.programs), ...Object.values(DEMO.sessions), ...DEMO.recommendations];
const id = fc.oneof(fc.constantFrom(...existingIds), fc.uuid(), text);
const int = fc.oneof(fc.constantFrom(-2147483648, -1, 0, 1, 100, 101, 2147483647), fc.integer());
const float = fc.oneof(fc.constantFrom(0, -0, 0.5, -1, 1e308, -1e308, 5e-324, 2 ** 53), fc.double({ noNaN: true, noDefaultInfinity: true }));
const localDate = fc.oneof(
  fc.constantFrom('2013-13-01', '2013-02-30', '2013-00-10', '0000-01-01', '0001-01-01', '9999-12-31', '99999-01-01', '2013-6-1', '2026-02-29', '2028-02-29'),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  text,
);
const dateTime = fc.oneof(
  fc.constantFrom('1970-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '+275760-09-13T00:00:00.000Z', '2013-03-31T02:30:00+01:00', '2013-13-01T00:00:00Z', '2013-06-18T25:00:00Z'),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
  text,
);

const SCALARS: Record<string, fc.Arbitrary<unknown>> = {
  String: text, ID: id, Int: int, Float: float, Boolean: fc.boolean(), LocalDate: localDate, DateTime: dateTime, JSON: fc.jsonValue({ maxDepth: 2 }),
};

/** A value of an input type: nullable positions are sometimes null or left out, lists short. */
function valueOf(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType as GraphQLInputType, depth);
  const inner = valueOfNamed(type, depth);
  return fc.option(inner, { freq: 6, nil: null });
}
function valueOfNamed(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isListType(type)) return fc.array(valueOf(type.ofType as GraphQLInputType, depth + 1), { maxLength: depth > 2 ? 1 : 4 });
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const required = Object.fromEntries(fields.filter((f) => isNonNullType(f.type)).map((f) => [f.name, valueOf(f.type, depth + 1)]));
    const optional = Object.fromEntries(fields.filter((f) => !isNonNullType(f.type) && depth < 4).map((f) => [f.name, valueOf(f.type, depth + 1)]));
    return fc.record({ ...required, ...optional }, { requiredKeys: Object.keys(required) });
  }
  return SCALARS[type.name] ?? text;
}

/** What to read back from a payload: its leaves and userErrors, one level into objects. */
function selectionOf(type: GraphQLObjectType, depth = 0): string {
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type))) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (isObjectType(named) && depth < 1) parts.push(`${field.name} { ${selectionOf(named, depth + 1)} }`);
  }
  return parts.join(' ');
}

function operationOf(field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isObjectType(named) ? ` { ${selectionOf(named)} }` : '';
  return `mutation${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

describe('every mutation, with generated inputs', () => {
  it('never answers 500 nor INTERNAL_SERVER_ERROR', async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThan(20);
    const failures: string[] = [];
    let requests = 0;
    for (const field of mutations) {
      const query = operationOf(field);
      const variables = fc.record(Object.fromEntries(field.args.map((a) => [a.name, valueOf(a.type)])));
      const run = await fc.check(fc.asyncProperty(variables, fc.nat(tokens.length - 1), async (vars, who) => {
        requests += 1;
        const res = await stack.graphql(query, { token: tokens[who], variables: vars as Record<string, unknown> });
        const internal = res.status >= 500 || (res.body.errors ?? []).some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
        if (internal) throw new Error(`${field.name}: HTTP ${res.status} ${JSON.stringify(res.body.errors)}`);
      }), { seed: SEED, numRuns: RUNS_PER_MUTATION, endOnFailure: true });
      if (run.failed) failures.push(`${run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance)}\n  input: ${JSON.stringify(run.counterexample?.[0]).slice(0, 600)}`);
    }
    expect(requests).toBeGreaterThanOrEqual(mutations.length * RUNS_PER_MUTATION);
    expect(failures).toEqual([]);
  }, 600_000);
});
