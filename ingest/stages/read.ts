// Stage read: bytes → text. UTF-8 (with or without BOM), UTF-16 (with BOM, or by its NUL bytes), GB18030/GBK/Big5 by detection, HTML pages, Markdown.
import chardet from "chardet";
import iconv from "iconv-lite";
import { error, warning, type Issue } from "../../schema/index.ts";
import type { DecodedText } from "../types.ts";
import { htmlToText, looksLikeHtml } from "../text/html.ts";
import { isMarkdown, markdownToText, splitFrontMatter, type FrontMatter } from "../text/markdown.ts";

import { DEFAULT_MAX_BYTES } from "../limits.ts";

/** Options of the read stage. */
export interface ReadOptions {
  maxBytes?: number;
}

const MAGIC: [string, number[]][] = [
  ["a PDF document (name it *.pdf and its text layer is read)", [0x25, 0x50, 0x44, 0x46]],
  ["a ZIP archive or Office document (save it as plain text first)", [0x50, 0x4b, 0x03, 0x04]],
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["a gzip archive (decompress it first)", [0x1f, 0x8b]],
  ["a legacy Word document (save it as plain text first)", [0xd0, 0xcf, 0x11, 0xe0]],
];

const LEGACY_ENCODINGS = new Set(["GB18030", "GBK", "GB2312", "Big5", "EUC-TW"]);

/** Whether the bytes from `at` to the end are the start of a multi-byte UTF-8 character that was cut off. */
export function isTruncatedTail(bytes: Uint8Array, at: number): boolean {
  const lead = bytes[at];
  if (lead === undefined) return false;
  const need =
    lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
  const rest = bytes.length - at - 1;
  if (need === 0 || rest >= need) return false;
  for (let k = at + 1; k < bytes.length; k++) if ((bytes[k]! & 0xc0) !== 0x80) return false;
  return true;
}

/** Returns the offset of the first byte that is not part of a valid UTF-8 sequence, or -1 when all are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Which UTF-16 byte order a file without a byte-order mark is in, if it is UTF-16: its ASCII (digits, line breaks)
 * puts NUL bytes mostly on one side of each pair, and decoded that way nearly every character is CJK, CJK
 * punctuation or printable ASCII.
 */
export function detectUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let even = 0;
  let odd = 0;
  const sample = Math.min(bytes.length, 131_072);
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const order = odd > even ? "utf-16le" : even > odd ? "utf-16be" : undefined;
  if (!order) return undefined;
  const text = new TextDecoder(order).decode(bytes.subarray(0, sample));
  const readable = text.match(/[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\x20-\x7e\n\r\t]/g)?.length ?? 0;
  return readable > text.length * 0.9 ? order : undefined;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function controlRatio(text: string): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) bad++;
  }
  return text.length === 0 ? 0 : bad / text.length;
}

function decodeLegacy(bytes: Uint8Array): { text: string; encoding: string } | undefined {
  const candidates = chardet.analyse(bytes).map((c) => c.name);
  for (const name of ["GB18030", ...candidates]) {
    if (!LEGACY_ENCODINGS.has(name) || !iconv.encodingExists(name)) continue;
    const text = iconv.decode(Buffer.from(bytes), name);
    const cjk = text.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
    if (controlRatio(text) < 0.001 && cjk > text.length * 0.2) return { text, encoding: name };
  }
  return undefined;
}

/** The error for a file over the size limit (`--max-bytes`), or undefined when it is within it; every reader checks it first. */
export function sizeIssue(bytes: Uint8Array, file: string, options: ReadOptions): Issue | undefined {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length <= maxBytes) return undefined;
  return error(
    "read/too-large",
    `the file has ${bytes.length} bytes, more than the limit of ${maxBytes}; split it or raise the limit with --max-bytes`,
    { file },
  );
}

/** Decodes one input file into text, or reports why it cannot be read (empty, binary, undecodable, too large). */
export function read(
  bytes: Uint8Array,
  file: string,
  options: ReadOptions = {},
): { decoded?: DecodedText; issues: Issue[] } {
  const issues: Issue[] = [];
  const tooLarge = sizeIssue(bytes, file, options);
  if (tooLarge) return { issues: [tooLarge] };
  for (const [what, magic] of MAGIC)
    if (magic.every((b, i) => bytes[i] === b))
      return { issues: [error("read/binary", `this is ${what}, not a text file`, { file, byte: 0 })] };

  let text: string;
  let encoding = "UTF-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    [text, encoding] = [new TextDecoder("utf-16le").decode(bytes.subarray(2)), "UTF-16LE"];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    [text, encoding] = [new TextDecoder("utf-16be").decode(bytes.subarray(2)), "UTF-16BE"];
  else if (detectUtf16(bytes)) {
    encoding = detectUtf16(bytes) === "utf-16le" ? "UTF-16LE" : "UTF-16BE";
    text = new TextDecoder(encoding.toLowerCase()).decode(bytes);
    issues.push(
      warning(
        "read/utf16-no-bom",
        `UTF-16 without a byte-order mark; decoded as ${encoding}. Save the file as UTF-8 to avoid the guess`,
        { file },
      ),
    );
  } else {
    const nul = bytes.indexOf(0);
    if (nul >= 0)
      return {
        issues: [
          error(
            "read/binary",
            `binary data: a NUL byte at byte ${nul} (line ${lineOf(bytes, nul)}); plans must be text files`,
            {
              file,
              byte: nul,
              line: lineOf(bytes, nul),
            },
          ),
        ],
      };
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    const strict = decodeUtf8(body);
    const bad = strict === undefined ? firstInvalidUtf8(body) : -1;
    if (strict !== undefined) text = strict;
    else if (isTruncatedTail(body, bad)) {
      text = new TextDecoder("utf-8").decode(body.subarray(0, bad));
      const at = bad + (body === bytes ? 0 : 3);
      issues.push(
        warning(
          "read/truncated-utf8",
          `the file ends in the middle of a UTF-8 character at byte ${at} (it was probably cut off); the incomplete character was dropped`,
          { file, byte: at, line: lineOf(bytes, at) },
        ),
      );
    } else {
      const legacy = decodeLegacy(body);
      const at = bad + (body === bytes ? 0 : 3);
      if (!legacy)
        return {
          issues: [
            error(
              "read/undecodable",
              `not valid UTF-8 at byte ${at} (line ${lineOf(bytes, at)}) and not GB18030, GBK or Big5 either; convert the file to UTF-8 (e.g. iconv -f <encoding> -t UTF-8)`,
              { file, byte: at, line: lineOf(bytes, at) },
            ),
          ],
        };
      [text, encoding] = [legacy.text, legacy.encoding];
      issues.push(
        warning(
          "read/legacy-encoding",
          `not UTF-8 (first invalid byte ${at}); decoded as ${encoding}. Save the file as UTF-8 to avoid the guess`,
          {
            file,
            byte: at,
          },
        ),
      );
    }
  }
  if (controlRatio(text) > 0.01)
    return {
      issues: [error("read/binary", "the file is mostly control characters, not text; is it a binary file?", { file })],
    };

  let format: DecodedText["format"] = "text";
  let frontMatter: FrontMatter | undefined;
  if (isMarkdown(file, text)) {
    const split = splitFrontMatter(text.replace(/\r\n?/gu, "\n"));
    [text, frontMatter, format] = [markdownToText(split.body), split.front, "markdown"];
  } else if (looksLikeHtml(text)) {
    text = htmlToText(text);
    format = "html";
    issues.push(warning("read/html", "an HTML page: its text was extracted and the markup dropped", { file }));
  }
  if (text.trim().length === 0)
    return { issues: [...issues, error("read/empty", "the file holds no text; nothing to ingest", { file })] };
  return { decoded: frontMatter ? { text, encoding, format, frontMatter } : { text, encoding, format }, issues };
}
