import { describe, expect, it } from 'vitest';
import { lineChart, type LineChartSpec } from '../../../src/report/html/line-chart.js';

const spec: LineChartSpec = {
  id: 'c',
  title: 'Cost each month, USD',
  description: 'two lines',
  xs: [0, 1],
  xTicks: [
    { at: 0, label: '2027-01' },
    { at: 1, label: '2027-02' },
  ],
  xTitle: 'month',
  yTitle: 'USD',
  yFormat: (v) => String(v),
  series: [
    { name: 'a', values: [0, 100], tips: ['a · 2027-01: 0.00 USD', 'a · 2027-02: 100.00 USD'] },
    { name: 'b', values: [50, 50], tips: ['b1', 'b2'] },
  ],
};

describe('lineChart', () => {
  it('places points where the axes say', () => {
    const svg = lineChart(spec);
    // legend: one row, 12 + 14 = 26 high from y 4; plot from 4 + 26 + 22 = 52 to 52 + 260 = 312
    // y ticks 0..100 in 20s: 0 → 312, 100 → 52, 50 → 182; x from 76 + 10 = 86 to 760 - 20 - 10 = 730
    expect(svg).toContain('points="86,312 730,52"');
    expect(svg).toContain('points="86,182 730,182"');
    expect(svg).toContain('viewBox="0 0 760 356"');
    expect(svg.match(/<g class="series"/g)).toHaveLength(2);
  });

  it('names itself for screen readers and each point for a pointer', () => {
    const svg = lineChart(spec);
    expect(svg).toMatch(/role="img" aria-labelledby="c-title c-desc"><title id="c-title">Cost each month, USD<\/title><desc id="c-desc">two lines<\/desc>/);
    expect(svg).toContain('<title>a · 2027-02: 100.00 USD</title>');
  });

  it('numbers its markers and writes what each marks', () => {
    const svg = lineChart({ ...spec, markers: [{ series: 1, x: 1, y: 50, label: 'b becomes cheaper than a in 2027-02' }] });
    expect(svg).toContain('<circle cx="730" cy="182" r="6"');
    expect(svg).toContain('<title>1: b becomes cheaper than a in 2027-02</title>');
  });

  it('draws a rule across the plot where a crossover is', () => {
    const svg = lineChart({ ...spec, rules: [{ x: 0.5, label: 'b cheapest from 0.5' }] });
    // halfway between 86 and 730
    expect(svg).toContain('<line x1="408" x2="408" y1="52" y2="312"');
  });

  it('shades a band under a series', () => {
    const svg = lineChart({ ...spec, series: [{ ...spec.series[0]!, band: { low: [0, 80], high: [20, 100] } }] });
    // high along, then low back: (86, y 20 = 260), (730, 52), (730, y 80 = 104), (86, 312)
    expect(svg).toContain('points="86,260 730,52 730,104 86,312"');
  });

  it('shows a single point as a dot in the middle', () => {
    const svg = lineChart({ ...spec, xs: [0], xTicks: [{ at: 0, label: '2027-01' }], series: [{ name: 'a', values: [10], tips: ['only'] }] });
    expect(svg).toContain('<circle cx="408"');
  });
});
