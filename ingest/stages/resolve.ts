// Stage resolve: merges mentions into entities (one per real-world thing) with canonical names, aliases and deterministic ids.
import { bigrams, diceOf, entityId, normalizeName, type EntityLabel } from "../../schema/index.ts";
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

/** The form all variants of an industry name share: 氢能产业集群, 氢能全产业链, 氢能源, 氢能经济 → 氢能; 装备制造业 → 装备制造; 电子商务 → 电商. */
export function industryCore(name: string, lex: Lexicon): string {
  let n = name.normalize("NFKC").replace(/[\s“”‘’"'「」『』《》]/gu, "");
  const cut = /^(.{2,}?)(全产业链|产业集群|产业链|产业|行业|集群)$/u.exec(n);
  if (cut) n = cut[1]!;
  n = SYNONYMS[n] ?? n;
  const known = (x: string) => x.length >= 2 && lex.industries.has(x);
  if (n.endsWith("能源") && known(n.slice(0, -1))) return n.slice(0, -1);
  if (n.endsWith("经济") && known(n.slice(0, -2)) && !known(n)) return n.slice(0, -2);
  if (n.endsWith("业") && !n.endsWith("产业") && known(n.slice(0, -1))) return n.slice(0, -1);
  return n;
}

function groupKey(m: Mention, lex: Lexicon): string {
  if (m.label === "Region" && m.ref)
    return m.ref.startsWith("pattern:") ? `Region|${normalizeName("Region", m.ref.slice(8))}` : `Region|${m.ref}`;
  const n = normalizeName(m.label, m.name);
  if (m.label === "Industry") return `Industry|${industryCore(m.name, lex)}`;
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
    const k = groupKey(m, lex);
    const group = groups.get(k);
    if (group) group.push(m);
    else groups.set(k, [m]);
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
        groups.get(target)!.push(...groups.get(key)!);
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
        groups.get(a.key)!.push(...groups.get(b.key)!);
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
    const core = label === "Industry" ? key.slice("Industry|".length) : undefined;
    if (core && core !== name && !aliases.includes(core)) aliases.push(core);
    const id = core ? entityId("Industry", core) : scopedId(label, name, ms[0]!, lex, province);
    out.push({ id, label, name, aliases, props, rules, mentions: ms });
  }
  return out;
}
