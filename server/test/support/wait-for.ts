/**
 * Polls `check` until it holds; for effects another process or queue produces. `what` names the
 * condition in the timeout's error; as a function it can describe the state it found then (rows,
 * requests), so a failure in CI says why without a re-run.
 */
export async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000, what: string | (() => Promise<string>) = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      const described = typeof what === 'string' ? what : await what().catch((error: Error) => `(describing the state failed: ${error.message})`);
      throw new Error(`${described} not met within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
