/** Holds a fake port's calls until released, so that a test can act while a call is still in flight. */
export class Gate {
  private held?: Promise<void>;
  private open?: () => void;

  /** From now on, `pass()` waits until `release()`. */
  hold(): void {
    this.held = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open?.();
  }

  /** Resolves at once unless held. */
  async pass(): Promise<void> {
    await this.held;
  }
}
