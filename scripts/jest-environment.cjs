/**
 * jest's Node environment, with one addition: `__kommunenettLoadBuilt(path)`, Node's own `require` for the
 * built modules of the workspace (see jest-built-modules.cjs). jest answers every other way a test
 * file could reach a require (`require('node:module').createRequire`, `process.getBuiltinModule`)
 * with its own, which loads a module afresh for each test file.
 */
const { TestEnvironment } = require('jest-environment-node');

class BuiltModulesEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.defineProperty(this.global, '__kommunenettLoadBuilt', { value: (path) => require(path) });
  }
}

module.exports = BuiltModulesEnvironment;
