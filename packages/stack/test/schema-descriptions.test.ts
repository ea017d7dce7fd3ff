import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type ConstDirectiveNode, type DefinitionNode, type StringValueNode } from 'graphql';
import { composeSupergraph, SUBGRAPHS } from '@kommunenett/stack';

// Every element a client of the API sees carries a description: types, fields, arguments, input
// fields and enum values of infra/supergraph.graphql. Federation machinery (join__/link__ types,
// directive definitions) and @inaccessible elements are not part of the API schema.
const SUPERGRAPH = readFileSync(join(__dirname, '../../../infra/supergraph.graphql'), 'utf8');

interface Element { description?: StringValueNode; directives?: readonly ConstDirectiveNode[] }

const hidden = (e: Element) => (e.directives ?? []).some((d) => d.name.value === 'inaccessible');
const machinery = (name: string) => /^(join__|link__)/.test(name);

function undescribedElements(sdl: string): string[] {
  const missing: string[] = [];
  const check = (path: string, e: Element) => {
    if (!e.description?.value.trim()) missing.push(path);
  };
  for (const def of parse(sdl).definitions as DefinitionNode[]) {
    if (!('name' in def) || !def.name || def.kind === 'DirectiveDefinition') continue;
    const type = def.name.value;
    if (machinery(type) || hidden(def as Element)) continue;
    check(type, def as Element);
    if (def.kind === 'ObjectTypeDefinition' || def.kind === 'InterfaceTypeDefinition' || def.kind === 'InputObjectTypeDefinition') {
      for (const field of def.fields ?? []) {
        if (hidden(field)) continue;
        check(`${type}.${field.name.value}`, field);
        if ('arguments' in field) {
          for (const arg of field.arguments ?? []) if (!hidden(arg)) check(`${type}.${field.name.value}(${arg.name.value})`, arg);
        }
      }
    }
    if (def.kind === 'EnumTypeDefinition') {
      for (const value of def.values ?? []) if (!hidden(value)) check(`${type}.${value.name.value}`, value);
    }
  }
  return missing;
}

describe('the API schema documents itself', () => {
  it('finds an undescribed element (the checker itself)', () => {
    expect(undescribedElements('"""A thing."""\ntype Thing { """Its id.""" id: ID! name(lang: String): String }\nenum E { A }'))
      .toEqual(['Thing.name', 'Thing.name(lang)', 'E', 'E.A']);
  });

  it('every type, field, argument, input field and enum value of infra/supergraph.graphql has a description', () => {
    expect(undescribedElements(SUPERGRAPH)).toEqual([]);
  });

  // An entity's key field is declared by every subgraph that extends the entity; composition keeps
  // the one description given (the owning service's) and hints when two subgraphs disagree.
  it('no element is described differently by two subgraphs', async () => {
    const { hints } = await composeSupergraph(SUBGRAPHS);
    expect(hints.filter((hint) => hint.code === 'INCONSISTENT_DESCRIPTION').map((hint) => hint.message)).toEqual([]);
  });
});
