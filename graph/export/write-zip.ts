// Packs several streamed text files into one zip, entry by entry, for formats that are more than one file.
import { Zip, ZipDeflate } from "fflate";
import { batch } from "./chunks.ts";

/** One file of a zip: its name and its text as a sequence of strings. */
export interface ZipEntry {
  name: string;
  chunks: Iterable<string>;
}

/** Yields the bytes of a zip holding the entries (deflated, UTF-8 names), compressing as the text is produced. */
export function* zipChunks(entries: Iterable<ZipEntry>): Generator<Uint8Array> {
  const ready: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    ready.push(data);
  });
  const encoder = new TextEncoder();
  function* take(): Generator<Uint8Array> {
    while (ready.length > 0) yield ready.shift() as Uint8Array;
  }
  for (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 6 });
    zip.add(file);
    for (const text of batch(entry.chunks)) {
      file.push(encoder.encode(text));
      yield* take();
    }
    file.push(new Uint8Array(0), true);
    yield* take();
  }
  zip.end();
  yield* take();
}
