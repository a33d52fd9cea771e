/**
 * What the bundled catalog bills for the cases issue 11 corrected, worked out by hand from the
 * rows' published prices (per 1M tokens).
 */
import { describe, expect, it } from 'vitest';
import { bundledCatalogDir, loadCatalog } from '../../src/io/catalog-dir.js';
import { simulate } from '../../src/engine/simulate.js';
import { sum } from '../../src/model/money.js';
import { scenario } from '../helpers/inline.js';

const catalog = () => loadCatalog(bundledCatalogDir(), 'pricing-data');

/** One million calls a month of `tokens`, on `model` at `placement`, from `start` for `months`. */
async function run(model: string, placement: string, tokens: string, start: string, months = 1, extra = '') {
  const s = scenario`
    name: bundled
    horizon: { start: ${start}, months: ${months} }
    workloads:
      - id: w
        model: ${model}
        sessions_per_month: 1M
        turns_per_session: 1
        tokens_per_call: ${tokens}
        ${extra}
    options:
      - id: o
        model: ${placement}
  `;
  return simulate(s, await catalog());
}

const byPeriod = (result: Awaited<ReturnType<typeof run>>) => {
  const out: Record<string, string> = {};
  for (const period of result.periods) out[period] = sum(result.lineItems.filter((i) => i.period === period).map((i) => i.cost)).toFixed();
  return out;
};

describe('the bundled catalog', () => {
  it('prices OpenAI batch calls whose prompts hit the cache, as OpenAI bills them', async () => {
    // 1M calls × 1 000 input (50 % cached), all batch, gpt-5.5: 500M uncached × 2.50 + 500M cached × 0.25 = 1 250 + 125
    const result = await run('gpt-5.5', '{ cloud: openai, region: global, deployment: global }', '{ input: 1k, cached_share: 50%, output: 0 }', '2027-01', 1, 'batch_share: 100%');
    expect(byPeriod(result)).toEqual({ '2027-01': '1375' });
    // gpt-4o: OpenAI's batch table has no cached price, so cached tokens bill at the batch input price, 1.25: 1 000M × 1.25
    const older = await run('gpt-4o', '{ cloud: openai, region: global, deployment: global }', '{ input: 1k, cached_share: 50%, output: 0 }', '2027-01', 1, 'batch_share: 100%');
    expect(byPeriod(older)).toEqual({ '2027-01': '1250' });
  });

  it('prices GPT-5.6 Sol on OpenAI at its promotion from 2026-08-21 to 2026-11-30, and its launch price either side', async () => {
    // 1M calls × (1 000 in, 100 out): launch 1 000M × 5 + 100M × 30 = 8 000; promotion 1 000M × 4 + 100M × 20 = 6 000
    // (the promotion's rows end on 2026-12-01, so December is back at the launch price)
    const result = await run('gpt-5.6-sol', '{ cloud: openai, region: global, deployment: global }', '{ input: 1k, output: 100 }', '2026-10', 3);
    expect(byPeriod(result)).toEqual({ '2026-10': '6000', '2026-11': '6000', '2026-12': '8000' });
  });

  it('prices Fast mode (the priority tier) for GPT-5.5 and GPT-5.6 after the cuts', async () => {
    // 1M calls × (1 000 in, 100 out): GPT-5.5 12.50 and 75: 12 500 + 7 500; Terra 4 and 24: 4 000 + 2 400; Luna 0.40 and 2.40: 400 + 240
    const fast = (model: string) => run(model, '{ cloud: openai, region: global, deployment: global, tier: priority }', '{ input: 1k, output: 100 }', '2027-01');
    expect(byPeriod(await fast('gpt-5.5'))).toEqual({ '2027-01': '20000' });
    expect(byPeriod(await fast('gpt-5.6-terra'))).toEqual({ '2027-01': '6400' });
    expect(byPeriod(await fast('gpt-5.6-luna'))).toEqual({ '2027-01': '640' });
  });

  it('prices prompts over 272k at the long-context tier: GPT-5.5 on Azure Global', async () => {
    // 1M calls: 99 % of 1 000 in and 100 out at 5 and 30; 1 % of 300 000 in and 1 000 out at 10 and 45
    // 990M × 5 = 4 950, 99M × 30 = 2 970; 3 000M × 10 = 30 000, 10M × 45 = 450 → 38 370
    const result = await run('gpt-5.5', '{ cloud: azure, region: eastus2, deployment: global }', '{ input: 1k, output: 100 }', '2027-01', 1, 'long_context: { share: 1%, input: 300k, output: 1k }');
    expect(byPeriod(result)).toEqual({ '2027-01': '38370' });
  });

  it('bills Claude cache writes at 1.25x input for 5 minutes and 2x for an hour', async () => {
    // Sonnet 4.6 direct, 1M calls × 1 000 in, 20 % written: 800M × 3 + 200M × 3.75 = 2 400 + 750; an hour: 200M × 6 = 1 200
    const five = await run('claude-sonnet-4-6', '{ cloud: anthropic, region: global, deployment: global }', '{ input: 1k, cache_write_share: 20%, output: 0 }', '2027-01');
    expect(byPeriod(five)).toEqual({ '2027-01': '3150' });
    const hour = await run('claude-sonnet-4-6', '{ cloud: anthropic, region: global, deployment: global }', '{ input: 1k, cache_write_share: 20%, cache_ttl: 1h, output: 0 }', '2027-01');
    expect(byPeriod(hour)).toEqual({ '2027-01': '3600' });
  });

  it('knows when GPT-5.6 went on sale: OpenAI on 2026-07-09, Bedrock on 2026-07-13', async () => {
    await expect(run('gpt-5.6-luna', '{ cloud: openai, region: global, deployment: global }', '{ input: 1k, output: 0 }', '2026-06')).rejects.toThrow(
      /gpt-5.6-luna \(stateless API\) for workload "w" is not available on openai\/global in 2026-06 \(pricing-data\/availability.csv:\d+ has it from 2026-07-09\)/,
    );
    await expect(run('gpt-5.6-luna', '{ cloud: aws, region: us-east-1, deployment: in-region }', '{ input: 1k, output: 0 }', '2026-07')).rejects.toThrow(/has it from 2026-07-13/);
  });

  it('prices provisioned throughput on Azure Global from the sizing figures Microsoft publishes', async () => {
    // gpt-5.5: 1 200 TPM a PTU, output × 6, at least 15 in steps of 5. 1M calls of 2 000 in and 100 out in
    // September 2026: 2 600M weighted ÷ 43 200 minutes × 3 ÷ 1 200 = 150.46 → 155 PTUs × 720 hours × 1.00 = 111 600
    const result = await run('gpt-5.5', '{ cloud: azure, region: eastus2, deployment: global }\n        provisioned: { peak_to_average: 3 }', '{ input: 2k, output: 100 }', '2026-09');
    expect(byPeriod(result)).toEqual({ '2026-09': '111600' });
  });

  it('prices Google Cloud Interconnect egress per GiB, and leaves FastConnect data unpriced with the key named', async () => {
    const interconnect = (clouds: string, ports: string, home = '{ cloud: gcp, region: us-central1 }') => scenario`
      name: interconnect
      horizon: { start: 2027-01, months: 1 }
      datasets: [{ id: kb, size: 0, monthly_change: 1073741824000B, home: ${home} }]
      workloads: [{ id: w, model: gpt-5.5, sessions_per_month: 0, turns_per_session: 1, tokens_per_call: { input: 0, output: 0 } }]
      options:
        - id: o
          model: { cloud: openai, region: global, deployment: global }
          runtime: { cloud: aws, region: us-east-1, service: agentcore-runtime }
          interconnect: { clouds: ${clouds}, ports: ${ports} }
    `;
    // 1 000 GiB of changes a month from Google to the copy on AWS over the interconnect: 1 000 × 0.02 = 20,
    // plus a 10G port for January's 744 hours × 2.328 = 1 732.032 (and the copies' storage, 0 GB)
    const gcp = simulate(interconnect('[gcp, aws]', '[{ cloud: gcp, region: us-central1, service: cloud-interconnect-10g }]'), await catalog());
    expect(gcp.lineItems.filter((i) => i.category === 'interconnect' || i.category === 'egress').map((i) => [i.category, i.quantity.toFixed(), i.cost.toFixed()])).toEqual([
      ['egress', '1000', '20'],
      ['interconnect', '744', '1732.032'],
    ]);
    const oci = () => simulate(interconnect('[oci, aws]', '[{ cloud: oci, region: us-ashburn-1, service: fastconnect-1g }]', '{ cloud: oci, region: us-ashburn-1 }'), c);
    const c = await catalog();
    expect(oci).toThrow(/no price for egress oci\/us-ashburn-1 interconnect in 2027-01 \(egress.csv has no row for it\)/);
  });

  it('prices Google inter-region transfer per GiB', async () => {
    const c = await catalog();
    expect(c.egress.filter((r) => r.cloud === 'gcp' && r.item[0] === 'inter-region').map((r) => r.unit)).toEqual(['gib']);
  });
});
