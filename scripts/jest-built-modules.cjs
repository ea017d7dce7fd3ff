/**
 * A jest transform for the workspace's own modules (gateway, services, packages): each becomes the
 * module the build made of it (src/x.ts → dist/x.js), loaded with Node's own `require` instead of
 * jest's. Node keeps one copy per process, so the graph a test stack boots (four services, the
 * gateway, the database code: about 1.3 s of loading and 0.5 s of schema building) is loaded and
 * built once per jest worker instead of once per test file; a test and the stack it starts share
 * the same classes (typeorm entities, errors). Test files themselves run as jest compiles them.
 * The build is brought up to date before the run (jest-build.cjs). What this rules out: mocking
 * our modules with jest.mock (no test does), and state kept at module level that belongs to one
 * running service (such state is kept per data source: `perService` in the subgraph kit).
 */
const { createHash } = require('node:crypto');
const { existsSync } = require('node:fs');

/** The built file of a source file: <package>/src/<path>.ts → <package>/dist/<path>.js. */
function builtPath(filename) {
  return filename.replace(/\/src\/(.*)\.ts$/, '/dist/$1.js');
}

module.exports = {
  process(_source, filename) {
    const built = builtPath(filename);
    if (!existsSync(built)) throw new Error(`${built} is missing: the tests run the built modules (pnpm run build).`);
    return { code: `module.exports = __kommunenettLoadBuilt(${JSON.stringify(built)});` };
  },
  getCacheKey(_source, filename) {
    return createHash('sha1').update(`built-modules-3\0${filename}`).digest('hex');
  },
};
