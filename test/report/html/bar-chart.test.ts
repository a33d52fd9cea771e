import { describe, expect, it } from 'vitest';
import { stackedBars } from '../../../src/report/html/bar-chart.js';

describe('stackedBars', () => {
  it('stacks positive parts rightwards and negative parts leftwards from zero', () => {
    const svg = stackedBars({
      id: 'b',
      title: 't',
      description: 'd',
      keys: [
        { name: 'tokens.input', look: 0 },
        { name: 'commitment.discount', look: 1 },
      ],
      rows: [{ label: 'move', values: [30, -10], tips: ['in 30', 'discount -10'], total: '20.00' }],
      xTitle: 'USD',
      xFormat: String,
    });
    // extent -10..30: ticks -10..30 in 10s over x 170..664, 12.35 px a unit; zero at 293.5
    // legend one row (26 high from 4), bars from 4 + 26 + 12 = 42, the bar 5 below its row's top
    expect(svg).toContain('<rect x="293.5" y="47" width="370.5" height="18" fill="#0072B2"');
    expect(svg).toContain('<rect x="170" y="47" width="123.5" height="18" fill="#D55E00"');
    // the total after the positive stack: 664 + 6
    expect(svg).toContain('<text class="bar-total" x="670" y="60">20.00</text>');
  });
});
