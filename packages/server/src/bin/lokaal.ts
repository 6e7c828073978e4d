#!/usr/bin/env node
// Opening hours are evaluated in the instance's time zone; it must be set before any
// module reads the clock, hence the dynamic import below.
process.env.TZ = process.env.LOKAAL_TIME_ZONE ?? 'Europe/Amsterdam';

// Output piped into a program that stops reading (`lokaal keys list | head -1`) ends the
// output, not the command: the work goes on, and its exit code stands.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
});

const { main } = await import('../cli.js');
try {
  const code = await main(process.argv.slice(2));
  // -1: a server is running and keeps the process alive.
  if (code >= 0) process.exitCode = code;
} catch (error) {
  console.error(`lokaal: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
