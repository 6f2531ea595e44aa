// Stage resolve: merges mentions into entities (one per real-world thing) with canonical names, aliases and deterministic ids.
import { entityId, normalizeName, type EntityLabel } from "../../schema/index.ts";
import type { Lexicon } from "../lexicon/index.ts";
import type { Mention } from "../types.ts";
import industryEnglish from "../lexicon/data/industry-english.json" with { type: "json" };

const INDUSTRY_EN = new Map(
  Object.entries(industryEnglish.names).map(([zh, en]) => [normalizeName("Industry", zh), en]),
);

/** One resolved entity of a document: its id, canonical name, aliases, properties and the mentions behind it. */
export interface ResolvedEntity {
  id: string;
  label: EntityLabel;
  name: string;
  aliases: string[];
  props: Record<string, string | number>;
  rules: string[];
  mentions: Mention[];
}

const SYNONYMS: Record<string, string> = { 电子商务: "电商", 通用航空: "通航" };

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
  return out;
}

/** Character-bigram Dice similarity of two strings (1 = same bigrams). */
export function dice(a: string, b: string): number {
  return diceOf(bigrams(a), bigrams(b));
}

function diceOf(A: Map<string, number>, B: Map<string, number>): number {
  let inter = 0;
  let total = 0;
  for (const [k, v] of A) {
    inter += Math.min(v, B.get(k) ?? 0);
    total += v;
  }
  for (const v of B.values()) total += v;
  return total === 0 ? 0 : (2 * inter) / total;
}

function groupKey(m: Mention): string {
  if (m.label === "Region" && m.ref)
    return m.ref.startsWith("pattern:") ? `Region|${normalizeName("Region", m.ref.slice(8))}` : `Region|${m.ref}`;
  const n = normalizeName(m.label, m.name);
  if (m.label === "Industry") return `Industry|${normalizeName("Industry", SYNONYMS[n] ?? n)}`;
  return `${m.label}|${n}`;
}

/** The id of an entity; a zone named without any place (沿海经济带, 西部山区, 北三县) is scoped to the plan's province, since every province has its own. */
function scopedId(label: Mention["label"], name: string, first: Mention, lex: Lexicon, province?: string): string {
  const id = entityId(label, name);
  if (label !== "Region" || !province || !first.ref?.startsWith("pattern:") || (first.ancestors?.length ?? 0) > 0)
    return id;
  const bare = name.replace(/地区$/u, "");
  if ([...bare].every((c) => lex.abbreviationChars.has(c))) return id;
  return `region:${province}/${id.slice("region:".length)}`;
}

/** Merges mentions of one document (`province`: the short name of the plan's province, which scopes place-less zones): regions by lexicon key, others by normalised name; a project named with a region prefix joins the same project named without it; near-identical goals join. */
export function resolve(mentions: Mention[], lex: Lexicon, province?: string): ResolvedEntity[] {
  const groups = new Map<string, Mention[]>();
  for (const m of mentions) {
    const k = groupKey(m);
    groups.set(k, [...(groups.get(k) ?? []), m]);
  }
  const regionForms = new Set(
    mentions.filter((m) => m.label === "Region").flatMap((m) => [m.name, ...(m.aliases ?? [])]),
  );
  const projectKeys = new Map([...groups.keys()].filter((k) => k.startsWith("Project|")).map((k) => [k.slice(8), k]));
  for (const key of [...groups.keys()]) {
    if (!key.startsWith("Project|")) continue;
    const n = key.slice(8);
    for (let len = 2; len <= 6 && len < n.length - 3; len++) {
      const target = projectKeys.get(n.slice(len));
      if (target && regionForms.has(n.slice(0, len)) && groups.has(target)) {
        groups.set(target, [...groups.get(target)!, ...groups.get(key)!]);
        groups.delete(key);
        break;
      }
    }
  }
  const goals = [...groups.keys()]
    .filter((k) => k.startsWith("Goal|"))
    .map((key) => ({ key, name: key.slice(5), grams: bigrams(key.slice(5)) }))
    .sort((a, b) => a.name.length - b.name.length);
  for (let i = 0; i < goals.length; i++) {
    const a = goals[i]!;
    if (!groups.has(a.key)) continue;
    for (let j = i + 1; j < goals.length; j++) {
      const b = goals[j]!;
      if (b.name.length * 0.74 > a.name.length) break;
      if (!groups.has(b.key)) continue;
      if ((b.name.includes(a.name) && b.name.length - a.name.length <= 3) || diceOf(a.grams, b.grams) >= 0.85) {
        groups.set(a.key, [...groups.get(a.key)!, ...groups.get(b.key)!]);
        groups.delete(b.key);
      }
    }
  }
  const out: ResolvedEntity[] = [];
  for (const [key, ms] of groups) {
    const label = ms[0]!.label;
    const surfaces = ms.flatMap((m) => [m.name, ...(m.aliases ?? [])]);
    let name: string;
    if (key.startsWith("Region|") && !ms[0]!.ref?.startsWith("pattern:"))
      name = lex.regions.get(ms[0]!.ref!)?.name ?? ms[0]!.name;
    else {
      const counts = new Map<string, number>();
      for (const m of ms) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
      name = [...counts.keys()].sort((x, y) => x.length - y.length || counts.get(y)! - counts.get(x)!)[0]!;
    }
    const aliases = [...new Set(surfaces)].filter((a) => a !== name && a.length > 0);
    const props: Record<string, string | number> = {};
    for (const m of ms) for (const [k, v] of Object.entries(m.props ?? {})) props[k] ??= v;
    if (label === "Industry") {
      const en =
        INDUSTRY_EN.get(normalizeName("Industry", SYNONYMS[name] ?? name)) ??
        INDUSTRY_EN.get(normalizeName("Industry", name));
      if (en) props.nameEn = en;
    }
    if (label === "Region") {
      const entry = lex.regions.get(ms[0]!.ref ?? "");
      if (entry?.code) props.code = entry.code;
      if (entry?.nameEn) props.nameEn = entry.nameEn;
      props.level = entry?.kind ?? (/(新区|片区)$/u.test(name) ? "new-area" : "planning");
    }
    const rules = [...new Set(ms.map((m) => m.rule).filter((r): r is string => !!r))].sort();
    out.push({ id: scopedId(label, name, ms[0]!, lex, province), label, name, aliases, props, rules, mentions: ms });
  }
  return out;
}
