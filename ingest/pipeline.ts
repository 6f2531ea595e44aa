// The ingest pipeline: read (text, HTML, Markdown, PDF) → clean → metadata → structure → sentences → entities → relations → resolve → build.
import { createHash } from "node:crypto";
import type { Issue } from "../schema/index.ts";
import { lexicon } from "./lexicon/index.ts";
import type { PlanGraph } from "../graph/model/index.ts";
import { build } from "./stages/build.ts";
import { clean } from "./stages/clean.ts";
import { detectMetadata } from "./stages/detect-metadata.ts";
import { inferRelations } from "./stages/infer-relations.ts";
import { read, type ReadOptions } from "./stages/read.ts";
import { isPdf, readPdf } from "./stages/read-pdf.ts";
import { recognizeEntities } from "./stages/recognize-entities.ts";
import { recognizeRelations, regionContainment } from "./stages/recognize-relations.ts";
import { resolve } from "./stages/resolve.ts";
import { MAX_SENTENCE, sentences } from "./stages/sentences.ts";
import { structure } from "./stages/structure.ts";
import { sortHits } from "./text/spans.ts";
import { initWords, wordBoundaries } from "./text/words.ts";
import type { DecodedText, DocumentExtraction, RecognitionContext } from "./types.ts";

/** Options for ingesting one document. */
export type IngestOptions = ReadOptions;

/** What a reader returns: the decoded text, or the problems that stopped it. */
type ReadResult = { decoded?: DecodedText; issues: Issue[] };

/** Runs every stage up to relation recognition on one document's bytes; problems come back as issues, never as exceptions. */
export function extract(
  bytes: Uint8Array,
  file: string,
  planId: string,
  options: IngestOptions = {},
): { extraction?: DocumentExtraction; issues: Issue[] } {
  return extractRead(read(bytes, file, options), bytes, file, planId);
}

function extractRead(
  { decoded, issues }: ReadResult,
  bytes: Uint8Array,
  file: string,
  planId: string,
): { extraction?: DocumentExtraction; issues: Issue[] } {
  if (!decoded) return { issues };
  const lex = lexicon();
  initWords(lex.regionForms.keys());
  const cleaned = clean(decoded.text);
  if (decoded.frontMatter) cleaned.frontMatter = decoded.frontMatter;
  const { metadata, issues: metaIssues } = detectMetadata(cleaned, file, lex);
  issues.push(...metaIssues);
  const docStructure = structure(cleaned.text, cleaned.headings);
  if (docStructure.sections.length === 0)
    issues.push({
      code: "structure/no-sections",
      severity: "warning",
      message: "no numbered headings found; the text is read as one section",
      source: { file },
    });
  const { list: sents, cut } = sentences(cleaned.text, docStructure);
  if (cut > 0)
    issues.push({
      code: "structure/long-sentence",
      severity: "warning",
      message: `${cut} run(s) of text longer than ${MAX_SENTENCE} characters without a full stop were cut at clause marks`,
      source: { file },
    });
  const region = metadata.regionCode ? lex.regions.get(metadata.regionCode) : undefined;
  const ctx: RecognitionContext = {
    text: cleaned.text,
    sentences: sents,
    sections: new Map(docStructure.sections.map((s) => [s.path, s])),
    words: wordBoundaries(cleaned.text),
    hits: {
      regions: sortHits(lex.regionMatcher.matchInText(cleaned.text)),
      industries: sortHits(lex.industryMatcher.matchInText(cleaned.text)),
    },
    planRegion: region?.key,
    planProvince: region?.province,
    planYear: metadata.year,
    planGenre: metadata.genre,
  };
  const mentions = recognizeEntities(ctx, lex);
  const relations = [
    ...recognizeRelations(ctx, lex, mentions),
    ...regionContainment(
      lex,
      mentions.filter((m) => m.label === "Region"),
      region?.key,
    ),
  ];
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return {
    extraction: {
      planId,
      file,
      sha256,
      clean: cleaned,
      metadata,
      structure: docStructure,
      sentences: sents,
      mentions,
      relations,
      issues,
    },
    issues,
  };
}

/** What ingesting one document yields: its plan graph and extraction, or the problems that stopped it. */
export type IngestResult = { graph?: PlanGraph; extraction?: DocumentExtraction; issues: Issue[] };

/** Ingests one text, HTML or Markdown document into its own plan graph (entities resolved, provenance attached). */
export function ingestDocument(
  bytes: Uint8Array,
  file: string,
  planId: string,
  options: IngestOptions = {},
): IngestResult {
  return ingestRead(read(bytes, file, options), bytes, file, planId);
}

/** Ingests one file of any supported format, PDF (a *.pdf file, whose reader is asynchronous) included, into its own plan graph. */
export async function ingestFile(
  bytes: Uint8Array,
  file: string,
  planId: string,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const result = isPdf(file) ? await readPdf(bytes, file, options) : read(bytes, file, options);
  return ingestRead(result, bytes, file, planId);
}

function ingestRead(result: ReadResult, bytes: Uint8Array, file: string, planId: string): IngestResult {
  const { extraction, issues } = extractRead(result, bytes, file, planId);
  if (!extraction) return { issues };
  const lex = lexicon();
  const code = extraction.metadata.regionCode;
  const province = code ? lex.regions.get(lex.regions.get(code)?.province ?? code)?.name : undefined;
  const entities = resolve(extraction.mentions, lex, province);
  const relations = [...extraction.relations, ...inferRelations(extraction, entities, lex)];
  return { graph: build(extraction, entities, relations), extraction, issues };
}
