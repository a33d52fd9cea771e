import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromAwsPriceList, priceListRecords } from '../../src/model/aws-pricelist.js';
import { REPO } from '../helpers/fixtures.js';

const fixture = (name: string) => JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/price-feeds/aws', name), 'utf8')) as unknown;
const row = (m: ReturnType<typeof fromAwsPriceList>['models'][number]) => [m.deployment, m.tier, m.model, ...[m.input, m.cachedInput, m.cacheWrite, m.cacheWrite1h, m.output].map((p) => p?.toFixed() ?? '')];

describe('the AWS Price List as catalog rows', () => {
  it('reads Claude on Bedrock from get-products output: Global SKUs, and the regional ones in-region and geo profiles bill', () => {
    const { models } = fromAwsPriceList(priceListRecords(fixture('bedrock-fm-getproducts-claude-sonnet-4-6-use1.json')));
    // the fixture's prices per 1M tokens: InputTokenCount_Global 3.00, InputTokenCount 3.30, CacheReadInputTokenCount 0.30 / 0.33,
    // CacheWriteInputTokenCount 3.75 / 4.125, CacheWrite1hInputTokenCount 6.00 / 6.60, OutputTokenCount 15.00 / 16.50, _Batch halves
    expect(models.map(row).sort()).toEqual(
      [
        ['global', 'batch', 'claude-sonnet-4-6', '1.5', '', '', '', '7.5'],
        ['global', 'standard', 'claude-sonnet-4-6', '3', '0.3', '3.75', '6', '15'],
        ['in-region', 'batch', 'claude-sonnet-4-6', '1.65', '', '', '', '8.25'],
        ['in-region', 'standard', 'claude-sonnet-4-6', '3.3', '0.33', '4.125', '6.6', '16.5'],
      ].sort(),
    );
    expect(models.every((m) => m.region === 'us-east-1' && m.effectiveFrom === '2026-03-01')).toBe(true);
  });

  it('reads the snake_case usage types of newer models, and AmazonBedrock per 1K tokens', () => {
    const opus = fromAwsPriceList(priceListRecords(fixture('bedrock-fm-getproducts-claude-opus-4-7-use1.json'))).models;
    expect(opus.map(row).sort()).toEqual(
      [
        ['global', 'standard', 'claude-opus-4-7', '5', '0.5', '6.25', '10', '25'],
        ['in-region', 'standard', 'claude-opus-4-7', '5.5', '0.55', '6.875', '11', '27.5'],
      ].sort(),
    );
    // Nova Micro: 0.000035 per 1K input = 0.035 per 1M; output 0.00014 → 0.14; cache read 0.00000875 → 0.00875; batch halves
    const nova = fromAwsPriceList(priceListRecords(fixture('bedrock-getproducts-amazonbedrock-nova-micro-use1-excerpt.json')));
    expect(nova.models.map(row).sort()).toEqual(
      [
        ['in-region', 'batch', 'nova-micro', '0.0175', '', '', '', '0.07'],
        ['in-region', 'standard', 'nova-micro', '0.035', '0.00875', '0', '', '0.14'],
      ].sort(),
    );
    expect(nova.unmapped.map((u) => u.reason)).toEqual([
      'feature "Model Customization": not a token price',
      'feature "Provisioned Throughput Inference - no commit": model units, whose throughput AWS does not publish',
      'feature "Provisioned Throughput Inference - 1 month": model units, whose throughput AWS does not publish',
    ]);
  });

  it('reads tiered data transfer and NAT gateways from an offer file (records built in its layout: no real capture was at hand)', () => {
    const term = (sku: string, dims: [string, string, string][], unit = 'GB') => ({
      [`${sku}.JRTCKXETXF`]: {
        offerTermCode: 'JRTCKXETXF',
        sku,
        effectiveDate: '2026-09-01T00:00:00Z',
        priceDimensions: Object.fromEntries(dims.map(([begin, end, usd], i) => [`${sku}.JRTCKXETXF.${i}`, { unit, beginRange: begin, endRange: end, pricePerUnit: { USD: usd }, description: '' }])),
      },
    });
    const offer = {
      formatVersion: 'v1.0',
      offerCode: 'AWSDataTransfer',
      products: {
        OUT: { sku: 'OUT', productFamily: 'Data Transfer', attributes: { transferType: 'AWS Outbound', fromRegionCode: 'us-east-1', toLocation: 'External', usagetype: 'DataTransfer-Out-Bytes' } },
        IR: { sku: 'IR', productFamily: 'Data Transfer', attributes: { transferType: 'InterRegion Outbound', fromRegionCode: 'us-east-1', toRegionCode: 'us-east-2', usagetype: 'USE1-USE2-AWS-Out-Bytes' } },
        NAT: { sku: 'NAT', productFamily: 'NAT Gateway', attributes: { regionCode: 'us-east-1', usagetype: 'NatGateway-Hours' } },
      },
      terms: {
        OnDemand: {
          ...{ OUT: term('OUT', [['10240', '51200', '0.0850000000'], ['0', '10240', '0.0900000000'], ['51200', 'Inf', '0.0700000000']]) },
          ...{ IR: term('IR', [['0', 'Inf', '0.0100000000']]) },
          ...{ NAT: term('NAT', [['0', 'Inf', '0.0450000000']], 'Hrs') },
        },
      },
    };
    const imported = fromAwsPriceList(priceListRecords(offer));
    expect(imported.egress.map((e) => [e.destination, e.toRegion, e.tierFrom?.toFixed(), e.tierTo?.toFixed(), e.price.toFixed()])).toEqual([
      ['internet', undefined, '0', '10240', '0.09'],
      ['internet', undefined, '10240', '51200', '0.085'],
      ['internet', undefined, '51200', undefined, '0.07'],
      ['inter-region', 'us-east-2', undefined, undefined, '0.01'],
    ]);
    expect(imported.services.map((s) => [s.service, s.meter, s.unit, s.price.toFixed()])).toEqual([['nat-gateway', 'gateway', 'gateway-hour', '0.045']]);
  });

  it('finds no records in a document of another shape', () => {
    expect(priceListRecords({ hello: 'world' })).toEqual([]);
    expect(priceListRecords({ PriceList: ['not json', 7] })).toEqual([]);
  });
});
