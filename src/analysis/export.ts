/** The export report: every line item of every option, with what they were priced with. */
import type { LineItem } from '../model/line-item.js';
import type { Period } from '../model/period.js';
import type { Scenario } from '../model/scenario.js';
import { provenanceOf, type CatalogIdentity, type Provenance } from './provenance.js';

export interface ExportReport {
  scenario: { name: string; file: string };
  currency: string;
  horizon: { start: Period; end: Period; months: number };
  provenance: Provenance;
  lineItems: readonly LineItem[];
}

export function exportReport(input: { scenario: Scenario; scenarioFile: string; catalog: CatalogIdentity; periods: readonly Period[]; lineItems: readonly LineItem[]; whatIf?: readonly string[]; pointValues?: readonly string[] }): ExportReport {
  const { scenario, periods } = input;
  return {
    scenario: { name: scenario.name, file: input.scenarioFile },
    currency: scenario.currency,
    horizon: { start: periods[0]!, end: periods[periods.length - 1]!, months: periods.length },
    provenance: provenanceOf(input.catalog, scenario, input.lineItems, input.whatIf, input.pointValues),
    lineItems: input.lineItems,
  };
}
