// Regression cases: real excerpts (tests/fixtures/recognize/<case>/input.txt, source named in source.txt) and the mentions
// and relations found in them. After a deliberate change, regenerate with `UPDATE=1 npx vitest run tests/ingest/recognize`.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "../../ingest/pipeline.ts";

const root = "tests/fixtures/recognize";

function listing(folder: string) {
  const source = readFileSync(path.join(folder, "source.txt"), "utf8").trim();
  const { extraction } = extract(readFileSync(path.join(folder, "input.txt")), source, path.basename(folder));
  const { mentions, relations } = extraction!;
  const name = (m: { label: string; name: string }) => `${m.label}:${m.name}`;
  return {
    entities: [...new Set(mentions.map(name))].sort(),
    relations: [...new Set(relations.map((r) => `${r.type} ${name(r.source)} -> ${name(r.target)}`))].sort(),
  };
}

describe.each(readdirSync(root))("recognition on %s", (name) => {
  const folder = path.join(root, name);
  const expectedFile = path.join(folder, "expected.json");
  it("finds the expected entities and relations", () => {
    const actual = listing(folder);
    if (process.env.UPDATE === "1" || !existsSync(expectedFile))
      writeFileSync(expectedFile, `${JSON.stringify(actual, null, 1)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, "utf8")));
  });
});
