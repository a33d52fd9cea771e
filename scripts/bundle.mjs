// Bundles the CLI and parses the shipped catalog, for start-up speed (`npm run build` runs it
// after tsc): node loads a few
// files instead of ~190 modules (95 of them zod). One entry, src/cli/main.ts; each command's
// lazily imported module becomes its own chunk, and src/cli/worker.ts (simulate's threads) is a second entry, with what commands share in common chunks, so
// `cloudtco --version` still loads commander and nothing else. Chunks sit beside main.js, at the
// depth src/cli/main.ts has, so paths built from import.meta.url (package.json, pricing-data/)
// resolve the same from src/, dist/cli/ and dist/bundle/. Source maps are kept for stacks.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const outdir = fileURLToPath(new URL('../dist/bundle/', import.meta.url));
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: ['main', 'worker'].map((name) => fileURLToPath(new URL(`../src/cli/${name}.ts`, import.meta.url))),
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  minify: true,
  // no keepNames: it makes every closure call Object.defineProperty as it is made, which tripled
  // simulate's trial loop and slowed the engine by a tenth; source maps give stacks their names
  keepNames: false,
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
  // CommonJS dependencies (commander, cli-table3) require node built-ins; ESM has no `require`
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
});

// The shipped catalog, parsed and checked now rather than on every run (src/io/parsed-catalog.ts).
// The old one goes first, so this parse cannot read it back; the new one is written atomically,
// so a run never reads half of it.
const { bundledCatalogDir, loadCatalog } = await import('../dist/io/catalog-dir.js');
const { PARSED_CATALOG_FILE, parsedCatalogJson } = await import('../dist/io/parsed-catalog.js');
const { writeFileAtomic } = await import('../dist/io/atomic-write.js');
rmSync(PARSED_CATALOG_FILE, { force: true });
await writeFileAtomic(PARSED_CATALOG_FILE, parsedCatalogJson(await loadCatalog(bundledCatalogDir(), 'pricing-data')));
