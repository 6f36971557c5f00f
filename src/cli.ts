#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { runDoctor } from './ops/doctor';
import { renderDoctorReport } from './ops/doctor-report';

const USAGE = `Usage: meetnow <command> [options]

Commands:
  doctor    check the configuration against Entra and Microsoft Graph and print the fix for each problem

doctor options:
  --tenant <id>         tenant to get a token in (default GRAPH_TENANT_ID, then MicrosoftAppTenantId)
  --organizer <id>      Entra object id of a user: create a test meeting for them (proves the access policy)
  --no-meeting          never create a test meeting
  --json                print the report as JSON

Exit code: 0 when every check passes, 1 when one fails, 2 for a usage error.
The configuration comes from the environment, exactly as for the bot (node --env-file=.env dist/cli.js doctor).
`;

/** `meetnow doctor …`: the operator's entry point; the environment is read by config.ts as for the bot. */
export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    (command === undefined ? err : out).write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'doctor') {
    err.write(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  let values: { tenant?: string; organizer?: string; 'no-meeting'?: boolean; json?: boolean };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { tenant: { type: 'string' }, organizer: { type: 'string' }, 'no-meeting': { type: 'boolean' }, json: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    err.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const report = await runDoctor(process.env, {
    tenant: values.tenant,
    organizer: values.organizer,
    createMeeting: values['no-meeting'] !== true,
  });
  const isTTY = (out as NodeJS.WriteStream).isTTY === true;
  out.write(values.json === true ? `${JSON.stringify(report, null, 2)}\n` : renderDoctorReport(report, { color: isTTY }));
  return report.ok ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`meetnow: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
