// The administrative-division list (GB/T 2260 codes from @vant/area-data) with short forms, abbreviations and new areas.
import { areaList } from "@vant/area-data";
import newAreas from "./data/new-areas.json" with { type: "json" };
import provinceNames from "./data/province-names.json" with { type: "json" };

/** The level of a division in the official hierarchy, plus state-level new areas (which have no code of their own). */
export type DivisionLevel = "province" | "prefecture" | "county" | "new-area";

/** One division: its code, official and short names, level and the codes of its ancestors, nearest first. */
export interface Division {
  code: string;
  name: string;
  short: string;
  level: DivisionLevel;
  ancestors: string[];
  abbreviations: string[];
  literary: string[];
}

/** The 56 ethnic groups, as they appear in the names of autonomous divisions (新疆维吾尔自治区, 延边朝鲜族自治州). */
const ETHNIC_GROUPS =
  "蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺";
/** An autonomous division's name with its ethnic groups and type word (延边朝鲜族自治州 → 延边). */
const ETHNIC_SUFFIX = new RegExp(`^(.{2,}?)(?:(?:${ETHNIC_GROUPS})族?)*(自治州|自治县|自治旗|自治区)$`, "u");
const GENERIC_SHORT = new Set([
  "城区",
  "郊区",
  "矿区",
  "新区",
  "市辖区",
  "开发区",
  "新城",
  "老城",
  "东区",
  "西区",
  "南区",
  "北区",
  "中区",
]);

/** Drops the type suffix of an official division name: 石家庄市 → 石家庄, 延边朝鲜族自治州 → 延边, 曹妃甸区 → 曹妃甸. */
export function shortName(name: string): string {
  const ethnic = ETHNIC_SUFFIX.exec(name);
  if (ethnic) return ethnic[1]!;
  const m = /^(.{2,}?)(特别行政区|省|市|县|区|旗|盟|地区|林区|特区)$/u.exec(name);
  return m ? m[1]! : name;
}

function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/** Builds the division table once: provinces, prefectures and counties (statistical zones with codes xx7x are left out) plus new areas. */
export function buildDivisions(): Map<string, Division> {
  const out = new Map<string, Division>();
  const aliases = provinceNames.provinces as Record<string, { abbr: string[]; literary: string[] }>;
  for (const [code, name] of Object.entries(areaList.province_list)) {
    const a = aliases[code];
    out.set(code, {
      code,
      name,
      short: shortName(name),
      level: "province",
      ancestors: [],
      abbreviations: a?.abbr ?? [],
      literary: a?.literary ?? [],
    });
  }
  for (const [code, name] of Object.entries(areaList.city_list)) {
    const province = out.get(provinceOf(code));
    if (!province || name === province.name || /直辖|市辖/u.test(name)) continue;
    out.set(code, {
      code,
      name,
      short: shortName(name),
      level: "prefecture",
      ancestors: [province.code],
      abbreviations: [],
      literary: [],
    });
  }
  for (const [code, name] of Object.entries(areaList.county_list)) {
    if (code[4] === "7" || code[4] === "9" || /开发区|管理区|示范区|新区$|园区|经济区|高新/u.test(name)) continue;
    const prefecture = `${code.slice(0, 4)}00`;
    const ancestors = [out.has(prefecture) ? prefecture : undefined, provinceOf(code)].filter((x): x is string => !!x);
    const short = shortName(name);
    out.set(code, {
      code,
      name,
      short: GENERIC_SHORT.has(name) || short.length < 2 ? name : short,
      level: "county",
      ancestors,
      abbreviations: [],
      literary: [],
    });
  }
  newAreas.areas.forEach((area, i) => {
    const code = `NA${String(i + 1).padStart(2, "0")}`;
    const parent = out.get(area.parent);
    out.set(code, {
      code,
      name: area.name,
      short: area.aliases.find((a) => a.length < area.name.length && area.name.startsWith(a)) ?? area.name,
      level: "new-area",
      ancestors: [area.parent, ...(parent?.ancestors ?? [])],
      abbreviations: [],
      literary: [],
    });
    for (const covered of area.covers ?? []) {
      const county = out.get(covered);
      if (county) county.ancestors = [code, ...county.ancestors];
    }
  });
  return out;
}

/** Extra official-looking names of new areas (e.g. 河北雄安新区) keyed by their division code. */
export function newAreaAliases(divisions: Map<string, Division>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of divisions.values()) {
    if (d.level !== "new-area") continue;
    const area = newAreas.areas.find((a) => a.name === d.name);
    if (area) out.set(d.code, area.aliases);
  }
  return out;
}
