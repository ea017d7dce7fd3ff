import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * What each long-running process loads at start, read from the sources' static imports (`import
 * type` and `import()` load nothing at start). The gateway takes the kit's light entry point and
 * no ORM, schema builder or embedded database; a subgraph loads PGlite only when it starts an
 * embedded database, and participants load the Excel writer and the mail parser only when an
 * export or the development mailbox asks for them. Each of these is resident memory a process
 * would otherwise hold for its whole life (docs/performance.md, "Round three").
 */
const ROOT = join(__dirname, '../../..');

/** A workspace package's source file for an import specifier, or null for a package from the registry. */
function workspaceSource(specifier: string): string | null {
  const m = /^@kommunenett\/([^/]+)(?:\/(.+))?$/.exec(specifier);
  if (!m) return null;
  const [, name, sub] = m;
  const dir = ['networks', 'participants', 'reports', 'handbook'].includes(name) ? join(ROOT, 'services', name) : name === 'gateway' ? join(ROOT, 'gateway') : join(ROOT, 'packages', name);
  return join(dir, 'src', `${sub ?? 'index'}.ts`);
}

function relativeSource(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  throw new Error(`cannot resolve ${specifier} from ${from}`);
}

/** Registry packages a source file loads at start, through every workspace file it loads. */
function packagesLoadedBy(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    // Value imports and re-exports, side-effect imports; not `import type`/`export type`.
    const statements = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm;
    for (const [, specifier] of source.matchAll(statements)) {
      if (specifier.startsWith('node:')) continue;
      if (specifier.startsWith('.')) visit(relativeSource(file, specifier));
      else if (workspaceSource(specifier)) visit(workspaceSource(specifier)!);
      else packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
    }
  };
  visit(entry);
  return packages;
}

describe('what each process loads at start', () => {
  it('the gateway: Apollo Gateway and the kit’s light entry point, no ORM, schema builder or embedded database', () => {
    const loaded = packagesLoadedBy(join(ROOT, 'gateway/src/main.ts'));
    expect(loaded).toContain('@apollo/gateway');
    for (const heavy of ['typeorm', 'type-graphql', 'pg', '@electric-sql/pglite', '@apollo/subgraph']) expect(loaded).not.toContain(heavy);
  });

  it.each(['networks', 'participants', 'reports', 'handbook'])('the %s subgraph: its ORM and schema builder, and PGlite only when it starts a database', (service) => {
    const loaded = packagesLoadedBy(join(ROOT, 'services', service, 'src/main.ts'));
    expect(loaded).toContain('typeorm');
    expect(loaded).toContain('type-graphql');
    for (const late of ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'exceljs', 'mailparser']) expect(loaded).not.toContain(late);
  });

  it('the participants subgraph still loads what its mail delivery needs at start', () => {
    const loaded = packagesLoadedBy(join(ROOT, 'services/participants/src/main.ts'));
    expect(loaded).toContain('nodemailer');
  });
});
