/**
 * Headless runs: `npm run -s simulate -- spec.json` (or the spec on stdin) prints the run as JSON:
 * {"w":[[x,y],…],"loss":[…],"lr":[…],"gradNorm":[…],"stoppedAt":k|null,"stopReason":…,"regime":…,"predictedRegime":…}
 * Index 0 is the start point; non-finite numbers are written as null. An invalid spec exits 1
 * with one line per bad field on stderr.
 */
import { readFileSync } from 'node:fs';
import { createSurface, formatErrors, parseRunSpecJson, simulate, toJson } from '../src/engine';

function readInput(args: string[]): string {
  const path = args.find((a) => a !== '-');
  if (!path) return readFileSync(0, 'utf8');
  return readFileSync(path, 'utf8');
}

function main(): number {
  let text: string;
  try {
    text = readInput(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`simulate: cannot read the spec: ${(err as Error).message}\n`);
    return 2;
  }
  const parsed = parseRunSpecJson(text);
  if (!parsed.ok) {
    process.stderr.write(`simulate: invalid run spec\n${formatErrors(parsed.errors)}\n`);
    return 1;
  }
  const surface = createSurface(parsed.spec.surface);
  const result = simulate(parsed.spec, surface);
  process.stdout.write(JSON.stringify(toJson(parsed.spec, surface, result)) + '\n');
  return 0;
}

process.exitCode = main();
