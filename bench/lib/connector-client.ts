import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { ConnectorCounts, ConnectorReply, ConnectorRequest, ReplyKind } from './ipc';

type Answer = Extract<ConnectorReply, { type: 'answer' }>;
type Command = ConnectorRequest extends infer R ? (R extends ConnectorRequest ? Omit<R, 'id'> : never) : never;

/** Drives the fake Bot Connector process. */
export class ConnectorClient {
  private nextId = 0;
  private readonly pending = new Map<number, (answer: Answer) => void>();

  private constructor(
    readonly child: ChildProcess,
    readonly serviceUrl: string,
  ) {
    child.on('message', (reply: ConnectorReply) => {
      if (reply.type !== 'answer') return;
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
  }

  static async start(script: string): Promise<ConnectorClient> {
    const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const [ready] = (await once(child, 'message')) as [ConnectorReply];
    if (ready.type !== 'ready') throw new Error('fake connector did not start');
    return new ConnectorClient(child, ready.serviceUrl);
  }

  private ask(command: Command): Promise<Answer> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.send({ ...command, id } as ConnectorRequest);
    });
  }

  async reset(): Promise<void> {
    await this.ask({ cmd: 'reset' });
  }

  async counts(): Promise<ConnectorCounts> {
    return (await this.ask({ cmd: 'counts' })).counts;
  }

  /** When (epoch ms) the `count`-th reply of `kind` since the last reset arrived; `reached` false on timeout. */
  async waitFor(kind: ReplyKind, count: number, timeoutMs: number): Promise<{ reached: boolean; at: number; counts: ConnectorCounts }> {
    const answer = await this.ask({ cmd: 'wait', kind, count, timeoutMs });
    return { reached: answer.reached === true, at: answer.at ?? Number.NaN, counts: answer.counts };
  }

  close(): void {
    if (this.child.connected) this.child.disconnect();
  }
}
