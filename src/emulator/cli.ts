#!/usr/bin/env node
/**
 * Runs the emulator as its own process (benchmarks, playground) with the `/_emulator/` control API.
 * Prints one JSON line `{"baseUrl","caPath"}` once listening; stops on SIGINT/SIGTERM.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_USAGE, parseCliArgs } from './cli-args';
import { Emulator } from './emulator';

/** Errors have no enumerable fields: write the useful ones. */
function errorFields(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}

async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`${parsed.problems.join('\n')}\n${CLI_USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const { args } = parsed;
  const emulator = await Emulator.start({
    port: args.port,
    host: args.host,
    autoProvision: args.autoProvision,
    accessPolicyDenial: args.accessPolicyDenial,
    controlApi: true,
    // A benchmark sends far more requests than anyone reads back: count them only.
    record: false,
    logger: { warn: (obj, msg) => process.stderr.write(`${JSON.stringify({ level: 'warn', msg, ...obj }, errorFields)}\n`) },
  });
  emulator.setLatency(args.latencyMs);
  const caPath = args.caOut ?? join(tmpdir(), `meetnow-emulator-ca-${process.pid}.pem`);
  writeFileSync(caPath, emulator.caPem);
  process.stdout.write(`${JSON.stringify({ baseUrl: emulator.baseUrl, caPath })}\n`);

  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`emulator failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
