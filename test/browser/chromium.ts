/**
 * Finding and starting Chromium for the browser test. playwright-core
 * drives a Chromium already on the machine (Debian's `chromium` package);
 * it downloads nothing, and neither does this test.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { Browser, chromium } from 'playwright-core';

const HOW_TO_GET_IT = [
  'The browser test needs Chromium and found none.',
  'On Debian or Ubuntu:  apt-get install -y chromium   (the binary is /usr/bin/chromium)',
  'Elsewhere: install Chromium or Chrome and set TASKPOD_CHROMIUM to its executable.',
  'npm never downloads a browser for taskpod (playwright-core only drives one).',
].join('\n');

/** The Chromium executable: $TASKPOD_CHROMIUM, else `chromium` (or `chromium-browser`) on the PATH. */
export function chromiumPath(): string {
  const given = process.env.TASKPOD_CHROMIUM;
  if (given !== undefined && given !== '') {
    if (!existsSync(given)) throw new Error(`TASKPOD_CHROMIUM is ${given}, which does not exist.\n${HOW_TO_GET_IT}`);
    return given;
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      if (dir !== '' && existsSync(join(dir, name))) return join(dir, name);
    }
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error(HOW_TO_GET_IT);
}

/**
 * Chromium, headless, with a fresh profile (playwright-core makes a new
 * empty one for each launch and removes it at close) and none of
 * Chromium's own network traffic (component updates, sync, background
 * fetches): the page is the only thing that could ask for anything.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
