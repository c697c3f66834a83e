/**
 * Resolves when the browser is idle, at most `timeoutMs` later; on the next task where there is no
 * idle callback (Node, Safari). Background work (reading the states-one-click-away prebuilt file,
 * the engine confirming prebuilt rows) waits for it so it does not compete with drawing a change.
 */
export function idle(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: timeoutMs })
    else setTimeout(resolve, 0)
  })
}
