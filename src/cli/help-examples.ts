/**
 * The examples each command's --help ends with: real commands on the bundled scenarios and
 * catalog, run as they are by test/cli/help-examples.test.ts; a line marked "# your files" needs
 * the user's own (it is checked to parse, not run).
 */
export const YOUR_FILES = '# your files';

export const HELP_EXAMPLES: Record<string, string[]> = {
  compare: ['cloudtco compare scenarios/multi-cloud-agent.yaml --by cloud', 'cloudtco compare scenarios/multi-cloud-agent.yaml --format html --out report.html', 'cloudtco compare scenarios/support-agents.yaml --set workloads.0.growth=8% --by year'],
  sweep: ['cloudtco sweep scenarios/multi-cloud-agent.yaml --vary workloads.0.sessions_per_month=100k..1M:100k', 'cloudtco sweep scenarios/uncertain-demand.yaml --vary workloads.0.growth=0%..10%:2% --format csv'],
  optimize: ['cloudtco optimize scenarios/multi-cloud-agent.yaml', 'cloudtco optimize scenarios/multi-cloud-agent.yaml --emit-scenario optimized.yaml --format json --out plan.json', `cloudtco compare optimized.yaml   ${YOUR_FILES}`],
  simulate: ['cloudtco simulate scenarios/uncertain-demand.yaml --trials 10000 --seed 42', 'cloudtco simulate scenarios/uncertain-demand.yaml --trials 2000 --percentiles 10,50,90 --format html --out simulation.html'],
  sensitivity: ['cloudtco sensitivity scenarios/uncertain-demand.yaml', 'cloudtco sensitivity scenarios/uncertain-demand.yaml --format csv'],
  replay: [
    'cloudtco replay scenarios/usage/azure-llm-inference-trace-2023-code.csv --preset azure-trace --model gpt-5.5 --scenario scenarios/multi-cloud-agent.yaml --prices-on 2026-12-01',
    'cloudtco replay scenarios/usage/azure-llm-inference-trace-2023-code.csv --preset azure-trace --model gpt-5.5 --option openai=openai/global/global --option bedrock=aws/us-east-2/in-region --prices-on 2026-12-01 --format csv',
    `cloudtco replay ~/.claude/projects --preset claude-code --option direct=anthropic/global/global --by model   ${YOUR_FILES}`,
  ],
  'replay sql': ['cloudtco replay sql --dialect duckdb --table requests', 'cloudtco replay sql --dialect bigquery --table proj.logs.requests --map time=created_at --map input_total=prompt_tokens'],
  flows: ['cloudtco flows scenarios/msft-openai-2026.yaml', 'cloudtco flows scenarios/edp-move-to-bedrock.yaml --by quarter --format html --out flows.html'],
  check: ['cloudtco check scenarios/support-agents.yaml', 'cloudtco check scenarios/support-agents.yaml --format github', `cloudtco check scenarios/support-agents.yaml --baseline main-result.json --max-increase 5%   ${YOUR_FILES}`],
  diff: [`cloudtco diff before.json after.json --fail-on-increase 5%   ${YOUR_FILES}`, `cloudtco diff before.json after.json --format markdown   ${YOUR_FILES}`],
  export: ['cloudtco export scenarios/multi-cloud-agent.yaml --out focus.csv', 'cloudtco export scenarios/support-agents.yaml --format json --out line-items.json'],
  validate: ['cloudtco validate scenarios/multi-cloud-agent.yaml scenarios/support-agents.yaml', `cloudtco validate my-scenario.yaml ./our-prices   ${YOUR_FILES}`],
  schema: ['cloudtco schema --out scenario.schema.json'],
  init: ['cloudtco init my-scenario.yaml --model gpt-5.5 --clouds azure,aws,openai', 'cloudtco init claude.yaml --model claude-sonnet-4-6 --clouds anthropic,aws,gcp --sessions 50k'],
  completion: ['cloudtco completion bash > ~/.local/share/bash-completion/completions/cloudtco', 'cloudtco completion zsh > "${fpath[1]}/_cloudtco"', 'cloudtco completion fish > ~/.config/fish/completions/cloudtco.fish'],
  'catalog list': ['cloudtco catalog list', 'cloudtco catalog list --format csv'],
  'catalog show': ['cloudtco catalog show gpt-5.5', 'cloudtco catalog show claude-sonnet-4-6 --format json'],
  'catalog models': ['cloudtco catalog models --cloud aws', 'cloudtco catalog models --format csv'],
  'catalog regions': ['cloudtco catalog regions --cloud gcp', 'cloudtco catalog regions --format json'],
  'catalog services': ['cloudtco catalog services --cloud azure', 'cloudtco catalog services --cloud aws --format csv'],
  'catalog validate': ['cloudtco catalog validate', `cloudtco catalog validate ./our-prices   ${YOUR_FILES}`],
  'catalog stale': ['cloudtco catalog stale --max-age 400d', 'cloudtco catalog stale --max-age 400d --scenario scenarios/support-agents.yaml'],
  'catalog import': [`cloudtco catalog import litellm model_prices_and_context_window.json --out litellm-models.csv   ${YOUR_FILES}`, `cloudtco catalog import azure-retail azure-prices.json --out ./azure-catalog   ${YOUR_FILES}`],
};

/** The help text after a command's own: its examples. */
export function examplesText(path: string): string | undefined {
  const examples = HELP_EXAMPLES[path];
  return examples === undefined ? undefined : `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`;
}
