#!/usr/bin/env node
import module from 'node:module';

// Node 22.1 and later keep compiled code on disk between runs, a large part of a short run's
// start-up; older Node has no such cache and runs as before.
module.enableCompileCache?.();
const { run } = await import('../dist/bundle/main.js');

// Write failures reach the command through each write's callback (a reader that stopped early,
// `cloudtco … | head`, ends the output quietly; a full disk is reported, exit 3); the streams'
// own 'error' events would otherwise end the process with a stack.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // made only when asked for (init on a terminal): process.stdin opens the terminal for reading
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  cwd: process.cwd(),
});
