// SIGKILL for a persistent Chromium context. Playwright gives no process handle for persistent contexts,
// so the browser process is found by its --user-data-dir (the one process without --type=, i.e. not a
// renderer, GPU or utility child). Killing it takes every child down with it, like a phone killing the app.
import { execFileSync } from 'node:child_process';

export function browserPids(profileDir: string): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes(`--user-data-dir=${profileDir}`) && !line.includes('--type='))
    .map((line) => Number.parseInt(line.trim(), 10))
    .filter((pid) => Number.isInteger(pid) && pid > 0);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills these processes now (synchronously: no await between the decision and the kill). */
export function killNow(pids: readonly number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Waits until every one of these processes has exited. */
export async function waitForExit(pids: readonly number[]): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  if (pids.some(alive)) throw new Error('browser survived SIGKILL');
}

/** Kills the browser running on this profile and waits until it is gone. */
export async function killBrowser(profileDir: string): Promise<void> {
  const pids = browserPids(profileDir);
  if (pids.length === 0) throw new Error(`no browser process found for ${profileDir}`);
  killNow(pids);
  await waitForExit(pids);
}
