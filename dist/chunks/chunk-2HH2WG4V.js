import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);
import {
  parse,
  printParseErrorCode
} from "./chunk-NE42B3TH.js";
import {
  isRecord
} from "./chunk-7WF6B6PZ.js";

// src/workspace/read-file.ts
import { openSync, readSync, closeSync, fstatSync, realpathSync, constants } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { isUtf8 } from "node:buffer";
var DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;
function openWorkspace(root) {
  return { root: realpathSync(resolve(root)) };
}
function workspaceRelative(workspace, absolute) {
  if (sep === "/" && isNormalizedAbsolute(absolute)) {
    const root = workspace.root;
    if (absolute === root) return "";
    const prefix = root.endsWith("/") ? root : `${root}/`;
    return absolute.startsWith(prefix) ? absolute.slice(prefix.length) : void 0;
  }
  const rel = relative(workspace.root, absolute);
  if (rel === "") return "";
  if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return void 0;
  return rel.split(sep).join("/");
}
function isNormalizedAbsolute(path) {
  return path.startsWith("/") && !path.includes("//") && !path.includes("/./") && !path.includes("/../") && !path.endsWith("/.") && !path.endsWith("/..");
}
function readWorkspaceFile(workspace, relPath, maxBytes = DEFAULT_MAX_FILE_BYTES) {
  const candidate = resolve(workspace.root, relPath);
  if (workspaceRelative(workspace, candidate) === void 0) return { ok: false, message: `'${relPath}' is outside the workspace and was not read` };
  let real;
  try {
    real = realpathSync.native(candidate);
  } catch (error) {
    return { ok: false, message: `cannot read '${relPath}': ${errorCode(error)}` };
  }
  if (workspaceRelative(workspace, real) === void 0) return { ok: false, message: `'${relPath}' is a link to a file outside the workspace and was not read` };
  return readRegularFile(real, relPath, maxBytes);
}
function readRegularFile(real, relPath, maxBytes) {
  let fd;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, message: `cannot read '${relPath}': ${errorCode(error)}` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, message: `'${relPath}' is not a regular file` };
    if (stat.size > maxBytes) return { ok: false, message: `'${relPath}' is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit` };
    const buffer = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return decodeText(buffer.subarray(0, read), relPath, real);
  } catch (error) {
    return { ok: false, message: `cannot read '${relPath}': ${errorCode(error)}` };
  } finally {
    closeSync(fd);
  }
}
var utf8 = new TextDecoder("utf-8", { fatal: true });
var UTF8_BOM = [239, 187, 191];
var utf16le = new TextDecoder("utf-16le");
function decodeText(bytes, relPath, absolutePath) {
  if (bytes[0] === 255 && bytes[1] === 254) return { ok: true, text: utf16le.decode(bytes.subarray(2)), absolutePath };
  if (bytes[0] === 254 && bytes[1] === 255) return { ok: true, text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), absolutePath };
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, message: `'${relPath}' is a binary file (NUL byte at offset ${nul})`, offset: nul };
  if (isUtf8(bytes)) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const bom = buffer[0] === UTF8_BOM[0] && buffer[1] === UTF8_BOM[1] && buffer[2] === UTF8_BOM[2];
    return { ok: true, text: buffer.toString("utf8", bom ? 3 : 0), absolutePath };
  }
  try {
    return { ok: true, text: utf8.decode(bytes), absolutePath };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { ok: false, message: `'${relPath}' is not valid UTF-8 (bad byte 0x${(bytes[at] ?? 0).toString(16)} at offset ${at})`, offset: at };
  }
}
function firstInvalidUtf8(bytes) {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = lead < 128 ? 1 : lead >= 194 && lead <= 223 ? 2 : lead >= 224 && lead <= 239 ? 3 : lead >= 240 && lead <= 244 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === void 0 || (next & 192) !== 128) return i;
    }
    i += length;
  }
  return bytes.length;
}
function errorCode(error) {
  const code = error?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a directory";
  if (code === "ELOOP") return "too many symbolic links";
  return code ?? (error instanceof Error ? error.message : String(error));
}
function formatBytes(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`;
}

// src/engine/parse-json.ts
var BOM = 65279;
var INVALID_CHARACTER = 16;
function parseTemplateText(raw) {
  const text = raw.charCodeAt(0) === BOM ? raw.slice(1) : raw;
  if (text.trim() === "") {
    return { ok: false, text, error: { message: "the file is empty", offset: 0, length: 0 } };
  }
  try {
    return { ok: true, value: JSON.parse(text), text, scanText: text };
  } catch {
    for (const escapeControls of [false, true]) {
      const strict = toStrictJson(text, escapeControls);
      if (strict === void 0) break;
      if (strict === text) continue;
      try {
        return { ok: true, value: JSON.parse(strict), text, scanText: escapeControls ? blankControlCharactersInStrings(text) : text };
      } catch {
      }
    }
    return parseLenient(text);
  }
}
var QUOTE = 34;
var BACKSLASH = 92;
var SLASH = 47;
var COMMA = 44;
function toStrictJson(text, escapeControls) {
  const out = [];
  let copied = 0;
  let pendingComma = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      pendingComma = -1;
      if (!escapeControls) {
        const end = closingQuote(text, i);
        if (end === -1) return void 0;
        i = end;
        continue;
      }
      let j = i + 1;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d === QUOTE) break;
        if (d === BACKSLASH) j++;
        else if (d < 32) {
          out.push(text.slice(copied, j), `\\u${d.toString(16).padStart(4, "0")}`);
          copied = j + 1;
        }
      }
      if (j >= n) return void 0;
      i = j;
    } else if (c === SLASH) {
      const next = text.charCodeAt(i + 1);
      let end = -1;
      if (next === SLASH) {
        end = i + 2;
        while (end < n && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      } else if (next === 42) {
        const close = text.indexOf("*/", i + 2);
        if (close === -1) return void 0;
        end = close + 2;
      } else {
        pendingComma = -1;
        continue;
      }
      out.push(text.slice(copied, i), " ");
      copied = end;
      i = end - 1;
    } else if (c === COMMA) {
      pendingComma = i;
    } else if (c === 125 || c === 93) {
      if (pendingComma !== -1) {
        out.push(text.slice(copied, pendingComma), " ");
        copied = pendingComma + 1;
      }
      pendingComma = -1;
    } else if (c !== 32 && c !== 10 && c !== 13 && c !== 9) {
      pendingComma = -1;
    }
  }
  if (copied === 0) return out.length === 0 ? text : void 0;
  out.push(text.slice(copied));
  return out.join("");
}
function closingQuote(text, start) {
  let from = start + 1;
  for (; ; ) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return -1;
    let backslashes = 0;
    for (let k = quote - 1; k > start && text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}
function parseLenient(text) {
  const scanText = blankControlCharactersInStrings(text);
  const errors = [];
  let value;
  try {
    value = parse(scanText, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const offset = nestingOffset(scanText, EXPLAINED_DEPTH);
    return { ok: false, text, error: { message: `arrays and objects nest more than ${EXPLAINED_DEPTH} levels deep, too deep to pinpoint the syntax error`, offset, length: 1 } };
  }
  const fatal = errors.find((e) => e.error !== INVALID_CHARACTER || scanText.charCodeAt(e.offset) !== QUOTE);
  if (fatal) {
    return { ok: false, text, error: { message: describeParseError(fatal, scanText), offset: fatal.offset, length: fatal.length } };
  }
  return { ok: true, value, text, scanText };
}
var EXPLAINED_DEPTH = 1e3;
function nestingOffset(text, depth) {
  let level = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      if (end === -1) return 0;
      i = end;
    } else if (c === 123 || c === 91) {
      if (++level > depth) return i;
    } else if (c === 125 || c === 93) {
      level--;
    } else if (c === SLASH) {
      i = skipCommentAt(text, i);
    }
  }
  return 0;
}
function blankControlCharactersInStrings(text) {
  let out;
  let start = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      else if (c < 32) {
        (out ??= []).push(text.slice(start, i), " ");
        start = i + 1;
      }
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === SLASH) {
      i = skipCommentAt(text, i);
    }
  }
  if (!out) return text;
  out.push(text.slice(start));
  return out.join("");
}
function skipCommentAt(text, i) {
  const next = text.charCodeAt(i + 1);
  if (next === SLASH) {
    const end = text.indexOf("\n", i);
    return end === -1 ? text.length : end - 1;
  }
  if (next === 42) {
    const end = text.indexOf("*/", i + 2);
    return end === -1 ? text.length : end + 1;
  }
  return i;
}
function describeParseError(error, text) {
  const code = printParseErrorCode(error.error);
  const words = code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  const found = text.slice(error.offset, error.offset + Math.min(Math.max(error.length, 1), 20));
  if (found.startsWith('"')) return `${words} at a string`;
  return found.trim() ? `${words} at '${printable(found)}'` : `${words} at end of input`;
}
function printable(s) {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// src/workspace/parameter-files.ts
import { existsSync } from "node:fs";
import { posix } from "node:path";
function defaultParameterFile(template) {
  const dir = posix.dirname(template);
  const stem = posix.basename(template).replace(/\.json$/i, "");
  return posix.join(dir, `${stem}.parameters.json`);
}
function loadParameterValues(workspace, template, explicit) {
  const candidate = explicit ? posix.normalize(posix.join(posix.dirname(template), explicit)) : defaultParameterFile(template);
  if (!explicit && !existsSync(posix.join(workspace.root, candidate))) return { values: {} };
  const read = readWorkspaceFile(workspace, candidate);
  if (!read.ok) return { values: {}, problem: read.message };
  return { file: candidate, ...parameterValuesFromText(read.text, candidate) };
}
function parameterValuesFromText(text, label) {
  const parsed = parseTemplateText(text);
  if (!parsed.ok) return { values: {}, problem: `parameters file ${label}: ${parsed.error.message}` };
  const root = parsed.value;
  const parameters = isRecord(root) && isRecord(root["parameters"]) ? root["parameters"] : isRecord(root) ? root : {};
  const values = {};
  for (const [name, entry] of Object.entries(parameters)) {
    if (isRecord(entry) && "value" in entry) values[name] = entry["value"];
  }
  return { values };
}

export {
  openWorkspace,
  workspaceRelative,
  readWorkspaceFile,
  parseTemplateText,
  defaultParameterFile,
  loadParameterValues,
  parameterValuesFromText
};
