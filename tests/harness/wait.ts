/** Polls `check` until it returns something truthy (which it returns), or fails after `timeoutMs`. */
export const waitFor = async <T>(
  check: () => Promise<T>,
  timeoutMs = 15_000,
  intervalMs = 50
): Promise<NonNullable<T>> => {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(
    `waitFor: condition not met within ${timeoutMs} ms (last value: ${JSON.stringify(last)})`
  );
};
