import { z } from 'zod';
import { GraphError } from './errors';
import type { Exchange, Reply, Route } from './exchange';
import type { EmulatorApp, EmulatorUser, Fault, RequestCounts } from './types';

/** What the control API may do to a running emulator. */
export interface EmulatorControl {
  injectFault(fault: Fault): void;
  clearFaults(): void;
  setLatency(ms: number): void;
  addApp(app: EmulatorApp): void;
  addUser(user: EmulatorUser): void;
  addTenant(id: string): void;
  reset(): void;
  readonly counts: RequestCounts;
  readonly httpVersions: Readonly<Record<string, number>>;
  meetings(): ReadonlyArray<unknown>;
}

const faultSchema = z.strictObject({
  target: z.enum(['token', 'graph']),
  times: z.number().int().positive().optional(),
  status: z.number().int().min(100).max(599).optional(),
  retryAfter: z.number().min(0).optional(),
  code: z.string().optional(),
  aadsts: z.number().int().positive().optional(),
  message: z.string().optional(),
  latencyMs: z.number().min(0).max(600_000).optional(),
  drop: z.boolean().optional(),
  malformedBody: z.boolean().optional(),
});

const appSchema = z.strictObject({
  clientId: z.string().min(1),
  clientSecret: z.string().optional(),
  certificatePem: z.string().optional(),
  roles: z.array(z.string()).optional(),
  tenants: z.array(z.string()).optional(),
});

const userSchema = z.strictObject({
  id: z.string().min(1),
  tenantId: z.string().min(1),
  displayName: z.string(),
  userPrincipalName: z.string(),
  accessPolicy: z.boolean().optional(),
  audioConferencing: z.boolean().optional(),
  teamsLicensed: z.boolean().optional(),
  guest: z.boolean().optional(),
});

const latencySchema = z.strictObject({ ms: z.number().min(0).max(600_000) });
const tenantSchema = z.strictObject({ id: z.string().min(1) });

function parse<T>(schema: z.ZodType<T>, ex: Exchange): T {
  let json: unknown;
  try {
    json = JSON.parse(ex.rawBody.toString('utf8'));
  } catch {
    throw new GraphError(400, 'BadRequest', 'The body must be JSON.');
  }
  const result = schema.safeParse(json);
  if (!result.success) throw new GraphError(400, 'BadRequest', z.prettifyError(result.error));
  return result.data;
}

const done: Reply = { status: 204 };

/** `/_emulator/…`: drives a stand-alone emulator from another process (benchmarks, playground). */
export function controlRoutes(control: EmulatorControl): Route[] {
  const route = (method: string, name: string, handle: (ex: Exchange) => Reply): Route => ({
    kind: 'control',
    method,
    pattern: new RegExp(`^/_emulator/${name}$`),
    handle: async (ex) => handle(ex),
  });
  const applying = <T>(schema: z.ZodType<T>, apply: (value: T) => void) => (ex: Exchange): Reply => {
    const value = parse(schema, ex);
    try {
      apply(value);
    } catch (err) {
      throw new GraphError(400, 'BadRequest', err instanceof Error ? err.message : String(err));
    }
    return done;
  };
  return [
    route('POST', 'faults', applying(faultSchema, (f) => control.injectFault(f))),
    route('DELETE', 'faults', () => (control.clearFaults(), done)),
    route('POST', 'latency', applying(latencySchema, ({ ms }) => control.setLatency(ms))),
    route('POST', 'apps', applying(appSchema, (app) => control.addApp(app))),
    route('POST', 'users', applying(userSchema, (user) => control.addUser(user))),
    route('POST', 'tenants', applying(tenantSchema, ({ id }) => control.addTenant(id))),
    route('POST', 'reset', () => (control.reset(), done)),
    route('GET', 'stats', () => ({ status: 200, body: control.counts })),
    route('GET', 'http-versions', () => ({ status: 200, body: control.httpVersions })),
    route('GET', 'meetings', () => ({ status: 200, body: { value: control.meetings() } })),
  ];
}
