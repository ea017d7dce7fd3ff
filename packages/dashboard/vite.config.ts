import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

/**
 * Served by the gateway under /dashboard/ (same origin as /graphql, so no CORS is needed). The
 * build carries the persisted query manifest of its operations: the gateway serving this build
 * loads it, so the hashes the app sends are known from the first request.
 */
export default defineConfig({
  base: '/dashboard/',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  plugins: [{
    name: 'persisted-query-manifest',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'persisted-queries.json', source: readFileSync(new URL('src/generated/persisted-queries.json', import.meta.url), 'utf8') });
    },
  }],
});
