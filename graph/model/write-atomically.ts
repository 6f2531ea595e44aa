// The one way plangraph writes a file: into a temporary file beside it, renamed into place only once complete.
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Writable } from "node:stream";

/** Streams content to `file` through a temporary file and renames it into place, so a failure never leaves half a file. */
export async function writeAtomically(file: string, write: (out: Writable) => Promise<unknown>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  try {
    await write(out);
    if (!out.writableFinished) await new Promise<void>((done, fail) => out.end(done).once("error", fail));
    await rename(tmp, file);
  } catch (err) {
    out.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
}
