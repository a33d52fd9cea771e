import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/report/style.js';

describe('colorEnabled', () => {
  const tty = { flag: true, env: {}, isTTY: true };

  it.each([
    ['a terminal', tty, true],
    ['a pipe', { ...tty, isTTY: false }, false],
    ['--no-color', { ...tty, flag: false }, false],
    ['NO_COLOR=1', { ...tty, env: { NO_COLOR: '1' } }, false],
    ['an empty NO_COLOR, which no-color.org says to ignore', { ...tty, env: { NO_COLOR: '' } }, true],
    ['FORCE_COLOR=1 on a pipe', { ...tty, isTTY: false, env: { FORCE_COLOR: '1' } }, true],
    ['FORCE_COLOR=0 on a terminal', { ...tty, env: { FORCE_COLOR: '0' } }, false],
    ['NO_COLOR over FORCE_COLOR', { ...tty, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }, false],
    ['--no-color over FORCE_COLOR', { ...tty, flag: false, env: { FORCE_COLOR: '3' } }, false],
  ])('%s', (_, settings, expected) => {
    expect(colorEnabled(settings)).toBe(expected);
  });
});
