// XML escaping: what a conforming parser reads back is what was written, and characters XML cannot hold become U+FFFD.
import { DOMParser } from "@xmldom/xmldom";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { xmlAttr, xmlText } from "../../../graph/export/xml.ts";

function roundTrip(value: string): { attr: string | null; text: string | null } {
  const xml = `<a v="${xmlAttr(value)}">${xmlText(value)}</a>`;
  expect(XMLValidator.validate(xml)).toBe(true);
  const element = new DOMParser().parseFromString(xml, "application/xml").documentElement;
  return { attr: element?.getAttribute("v") ?? null, text: element?.textContent ?? null };
}

describe("XML escaping", () => {
  it("returns markup, quotes, tabs and every kind of line break unchanged after parsing, in attributes and in text", () => {
    const value = "“雄安”新区, \"quoted\" <tag> & ]]> 'single'\tTAB\nLF\r\nCRLF\rCR";
    expect(roundTrip(value)).toEqual({ attr: value, text: value });
  });

  it("leaves plain Chinese text as it is", () => {
    expect(xmlText("京津冀协同发展向纵深推进，中期目标基本实现。")).toBe(
      "京津冀协同发展向纵深推进，中期目标基本实现。",
    );
  });

  it("writes characters XML 1.0 forbids (control characters, lone surrogates) as U+FFFD so the file still parses", () => {
    const value = "a\u0001b\u000bc\ud800d\uffffe😀";
    expect(roundTrip(value)).toEqual({
      attr: "a\ufffdb\ufffdc\ufffdd\ufffde😀",
      text: "a\ufffdb\ufffdc\ufffdd\ufffde😀",
    });
  });
});
