import pino from 'pino';
import { AcknowledgeThenContinue, type AcknowledgeSteps, type TurnLine } from '../../src/bot/acknowledge';
import { MeetNowError } from '../../src/errors';

const log = pino({ level: 'silent' });

/** A conversation that records what was said, in which turn ("now" or "later"). */
function conversation(options: { typingFails?: boolean; acknowledgeFails?: boolean } = {}) {
  const said: string[] = [];
  const line: TurnLine<string> = {
    turn: 'now',
    typing: async () => {
      said.push('now: typing');
      if (options.typingFails) throw new Error('connector down');
    },
    continueLater: (speak) => speak('later'),
  };
  const steps: AcknowledgeSteps<string, string> = {
    answer: async (result, turn, late) => said.push(`${turn}: ${result}${late ? ' (late)' : ''}`),
    fail: async (error, turn) => said.push(`${turn}: failed ${error.code}`),
    acknowledge: async (turn) => {
      said.push(`${turn}: creating…`);
      if (options.acknowledgeFails) throw new Error('connector down');
    },
  };
  return { said, line, steps };
}

function after<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(resolve, ms, value));
}

describe('acknowledge-then-continue', () => {
  const acknowledger = new AcknowledgeThenContinue({ typingAfterMs: 1_500, acknowledgeAfterMs: 8_000 });
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('answers a quick result in the turn, with no typing and no interim message', async () => {
    const { said, line, steps } = conversation();
    const turn = acknowledger.run(after(200, 'card'), line, steps, log);
    await jest.advanceTimersByTimeAsync(200);
    await turn;
    expect(said).toEqual(['now: card']);
  });

  it('shows typing while a slower result is awaited, then answers in the turn', async () => {
    const { said, line, steps } = conversation();
    const turn = acknowledger.run(after(3_000, 'card'), line, steps, log);
    await jest.advanceTimersByTimeAsync(3_000);
    await turn;
    expect(said).toEqual(['now: typing', 'now: card']);
  });

  it('past the deadline, acknowledges, ends the turn, and answers in a later turn', async () => {
    const { said, line, steps } = conversation();
    const turn = acknowledger.run(after(12_000, 'card'), line, steps, log);
    await jest.advanceTimersByTimeAsync(8_000);
    await turn;
    expect(said).toEqual(['now: typing', 'now: creating…']);
    const drained = acknowledger.drain();
    await jest.advanceTimersByTimeAsync(4_000);
    await drained;
    expect(said).toEqual(['now: typing', 'now: creating…', 'later: card (late)']);
  });

  it('reports a quick failure in the turn, as a coded error', async () => {
    const { said, line, steps } = conversation();
    await acknowledger.run(Promise.reject(new MeetNowError('graph_access_policy', 'no policy')), line, steps, log);
    expect(said).toEqual(['now: failed graph_access_policy']);
  });

  it('reports a late failure in the later turn', async () => {
    const { said, line, steps } = conversation();
    const failing = after(9_000, undefined).then(() => {
      throw new Error('socket hang up');
    });
    const turn = acknowledger.run(failing, line, steps, log);
    await jest.advanceTimersByTimeAsync(9_000);
    await turn;
    await acknowledger.drain();
    expect(said).toEqual(['now: typing', 'now: creating…', 'later: failed internal']);
  });

  it('still answers when the typing indicator and the interim message cannot be sent', async () => {
    const { said, line, steps } = conversation({ typingFails: true, acknowledgeFails: true });
    const turn = acknowledger.run(after(10_000, 'card'), line, steps, log);
    await jest.advanceTimersByTimeAsync(10_000);
    await turn;
    await acknowledger.drain();
    expect(said).toEqual(['now: typing', 'now: creating…', 'later: card (late)']);
  });
});
