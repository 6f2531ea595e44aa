// Types that flow between the ingest stages, from decoded text to recognised mentions and relations.
import type { EntityLabel, InferredType, Issue, PlanGenre, PlanLevel, RelationType } from "../schema/index.ts";
import type { FrontMatter } from "./text/markdown.ts";

/** A decoded input document, before cleaning. */
export interface DecodedText {
  text: string;
  encoding: string;
  format: "text" | "html" | "markdown" | "pdf";
  /** A Markdown file's front-matter fields (`title`, `source` …). */
  frontMatter?: FrontMatter;
}

/** The cleaned text every offset refers to, with what cleaning lifted out of it. */
export interface CleanDocument {
  text: string;
  headline?: string;
  originalTitle?: string;
  source?: string;
  /** Lines the input marked as headings (Markdown `#`), with their level (1 for `#`, 2 for `##` …). */
  headings?: Heading[];
  /** A Markdown file's front-matter fields (`title`, `source` …). */
  frontMatter?: FrontMatter;
}

/** A heading line of the cleaned text, as the input marked it. */
export interface Heading {
  start: number;
  end: number;
  level: number;
}

/** What a section is for, which decides how goals are read in it. */
export type SectionRole = "goals" | "long-range" | "annual-targets" | "review" | "body";

/** A chapter, article or sub-section of a plan, with offsets into the cleaned text. */
export interface Section {
  path: string;
  number: string;
  depth: number;
  heading: string;
  start: number;
  end: number;
  headingStart: number;
  headingEnd: number;
  role: SectionRole;
  horizon?: number;
}

/** A paragraph of the cleaned text. */
export interface Paragraph {
  start: number;
  end: number;
}

/** A sentence with offsets, the section it is in, and the role that section gives it. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  section: string;
  paragraph: number;
  isHeading: boolean;
}

/** The structure of a cleaned document: its sections and paragraphs in document order. */
export interface DocumentStructure {
  sections: Section[];
  paragraphs: Paragraph[];
}

/** One place in the text where an entity is named. */
export interface Mention {
  label: EntityLabel;
  name: string;
  aliases?: string[];
  start: number;
  end: number;
  sentence: number;
  props?: Record<string, string | number>;
  /** For regions: the division code or lexicon key that identifies the real-world place. */
  ref?: string;
  /** For regions: lexicon keys of the regions that contain it, nearest first. */
  ancestors?: string[];
  /** The rule that found the mention (`industry/list`, `project/head` …), so errors can be traced to rules. */
  rule?: string;
}

/** A relation between two mentions, read from one sentence or inferred (SUBSECTOR_OF, DEVELOPS). */
export interface RelationMention {
  type: RelationType | InferredType;
  source: Mention;
  target: Mention;
  sentence: number;
  cue: string;
  via?: "text" | "divisions";
  /** For inferred relations: whether it is derived from other relations, and the project mentions it goes through. */
  derived?: boolean;
  chain?: Mention[];
}

/** Plan metadata detected from the text and its path. */
export interface PlanMetadata {
  title: string;
  /** Other titles, such as a front-matter title that names no issuer. */
  aliases?: string[];
  genre: PlanGenre;
  level?: PlanLevel;
  region?: string;
  regionCode?: string;
  issuer?: string;
  /** The year the document is about: adoption or delivery for plans and reports, the reported year for a communiqué. */
  year?: number;
  /** The year a communiqué was published (the year after the one it reports on). */
  published?: number;
  /** The page the text was taken from (front matter `source:`). */
  sourceUrl?: string;
}

/** Everything the ingest of one document yields, before it is merged into a graph. */
export interface DocumentExtraction {
  planId: string;
  file: string;
  sha256: string;
  clean: CleanDocument;
  metadata: PlanMetadata;
  structure: DocumentStructure;
  sentences: Sentence[];
  mentions: Mention[];
  relations: RelationMention[];
  issues: Issue[];
}

/** One lexicon match: where it starts and ends and the form matched. */
export interface LexiconHit {
  begin: number;
  end: number;
  keyword: string;
}

/** What every recogniser reads: the cleaned text, its sentences and sections, word boundaries and the plan's own region. */
export interface RecognitionContext {
  text: string;
  sentences: Sentence[];
  sections: Map<string, Section>;
  words: Uint8Array;
  /** Every lexicon match in the text, region forms and industry terms, sorted by start: one Aho-Corasick pass each. */
  hits: { regions: LexiconHit[]; industries: LexiconHit[] };
  planRegion?: string;
  planProvince?: string;
  planYear?: number;
  planGenre?: PlanMetadata["genre"];
}
