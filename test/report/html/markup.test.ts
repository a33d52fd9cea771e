import { describe, expect, it } from 'vitest';
import { clip, esc, px } from '../../../src/report/html/markup.js';

describe('markup', () => {
  it('shows markup in a name as text, never as markup', () => {
    expect(esc(`</title><script>alert("x")</script> & 'y'`)).toBe('&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });

  it('shows control characters as escapes, as every report does', () => {
    expect(esc('a\nb\u202ec\x1b[31m')).toBe('a\\nb\\u202ec\\x1b[31m');
  });

  it('writes coordinates to a tenth of a pixel', () => {
    expect([px(293.45), px(12), px(-0.04), px(1 / 3)]).toEqual(['293.5', '12', '0', '0.3']);
  });

  it('clips long labels in the middle, where ids differ least', () => {
    // 4 characters: 2 from the start, the ellipsis, 1 from the end
    expect(clip('abcdef', 4)).toBe('ab…f');
    expect(clip('azure-global-paygo', 11)).toBe('azure…paygo');
    expect(clip('abc', 4)).toBe('abc');
  });
});
