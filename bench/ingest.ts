// Extraction throughput: characters per second for the sample plan and for the whole shipped corpus, on one core.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ingestDocument } from "../ingest/pipeline.ts";

function files(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".txt"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

function measure(label: string, inputs: string[], rounds: number): void {
  const docs = inputs.map((f) => ({ f, bytes: readFileSync(f), chars: readFileSync(f, "utf8").length }));
  const chars = docs.reduce((n, d) => n + d.chars, 0);
  const mb = docs.reduce((n, d) => n + d.bytes.length, 0) / 1e6;
  ingestDocument(docs[0]!.bytes, docs[0]!.f, "warm-up");
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const d of docs) ingestDocument(d.bytes, d.f, d.f);
    times.push((performance.now() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  const s = times[Math.floor(times.length / 2)]!;
  console.log(
    `${label.padEnd(14)} ${String(docs.length).padStart(4)} files  ${(chars / 1e6).toFixed(2)} M chars  ${mb.toFixed(1)} MB  ` +
      `${s.toFixed(2)} s  ${(chars / s / 1e6).toFixed(2)} M chars/s  ${(mb / s).toFixed(2)} MB/s per core  (aim ≥ 2 MB/s: ${(mb / s / 2).toFixed(2)}×)`,
  );
}

const corpus = process.argv[2] ?? "data/corpus";
measure("sample plan", ["data/plans/hebei-14th-fyp-proposal.txt"], 7);
measure("whole corpus", files(corpus), 1);
