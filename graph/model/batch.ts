// Joins the many small strings a writer yields into pieces of about 64 KB, so streams see few large writes.

/** The size, in UTF-16 code units, a batch grows to before it is handed on. */
export const BATCH_CHARS = 1 << 16;

/** Yields the input strings joined into batches of about `size` characters, in order, holding at most one batch. */
export function* batch(pieces: Iterable<string>, size = BATCH_CHARS): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    parts.push(piece);
    length += piece.length;
    if (length >= size) {
      yield parts.join("");
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield parts.join("");
}
