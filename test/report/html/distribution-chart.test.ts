import { describe, expect, it } from 'vitest';
import { boxChart, histograms } from '../../../src/report/html/distribution-chart.js';

describe('distribution charts', () => {
  it('draws the box from the quartiles and the whiskers to the outer percentiles', () => {
    const svg = boxChart({
      id: 'x',
      title: 't',
      description: 'd',
      key: 'whiskers P5 to P95',
      rows: [{ label: 'a', low: 100, q1: 200, median: 300, q3: 400, high: 500, mean: 320, tip: 'a: …' }],
      xTitle: 'USD',
      xFormat: String,
    });
    // 100..500 over 180..730: 1.375 px a unit; ticks every 100 (400 / 6 → 100)
    expect(svg).toContain('<line x1="180" x2="730" y1="47" y2="47"');
    expect(svg).toContain('<rect x="317.5" y="38" width="275" height="18"');
    expect(svg).toContain('<line x1="455" x2="455" y1="38" y2="56" stroke="#0072B2" stroke-width="3"/>');
  });

  it('scales each histogram to its own most frequent bin', () => {
    const svg = histograms({
      id: 'h',
      title: 't',
      description: 'd',
      edges: [0, 10, 20],
      rows: [
        { label: 'a', counts: [1, 3] },
        { label: 'b', counts: [2, 0] },
      ],
      xTitle: 'USD',
      xFormat: String,
      tip: (r, b) => `${r}/${b}`,
    });
    expect(svg.match(/<g class="series"/g)).toHaveLength(2);
    // a panel is 56 high with 44 for bars: a's 3 is full height, its 1 a third; b's empty bin draws nothing
    expect(svg).toContain('height="44" fill="#0072B2"><title>0/1</title>');
    expect(svg).toContain('height="14.7" fill="#0072B2"><title>0/0</title>');
    expect(svg).not.toContain('<title>1/1</title>');
  });
});
