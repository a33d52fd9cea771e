/** `catalog models | regions | services`: what the catalog can price, without reading its CSV files. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const SOURCE = 'https://example.com/p,2026-01-01,,';

async function catalog(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cloudtco-discovery-'));
  await writeFile(
    path.join(dir, 'models.csv'),
    `cloud,region,deployment,tier,model,input,cached_input,cache_write,cache_write_1h,output,prompt_over,currency,effective_from,effective_to,source,as_of,checked,note
azure,*,global,standard,m,1,,,,1,,USD,,,${SOURCE}
azure,*,global,batch,m,1,,,,1,,USD,,,${SOURCE}
azure,eastus2,data-zone,standard,m,1,,,,1,,USD,,,${SOURCE}
azure,*,global,standard,m,2,,,,2,272000,USD,,,${SOURCE}
aws,us-east-2,in-region,standard,n,1,,,,1,,USD,,,${SOURCE}
`,
  );
  await writeFile(
    path.join(dir, 'services.csv'),
    `cloud,region,service,meter,unit,tier_from,tier_to,price,currency,effective_from,effective_to,source,as_of,checked,note
aws,us-east-1,lambda,vcpu,vcpu-second,0,1000,0,USD,,,${SOURCE}
aws,us-east-1,lambda,vcpu,vcpu-second,1000,,0.00001,USD,,,${SOURCE}
`,
  );
  await writeFile(path.join(dir, 'regions.csv'), `cloud,region,source,as_of,checked,note\naws,eu-west-1,https://example.com/r,2026-01-01,,\n`);
  return dir;
}

describe('catalog models | regions | services', () => {
  it('lists each model by cloud: regions, deployments, tiers, long-context thresholds', async () => {
    const dir = await catalog();
    const result = await runCli(['catalog', 'models', '--catalog', dir, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      cloud: null,
      models: [
        { model: 'm', cloud: 'azure', regions: ['*', 'eastus2'], deployments: ['data-zone', 'global'], tiers: ['standard', 'batch'], longContext: ['272000'] },
        { model: 'n', cloud: 'aws', regions: ['us-east-2'], deployments: ['in-region'], tiers: ['standard'], longContext: [] },
      ],
    });
    const aws = await runCli(['catalog', 'models', '--catalog', dir, '--cloud', 'aws', '--format', 'csv']);
    expect(aws.stdout).toBe('model,cloud,regions,deployments,tiers,long_context_over\r\nn,aws,us-east-2,in-region,standard,\r\n');
  });

  it("lists each cloud's regions, whether regions.csv lists them and what has prices there", async () => {
    const dir = await catalog();
    const result = await runCli(['catalog', 'regions', '--catalog', dir, '--cloud', 'aws', '--format', 'json']);
    expect(JSON.parse(result.stdout).regions).toEqual([
      { cloud: 'aws', region: 'eu-west-1', listed: true, priced: [] },
      { cloud: 'aws', region: 'us-east-1', listed: false, priced: ['services'] },
      { cloud: 'aws', region: 'us-east-2', listed: false, priced: ['models'] },
    ]);
  });

  it("lists each cloud's services with meters, units, regions and tiers", async () => {
    const dir = await catalog();
    const result = await runCli(['catalog', 'services', '--catalog', dir]);
    expect(result.stdout).toMatch(/aws\s+│ lambda\s+│ vcpu\s+│ vcpu-second\s+│ us-east-1\s+│\s+2 │/);
  });

  it('names the bundled catalog’s places, and refuses an unknown cloud', async () => {
    const models = await runCli(['catalog', 'models', '--cloud', 'aws', '--format', 'json']);
    expect(JSON.parse(models.stdout).models).toContainEqual(expect.objectContaining({ model: 'gpt-5.5', cloud: 'aws', regions: ['us-east-2'], deployments: ['in-region'] }));
    const bad = await runCli(['catalog', 'regions', '--cloud', 'azur']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: --cloud: no cloud "azur" (did you mean "azure"?); expected one of azure, aws, gcp, oci, openai, anthropic\n');
  });
});
