// Pathological inputs through the extractor: time per MB should stay flat as inputs grow (npm run bench:fuzz [scale]).
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { ingestDocument } from "../ingest/pipeline.ts";

const scale = Number(process.argv[2] ?? 1);
const sample = readFileSync("data/plans/hebei-14th-fyp-proposal.txt", "utf8");
const CJK = "发展建设推进产业经济创新数字能源城市乡村绿色开放改革服务体系项目工程区域河北雄安张家口氢能";

/** A pseudo-random generator with a fixed seed, so every run measures the same text. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

/** The inputs: name, how the text is made at a given size in MB, and the time aim in seconds for the largest size. */
const CASES: { name: string; make: (mb: number) => string; aim: number; sizes: number[] }[] = [
  {
    name: "sample plan repeated",
    make: (mb) => sample.repeat(Math.max(1, Math.round((mb * 1e6) / Buffer.byteLength(sample)))),
    aim: 30,
    sizes: [2.5, 5, 10, 20],
  },
  { name: "one line of 一", make: (mb) => "一".repeat(Math.round((mb * 1e6) / 3)), aim: 10, sizes: [0.5, 1, 3] },
  {
    name: "unbalanced quote",
    make: (mb) =>
      `“${sample.replace(/[“”]/gu, "").repeat(Math.max(1, Math.round((mb * 1e6) / Buffer.byteLength(sample))))}`,
    aim: 10,
    sizes: [0.5, 1, 3],
  },
  {
    name: "60k headings",
    make: (mb) => {
      const n = Math.round(60_000 * (mb / 3));
      return Array.from({ length: n }, (_, i) => `${(i % 99) + 1}．第${i}项工作任务`).join("\n");
    },
    aim: 10,
    sizes: [0.75, 1.5, 3],
  },
  {
    name: "random CJK",
    make: (mb) => {
      const next = random(7);
      const chars = Math.round((mb * 1e6) / 3);
      let out = "";
      for (let i = 0; i < chars; i++) out += i % 97 === 96 ? "。" : CJK[Math.floor(next() * CJK.length)];
      return out;
    },
    aim: 10,
    sizes: [0.5, 1, 3],
  },
];

for (const c of CASES) {
  const rows: string[] = [];
  let last = 0;
  for (const mb of c.sizes.map((s) => s * scale)) {
    const bytes = Buffer.from(c.make(mb), "utf8");
    const t0 = performance.now();
    const { issues } = ingestDocument(bytes, `${c.name}.txt`, "fuzz", { maxBytes: 64e6 });
    const s = (performance.now() - t0) / 1000;
    last = s;
    const size = bytes.length / 1e6;
    const skipped = issues.find((i) => i.severity === "error");
    rows.push(
      `${size.toFixed(1).padStart(5)} MB ${s.toFixed(2).padStart(7)} s ${(s / size).toFixed(2).padStart(6)} s/MB${skipped ? `  (${skipped.code})` : ""}`,
    );
  }
  console.log(
    `${c.name}: ${rows.join(" | ")}  — largest ${last.toFixed(1)} s, aim < ${c.aim} s: ${(last / c.aim).toFixed(2)}×`,
  );
}
