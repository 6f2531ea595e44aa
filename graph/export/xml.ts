// XML escaping for the GraphML and GEXF writers: markup characters, line breaks in attributes, and XML 1.0's forbidden characters.

// Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF): written as U+FFFD.
const FORBIDDEN = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF\\uD800-\\uDFFF";
const TEXT_SPECIAL = new RegExp(`[&<>\\r${FORBIDDEN}]`, "u");
const ATTR_SPECIAL = new RegExp(`[&<>"\\t\\n\\r${FORBIDDEN}]`, "u");
const TEXT_ALL = new RegExp(TEXT_SPECIAL.source, "gu");
const ATTR_ALL = new RegExp(ATTR_SPECIAL.source, "gu");

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

const replace = (ch: string) => ENTITIES[ch] ?? "\uFFFD";

/** Escapes character data: `&`, `<`, `>`, and carriage returns (a parser would turn them into line feeds). */
export function xmlText(value: string): string {
  return TEXT_SPECIAL.test(value) ? value.replace(TEXT_ALL, replace) : value;
}

/** Escapes an attribute value: markup, quotes, and tabs and line breaks (a parser would turn them into spaces). */
export function xmlAttr(value: string): string {
  return ATTR_SPECIAL.test(value) ? value.replace(ATTR_ALL, replace) : value;
}
