/**
 * Before a test run: the build brought up to date (`tsc -b`, incremental: about a second when
 * nothing changed), since the tests load the built modules (jest-built-modules.cjs). A type
 * error is printed and the run goes on: tsc still writes the code, and the tests say what it does.
 */
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = function buildBeforeTests() {
  const root = join(__dirname, '..');
  const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [root] }), '-b'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) process.stderr.write(`\ntsc -b reported errors; the tests run what it built:\n${result.stdout}${result.stderr}\n`);
};
