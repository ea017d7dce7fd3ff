import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph, SUBGRAPHS } from '@kommunenett/stack';

const ROOT = join(__dirname, '../../..');

describe('committed schemas', () => {
  let composed: Awaited<ReturnType<typeof composeSupergraph>>;
  beforeAll(async () => { composed = await composeSupergraph(SUBGRAPHS); });

  it('compose without errors', () => {
    expect(composed.supergraphSdl).toContain('@join__graph(name: "networks"');
  });

  it.each(SUBGRAPHS.map((s) => s.name))('services/%s/schema.graphql matches the code (run pnpm build && pnpm compose)', (name) => {
    expect(readFileSync(join(ROOT, 'services', name, 'schema.graphql'), 'utf8')).toBe(composed.subgraphSdls[name]);
  });

  it('infra/supergraph.graphql matches the code (run pnpm build && pnpm compose)', () => {
    expect(readFileSync(join(ROOT, 'infra', 'supergraph.graphql'), 'utf8')).toBe(composed.supergraphSdl);
  });

  it('uses no Router-only directive that @apollo/gateway refuses', () => {
    expect(composed.supergraphSdl).not.toMatch(/@(authenticated|requiresScopes|policy)\b/);
  });
});
