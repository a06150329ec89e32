// Locates the Chromium/Chrome used by the end-to-end tests, the same way scripts/ensure-chromium.sh
// does: $CHROME_PATH, then /usr/bin/chromium, then chromium, chromium-browser, google-chrome,
// google-chrome-stable on PATH. Throws a clear error if there is none: e2e tests never skip.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['CHROME_PATH'];
  if (fromEnv) {
    if (isExecutableFile(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH=${fromEnv} is not an executable file; fix or unset it.`);
  }
  if (isExecutableFile('/usr/bin/chromium')) return '/usr/bin/chromium';
  const dirs = (env['PATH'] ?? '').split(delimiter).filter(Boolean);
  for (const name of NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  throw new Error(
    'No Chromium/Chrome found for the end-to-end tests. Run `bash scripts/ensure-chromium.sh` ' +
      '(installs Debian\'s chromium when run as root), or install it yourself: ' +
      '`sudo apt-get install chromium`, or set CHROME_PATH=/path/to/chrome.',
  );
}
