/**
 * A route is data, as in microsoft/teams.ts (`app.routing.ts`): `select` says whether the route takes an
 * input (a value other than `undefined` or `false` is what its handler is given), `handler` answers it. The
 * first route that selects an input takes it; adding a command or a card verb is one route and one handler.
 */
export interface Route<I, T, M = unknown> {
  /** Names the route in tests and in the code that lists the routes. */
  readonly name: string;
  select(input: I): M | undefined | false;
  handler(turn: T, match: M): Promise<unknown>;
}

/** The route that took an input, ready to run once the turn has decided to answer. */
export interface Selected<T> {
  readonly name: string;
  run(turn: T): Promise<unknown>;
}

/** A route, typed by what its `select` hands to its `handler`. */
export function route<I, T, M>(name: string, select: (input: I) => M | undefined | false, handler: (turn: T, match: M) => Promise<unknown>): Route<I, T, M> {
  return { name, select, handler };
}

/** Runs the first route that selects an input. */
export class Router<I, T> {
  constructor(private readonly routes: readonly Route<I, T>[]) {}

  /** The first route that takes `input`, or `undefined` when none does (the activity is not answered). */
  select(input: I): Selected<T> | undefined {
    for (const candidate of this.routes) {
      const match = candidate.select(input);
      if (match !== undefined && match !== false) return { name: candidate.name, run: (turn) => candidate.handler(turn, match) };
    }
    return undefined;
  }
}
