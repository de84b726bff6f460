/** One line of a file, as bytes, without its line break. */
export interface ByteLine {
  bytes: Uint8Array;
  /** False for a last line the file ends inside, with no line break after it. */
  ended: boolean;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Cuts a file's bytes into lines as they arrive, whatever the chunks' sizes. Lines are cut on
 * LF (a CR before it is dropped), before decoding: in UTF-8 the byte 0x0A is never part of
 * another character, so each line can be decoded on its own and a bad byte spoils only its line.
 */
export async function* byteLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<ByteLine> {
  let carried: Uint8Array[] = [];
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf(LF); end !== -1; end = chunk.indexOf(LF, start)) {
      const piece = chunk.subarray(start, end);
      yield { bytes: withoutCr(carried.length === 0 ? piece : joined([...carried, piece])), ended: true };
      carried = [];
      start = end + 1;
    }
    if (start < chunk.length) carried.push(chunk.subarray(start));
  }
  if (carried.length > 0) yield { bytes: withoutCr(joined(carried)), ended: false };
}

function joined(pieces: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    whole.set(piece, at);
    at += piece.length;
  }
  return whole;
}

function withoutCr(line: Uint8Array): Uint8Array {
  return line.at(-1) === CR ? line.subarray(0, -1) : line;
}
