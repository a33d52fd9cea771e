import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../../src/io/catalog-dir.js';
import { loadScenario } from '../../src/io/scenario-file.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = path.join(REPO, 'test/fixtures');

/** The worked example of test/fixtures/worked-example, loaded the way the CLI loads it. */
export async function workedExample() {
  const dir = path.join(FIXTURES, 'worked-example');
  const loaded = await loadScenario(path.join(dir, 'scenario.yaml'), 'worked-example/scenario.yaml');
  const catalog = await loadCatalog(path.join(dir, 'catalog'), 'worked-example/catalog');
  return { scenario: loaded.scenario, catalog };
}
