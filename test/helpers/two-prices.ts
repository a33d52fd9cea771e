/**
 * The catalog sweep, sensitivity and simulate are checked by hand against: model `m` at 3 per
 * 1M input tokens on OpenAI (option a) and 2 per 1M on Azure (option b), 1 per 1M output. With
 * 1 000 input tokens a session, a costs 0.003 a session and b 0.002 (plus what the scenario adds).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SOURCE = 'https://example.com/p,2026-01-01,';

/** A directory holding that catalog and `scenario.yaml` with `text`. */
export async function twoPrices(name: string, text: string): Promise<{ dir: string; scenario: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), `cloudtco-${name}-`));
  await writeFile(
    path.join(dir, 'models.csv'),
    `cloud,region,deployment,tier,model,input,cached_input,output,currency,effective_from,effective_to,source,as_of,note\nopenai,*,global,standard,m,3,,1,USD,,,${SOURCE}\nazure,*,global,standard,m,2,,1,USD,,,${SOURCE}\n`,
  );
  const scenario = path.join(dir, 'scenario.yaml');
  await writeFile(scenario, text);
  return { dir, scenario };
}

/** The two options of that catalog, as a scenario lists them. */
export const TWO_OPTIONS = `options:
  - { id: a, model: { cloud: openai, region: global, deployment: global } }
  - { id: b, model: { cloud: azure, region: eastus2, deployment: global } }
`;
