#!/usr/bin/env node
import { run } from '../dist/bundle/main.js';

// Write failures reach the command through each write's callback (a reader that stopped early,
// `cloudtco … | head`, ends the output quietly; a full disk is reported, exit 3); the streams'
// own 'error' events would otherwise end the process with a stack.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
