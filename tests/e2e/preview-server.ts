// Starts `vite preview` on the built dist/ at 127.0.0.1:<free port> as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface PreviewServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Asks the OS for a free loopback port by binding port 0, then releases it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited(child);
  clearTimeout(timer);
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`vite preview exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`vite preview did not answer at ${url} within 30 s:\n${output()}`);
}

export async function startPreviewServer(root: string): Promise<PreviewServer> {
  if (!existsSync(join(root, 'dist', 'index.html'))) {
    throw new Error('dist/index.html is missing: run `npm run build` before the e2e tests.');
  }
  const viteBin = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const args = [viteBin, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    // Last-resort cleanup if the runner process exits without calling stop().
    const onExit = () => child.kill('SIGKILL');
    process.once('exit', onExit);
    const stop = async () => {
      process.removeListener('exit', onExit);
      await stopChild(child);
    };
    const url = `http://127.0.0.1:${port}/`;
    try {
      await waitUntilServing(url, child, () => log);
      return { url, pid: child.pid ?? -1, stop };
    } catch (error) {
      lastError = error;
      await stop();
    }
  }
  throw lastError;
}
