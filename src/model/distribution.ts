/**
 * Distributions a scenario input may take instead of one number, and how a trial draws from
 * them. Every draw is an inverse distribution function of one uniform number, so inputs that
 * share a named driver move together (one uniform number for all of them in a trial), and a
 * distribution cut to the bounds its field allows (a count below 0, a share above 100 %) is cut
 * exactly, by drawing the uniform number between the distribution function's values there.
 *
 *   triangular: [min, mode, max]     pert: [min, mode, max]     uniform: [min, max]
 *   normal: { mean, sd }             lognormal: { mean, sd }    (of the value itself)
 *
 * Deterministic commands use the mode (triangular, PERT) or the mean (the others).
 */
export const DISTRIBUTION_KINDS = ['triangular', 'pert', 'uniform', 'normal', 'lognormal'] as const;
export type DistributionKind = (typeof DISTRIBUTION_KINDS)[number];

export type Distribution =
  | { kind: 'triangular' | 'pert'; min: number; mode: number; max: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'normal' | 'lognormal'; mean: number; sd: number };

/** The bounds a field allows; a draw never leaves them. */
export interface Bounds {
  min: number | undefined;
  max: number | undefined;
}

/** The value deterministic commands use. */
export function pointOf(d: Distribution): number {
  switch (d.kind) {
    case 'triangular':
    case 'pert':
      return d.mode;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'normal':
    case 'lognormal':
      return d.mean;
  }
}

/**
 * The low and high ends sensitivity moves an input to: min and max where the distribution has
 * them (uniform, triangular, PERT), the 5th and 95th percentiles (to six significant digits)
 * where it has none.
 */
export function endsOf(d: Distribution, bounds: Bounds = { min: undefined, max: undefined }): { low: number; high: number } {
  // a percentile to six significant digits: what it is evaluated at is what the report shows
  const at = (p: number) => Number(drawAt(d, p, bounds).toPrecision(6));
  return 'min' in d ? { low: d.min, high: d.max } : { low: at(0.05), high: at(0.95) };
}

/** The lowest and highest values a draw can take. */
export function supportOf(d: Distribution, bounds: Bounds = { min: undefined, max: undefined }): { low: number; high: number } {
  if ('min' in d) return { low: d.min, high: d.max };
  return { low: Math.max(bounds.min ?? -Infinity, d.kind === 'lognormal' ? 0 : -Infinity), high: bounds.max ?? Infinity };
}

/** A draw for the uniform number `u` in (0, 1), within `bounds`. */
export function drawAt(d: Distribution, u: number, bounds: Bounds = { min: undefined, max: undefined }): number {
  switch (d.kind) {
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'triangular':
      return triangular(d.min, d.mode, d.max, u);
    case 'pert': {
      if (d.max === d.min) return d.min;
      const { alpha, beta } = pertShape(d);
      return d.min + (d.max - d.min) * inverseBeta(u, alpha, beta);
    }
    case 'normal': {
      if (d.sd === 0) return clamp(d.mean, bounds);
      const lo = bounds.min === undefined ? 0 : normalCdf((bounds.min - d.mean) / d.sd);
      const hi = bounds.max === undefined ? 1 : normalCdf((bounds.max - d.mean) / d.sd);
      return clamp(d.mean + d.sd * inverseNormal(within(lo, hi, u)), bounds);
    }
    case 'lognormal': {
      const { mu, sigma } = lognormalShape(d);
      if (sigma === 0) return clamp(d.mean, bounds);
      const lo = bounds.min === undefined || bounds.min <= 0 ? 0 : normalCdf((Math.log(bounds.min) - mu) / sigma);
      const hi = bounds.max === undefined ? 1 : bounds.max <= 0 ? 0 : normalCdf((Math.log(bounds.max) - mu) / sigma);
      return clamp(Math.exp(mu + sigma * inverseNormal(within(lo, hi, u))), bounds);
    }
  }
}

/** PERT's beta shape: α = 1 + 4 (mode − min) / (max − min), β = 1 + 4 (max − mode) / (max − min). */
export function pertShape(d: { min: number; mode: number; max: number }): { alpha: number; beta: number } {
  const range = d.max - d.min;
  return { alpha: 1 + (4 * (d.mode - d.min)) / range, beta: 1 + (4 * (d.max - d.mode)) / range };
}

/** The log's mean and deviation for a lognormal of the given mean and deviation. */
export function lognormalShape(d: { mean: number; sd: number }): { mu: number; sigma: number } {
  const sigma2 = Math.log(1 + (d.sd * d.sd) / (d.mean * d.mean));
  return { mu: Math.log(d.mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

function triangular(a: number, c: number, b: number, u: number): number {
  if (b === a) return a;
  const split = (c - a) / (b - a);
  return u < split ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

/** u moved into (lo, hi): a truncated distribution's share of the uniform range. */
function within(lo: number, hi: number, u: number): number {
  const v = lo + u * (hi - lo);
  return Math.min(Math.max(v, Number.MIN_VALUE), 1 - Number.EPSILON / 2);
}

function clamp(x: number, bounds: Bounds): number {
  if (bounds.min !== undefined && x < bounds.min) return bounds.min;
  if (bounds.max !== undefined && x > bounds.max) return bounds.max;
  return x;
}

/** Φ⁻¹(p), Wichura's algorithm AS 241 (PPND16): about 16 significant digits. */
export function inverseNormal(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r + 133.14166789178437745) * r +
          3.387132872796366608)) /
      (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r + 42.313330701600911252) * r + 1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r + 4.6303378461565452959) * r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r + 2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    x =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r + 5.4637849111641143699) * r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r + 0.59983220655588793769) * r + 1);
  }
  return q < 0 ? -x : x;
}

/** Φ(x) through erfc (Numerical Recipes' Chebyshev fit, relative error under 1.2e-7): enough to place a cut. */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** ln Γ(x), Lanczos (g = 7, n = 9). */
function lnGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let a = c[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The regularized incomplete beta function I_x(a, b), by Lentz's continued fraction; `lnB` is ln B(a, b), when known. */
export function incompleteBeta(x: number, a: number, b: number, lnB = lnBeta(a, b)): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log(1 - x) - lnB);
  if (x > (a + 1) / (a + b + 2)) return 1 - (front * betaFraction(1 - x, b, a)) / b;
  return (front * betaFraction(x, a, b)) / a;
}

function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}

/**
 * The x with I_x(a, b) = p: Newton's method on I (its slope is the beta density), kept inside a
 * bracket that every step narrows, with a bisection wherever Newton would leave it; a few steps
 * to float64's last bits, where bisection alone takes sixty.
 */
export function inverseBeta(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const lnB = lnBeta(a, b);
  let lo = 0;
  let hi = 1;
  let x = a / (a + b);
  for (let i = 0; i < 200; i++) {
    const f = incompleteBeta(x, a, b, lnB) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const slope = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x) - lnB);
    let next = x - f / slope;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 4 * Number.EPSILON * x || hi - lo <= 4 * Number.EPSILON * hi) return next;
    x = next;
  }
  return x;
}
