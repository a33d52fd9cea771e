// Generated scenarios for the benchmark: `workloads` token workloads priced on up to five
// options over `months` months, from a seeded random stream, so every run of the bench prices
// the same inputs and nothing large is committed. With `ranges`, inputs are distributions
// around the same values, for simulate. Numbers are written plainly (no `250k`,
// only `4%`) so the float64 reference reads them with a few lines of code.
//
// The five options are the placements the bundled catalog prices both gpt-5.5 and gpt-5.4 at
// (pricing-data/models.csv): Azure Global and two Data Zones, Bedrock in us-east-2, OpenAI.

export const OPTIONS = [
  { id: 'azure-global', cloud: 'azure', region: 'eastus2', deployment: 'global' },
  { id: 'azure-data-zone-us', cloud: 'azure', region: 'eastus2', deployment: 'data-zone' },
  { id: 'azure-data-zone-eu', cloud: 'azure', region: 'swedencentral', deployment: 'data-zone' },
  { id: 'aws-bedrock', cloud: 'aws', region: 'us-east-2', deployment: 'in-region' },
  { id: 'openai-direct', cloud: 'openai', region: 'global', deployment: 'global' },
];

const MODELS = ['gpt-5.5', 'gpt-5.4'];

/** mulberry32: a small, well-known 32-bit generator; enough to vary inputs reproducibly. */
function randomStream(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The scenario's YAML text. */
export function generateScenario({ workloads, options, months, seed = 1, ranges = false }) {
  if (options > OPTIONS.length) throw new Error(`at most ${OPTIONS.length} options`);
  const random = randomStream(seed);
  const between = (low, high) => low + Math.floor(random() * (high - low + 1));
  const lines = [
    `name: generated ${workloads} workloads x ${options} options x ${months} months (seed ${seed})`,
    'currency: USD',
    'horizon:',
    '  start: 2027-01',
    `  months: ${months}`,
    'workloads:',
  ];
  for (let w = 0; w < workloads; w++) {
    const sessions = between(1, 500) * 1000;
    const growth = between(0, 40) / 10;
    const turns = between(1, 8);
    const calls = between(1, 3);
    const input = between(5, 200) * 100;
    const cached = between(0, 16) * 5;
    const output = between(5, 200) * 10;
    // with `ranges`, the same values become each range's mode or mean (simulate's benchmark)
    lines.push(
      `  - id: workload-${w + 1}`,
      `    model: ${MODELS[w % MODELS.length]}`,
      `    sessions_per_month: ${ranges ? `{ pert: [${sessions * 0.5}, ${sessions}, ${sessions * 2}] }` : sessions}`,
      `    growth: ${ranges ? `{ triangular: [0%, ${growth.toFixed(1)}%, ${(growth * 2).toFixed(1)}%], driver: market }` : `${growth.toFixed(1)}%`}`,
      `    turns_per_session: ${turns}`,
      `    calls_per_turn: ${calls}`,
      '    tokens_per_call:',
      `      input: ${ranges ? `{ lognormal: { mean: ${input}, sd: ${input / 4} } }` : input}`,
      `      cached_share: ${ranges ? `{ triangular: [${Math.max(0, cached - 15)}%, ${cached}%, ${Math.min(100, cached + 10)}%] }` : `${cached}%`}`,
      `      output: ${ranges ? `{ normal: { mean: ${output}, sd: ${output / 4} } }` : output}`,
    );
  }
  lines.push('options:');
  for (const o of OPTIONS.slice(0, options)) {
    lines.push(`  - id: ${o.id}`, `    model: { cloud: ${o.cloud}, region: ${o.region}, deployment: ${o.deployment} }`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * For optimize: `workloads` workloads, a third of them agents with a runtime and state, placed
 * by four options on four clouds (the pieces multi-cloud-agent.yaml uses), with an Azure
 * commitment to couple them. Every workload can go to any option's model, runtime and store.
 */
export function generateAgentScenario({ workloads, months, seed = 1 }) {
  const random = randomStream(seed);
  const between = (low, high) => low + Math.floor(random() * (high - low + 1));
  const lines = [
    `name: generated ${workloads} agents x ${months} months (seed ${seed})`,
    'currency: USD',
    'horizon: { start: 2027-01, months: ' + months + ' }',
    'latency:',
    '  - { between: [aws/us-east-1, azure/eastus2], rtt_ms: 10 }',
    '  - { between: [gcp/us-central1, azure/eastus2], rtt_ms: 30 }',
    '  - { between: [gcp/us-central1, aws/us-east-1], rtt_ms: 25 }',
    'commitments:',
    `  - { id: macc, cloud: azure, amount: ${workloads * 2000}, period: year, discount: 5% }`,
    'workloads:',
  ];
  for (let w = 0; w < workloads; w++) {
    const agent = w % 3 === 0;
    lines.push(
      `  - id: workload-${w + 1}`,
      `    model: ${MODELS[w % MODELS.length]}`,
      `    sessions_per_month: ${between(1, 100) * 1000}`,
      `    growth: ${(between(0, 30) / 10).toFixed(1)}%`,
      `    turns_per_session: ${between(1, 8)}`,
      `    tokens_per_call: { input: ${between(5, 100) * 100}, cached_share: ${between(0, 12) * 5}%, output: ${between(5, 100) * 10} }`,
      ...(agent
        ? [
            `    payload: { request: ${between(8, 32)}KiB, request_growth: 4KiB, response: 2KiB }`,
            '    state: { read_per_turn: 16KiB, write_per_turn: 4KiB, reads_per_turn: 2, writes_per_turn: 1, stored_per_session: 64KiB }',
            `    runtime: { active_seconds_per_turn: ${between(1, 4)}, vcpus: 1, memory: 2GiB }`,
          ]
        : []),
    );
  }
  lines.push(
    'options:',
    '  - id: all-azure',
    '    model: { cloud: azure, region: eastus2, deployment: global }',
    '    runtime: { cloud: azure, region: eastus2, service: container-apps }',
    '    state: { cloud: azure, region: eastus2, service: cosmosdb-serverless, read_units: 8, write_units: 20 }',
    '  - id: aws-bedrock',
    '    model: { cloud: aws, region: us-east-2, deployment: in-region }',
    '    runtime: { cloud: aws, region: us-east-1, service: agentcore-runtime }',
    '    state: { cloud: aws, region: us-east-1, service: dynamodb, read_units: 2, write_units: 4 }',
    '  - id: gcp-openai',
    '    model: { cloud: openai, region: global, deployment: global }',
    '    runtime: { cloud: gcp, region: us-central1, service: vertex-agent-engine }',
    '    state: { cloud: gcp, region: us-central1, service: cloud-storage }',
    '  - id: azure-data-zone',
    '    model: { cloud: azure, region: eastus2, deployment: data-zone }',
    '    runtime: { cloud: azure, region: eastus2, service: container-apps }',
    '    state: { cloud: azure, region: eastus2, service: cosmosdb-serverless, read_units: 8, write_units: 20 }',
  );
  return `${lines.join('\n')}\n`;
}
