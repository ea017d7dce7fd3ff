import { buildClientSchema, getIntrospectionQuery, Kind, parse, print, validate, type DocumentNode, type GraphQLSchema, type IntrospectionQuery, type OperationDefinitionNode } from 'graphql';
import { startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { documentationFiles, graphqlBlocks, variablesOf, type DocBlock } from './doc-blocks';

/**
 * Every ```graphql block of README.md and docs/*.md, as printed: it parses, every operation in it has
 * a name, it validates against the gateway's API schema, and (unless it says `# run: validate-only`
 * with a reason) each of its operations runs through the gateway, as the role of its `# token:` line,
 * against the demo data, without errors. The convention is described in docs/development.md.
 */
const blocks: DocBlock[] = documentationFiles().flatMap((file) => graphqlBlocks(file));

const validateOnly = (block: DocBlock): boolean => /^#\s*run:\s*validate-only\b/m.test(block.text);

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

  it('runs every operation without errors', async () => {
    expect(document).not.toBeNull();
    const token = block.role ? await stack.token(block.role, block.claims) : undefined;
    const variables = variablesOf(block);
    for (const operation of operations()) {
      const used = Object.fromEntries(operation.variableDefinitions?.map((v) => [v.variable.name.value, variables[v.variable.name.value]]) ?? []);
      // One operation at a time, as a reader would send it (with the block's fragments, if any).
      const alone = print({ ...document!, definitions: [operation, ...document!.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] });
      const res = await stack.graphql(alone, { token, variables: used });
      expect({ operation: operation.name?.value, errors: res.body.errors }).toEqual({ operation: operation.name?.value, errors: undefined });
    }
  });
});
