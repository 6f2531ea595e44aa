// English labels for places: official names for provinces and planning regions, pinyin with a type word for the rest.
import { pinyin } from "pinyin-pro";

const TYPE_WORDS: [RegExp, string][] = [
  [/新区$/u, " New Area"],
  [/区$/u, " District"],
  [/自治县$/u, " Autonomous County"],
  [/县$/u, " County"],
  [/自治旗$/u, " Autonomous Banner"],
  [/旗$/u, " Banner"],
  [/自治州$/u, " Prefecture"],
  [/盟$/u, " League"],
];

/** Writes Chinese in pinyin the way place names are romanised: syllables joined, an apostrophe before a, o or e (Xi'an), first letter capital. */
export function romanize(chinese: string): string {
  const syllables = pinyin(chinese, { toneType: "none", type: "array", nonZh: "consecutive" }) as string[];
  const joined = syllables.map((s, i) => (i > 0 && /^[aoe]/u.test(s) ? `'${s}` : s)).join("");
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** The English label of a division: its short name romanised, with the type word the official name ends in (曹妃甸区 → Caofeidian District). */
export function divisionEnglish(officialName: string, shortName: string, level: string): string {
  if (level === "prefecture") return romanize(shortName);
  const type = TYPE_WORDS.find(([re]) => re.test(officialName));
  return romanize(shortName.replace(/新区$/u, "")) + (type?.[1] ?? "");
}

const NATURAL_TYPES: [RegExp, string][] = [
  [/水库$/u, " Reservoir"],
  [/湖$/u, " Lake"],
  [/(山脉|山)$/u, " Mountains"],
  [/山区$/u, " Mountain Area"],
  [/(河|江)$/u, " River"],
  [/湾$/u, " Bay"],
  [/高原$/u, " Plateau"],
  [/盆地$/u, " Basin"],
  [/流域$/u, " River Basin"],
  [/平原$/u, " Plain"],
  [/三角洲$/u, " Delta"],
  [/沙漠$/u, " Desert"],
  [/沙地$/u, " Sandy Land"],
  [/群岛$/u, " Islands"],
  [/岛$/u, " Island"],
  [/地区$/u, " Area"],
  [/海$/u, " Sea"],
];

/** The English label of a natural area: each part romanised with its type word (衡水湖 → Hengshui Lake, 太行山—燕山 → Taihang Mountains—Yan Mountains). */
export function naturalEnglish(name: string): string {
  return name
    .split("—")
    .map((part) => {
      const type = NATURAL_TYPES.find(([re]) => re.test(part) && part.replace(re, "").length >= 1);
      return type ? romanize(part.replace(type[0], "")) + type[1] : romanize(part);
    })
    .join("—");
}
