/**
 * The Web Worker side of forcePositions (force.ts): takes one ForceRequest, posts progress, then the positions.
 * Started by `new Worker(new URL('./force.worker.ts', import.meta.url), { type: 'module' })`, which Vite bundles.
 */
import { type ForceReply, type ForceRequest, runSimulation } from './simulation';

/** The part of the worker global used here (the app's tsconfig has the DOM lib, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ForceRequest>) => void) | null;
  postMessage(reply: ForceReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = ({ data }) => {
  // No pause between slices: nothing else runs here, and the page aborts by terminating the worker.
  runSimulation(data, { onProgress: (done) => scope.postMessage({ type: 'progress', done }) }).then(
    (xy) => scope.postMessage({ type: 'done', xy }),
    (error: unknown) => scope.postMessage({ type: 'error', message: String(error) }),
  );
};
