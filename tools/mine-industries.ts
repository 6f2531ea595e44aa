// Mines industry terms from the shipped corpus and writes ingest/lexicon/data/industries-mined.json (npm run mine:industries).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MINED, lexicon } from "../ingest/lexicon/index.ts";
import { clean } from "../ingest/stages/clean.ts";
import { read } from "../ingest/stages/read.ts";
import { listItems } from "../ingest/text/lists.ts";
import { phraseStart, stopWordAt } from "../ingest/text/phrase-start.ts";
import { initWords, taggedWords, wordBoundaries } from "../ingest/text/words.ts";
import review from "../ingest/lexicon/data/industries-mined-review.json" with { type: "json" };

const CORPUS = process.argv[2] ?? "data/corpus";
const OUT = "ingest/lexicon/data/industries-mined.json";
/** Documents a term must appear in, in an industry context, to be kept. */
const MIN_DOCUMENTS = 3;
/** Share of a term's occurrences that must be in an industry context for the term to count without one. */
const ANYWHERE_RATIO = 0.5;

/** Heads whose noun phrase names an industry (新材料产业, 文化创意产业), and list heads (等…产业). */
const HEAD = /(产业链|产业集群|产业|行业)/gu;
const LIST_HEAD =
  /^等(?:[0-9一二三四五六七八九十百]+(?:个|大|项|类|条)?)?[\u4e00-\u9fff]{0,6}?(产业链|产业集群|产业|行业)/u;
/** Words after 产业/行业 that make it part of another noun (产业体系, 行业协会), so the phrase before is no industry. */
const NOT_AFTER = /^(体系|结构|基础|政策|工人|工作|协会|部门|主体|组织|工人|园|基地|示范|集聚区|发展水平|化|链供应链)/u;
/** Phrases that say which industries rather than what industry (重点, 主导, 战略性新兴 is kept by the catalogue). */
const GENERIC =
  /^(重点|主导|优势|特色|支柱|传统|新兴|相关|其他|各类|地方|本地|重大|现代|国家|重要|主要|首位|接续|战略性|区域|关联|配套|上下游|本土|存量|落后|过剩|低效|新型|基础|优质|骨干|龙头|大型|中小|民营|外资|国有|全|新|各|多|该|本|这些|上述|一批|若干|千亿级|百亿级|万亿级|十大|五大|六大|七大|八大|九大|三大|四大|两大)+$/u;

function files(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(txt|md)$/u.test(e.name) && e.name !== "SOURCES.md")
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Whether a phrase may be an industry name: 2–8 name characters, no digits or quotes, no place, no count or generic modifier, no verb or adverb first and a noun last (by jieba's part-of-speech tags). */
function candidate(name: string, text: string, start: number, words: Uint8Array): boolean {
  const lex = lexicon();
  if (name.length < 2 || name.length > 8 || /[0-9A-Za-z“”、（）()]/u.test(name)) return false;
  if (GENERIC.test(name) || /(型|性|级|化|类|等|的)$/u.test(name) || stopWordAt(text, words, start)) return false;
  if (lex.regionForms.has(name) || [...name].every((c) => lex.abbreviationChars.has(c))) return false;
  if (/^(第|其中|每|各|[一二两三四五六七八九十百千万亿])/u.test(name) || lex.genericIndustryHeads.has(name))
    return false;
  const tags = taggedWords(name);
  const first = tags[0]?.tag ?? "";
  const last = tags[tags.length - 1]?.tag ?? "";
  return !/^(v|d|p|c|u|r|m|q|f|t|s|y|e|o|ad|vd)$/u.test(first) && /^(n|nz|nr|ns|nt|vn|ng|j|l|eng|nrt)$/u.test(last);
}

const contextDocs = new Map<string, Set<string>>();
const contextCount = new Map<string, number>();
const note = (term: string, file: string) => {
  if (!contextDocs.has(term)) contextDocs.set(term, new Set());
  contextDocs.get(term)!.add(file);
  contextCount.set(term, (contextCount.get(term) ?? 0) + 1);
};

const lex = lexicon();
initWords(lex.regionForms.keys());
const texts: string[] = [];
for (const file of files(CORPUS)) {
  const { decoded } = read(readFileSync(file), file);
  if (!decoded) continue;
  const text = clean(decoded.text).text;
  texts.push(text);
  const words = wordBoundaries(text);
  for (const m of text.matchAll(HEAD)) {
    if (NOT_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) continue;
    const start = phraseStart(text, m.index, Math.max(0, m.index - 10), words, 8);
    const name = text.slice(start, m.index);
    if (words[start] && words[m.index] && candidate(name, text, start, words)) note(name, file);
  }
  for (let at = text.indexOf("等"); at >= 0; at = text.indexOf("等", at + 1)) {
    if (!LIST_HEAD.test(text.slice(at, at + 14))) continue;
    const items = listItems(text, at, Math.max(0, at - 80), words, 8);
    if (items.length < 2) continue;
    for (const item of items) {
      const name = text.slice(item.start, item.end);
      if (candidate(name, text, item.start, words)) note(name, file);
    }
  }
}

const rejected = new Map(review.rejected.map((r) => [r.term, r.reason]));
const terms = [...contextDocs]
  .filter(
    ([term, docs]) =>
      docs.size >= MIN_DOCUMENTS && !rejected.has(term) && (lex.industries.get(term)?.catalogue ?? MINED) === MINED,
  )
  .map(([term, docs]) => {
    let total = 0;
    for (const text of texts) for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) total++;
    const ratio = Math.min(1, contextCount.get(term)! / Math.max(1, total));
    return { term, documents: docs.size, ratio: Math.round(ratio * 100) / 100 };
  })
  .sort((a, b) => b.documents - a.documents || a.term.localeCompare(b.term, "zh"));

const out = {
  source:
    "Mined by tools/mine-industries.ts from the plans in data/corpus: noun phrases before 产业/行业/产业链/产业集群 and the items of 等…产业 lists, " +
    `kept when they occur so in at least ${MIN_DOCUMENTS} documents, are not in the national catalogues already, and are not rejected in industries-mined-review.json. ` +
    `'ratio' is the share of a term's occurrences that are in such a context; terms at or above ${ANYWHERE_RATIO} count without one.`,
  anywhereRatio: ANYWHERE_RATIO,
  terms,
};
writeFileSync(OUT, `${JSON.stringify(out, null, 1)}\n`);
console.log(`${terms.length} terms from ${texts.length} documents → ${OUT} (${rejected.size} rejected by review)`);
