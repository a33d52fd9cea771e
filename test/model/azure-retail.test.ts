import { describe, expect, it } from 'vitest';
import { fromAzureRetail, parseTokenMeter } from '../../src/model/azure-retail.js';

describe('Azure Retail Prices token meter names', () => {
  it('reads version, variant, context, mode, token kind and deployment', () => {
    expect(parseTokenMeter('5.5 ShortCo cd inp Gl 1M Tokens')).toEqual({ model: 'gpt-5.5', deployment: 'global', tier: 'standard', long: false, kind: 'cachedInput' });
    expect(parseTokenMeter('5.6 sol ShortCo Cd Wr Std Gl 1M Tokens')).toEqual({ model: 'gpt-5.6-sol', deployment: 'global', tier: 'standard', long: false, kind: 'cacheWrite' });
    expect(parseTokenMeter('5.5 LongCo Batch inp Dz 1M Tokens')).toEqual({ model: 'gpt-5.5', deployment: 'data-zone', tier: 'batch', long: true, kind: 'input' });
    expect(parseTokenMeter('5.5 ShortCo PP opt Gl 1M Tokens')).toEqual({ model: 'gpt-5.5', deployment: 'global', tier: 'priority', long: false, kind: 'output' });
    expect(parseTokenMeter('GPT 5 Mini Inpt Glbl 1M Tokens')).toEqual({ model: 'gpt-5-mini', deployment: 'global', tier: 'standard', long: false, kind: 'input' });
    expect(parseTokenMeter('GPT 5 cchd Inpt DZone 1M Tokens')).toEqual({ model: 'gpt-5', deployment: 'data-zone', tier: 'standard', long: false, kind: 'cachedInput' });
  });

  it('refuses a name with a word it does not know, or without a kind or deployment, rather than guess', () => {
    expect(parseTokenMeter('4.3 Outp DZ L Tokens')).toEqual({ reason: 'unknown word "l" in the meter name' });
    expect(parseTokenMeter('V3.1 Inp glbl Tokens')).toEqual({ reason: 'not a GPT-5-style token meter (no version first)' });
    expect(parseTokenMeter('5.5 ShortCo Gl 1M Tokens')).toEqual({ reason: 'no token kind (inp, opt, cd inp, cd wr) in the meter name' });
    expect(parseTokenMeter('5.5 ShortCo inp 1M Tokens')).toEqual({ reason: 'no deployment (Gl, Dz, regnl) in the meter name' });
  });
});

/** An item with the API's fields; the tests vary only what they are about. */
const item = (meterName: string, retailPrice: string, armRegionName: string, effectiveStartDate = '2026-05-01T00:00:00Z', extra: Record<string, string> = {}) => ({
  currencyCode: 'USD',
  tierMinimumUnits: '0.0',
  retailPrice,
  unitPrice: retailPrice,
  armRegionName,
  effectiveStartDate,
  meterName,
  productName: 'Azure OpenAI GPT5',
  serviceName: 'Foundry Models',
  unitOfMeasure: '1M',
  type: 'Consumption',
  ...extra,
});

describe('Azure Retail Prices as catalog rows', () => {
  it('joins a model’s meters into a row, one * row where every region prices a Global meter alike', () => {
    const { models } = fromAzureRetail([
      item('5.5 ShortCo inp Gl 1M Tokens', '5.0', 'eastus2'),
      item('5.5 ShortCo inp Gl 1M Tokens', '5.0', 'swedencentral'),
      item('5.5 ShortCo cd inp Gl 1M Tokens', '0.5', 'eastus2'),
      item('5.5 ShortCo opt Gl 1M Tokens', '30.0', 'japaneast'),
      item('5.5 ShortCo inp Dz 1M Tokens', '5.5', 'eastus2'),
      item('5.5 ShortCo opt Dz 1M Tokens', '33.0', 'eastus2'),
    ]);
    expect(models.map((m) => [m.region, m.deployment, m.model, m.input.toFixed(), m.cachedInput?.toFixed(), m.output.toFixed(), m.effectiveFrom, m.effectiveTo])).toEqual([
      ['*', 'global', 'gpt-5.5', '5', '0.5', '30', '2026-05-01', undefined],
      ['eastus2', 'data-zone', 'gpt-5.5', '5.5', undefined, '33', '2026-05-01', undefined],
    ]);
  });

  it('makes a price change a new row from its day, the old one ending there; 1K meters priced per 1M', () => {
    const { models } = fromAzureRetail([
      item('5.6 terra ShortCo Inp Std Gl 1M Tokens', '2.5', 'eastus2', '2026-07-01T00:00:00Z'),
      item('5.6 terra ShortCo Opt Std Gl 1M Tokens', '15.0', 'eastus2', '2026-07-01T00:00:00Z'),
      item('5.6 terra ShortCo Inp Std Gl 1M Tokens', '2.0', 'eastus2', '2026-08-01T00:00:00Z'),
      item('5.6 terra ShortCo Opt Std Gl 1M Tokens', '0.012', 'eastus2', '2026-08-01T00:00:00Z', { unitOfMeasure: '1K' }),
    ]);
    expect(models.map((m) => [m.input.toFixed(), m.output.toFixed(), m.effectiveFrom, m.effectiveTo])).toEqual([
      ['2.5', '15', '2026-07-01', '2026-08-01'],
      ['2', '12', '2026-08-01', undefined],
    ]);
  });

  it('reads provisioned units by the hour and by reservation term, and lists what it cannot map with the reason', () => {
    const imported = fromAzureRetail([
      item('Provisioned Managed Global Unit', '1.0', 'eastus', '2024-11-01T00:00:00Z', { unitOfMeasure: '1/Hour' }),
      item('Provisioned Managed Data Zone Unit', '260.0', 'eastus', '2024-12-04T00:00:00Z', { type: 'Reservation', reservationTerm: '1 Month', unitOfMeasure: '1/Hour' }),
      item('Provisioned Managed Global Unit', '5000.0', 'eastus', '2024-12-04T00:00:00Z', { type: 'Reservation', reservationTerm: '3 Years' }),
      item('5.5 ShortCo inp Gl 1M Tokens', 'lots', 'eastus'),
      item('D2als v7', '416.0', 'eastus', '2025-11-01T00:00:00Z', { serviceName: 'Virtual Machines', type: 'Reservation', reservationTerm: '1 Year' }),
    ]);
    expect(imported.provisioned.map((p) => [p.region, p.deployment, p.term, p.price.toFixed()])).toEqual([
      ['eastus', 'global', 'hour', '1'],
      ['eastus', 'data-zone', 'month', '260'],
    ]);
    expect(imported.unmapped.map((u) => u.reason)).toEqual([
      'a provisioned unit of type Reservation 3 Years: only hourly use and 1-month or 1-year reservations are terms cloudtco prices',
      'retailPrice "lots" is not a price the catalog can hold',
      'type Reservation: only pay-as-you-go (Consumption) prices are imported',
    ]);
  });
});
