/**
 * Builds the dashboard into dist/ only when its inputs changed, and replaces dist/ whole.
 *
 * `npm start` and `npm test` build everything first, and a test may run `npm start` while a
 * running gateway serves this dist/ to a browser: a plain `vite build` empties dist/ and writes
 * it again, so a page loading a chunk in that moment gets a 404. Here an unchanged build is not
 * rewritten at all (the stamp holds a hash of every input), and a changed one is built beside
 * dist/ and moved into place with renames, so a file is missing for microseconds at most.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const STAMP = '.build-stamp';

/** Every file under the given paths, in a fixed order. */
function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => files(join(path, name)));
}

/** A hash of the sources, the build's configuration and the installed dependencies' versions. */
function inputsHash() {
  const hash = createHash('sha256');
  const inputs = [...files(join(here, 'src')), ...['index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'].map((f) => join(here, f)), join(here, '../../pnpm-lock.yaml')];
  for (const file of inputs) hash.update(relative(here, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const hash = inputsHash();
const stampFile = join(dist, STAMP);
if (existsSync(join(dist, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) {
  console.log('dashboard: dist/ is up to date');
} else {
  const next = join(here, `dist.next-${process.pid}`);
  const old = join(here, `dist.old-${process.pid}`);
  try {
    await build({ root: here, configFile: join(here, 'vite.config.ts'), build: { outDir: next, emptyOutDir: true } });
    writeFileSync(join(next, STAMP), hash);
    if (existsSync(dist)) renameSync(dist, old);
    renameSync(next, dist);
  } finally {
    rmSync(next, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
}
