import type { Fault, FaultTarget } from './types';

interface ArmedFault {
  fault: Fault;
  remaining: number;
}

/** Faults waiting to be applied, first injected first served, each for its number of requests. */
export class FaultQueue {
  private armed: ArmedFault[] = [];

  inject(fault: Fault): void {
    const times = fault.times ?? 1;
    if (times > 0) this.armed.push({ fault: { ...fault }, remaining: times });
  }

  /** The next fault for `target`, counting it as used. */
  take(target: FaultTarget): Fault | undefined {
    const index = this.armed.findIndex((a) => a.fault.target === target);
    if (index < 0) return undefined;
    const entry = this.armed[index];
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.armed.splice(index, 1);
    return entry.fault;
  }

  clear(): void {
    this.armed = [];
  }
}
