/**
 * Holding the idle auto-lock (R24) off while a long operation the professional started is running:
 * a backup export or restore of a team's caseload takes minutes without any input, and locking
 * halfway drops the key it needs (the bench's restore of a 10,000-client backup was cut off after
 * the 5-minute idle period, while its check was still reading the file). While held, the idle timer
 * waits another period instead of locking, and coming back to the tab does not lock; once released,
 * the period running then ends in a lock as before (so within one idle period of the release). The
 * lock button and the other tabs still lock at once.
 */
let holds = 0;

/** Holds the auto-lock off until the returned function is called (calling it twice releases once). */
export function holdAutoLock(): () => void {
  holds += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds -= 1;
  };
}

export function autoLockHeld(): boolean {
  return holds > 0;
}
