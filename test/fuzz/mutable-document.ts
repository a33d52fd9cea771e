/**
 * A parsed YAML/JSON document being mutated, and its serialisation back to text. Values that
 * must reach the file unquoted (`1e400`, `.inf`, `[[[[]]]]`, `*alias`) are held as placeholders
 * while yaml or JSON.stringify writes the rest, then put in verbatim: that way the file has the
 * exact text a person (or an attacker) would have typed at exactly the chosen place.
 */
import { stringify as stringifyYaml } from 'yaml';
import { Raw } from './hostile-values.js';
import type { Random } from './random.js';

export type DocumentFormat = 'yaml' | 'json';

const PLACEHOLDER = /RAWTOKEN_(\d+)_END/g;

export class MutableDocument {
  private readonly raws: string[] = [];
  /** What was done to the document, in words, for the failure report. */
  readonly notes: string[] = [];

  constructor(public data: unknown) {}

  /** The value to store in `data`: itself, or a placeholder for raw text. */
  value(value: unknown): unknown {
    if (!(value instanceof Raw)) return value;
    this.raws.push(value.text);
    return `RAWTOKEN_${this.raws.length - 1}_END`;
  }

  /**
   * The document as text. YAML sometimes keeps anchors for repeated objects (a duplicated
   * entry becomes `&a1 … *a1`), another way real files share structure.
   */
  serialize(format: DocumentFormat, random: Random): string {
    const raw = (index: string) => this.raws[Number(index)] ?? '';
    if (format === 'json') {
      return JSON.stringify(this.data, null, random.chance(0.8) ? 2 : undefined).replace(/"RAWTOKEN_(\d+)_END"/g, (_, i: string) => raw(i));
    }
    const text = stringifyYaml(this.data, { lineWidth: 0, aliasDuplicateObjects: random.chance(0.3) });
    return text.replace(PLACEHOLDER, (_, i: string) => raw(i));
  }
}
