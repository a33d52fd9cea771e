/**
 * How big an input cloudtco takes. Each limit is far above what a real scenario or catalog
 * needs and low enough that anything within it runs in bounded memory on an ordinary machine
 * (docs/reliability.md gives the figures); beyond it the input gets a clear error, exit 2,
 * instead of minutes of work and an out-of-memory abort.
 */
export const LIMITS = {
  /** Any number read from a file or `--set`: 10^18 is an exabyte in bytes; no price list prints 30 digits. */
  largestNumber: '1e18',
  smallestNumber: '1e-18',
  significantDigits: 30,
  /** Ids: model ids run to about 60 characters. */
  idLength: 128,
  /**
   * A scenario or a saved result, YAML or JSON: a thousand richly described workloads take about
   * 1 MiB. A baseline is saved without --line-items.
   */
  documentBytes: 2 * 1024 * 1024,
  /**
   * YAML tokens (keys, values, punctuation, line breaks) in one document: the YAML reader, which
   * keeps every position for error messages, takes about 10 µs a token, so 500 000 take some 5 s
   * (a thousand richly described workloads are about 300 000). Counted before parsing, so a
   * megabyte of commas is refused at once.
   */
  documentTokens: 500_000,
  /** LiteLLM's price map, read once by `catalog import` (about 2 MiB in 2026). */
  priceMapBytes: 32 * 1024 * 1024,
  /** One catalog table (CSV). */
  tableBytes: 64 * 1024 * 1024,
  /** Rows pricing one key (its price history and tiers). */
  rowsPerKey: 1000,
  /** Horizon, in months: fifty years. */
  months: 600,
  workloads: 1000,
  options: 100,
  /** Entries of every other list in a scenario (datasets, commitments, contracts, budgets, …). */
  listEntries: 1000,
  /** Workloads × options × months: each is priced separately. */
  pricedMonths: 300_000,
  /**
   * The most usage one line item may price (tokens, bytes, seconds, …): quantity × unit price
   * must fit the engine's 60 significant digits to be exact. Inputs within their bounds can still
   * grow past it: 1000 % a month compounds to 10^57 in 55 months.
   */
  largestUsage: '1e36',
  /**
   * Line items one run may hold in memory: a token line item about 70 bytes, another about 1 KB;
   * 882,600 token items peak at about 450 MB while `export` writes them all out. Kept where it
   * was set when items were larger; a later change may raise it.
   */
  lineItems: 1_000_000,
} as const;

/** 16777216 → "16 MiB" */
export function bytesText(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

/** 300000 → "300,000" */
export function countText(n: number): string {
  return n.toLocaleString('en-US');
}
