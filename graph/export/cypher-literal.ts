// Cypher literals for values written into a script: strings escaped, floats kept floats, map keys quoted when needed.

// Backslash, quote, C0 controls and lone surrogates; built from a string because lint forbids control characters in literals.
const SPECIAL_CLASS = "[\\\\'\\u0000-\\u001F\\uD800-\\uDFFF]";
const STRING_SPECIAL = new RegExp(SPECIAL_CLASS, "u");
const STRING_ALL = new RegExp(SPECIAL_CLASS, "gu");
const NAMED: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  "'": "\\'",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

/** A single-quoted Cypher string literal; backslashes, quotes and control characters escaped, everything else as is. */
export function cypherString(value: string): string {
  if (!STRING_SPECIAL.test(value)) return `'${value}'`;
  const escaped = value.replace(
    STRING_ALL,
    (ch) => NAMED[ch] ?? `\\u${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
  return `'${escaped}'`;
}

/** A Cypher float literal (Cypher reads `18` as an integer, so whole numbers get `.0`; exponents lose their `+`). */
export function cypherFloat(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`graph/export: Cypher has no literal for ${value}`);
  const text = String(value).replace("e+", "e");
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

/** A Cypher integer literal; a value that is not a whole number is written as a float rather than rounded. */
export function cypherInteger(value: number): string {
  return Number.isSafeInteger(value) ? String(value) : cypherFloat(value);
}

/** A map key or property name, back-quoted unless it is a plain identifier. */
export function cypherName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, "``")}\``;
}
