import { describe, expect, it } from 'vitest';
import { vendorOf } from '../../src/model/party.js';

describe('vendorOf', () => {
  it('knows each vendor by the family names of its models', () => {
    expect(['gpt-5.5', 'gpt-4o-mini', 'o3', 'o4-mini', 'codex-mini', 'claude-opus-4-7', 'gemini-2.5-pro'].map(vendorOf)).toEqual([
      'openai',
      'openai',
      'openai',
      'openai',
      'openai',
      'anthropic',
      'google',
    ]);
  });

  it('pays no vendor for open-weight models, which clouds host without paying their maker', () => {
    expect(vendorOf('gpt-oss-120b')).toBeUndefined();
    expect(vendorOf('gpt-oss-20b')).toBeUndefined();
  });

  it('does not guess at names it does not know', () => {
    expect(vendorOf('llama-4-maverick')).toBeUndefined();
    expect(vendorOf('gpto')).toBeUndefined();
  });
});
