#!/usr/bin/env node
import { run } from '../dist/cli/main.js';

// A reader that stops early (`cloudtco … | head`) closes the pipe: stop quietly, like other tools.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
