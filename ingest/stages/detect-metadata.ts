// Stage detect metadata: title, genre, issuing region and level, and year, from the cleaned text and the file name.
import { warning, type Issue } from "../../schema/index.ts";
import { NATIONAL_KEY, type Lexicon } from "../lexicon/index.ts";
import type { CleanDocument, PlanMetadata } from "../types.ts";

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  "○": 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

function chineseYear(s: string): number | undefined {
  if (/^\d{4}$/u.test(s)) return Number(s);
  const digits = [...s].map((c) => CN_DIGITS[c]);
  return digits.length === 4 && digits.every((d) => d !== undefined) ? Number(digits.join("")) : undefined;
}

function findRegion(lex: Lexicon, text: string): string | undefined {
  const hits = lex.regionMatcher
    .matchInText(text)
    .filter((m) => lex.regionForms.get(m.keyword)?.some((f) => f.policy === "anywhere"));
  hits.sort((a, b) => a.begin - b.begin || b.end - a.end);
  for (const h of hits) {
    const key = lex.regionForms.get(h.keyword)!.find((f) => f.policy === "anywhere")!.key;
    const entry = lex.regions.get(key);
    if (
      entry &&
      (entry.kind === "province" || entry.kind === "prefecture" || entry.kind === "county" || entry.kind === "new-area")
    )
      return key;
  }
  return undefined;
}

/** A title that names no issuer: 政府工作报告 with at most a year, a date or a session around it, or a bare year (1980年). */
const GENERIC_TITLE =
  /^(?:[^\n]{0,12}年)?[《〈]?(?:省|自治区)?(?:人民)?政府工作报告[》〉]?(?:[（(][^）)]*[）)])?$|^\d{4}年$/u;

/** The title line among the first lines: the front matter's unless it names no issuer, else the first line ending like a title (a communiqué split over two lines is joined). */
function findTitle(doc: CleanDocument, firstLines: string[]): { titled?: string; declared?: string } {
  const declared = doc.frontMatter?.title?.trim() || undefined;
  if (declared && !GENERIC_TITLE.test(declared.replace(/\s/gu, ""))) return { titled: declared, declared };
  const i = firstLines.findIndex((l) => /(建议|纲要|规划|报告|公报)$/u.test(l) && l.length < 80);
  const line = firstLines[i];
  const joined = line && i > 0 && firstLines[i - 1] === "中华人民共和国" ? `中华人民共和国${line}` : line;
  const titled = joined?.replace(/(?<=\p{Script=Han})\s+|\s+(?=\p{Script=Han})/gu, "").replace(/\s+/gu, " ");
  return { titled: doc.originalTitle ?? titled, declared };
}

/** Detects what a plan is and who issued it; anything it cannot tell is reported as a warning, never guessed silently. */
export function detectMetadata(
  doc: CleanDocument,
  file: string,
  lex: Lexicon,
): { metadata: PlanMetadata; issues: Issue[] } {
  const issues: Issue[] = [];
  const head = doc.text.slice(0, 600);
  const firstLines = head.split("\n").slice(0, 6);
  const segments = file
    .replace(/\\/gu, "/")
    .replace(/\.[^./]+$/u, "")
    .split("/");
  const base = segments[segments.length - 1]!;
  const { titled, declared } = findTitle(doc, firstLines);
  // A work report says where it was delivered (在河北省第十三届人民代表大会第四次会议上).
  const isReport =
    /人民代表大会.{0,20}(会议)?上/u.test(head) ||
    /报告工作|报告政府工作|作工作报告|政府工作报告/u.test(head) ||
    /政府工作报告/u.test(titled ?? "");
  const isCommunique = /统计公报$|执行结果的公报$/u.test(titled ?? "");
  const national =
    /^(中共中央|中华人民共和国|国务院)/u.test(titled ?? "") ||
    isCommunique ||
    /中国共产党第[^\n]{2,8}届中央委员会/u.test(head) ||
    /届全国人民代表大会第[^\n]{1,6}次会议|代表国务院|^国家统计局$/mu.test(head);
  const genre: PlanMetadata["genre"] = /建议/u.test(titled ?? "")
    ? "建议"
    : /纲要/u.test(titled ?? "")
      ? "纲要"
      : isCommunique
        ? "统计公报"
        : isReport
          ? "政府工作报告"
          : "other";
  let regionKey: string | undefined = national ? NATIONAL_KEY : undefined;
  if (!national) {
    // The congress that heard the report names the issuing region.
    const congress = /在([^\n]{2,12}?)第[^\n]{1,6}届人民代表大会/u.exec(head);
    regionKey =
      findRegion(lex, congress?.[1] ?? "") ??
      findRegion(lex, titled ?? "") ??
      findRegion(lex, declared ?? "") ??
      findRegion(lex, segments.slice(-2).join("/"));
  }
  const entry = regionKey ? lex.regions.get(regionKey) : undefined;
  const level: PlanMetadata["level"] = national
    ? "national"
    : entry?.kind === "province"
      ? "province"
      : entry?.kind === "prefecture" || entry?.kind === "new-area"
        ? "prefecture"
        : entry?.kind === "county"
          ? "county"
          : undefined;
  const date =
    /([0-9]{4}|[〇零○一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日/u.exec(
      head,
    );
  const dateYear = date ? chineseYear(date[1]!) : undefined;
  // A year in the path (reports-2021/…, 2024.md) when the text gives no date.
  const pathYear = /(?:^|[^0-9])(20[0-9]{2}|19[0-9]{2})(?:[^0-9]|$)/u.exec(file)?.[1];
  const reportedYear = isCommunique
    ? chineseYear(/([0-9]{4}|[〇零○一二三四五六七八九]{4})年/u.exec(titled ?? "")?.[1] ?? "")
    : undefined;
  const year = reportedYear ?? dateYear ?? (pathYear ? Number(pathYear) : undefined);
  const body = national ? "国务院" : entry ? `${entry.officialName ?? entry.name}人民政府` : undefined;
  const reportTitle =
    genre === "政府工作报告" && body
      ? `${national ? "" : body}政府工作报告${year ? `（${year}年）` : ""}`.replace("人民政府政府", "人民政府")
      : undefined;
  const titleYear = /(\d{4})年/u.exec(titled ?? "")?.[1];
  const namesIssuer =
    titled !== undefined &&
    titled !== "政府工作报告" &&
    (national || !entry || titled.includes(entry.name)) &&
    !(genre === "政府工作报告" && year && titleYear && Number(titleYear) !== year);
  const title = (namesIssuer ? titled : undefined) ?? reportTitle ?? titled ?? base;
  const issuer =
    /^(中共[^\n]{2,10}?委|中共中央|国务院)/u.exec(titled ?? "")?.[1] ??
    (isCommunique ? "国家统计局" : genre === "政府工作报告" ? body : undefined);
  const metadata: PlanMetadata = { title, genre };
  if (declared && declared !== title) metadata.aliases = [declared];
  if (level) metadata.level = level;
  if (entry) {
    metadata.region = entry.name;
    metadata.regionCode = entry.key;
  }
  if (issuer) metadata.issuer = issuer;
  if (year) metadata.year = year;
  if (isCommunique && dateYear && dateYear !== year) metadata.published = dateYear;
  const url = doc.frontMatter?.source?.trim();
  if (url && /^https?:\/\/\S+$/u.test(url)) metadata.sourceUrl = url;
  if (!titled && genre !== "政府工作报告")
    issues.push(warning("plan/metadata-missing", "no title line found; the file name is used as the title", { file }));
  if (!level)
    issues.push(
      warning(
        "plan/metadata-missing",
        "could not tell which region issued this plan; its own region's short county names will not be recognised",
        { file },
      ),
    );
  if (!year)
    issues.push(warning("plan/metadata-missing", "no adoption or delivery date found in the first lines", { file }));
  return { metadata, issues };
}
