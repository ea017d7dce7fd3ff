import { buildClientSchema, getIntrospectionQuery, Kind, parse, print, validate, type DocumentNode, type GraphQLSchema, type IntrospectionQuery, type OperationDefinitionNode } from 'graphql';
import { startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { captureFrom, documentationFiles, graphqlBlocks, variablesOf, type DocBlock } from './doc-blocks';

/**
 * Every ```graphql block of README.md and docs/*.md, as printed: it parses, every operation in it has
 * a name, it validates against the gateway's API schema, and (unless it says `# run: validate-only`
 * with a reason) each of its operations runs through the gateway, as the role of its `# token:` line,
 * against the demo data, without errors and with every `userErrors` list empty. The blocks of a page
 * run in order, on one stack: a block's `# capture:` lines keep values of its answers for the later
 * blocks of the page. The convention is described in docs/development.md.
 */
const blocks: DocBlock[] = documentationFiles().flatMap((file) => graphqlBlocks(file));

const validateOnly = (block: DocBlock): boolean => /^#\s*run:\s*validate-only\b/m.test(block.text);

/** Values captured by the blocks run so far, per page. */
const capturedByPage = new Map<string, Map<string, unknown>>();

/** Every entry of every `userErrors` list in an answer. */
function userErrorsIn(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(userErrorsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => (key === 'userErrors' && Array.isArray(v) ? v : userErrorsIn(v)));
}

let stack: TestStack;
let schema: GraphQLSchema;
beforeAll(async () => {
  stack = await startTestStack();
  const res = await stack.graphql<IntrospectionQuery>(getIntrospectionQuery());
  expect(res.body.errors).toBeUndefined();
  schema = buildClientSchema(res.body.data!);
});
afterAll(async () => { await stack?.stop(); });

it('finds the documentation blocks', () => {
  expect(blocks.length).toBeGreaterThan(30);
  expect([...new Set(blocks.map((b) => b.where.split(':')[0]))]).toEqual(expect.arrayContaining(['README.md', 'docs/handbook.md',
    'docs/networks.md', 'docs/notifications.md', 'docs/participants.md', 'docs/reports.md']));
});

describe.each(blocks.map((b) => [b.where, b] as const))('%s', (_where, block) => {
  const document: DocumentNode | null = (() => { try { return parse(block.text); } catch { return null; } })();
  const operations = (): OperationDefinitionNode[] =>
    document!.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

  it('parses, names every operation and validates against the API schema', () => {
    parse(block.text);
    expect(operations().filter((o) => !o.name).map((o) => o.loc?.startToken.line)).toEqual([]);
    expect(validate(schema, document!).map((e) => e.message)).toEqual([]);
  });

  if (validateOnly(block)) {
    it('gives the reason it is only validated', () => {
      expect(block.text).toMatch(/^#\s*run:\s*validate-only \(\w[^)]+\)$/m);
    });
    return;
  }

  it('runs every operation without errors and captures what later blocks use', async () => {
    expect(document).not.toBeNull();
    const page = block.where.split(':')[0];
    const captured = capturedByPage.get(page) ?? new Map<string, unknown>();
    capturedByPage.set(page, captured);
    const token = block.role ? await stack.token(block.role, block.claims) : undefined;
    const pending = [...block.captures];
    for (const operation of operations()) {
      const name = operation.name?.value ?? null;
      const names = operation.variableDefinitions?.map((v) => v.variable.name.value) ?? [];
      const used = variablesOf(block, name, captured, names);
      // One operation at a time, as a reader would send it (with the block's fragments, if any).
      const alone = print({ ...document!, definitions: [operation, ...document!.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] });
      const res = await stack.graphql(alone, { token, variables: used });
      expect({ operation: name, errors: res.body.errors, userErrors: userErrorsIn(res.body.data) })
        .toEqual({ operation: name, errors: undefined, userErrors: [] });
      for (const capture of [...pending]) {
        if (capture.operation !== null && capture.operation !== name) continue;
        const value = captureFrom(res.body, capture);
        if (value === undefined) continue;
        captured.set(capture.name, value);
        pending.splice(pending.indexOf(capture), 1);
      }
    }
    expect(pending.map((c) => `${c.name} = ${c.operation ? `${c.operation}.` : ''}${c.path.join('.')}`)).toEqual([]);
  });
});