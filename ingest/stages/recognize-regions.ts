// Stage recognise regions: gazetteer matches from the lexicon plus patterns for new areas, zones and abbreviation compounds.
import type { Lexicon, RegionEntry } from "../lexicon/index.ts";
import { phraseStart } from "../text/phrase-start.ts";
import { bySentence, hitsIn, sentenceAt } from "../text/spans.ts";
import type { Mention, RecognitionContext } from "../types.ts";

const KIND_RANK: Record<RegionEntry["kind"], number> = {
  national: -1,
  province: 0,
  "new-area": 1,
  prefecture: 2,
  planning: 3,
  natural: 4,
  county: 5,
  foreign: 6,
};

/** Heads that make a phrase a region of its own (新区, 片区, 经济带 …); the words before them must name a place. */
const ZONE_HEAD =
  /(新区|片区|经济带|经济区|经济圈|都市圈|城市群|功能区|协同发展区|生态涵养区|涵养区|革命老区|流域|山区|地区)/gu;
/** Words before a zone head that say what kind of zone, not where (老旧小区, 重点地区, 贫困山区). */
const GENERIC_PREFIX =
  /^(老旧|棚户|城中村|世界级|国际化|现代化|城市|重点|其他|各类|各|一批|老|新|主城|城中|周边|贫困|农村|边远|偏远|欠发达|发达|相关|有关|部分|重要|特定|全省|全市|全国|我省|我市|该|本|沿线|试点|示范|主要|核心|生态|功能|城乡|中心|深山|浅山|丘陵|高寒|民族|少数民族|牧区|林区|矿区|灾区|革命老区|老区)$/u;
const DIRECTION = "东南西北中";

function choose(
  lex: Lexicon,
  keys: { key: string; policy: string }[],
  ctx: RecognitionContext,
): RegionEntry | undefined {
  const allowed = keys
    .map((k) => ({ entry: lex.regions.get(k.key)!, policy: k.policy }))
    .filter(
      ({ entry, policy }) =>
        entry && (policy === "anywhere" || entry.province === ctx.planProvince || entry.key === ctx.planRegion),
    );
  allowed.sort((a, b) => {
    const home = (e: RegionEntry) => (e.key === ctx.planRegion ? -2 : e.province === ctx.planProvince ? -1 : 0);
    return home(a.entry) - home(b.entry) || KIND_RANK[a.entry.kind] - KIND_RANK[b.entry.kind];
  });
  return allowed[0]?.entry;
}

function trapSpans(text: string, lex: Lexicon): [number, number][] {
  const spans: [number, number][] = [];
  for (const phrase of lex.trapPhrases) {
    for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) spans.push([i, i + phrase.length]);
  }
  return spans;
}

/** For each offset inside a trap phrase: the furthest end and the earliest start of the phrases covering it (−1 where none). */
function trapCoverage(length: number, spans: [number, number][]): { end: Int32Array; start: Int32Array } {
  const end = new Int32Array(length + 1).fill(-1);
  const start = new Int32Array(length + 1).fill(-1);
  for (const [a, b] of spans)
    for (let i = a; i < b; i++) {
      if (end[i]! < b) end[i] = b;
      if (start[i]! < 0 || start[i]! > a) start[i] = a;
    }
  return { end, start };
}

/** Whether [begin, end) lies inside a trap phrase without being the whole phrase. */
function insideTrap(cover: { end: Int32Array; start: Int32Array }, begin: number, end: number): boolean {
  const furthest = cover.end[begin]!;
  return furthest > end || (furthest === end && cover.start[begin]! < begin);
}

function regionMention(entry: RegionEntry, form: string, start: number, end: number, sentence: number): Mention {
  const aliases = [form, entry.officialName].filter((a): a is string => !!a && a !== entry.name);
  return {
    label: "Region",
    name: entry.name,
    aliases,
    start,
    end,
    sentence,
    ref: entry.key,
    ancestors: entry.ancestors,
    rule: "region/lexicon",
  };
}

/** Ancestors implied by the first region-like part of a pattern name (冀中南 → 河北, 正定新区 → 正定's ancestors). */
function prefixAncestors(lex: Lexicon, prefix: string, ctx: RecognitionContext): string[] {
  if (/周边|沿线|外围|以外|之外|毗邻/u.test(prefix)) return [];
  for (let len = Math.min(prefix.length, 8); len >= 2; len--) {
    const keys = lex.regionForms.get(prefix.slice(0, len));
    const entry = keys && choose(lex, keys, ctx);
    if (entry && entry.kind !== "natural" && entry.kind !== "foreign") return [entry.key, ...entry.ancestors];
  }
  const abbr = lex.abbreviations.get(prefix[0] ?? "");
  return abbr ? [abbr] : [];
}

/** Finds abbreviation compounds: 京津冀, 成德眉资 (three or more province abbreviations or prefecture initials, 成德绵眉乐雅广西攀 with a county initial between), 攀西经济区 (two initials before a zone head) and 冀中南 (an abbreviation plus directions); `homeChars` are the initials of the plan's own prefectures, which make the compound part of its province. */
function abbreviationCompounds(
  ctx: RecognitionContext,
  lex: Lexicon,
  firstChars: Map<string, string>,
  homeChars: Set<string>,
): Mention[] {
  const out: Mention[] = [];
  const { text } = ctx;
  const isAbbr = (c: string | undefined) => c !== undefined && (lex.abbreviations.has(c) || firstChars.has(c));
  const isProvince = (c: string | undefined) => c !== undefined && lex.abbreviations.has(c);
  for (let i = 0; i < text.length; i++) {
    const own = isProvince(text[i]);
    const local = !own && firstChars.has(text[i]!) && /^[东南西北中]{1,2}地区/u.test(text.slice(i + 1, i + 5));
    if (!isAbbr(text[i]) || isAbbr(text[i - 1]) || !ctx.words[i]) continue;
    let j = i;
    while (
      j < text.length &&
      j - i < 10 &&
      (isAbbr(text[j]) || (j - i >= 2 && DIRECTION.includes(text[j]!) && isAbbr(text[j + 1])))
    )
      j++;
    let end = j;
    // Two initials count when a zone head follows (攀西经济区, 川陕革命老区).
    const zoneAfter = /^(地区|经济区|经济带|经济圈|都市圈|城市群|革命老区|毗邻地区)/u.test(text.slice(j, j + 4));
    let compound = j - i >= 3 || (j - i === 2 && zoneAfter);
    if (local) {
      j = i + 1;
    }
    if (!compound && j - i === 1 && (own || local)) {
      let k = j;
      while (k < text.length && k - j < 2 && DIRECTION.includes(text[k]!)) k++;
      compound =
        k > j &&
        (text.startsWith("地区", k) ||
          !/[\u4e00-\u9fff]/u.test(text[k] ?? "") ||
          /^(乃至|地区|一带|片区)/u.test(text.slice(k, k + 2)));
      end = k;
    }
    if (!compound || !ctx.words[end]) continue;
    if (text.startsWith("地区", end)) end += 2;
    const name = text.slice(i, end);
    const sentence = sentenceAt(ctx.sentences, i);
    if (sentence < 0) continue;
    if (lex.regionForms.has(name)) continue;
    const abbrKey = lex.abbreviations.get(text[i]!) ?? firstChars.get(text[i]!);
    const homeOnly = ctx.planProvince && [...text.slice(i, j)].every((c) => homeChars.has(c));
    const ancestors =
      j - i === 1 && abbrKey
        ? [abbrKey, ...(lex.regions.get(abbrKey)?.ancestors ?? [])]
        : homeOnly
          ? [ctx.planProvince!, ...(lex.regions.get(ctx.planProvince!)?.ancestors ?? [])]
          : [];
    const alias = name.endsWith("地区") ? [name.slice(0, -2)] : [];
    out.push({
      label: "Region",
      name,
      aliases: alias,
      start: i,
      end,
      sentence,
      ref: `pattern:${name.replace(/地区$/u, "")}`,
      ancestors,
      rule: "region/compound",
    });
    i = end - 1;
  }
  return out;
}

/** Lists region mentions: lexicon places (respecting same-province-only short forms and trap phrases) and pattern-built zones. */
export function recognizeRegions(ctx: RecognitionContext, lex: Lexicon): Mention[] {
  const { text } = ctx;
  const trapCover = trapCoverage(text.length, trapSpans(text, lex));
  const candidates: Mention[] = [];
  // Lexicon places: every form the division list and the data files know, unless inside a trap phrase (张家口 in 张家口市长).
  for (const m of ctx.hits.regions) {
    const { begin, end, keyword } = m;
    if (insideTrap(trapCover, begin, end)) continue;
    if (keyword.length <= 3 && (!ctx.words[begin] || !ctx.words[end])) {
      // A short form also counts when an administrative suffix follows it (正定县, 涿州市).
      const suffixOk = /^[省市县区州盟旗]/u.test(text[end] ?? "") && ctx.words[begin];
      if (!suffixOk) continue;
    }
    const entry = choose(lex, lex.regionForms.get(keyword) ?? [], ctx);
    if (!entry) continue;
    // A direction region right after a province abbreviation is part of a compound (川西北 is not 西北).
    if (entry.kind === "planning" && DIRECTION.includes(keyword[0]!) && lex.abbreviations.has(text[begin - 1] ?? ""))
      continue;
    const sentence = sentenceAt(ctx.sentences, begin);
    if (sentence >= 0) candidates.push(regionMention(entry, keyword, begin, end, sentence));
  }
  // Initials that compounds are made of: prefectures the plan mentions, and every prefecture of the plan's province.
  const firstChars = new Map<string, string>();
  for (const c of candidates) {
    const entry = lex.regions.get(c.ref!);
    if (entry && (entry.kind === "prefecture" || entry.kind === "new-area") && !DIRECTION.includes(c.name[0]!))
      firstChars.set(c.name[0]!, entry.key);
  }
  const homeChars = new Set<string>();
  for (const entry of lex.regions.values())
    if (entry.kind === "prefecture" && entry.province === ctx.planProvince && !DIRECTION.includes(entry.name[0]!)) {
      homeChars.add(entry.name[0]!);
      if (!firstChars.has(entry.name[0]!)) firstChars.set(entry.name[0]!, entry.key);
    }
  candidates.push(...abbreviationCompounds(ctx, lex, firstChars, homeChars));

  const candidatesIn = bySentence(candidates);
  const byEnd = new Map<number, Mention[]>();
  for (const c of candidates) byEnd.set(c.end, [...(byEnd.get(c.end) ?? []), c]);
  const add = (c: Mention) => {
    candidates.push(c);
    candidatesIn.set(c.sentence, [...(candidatesIn.get(c.sentence) ?? []), c]);
    byEnd.set(c.end, [...(byEnd.get(c.end) ?? []), c]);
  };
  // Zones: a place-like prefix before a zone head (正定新区, 冀北生态涵养区, 沿海经济带, 嘉陵江流域).
  for (const m of text.matchAll(ZONE_HEAD)) {
    const headStart = m.index;
    const sentence = sentenceAt(ctx.sentences, headStart);
    if (sentence < 0) continue;
    const floor = ctx.sentences[sentence]!.start;
    const start = phraseStart(text, headStart, floor, ctx.words, 14);
    const prefix = text.slice(start, headStart);
    if (
      prefix.length < 2 ||
      GENERIC_PREFIX.test(prefix) ||
      /[“”（）()0-9]|[一二三四五六七八九十两几][大个类]/u.test(prefix) ||
      /(高|经开|开发|产业|科技|工业|自贸|毗邻|接壤)$/u.test(prefix) ||
      /^(省级|市级|县级|国家级|省级以上|国家)$/u.test(prefix)
    )
      continue;
    const head = m[0];
    // 保定地区 is 保定 itself.
    if (head === "地区") {
      const same = lex.regionForms.get(prefix);
      const entry = same && choose(lex, same, ctx);
      if (entry) {
        add({ ...regionMention(entry, prefix + head, start, headStart + head.length, sentence) });
        continue;
      }
    }
    // A new area or zone named after a known place (雄安片区 → 片区 of 雄安新区): the place, and the zone inside it.
    if (head === "新区" || head === "片区") {
      const lead = hitsIn(ctx.hits.regions, start, headStart)
        .filter(
          (x) =>
            x.begin === 0 &&
            prefix.length - x.end >= 2 &&
            lex.regionForms.get(x.keyword)?.some((f) => f.policy === "anywhere"),
        )
        .sort((a, b) => b.end - a.end)[0];
      if (lead) {
        const rest = prefix.slice(lead.end);
        const entry = choose(lex, lex.regionForms.get(lead.keyword)!, ctx)!;
        add(regionMention(entry, lead.keyword, start, start + lead.end, sentence));
        add({
          label: "Region",
          name: rest + head,
          aliases: [prefix + head],
          start: start + lead.end,
          end: headStart + head.length,
          sentence,
          ref: `pattern:${rest + head}`,
          ancestors: [entry.key, ...entry.ancestors],
          rule: "region/zone",
        });
        continue;
      }
    }
    const around = prefixAncestors(lex, prefix, ctx);
    // A metropolitan area or city cluster named after a city reaches beyond it (杭州都市圈 lies in 浙江, not in 杭州).
    const ancestors =
      /^(都市圈|经济圈|城市群|经济带)$/u.test(m[0]) && lex.regions.get(around[0] ?? "")?.name === prefix
        ? around.slice(1)
        : around;
    const initial = (c: string) => lex.abbreviations.has(c) || firstChars.has(c);
    // A prefix of place initials and directions names a place (攀西经济区, 冀中南地区).
    const compoundPrefix =
      prefix.length <= 4 && initial(prefix[0]!) && [...prefix].every((c) => initial(c) || DIRECTION.includes(c));
    const knownPrefix =
      ancestors.length > 0 ||
      (candidatesIn.get(sentence) ?? []).some((c) => c.start >= start && c.end <= headStart) ||
      compoundPrefix;
    // Coastal, riverside, border and direction words name a zone of the plan's own region (沿海经济带, 西部山区).
    const placeWord = /^(沿海|沿江|沿边|沿黄|沿线|环|首都|省会|[东南西北中]+部|[东南西北]|滨海|临港|临空)/u.test(
      prefix,
    );
    if (head !== "新区" && head !== "片区" && !knownPrefix && !placeWord) continue;
    if ((head === "地区" || head === "山区") && !knownPrefix && !/^[东南西北中]+部$/u.test(prefix)) continue;
    const name = prefix + head;
    const headEnd = headStart + head.length;
    if (lex.regionForms.has(name) || (byEnd.get(headEnd) ?? []).some((c) => c.start >= start)) continue;
    const aliases = head === "地区" ? [prefix] : [];
    add({
      label: "Region",
      name,
      aliases,
      start,
      end: headStart + head.length,
      sentence,
      ref: `pattern:${name}`,
      ancestors,
      rule: "region/zone",
    });
  }
  for (const m of text.matchAll(/([东南西北])([一二三四五六七八九十两])县/gu)) {
    const sentence = sentenceAt(ctx.sentences, m.index);
    if (sentence >= 0)
      candidates.push({
        label: "Region",
        name: m[0],
        start: m.index,
        end: m.index + m[0].length,
        sentence,
        ref: `pattern:${m[0]}`,
        ancestors: [],
        rule: "region/counties",
      });
  }
  return longestFirst(candidates);
}

/** Keeps, among overlapping mentions, the longest (then the leftmost) one. */
export function longestFirst(mentions: Mention[]): Mention[] {
  const sorted = [...mentions].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Mention[] = [];
  const taken = new Uint8Array(mentions.reduce((n, m) => Math.max(n, m.end), 0));
  for (const m of sorted) {
    if (taken.subarray(m.start, m.end).includes(1)) continue;
    taken.fill(1, m.start, m.end);
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}
