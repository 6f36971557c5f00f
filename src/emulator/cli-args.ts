import type { AccessPolicyDenial } from './types';

/** Flags of the stand-alone emulator; parsing is pure so it is tested without a process. */
export interface CliArgs {
  port: number;
  host: string;
  latencyMs: number;
  caOut?: string;
  autoProvision: boolean;
  /** Which of Graph's wordings a missing application access policy gets (see EmulatorOptions). */
  accessPolicyDenial: AccessPolicyDenial;
}

const DENIALS: readonly AccessPolicyDenial[] = ['General', 'Unauthorized'];

export type CliParse = { ok: true; args: CliArgs } | { ok: false; problems: string[] };

export const CLI_USAGE = 'usage: emulator [--port N] [--host H] [--latency MS] [--ca-out FILE] [--auto-provision] [--access-policy-denial General|Unauthorized]';

export function parseCliArgs(argv: readonly string[]): CliParse {
  const args: CliArgs = { port: 0, host: '127.0.0.1', latencyMs: 0, autoProvision: false, accessPolicyDenial: 'General' };
  const problems: string[] = [];
  const number = (flag: string, value: string | undefined, max: number): number | undefined => {
    const n = value === undefined || value.trim() === '' ? Number.NaN : Number(value);
    if (!Number.isInteger(n) || n < 0 || n > max) {
      problems.push(`${flag} needs an integer from 0 to ${max}, got ${value === undefined ? 'nothing' : `'${value}'`}`);
      return undefined;
    }
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i] ?? '';
    const [name, inline] = flag.startsWith('--') && flag.includes('=') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (name) {
      case '--port': args.port = number('--port', value(), 65535) ?? args.port; break;
      case '--latency': args.latencyMs = number('--latency', value(), 600_000) ?? args.latencyMs; break;
      case '--host': {
        const host = value();
        if (host === undefined || host === '') problems.push('--host needs an address');
        else args.host = host;
        break;
      }
      case '--ca-out': {
        const file = value();
        if (file === undefined || file === '') problems.push('--ca-out needs a file path');
        else args.caOut = file;
        break;
      }
      case '--auto-provision': args.autoProvision = true; break;
      case '--access-policy-denial': {
        const wording = value();
        const denial = DENIALS.find((d) => d === wording);
        if (denial === undefined) problems.push(`--access-policy-denial needs ${DENIALS.join(' or ')}, got ${wording === undefined ? 'nothing' : `'${wording}'`}`);
        else args.accessPolicyDenial = denial;
        break;
      }
      default: problems.push(`unknown argument '${flag}'`);
    }
  }
  return problems.length === 0 ? { ok: true, args } : { ok: false, problems };
}
