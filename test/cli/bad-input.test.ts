/** One test per kind of bad input: the exact message, on stderr, and exit code 2. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const S = 'test/fixtures/bad-scenarios';
const C = 'test/fixtures/bad-catalogs';

async function compareFails(args: string[], stderr: string[]) {
  const result = await runCli(['compare', ...args]);
  expect(result.stderr).toBe(stderr.map((line) => `${line}\n`).join(''));
  expect(result.stdout).toBe('');
  expect(result.code).toBe(2);
}

describe('bad scenarios', () => {
  it('a value that is not a quantity', () =>
    compareFails([`${S}/bad-quantity.yaml`], [`${S}/bad-quantity.yaml:8:25 workloads[0].sessions_per_month: expected a quantity like 2M, got "lots"`]));

  it('an unknown key, with a did-you-mean', () =>
    compareFails([`${S}/unknown-key.yaml`], [`${S}/unknown-key.yaml:8:5 workloads[0].sesions_per_month: unknown key (did you mean "sessions_per_month"?)`]));

  it('a word outside its list, with a did-you-mean', () =>
    compareFails(
      [`${S}/unknown-enum.yaml`],
      [`${S}/unknown-enum.yaml:13:21 options[0].model.cloud: expected one of azure, aws, gcp, oci, openai, anthropic, got "azur" (did you mean "azure"?)`],
    ));

  it('a percentage without its % sign', () =>
    compareFails([`${S}/percent-without-sign.yaml`], [`${S}/percent-without-sign.yaml:9:13 workloads[0].growth: expected a percentage like 4%, got "0.04"`]));

  it('every problem of a file at once, in file order', () =>
    compareFails(
      [`${S}/many-problems.yaml`],
      [
        `${S}/many-problems.yaml:3:10 horizon.start: expected a month like 2027-01, got "2027-13"`,
        `${S}/many-problems.yaml:4:11 horizon.months: must be at least 1, got 0`,
        `${S}/many-problems.yaml:6:5 workloads[0].turns_per_session: required; expected a quantity like 6`,
        `${S}/many-problems.yaml:9:31 workloads[0].tokens_per_call.input: must be at least 0, got -5`,
        `${S}/many-problems.yaml:9:62 workloads[0].tokens_per_call.cached_share: must be at most 100%, got 140%`,
        `${S}/many-problems.yaml:10:9 workloads[1].id: "chat" is already the id of workloads[0]; ids must be unique`,
        `${S}/many-problems.yaml:15:5 workloads[1].bacth_share: unknown key (did you mean "batch_share"?)`,
        `${S}/many-problems.yaml:16:10 options: expected at least one option`,
      ],
    ));

  it('a number too large to be finite', () =>
    compareFails(
      [`${S}/infinite-quantity.yaml`],
      [`${S}/infinite-quantity.yaml:8:25 workloads[0].sessions_per_month: "1e99999999999999999" is too large: numbers may be at most 1e18 in size`],
    ));

  it('a horizon that runs past the years cloudtco handles', () =>
    compareFails([`${S}/far-horizon.yaml`], [`${S}/far-horizon.yaml:4:11 horizon.months: the horizon would end in 3009-12; it must end by 2999-12`]));

  it('a model no catalog row prices, at the workload, with a did-you-mean', () =>
    compareFails([`${S}/unknown-model.yaml`], [`${S}/unknown-model.yaml:7:12 workloads[0].model: no catalog row prices model "gtp-5.5" (did you mean "gpt-5.5"?)`]));

  it('a region the catalog does not know, even where a * row would price it (Azure Global)', async () => {
    const mars = await runCli(['compare', 'scenarios/support-agents.yaml', '--set', 'options.0.model.region=mars-north-9']);
    expect(mars.stderr).toMatch(/^--set options\.0\.model\.region=mars-north-9 options\[0\]\.model\.region: "mars-north-9" is not a region the catalog knows for azure; it knows .*eastus2.* \(`cloudtco catalog regions --cloud azure` lists them; a catalog's regions\.csv can add more\)\n$/);
    expect(mars.code).toBe(2);
    const typo = await runCli(['compare', 'scenarios/support-agents.yaml', '--set', 'options.1.model.region=eastus-2']);
    expect(typo.stderr).toMatch(/^--set options\.1\.model\.region=eastus-2 options\[1\]\.model\.region: "eastus-2" is not a region the catalog knows for azure \(did you mean "eastus2"\?\); it knows /);
    // reported once, for the cause, not again as a missing price for every month
    expect(typo.stderr.trimEnd().split('\n')).toHaveLength(1);
    // a real region only a * row prices is known from regions.csv
    expect((await runCli(['compare', 'scenarios/support-agents.yaml', '--set', 'options.0.model.region=westus3'])).code).toBe(0);
  });

  it('a list of the wrong length, in words rather than zod\'s', async () => {
    const three = await runCli(['compare', 'scenarios/multi-cloud-agent.yaml', '--set', 'latency.0.between=[aws/us-east-1, azure/eastus2, gcp/us-central1]']);
    expect(three.stderr).toBe('--set latency.0.between=[aws/us-east-1, azure/eastus2, gcp/us-central1] latency[0].between: expected a list of at most 2 entries, got 3\n');
    const one = await runCli(['compare', 'scenarios/multi-cloud-agent.yaml', '--set', 'latency.0.between=[aws/us-east-1]']);
    expect(one.stderr).toBe('--set latency.0.between=[aws/us-east-1] latency[0].between: expected a list of at least 2 entries, got 1\n');
  });

  it('YAML aliases that would expand without end', () =>
    compareFails([`${S}/alias-bomb.yaml`], [`${S}/alias-bomb.yaml: cannot expand the document's aliases: Excessive alias count indicates a resource exhaustion attack`]));

  it('placements that cannot be: data on a model vendor, a cache of no size, a link of one cloud', () =>
    compareFails(
      [`${S}/bad-placements.yaml`],
      [
        `${S}/bad-placements.yaml:4:16 latency[0].between: a round trip needs two different places`,
        `${S}/bad-placements.yaml:6:41 datasets[0].home.cloud: expected one of azure, aws, gcp, oci (model vendors hold no state, caches or data), got "openai"`,
        `${S}/bad-placements.yaml:13:14 workloads[0].runtime: say what the runtime bills: active_seconds_per_turn (with vcpus and memory) or session_hours`,
        `${S}/bad-placements.yaml:17:21 options[0].state.cloud: expected one of azure, aws, gcp, oci (model vendors hold no state, caches or data), got "openai"`,
        `${S}/bad-placements.yaml:18:91 options[0].cache.size: must be at least 1 bytes, got 0 bytes`,
        `${S}/bad-placements.yaml:19:19 options[0].interconnect.ports: required; expected a list`,
        `${S}/bad-placements.yaml:19:29 options[0].interconnect.clouds: expected at least two different clouds`,
      ],
    ));

  it('contracts naming what the scenario does not have', () =>
    compareFails(
      [`${S}/bad-contracts.yaml`],
      [
        `${S}/bad-contracts.yaml:13:25 contracts[0].payer: opneai is no party to this scenario's spend, so it has nothing to share (did you mean "openai"?); parties to it: amazon, openai`,
        `${S}/bad-contracts.yaml:14:85 contracts[1].applies_to.vendors[0]: no option has spend with vendor "opnai" (did you mean "openai"?); present: openai`,
        `${S}/bad-contracts.yaml:14:101 contracts[1].from: the term runs 2031-01 to …, outside the horizon 2027-01 to 2027-12`,
      ],
    ));

  it('a currency for a cap the term does not have', () =>
    compareFails([`${S}/currency-without-cap.yaml`], [`${S}/currency-without-cap.yaml:8:75 contracts[0].currency: currency is the cap's, and this term has no cap`]));

  it('a YAML syntax error', () =>
    compareFails([`${S}/syntax-error.yaml`], [`${S}/syntax-error.yaml:8:1: Flow sequence in block collection must be sufficiently indented and end with a ]`]));

  it('wrong types in a JSON scenario', () =>
    compareFails(
      [`${S}/wrong-type.json`],
      [
        `${S}/wrong-type.json:10:76 workloads[0].tokens_per_call.cached_share: expected a percentage like 40%, got true`,
        `${S}/wrong-type.json:13:14 options: expected a list, got a mapping`,
      ],
    ));

  it('an empty file', () =>
    compareFails([`${S}/empty.yaml`], [`${S}/empty.yaml:1:1: the file is empty; expected a scenario with name, horizon, workloads and options`]));

  it('a file that does not exist', () => compareFails([`${S}/nope.yaml`], [`${S}/nope.yaml: cannot read: no such file`]));

  it('a price the catalog does not have, at the option that needs it', () =>
    compareFails(
      [`${S}/missing-price.yaml`],
      [
        `${S}/missing-price.yaml:15:12 options[1].model: no price for aws/us-east-1/in-region/standard/gpt-5.5 in 2027-01 (the catalog has gpt-5.5 on aws as aws/us-east-2/in-region/standard/gpt-5.5), needed by workload "chat"; also in 2027-02 to 2027-12`,
      ],
    ));
});

describe('bad catalogs', () => {
  const scenario = 'scenarios/support-agents.yaml';

  it('bad cells, every one reported at its line and column', () =>
    compareFails(
      [scenario, '--catalog', `${C}/bad-cells`],
      [
        `${C}/bad-cells/models.csv:3 cloud: expected one of azure, aws, gcp, oci, openai, anthropic, got "azur" (did you mean "azure"?)`,
        `${C}/bad-cells/models.csv:4 input: expected a price like 2.50, got "2,50"`,
        `${C}/bad-cells/models.csv:5 tier: expected one of standard, batch, priority, flex, got "standrad" (did you mean "standard"?)`,
        `${C}/bad-cells/models.csv:5 currency: expected a three-letter currency code such as USD, got "usd"`,
        `${C}/bad-cells/models.csv:5 source: expected an http(s) URL, got "example.com"`,
        `${C}/bad-cells/models.csv:5 as_of: expected a date like 2026-07-30, got "2026-02-30"`,
        `${C}/bad-cells/models.csv:7 effective_to: must be after effective_from (2026-07-30), got 2026-07-01`,
      ],
    ));

  it('a repeated column', () =>
    compareFails([scenario, '--catalog', `${C}/repeated-column`], [`${C}/repeated-column/models.csv:1 input: repeated column; each column may appear once`]));

  it('an unknown column, with a did-you-mean', () =>
    compareFails([scenario, '--catalog', `${C}/unknown-column`], [`${C}/unknown-column/models.csv:1 ouput: unknown column (did you mean "output"?)`]));

  it('a row with the wrong number of fields', () =>
    compareFails([scenario, '--catalog', `${C}/field-count`], [`${C}/field-count/models.csv:3: wrong number of fields; expected 14, got 11`]));

  it('overlapping validity windows for one key', () =>
    compareFails(
      [scenario, '--catalog', `${C}/overlap`],
      [
        `${C}/overlap/models.csv:3 effective_from: openai/*/global/standard/gpt-5.6-terra is already priced for dates before 2026-07-30 by line 2; windows for one key must not overlap`,
        `${C}/overlap/models.csv:5 effective_from: openai/*/global/standard/gpt-5.5 is already priced for all dates by line 4; windows for one key must not overlap`,
        `${C}/overlap/models.csv:7 effective_from: aws/*/in-region/standard/gpt-5.4 is already priced for 2026-01-01 to 2028-01-01 by line 6; windows for one key must not overlap`,
        `${C}/overlap/models.csv:8 effective_from: aws/*/in-region/standard/gpt-5.4 is already priced for 2026-01-01 to 2028-01-01 by line 6; windows for one key must not overlap`,
      ],
    ));

  it('tiers with a gap, two units in one schedule, a tier ending before it starts, an unknown unit', () =>
    compareFails(
      [scenario, '--catalog', `${C}/bad-tiers`],
      [
        `${C}/bad-tiers/egress.csv:3 tier_from: egress aws/us-east-1 internet: expected the tier to start at 100, where line 2 ends, got 200`,
        `${C}/bad-tiers/egress.csv:4 unit: egress aws/us-east-1 internet is priced per gb at line 2; one schedule needs one unit`,
        `${C}/bad-tiers/egress.csv:5 tier_to: must be above tier_from (100), got 50`,
        `${C}/bad-tiers/egress.csv:6 unit: expected one of gb, gib, gb-month, gib-month, gb-second, gib-second, gb-hour, gib-hour, vcpu-second, vcpu-hour, node-hour, port-hour, session-hour, gateway-hour, endpoint-hour, vm-hour, thousand-requests, million-requests, got "tb" (did you mean "gb"?)`,
      ],
    ));

  it('a catalog directory without models.csv', () =>
    compareFails([scenario, '--catalog', `${C}/no-models`], [`${C}/no-models/models.csv: cannot read: no such file`]));

  it('problems in the scenario and the catalog together', () =>
    compareFails(
      [`${S}/bad-quantity.yaml`, '--catalog', `${C}/field-count`],
      [
        `${S}/bad-quantity.yaml:8:25 workloads[0].sessions_per_month: expected a quantity like 2M, got "lots"`,
        `${C}/field-count/models.csv:3: wrong number of fields; expected 14, got 11`,
      ],
    ));
});

describe('bad usage', () => {
  it('--line-items outside JSON', () =>
    compareFails(
      ['scenarios/support-agents.yaml', '--line-items'],
      ['error: --line-items needs --format json (got --format table)'],
    ));

  it('an unknown --by', async () => {
    const result = await runCli(['compare', 'scenarios/support-agents.yaml', '--by', 'week']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "error: option '--by <breakdown>' argument 'week' is invalid. Allowed choices are month, quarter, year, category, cloud, workload, model.\n(run with --help for usage)\n",
    );
  });

  it('a missing scenario argument', async () => {
    const result = await runCli(['compare']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("error: missing required argument 'scenario'\n(run with --help for usage)\n");
  });

  it('an unknown command', async () => {
    const result = await runCli(['comapre', 'x.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("error: unknown command 'comapre'\n(Did you mean compare?)\n(run with --help for usage)\n");
  });

  it('an unknown option', async () => {
    const result = await runCli(['compare', 'scenarios/support-agents.yaml', '--fromat', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("error: unknown option '--fromat'\n(Did you mean --format?)\n(run with --help for usage)\n");
  });
});
