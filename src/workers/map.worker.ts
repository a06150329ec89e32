/** The stability-map worker: runs every cell of the empirical map, posting rows as they complete. */
import type { MapReply, MapRequest } from './map-protocol';
import { channelScheduler, createMapRunner } from './map-runner';

/** The parts of a dedicated worker's global scope used here (the DOM lib has no worker types). */
interface WorkerScope {
  postMessage(msg: MapReply, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<MapRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const runner = createMapRunner({ post: (msg, transfer) => scope.postMessage(msg, transfer) }, channelScheduler());
scope.onmessage = (e) => runner.handle(e.data);
