// Types that flow between the ingest stages, from decoded text to recognised mentions and relations.
import type { EntityLabel, Issue, RelationType } from "../schema/index.ts";

/** A decoded input document, before cleaning. */
export interface DecodedText {
  text: string;
  encoding: string;
  format: "text" | "html";
}

/** The cleaned text every offset refers to, with what cleaning lifted out of it. */
export interface CleanDocument {
  text: string;
  headline?: string;
  originalTitle?: string;
  source?: string;
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

/** A relation read from one sentence, between two mentions. */
export interface RelationMention {
  type: RelationType;
  source: Mention;
  target: Mention;
  sentence: number;
  cue: string;
  via?: "text" | "divisions";
}

/** Plan metadata detected from the text and its path. */
export interface PlanMetadata {
  title: string;
  genre: "建议" | "纲要" | "政府工作报告" | "other";
  level?: "national" | "province" | "prefecture" | "county";
  region?: string;
  regionCode?: string;
  issuer?: string;
  year?: number;
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

/** What every recogniser reads: the cleaned text, its sentences and sections, word boundaries and the plan's own region. */
export interface RecognitionContext {
  text: string;
  sentences: Sentence[];
  sections: Map<string, Section>;
  words: Uint8Array;
  planRegion?: string;
  planProvince?: string;
  planYear?: number;
}
