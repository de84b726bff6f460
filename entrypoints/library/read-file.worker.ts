import { answerReadRequest, type ReadRequest, type WorkerAnswer } from './read-request.ts';

// Reads one big text file of an import off the library page's main thread (Cairn issue 8):
// decoding, parsing and cleaning 45 MB of JSON Lines would otherwise freeze the page for seconds.
const scope = globalThis as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<ReadRequest>) => void): void;
  postMessage(message: WorkerAnswer): void;
};

scope.addEventListener('message', (event) => void answerReadRequest(event.data, (answer) => scope.postMessage(answer)));
