import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium';

export interface RunningChromium {
  browser: Browser;
  process: ChildProcess;
}

/**
 * Debian's Chromium started as a plain process on a profile folder, driven over the DevTools
 * protocol: so a test can kill it without warning (SIGKILL, no unload) and start it again on the
 * same profile, as when a laptop's battery dies.
 */
export async function startChromiumOnProfile(userDataDir: string): Promise<RunningChromium> {
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_FLAGS, '--headless', `--user-data-dir=${userDataDir}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${output}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${output}`)));
  });
  return { browser: await chromium.connectOverCDP(endpoint), process: child };
}

/** Ends Chromium at once, as a power cut would: no unload, no flush by the browser. */
export async function killChromium({ process }: RunningChromium): Promise<void> {
  const exited = new Promise((resolve) => process.once('exit', resolve));
  process.kill('SIGKILL');
  await exited;
}
