// The lexicon: regions (divisions, new areas, planning regions, natural areas, foreign places) and industry terms, built once.
import { AhoCorasick } from "@monyone/aho-corasick";
import { buildDivisions, newAreaAliases, type Division } from "./divisions.ts";
import countries from "./data/countries.json" with { type: "json" };
import natural from "./data/natural-features.json" with { type: "json" };
import planning from "./data/planning-regions.json" with { type: "json" };
import traps from "./data/place-name-traps.json" with { type: "json" };
import industries from "./data/industries.json" with { type: "json" };
import mined from "./data/industries-mined.json" with { type: "json" };
import provinceNames from "./data/province-names.json" with { type: "json" };
import { divisionEnglish, naturalEnglish } from "./english.ts";

export type { Division } from "./divisions.ts";

/** What kind of place a region entry is. */
export type RegionKind =
  "national" | "province" | "prefecture" | "county" | "new-area" | "planning" | "natural" | "foreign";

/** The catalogue name of industry terms mined from the shipped corpus (tools/mine-industries.ts). */
export const MINED = "语料挖掘(data/corpus)";

/** The lexicon key of the country itself, the region of national plans and the last ancestor of every Chinese region. */
export const NATIONAL_KEY = "CN";

/** How freely a surface form may match: anywhere, only in plans of the same province, or only inside compounds. */
export type FormPolicy = "anywhere" | "same-province";

/** A real-world region the lexicon knows, with the keys of its containing regions, nearest first. */
export interface RegionEntry {
  key: string;
  name: string;
  nameEn?: string;
  officialName?: string;
  kind: RegionKind;
  code?: string;
  province?: string;
  ancestors: string[];
}

/** An industry term and the catalogue it comes from; only `anywhere` terms count without an industry context around them. */
export interface IndustryTerm {
  term: string;
  catalogue: string;
  anywhere: boolean;
}

/** Everything the recognisers look up. */
export interface Lexicon {
  divisions: Map<string, Division>;
  regions: Map<string, RegionEntry>;
  regionForms: Map<string, { key: string; policy: FormPolicy }[]>;
  regionMatcher: AhoCorasick;
  abbreviations: Map<string, string>;
  abbreviationChars: Set<string>;
  /** First characters of every division's short name and every province abbreviation: how route names are made (渝昆, 荣乌). */
  placeInitials: Set<string>;
  trapPhrases: string[];
  industries: Map<string, IndustryTerm>;
  industryMatcher: AhoCorasick;
  genericIndustryHeads: Set<string>;
}

const GENERIC_NAMES = new Set(["城区", "郊区", "矿区", "市辖区", "新区", "市中区", "城中区", "开发区"]);

let cached: Lexicon | undefined;

function addForm(lex: Lexicon, form: string, key: string, policy: FormPolicy): void {
  if (form.length < 2) return;
  const list = lex.regionForms.get(form) ?? [];
  if (!list.some((x) => x.key === key)) list.push({ key, policy });
  lex.regionForms.set(form, list);
}

/** Builds (once per process) and returns the lexicon. */
export function lexicon(): Lexicon {
  if (cached) return cached;
  const divisions = buildDivisions();
  const lex: Lexicon = {
    divisions,
    regions: new Map(),
    regionForms: new Map(),
    regionMatcher: new AhoCorasick([]),
    abbreviations: new Map(),
    abbreviationChars: new Set(),
    placeInitials: new Set(),
    trapPhrases: traps.phrases,
    industries: new Map(),
    industryMatcher: new AhoCorasick([]),
    genericIndustryHeads: new Set(industries.genericHeads),
  };
  const trapWords = new Set(traps.words);
  const prefectureShorts = new Set([...divisions.values()].filter((d) => d.level === "prefecture").map((d) => d.short));
  const extraAliases = newAreaAliases(divisions);
  for (const d of divisions.values()) {
    const keepSuffix = d.level === "county" && /区$/u.test(d.name);
    const name = d.level === "new-area" ? d.name : keepSuffix ? d.name : d.short;
    const official = (provinceNames.provinces as Record<string, { en?: string }>)[d.code]?.en;
    lex.regions.set(d.code, {
      key: d.code,
      name,
      nameEn: official ?? divisionEnglish(d.name, d.short, d.level),
      officialName: d.name,
      kind: d.level,
      code: d.code.startsWith("NA") ? undefined : d.code,
      province: d.level === "province" ? d.code : d.ancestors[d.ancestors.length - 1],
      ancestors: [...d.ancestors, NATIONAL_KEY],
    });
    if (!GENERIC_NAMES.has(d.name)) addForm(lex, d.name, d.code, "anywhere");
    const shortPolicy: FormPolicy =
      d.level === "province" || d.level === "new-area" || (d.level === "prefecture" && !trapWords.has(d.short))
        ? "anywhere"
        : "same-province";
    if (
      d.short !== d.name &&
      !(d.level === "county" && prefectureShorts.has(d.short)) &&
      !(d.level === "county" && trapWords.has(d.short))
    )
      addForm(lex, d.short, d.code, shortPolicy);
    for (const literary of d.literary) addForm(lex, literary, d.code, "anywhere");
    for (const abbr of d.abbreviations) lex.abbreviations.set(abbr, d.code);
    for (const alias of extraAliases.get(d.code) ?? []) addForm(lex, alias, d.code, "anywhere");
  }
  for (const r of planning.regions) {
    const key = `planning:${r.name}`;
    const en = (r as { en?: string }).en;
    lex.regions.set(key, {
      key,
      name: r.name,
      kind: "planning",
      ancestors: [NATIONAL_KEY],
      ...(en ? { nameEn: en } : {}),
    });
    for (const form of [r.name, ...r.aliases]) addForm(lex, form, key, "anywhere");
  }
  for (const f of natural.features) {
    const key = `natural:${f.name}`;
    const within = f.within ? divisions.get(f.within) : undefined;
    lex.regions.set(key, {
      key,
      name: f.name,
      nameEn: naturalEnglish(f.name),
      kind: "natural",
      province: within
        ? within.level === "province"
          ? within.code
          : within.ancestors[within.ancestors.length - 1]
        : undefined,
      ancestors: within ? [within.code, ...within.ancestors, NATIONAL_KEY] : [NATIONAL_KEY],
    });
    addForm(lex, f.name, key, "anywhere");
  }
  lex.regions.set(NATIONAL_KEY, {
    key: NATIONAL_KEY,
    name: "中华人民共和国",
    nameEn: "People's Republic of China",
    officialName: "中华人民共和国",
    kind: "national",
    ancestors: [],
  });
  addForm(lex, "中华人民共和国", NATIONAL_KEY, "anywhere");
  for (const c of [...countries.countries, ...countries.macroRegions]) {
    const key = `foreign:${c}`;
    lex.regions.set(key, { key, name: c, kind: "foreign", ancestors: [] });
    addForm(lex, c, key, "anywhere");
  }
  lex.regionMatcher = new AhoCorasick([...lex.regionForms.keys()]);
  for (const abbr of lex.abbreviations.keys()) lex.abbreviationChars.add(abbr);
  for (const d of divisions.values())
    if (d.level === "prefecture" || d.level === "new-area") lex.abbreviationChars.add(d.short[0]!);
  for (const d of divisions.values()) if (d.level !== "new-area") lex.placeInitials.add(d.short[0]!);
  for (const abbr of lex.abbreviations.keys()) lex.placeInitials.add(abbr);

  const anywhere = new Set(industries.anywhere);
  for (const [catalogue, terms] of Object.entries(industries.catalogues)) {
    for (const term of terms) {
      if (lex.industries.has(term) || term.includes("、") || term.includes("和其他")) continue;
      lex.industries.set(term, { term, catalogue, anywhere: anywhere.has(term) });
    }
  }
  for (const { term, ratio } of mined.terms)
    if (!lex.industries.has(term))
      lex.industries.set(term, { term, catalogue: MINED, anywhere: ratio >= mined.anywhereRatio });
  lex.industryMatcher = new AhoCorasick([...lex.industries.keys()]);
  cached = lex;
  return lex;
}
