const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);

// src/model/terraform/suppression.ts
var DIRECTIVE = /^cua-guard-ignore\s+([A-Za-z0-9*,\s]*?)\s*(?::\s*([\s\S]*))?$/;
function parseSuppressionComment(comment) {
  const body = comment.replace(/^(#|\/\/)\s*/, "").replace(/^\/\*\s*([\s\S]*?)\s*\*\/$/, "$1").trim();
  const match = DIRECTIVE.exec(body);
  if (!match) return void 0;
  const ruleIds = (match[1] ?? "").split(/[\s,]+/).filter((id) => id !== "");
  if (ruleIds.length === 0) return void 0;
  const reason = match[2]?.trim();
  return { ruleIds: ruleIds.map((id) => id.toUpperCase()), ...reason ? { reason } : {} };
}
function commentsFor(file, block) {
  const inside = file.comments.filter((c) => c.span.offset >= block.offset && c.span.end <= block.end);
  const above = [];
  let boundary = block.offset;
  for (let i = file.comments.length - 1; i >= 0; i--) {
    const comment = file.comments[i];
    if (comment.span.end > boundary) continue;
    if (file.text.slice(comment.span.end, boundary).trim() !== "") break;
    above.push(comment);
    boundary = comment.span.offset;
  }
  return [...above, ...inside];
}
function hclSuppressionFor(file, block, ruleId) {
  for (const comment of commentsFor(file, block)) {
    const directive = parseSuppressionComment(comment.text);
    if (directive && directive.ruleIds.some((id) => id === ruleId || id === "*")) return { reason: directive.reason ?? "no reason given" };
  }
  return void 0;
}

// src/parse/text-position.ts
var LineIndex = class {
  text;
  /** Offsets where lines start, ascending; complete up to `scanned`. */
  starts = [0];
  /** Every line start at or before this offset is in `starts`. */
  scanned = 0;
  /** The next \r at or after `scanned` (Infinity when there is none), found with indexOf too. */
  nextReturn = -1;
  constructor(text) {
    this.text = text;
  }
  positionAt(offset) {
    const clamped = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, this.text.length));
    this.indexUpTo(clamped);
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if ((starts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (starts[low] ?? 0) + 1 };
  }
  /**
   * \n, \r\n and a lone \r each end a line. indexOf finds line ends far faster than a character
   * loop, and only as far as asked: a finding near the top of a 50 MB file indexes little of it.
   * In a file without \r (most), the \r search runs once and finds none.
   */
  indexUpTo(offset) {
    const text = this.text;
    while (this.scanned <= offset) {
      if (this.nextReturn !== Number.POSITIVE_INFINITY && this.nextReturn < this.scanned) {
        const found = text.indexOf("\r", this.scanned);
        this.nextReturn = found === -1 ? Number.POSITIVE_INFINITY : found;
      }
      const newline = text.indexOf("\n", this.scanned);
      const end = newline === -1 ? Number.POSITIVE_INFINITY : newline;
      if (this.nextReturn < end && this.nextReturn + 1 !== end) {
        this.starts.push(this.nextReturn + 1);
        this.scanned = this.nextReturn + 1;
      } else if (end !== Number.POSITIVE_INFINITY) {
        this.starts.push(end + 1);
        this.scanned = end + 1;
      } else {
        this.scanned = Number.POSITIVE_INFINITY;
      }
    }
  }
};

// src/engine/rule.ts
function isTerraformRule(rule) {
  return rule.meta.source === "terraform";
}
function renderMessage(template, data, renderData) {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key) => {
    const value = data?.[key];
    if (value === void 0) return whole;
    const render = renderData?.[key];
    return render === void 0 ? String(value) : render(value);
  });
}

// src/engine/check-terraform.ts
function checkTerraformModule(module, plan, file) {
  const texts = /* @__PURE__ */ new Map();
  for (const source of [...module.files, ...module.varFiles, ...module.workflowFiles]) texts.set(source.file, source.text);
  const lineIndexes = /* @__PURE__ */ new Map();
  const lines = (path) => {
    let index = lineIndexes.get(path);
    if (index === void 0) {
      index = new LineIndex(texts.get(path) ?? "");
      lineIndexes.set(path, index);
    }
    return index;
  };
  const findings = [];
  for (const rule of plan.rules) {
    if (!isTerraformRule(rule)) continue;
    const severity = severityFor(rule, plan.settings);
    if (severity === void 0) continue;
    const configured = plan.settings.severities[rule.meta.id] !== void 0;
    const report = (r) => {
      findings.push(toFinding(rule, r, { severity: configured ? severity : r.severity ?? severity, lines: lines(r.file), module }));
    };
    const before = findings.length;
    try {
      rule.check({ module, settings: plan.settings, report });
    } catch (error) {
      findings.splice(before);
      findings.push(internalError(rule, file, error));
    }
  }
  findings.sort((a, b) => a.file === b.file ? a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) : a.file.localeCompare(b.file));
  const linkedFiles = [...texts.keys()].filter((f) => f !== file);
  const failed = findings.some((f) => f.severity === "error" && !f.suppressed);
  return { path: file, verdict: failed ? "fail" : "pass", findings, tracking: [], linkedFiles, linkTargets: linkedFiles, moduleFolder: module.folder };
}
function severityFor(rule, settings) {
  const configured = settings.severities[rule.meta.id];
  if (configured === "off") return void 0;
  return configured ?? rule.meta.defaultSeverity;
}
function toFinding(rule, r, context) {
  const template = rule.meta.messages[r.messageId];
  const message = template === void 0 ? `${r.messageId} (message missing from rule ${rule.meta.id})` : renderMessage(template, r.data, rule.meta.renderData);
  const start = context.lines.positionAt(r.span.offset);
  const end = context.lines.positionAt(r.span.end);
  const hclFile = r.block ? [...context.module.files, ...context.module.varFiles].find((f) => f.file === r.file) : void 0;
  const suppressed = hclFile && r.block ? hclSuppressionFor(hclFile, r.block, rule.meta.id) : void 0;
  return {
    ruleId: rule.meta.id,
    severity: context.severity,
    messageId: r.messageId,
    ...r.data ? { data: r.data } : {},
    message,
    file: r.file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    ...suppressed ? { suppressed } : {},
    ...r.fix ? { fix: r.fix } : {},
    ...r.notFixable !== void 0 ? { notFixable: r.notFixable } : {}
  };
}
function internalError(rule, file, error) {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ruleId: rule.meta.id,
    severity: "error",
    messageId: "internal-error",
    data: { error: detail },
    message: `cua-guard's rule ${rule.meta.id} (${rule.meta.name}) failed on this module (internal error: ${detail}); its findings are missing, please report it`,
    file,
    line: 1,
    column: 1,
    internalError: true
  };
}

// src/parse/hcl/parse-hcl.ts
function parseHclFile(parser, file, text, options = {}) {
  const tree = parser.parse(text);
  if (tree === null) return { file, text, attributes: [], blocks: [], comments: [], syntaxErrors: [{ offset: 0, end: text.length }] };
  try {
    const root = tree.rootNode;
    const syntaxErrors = root.hasError ? collectErrors(root) : [];
    const reader = new BodyReader(text.length, options);
    const body = children(root).find((c) => c.type === "body");
    for (const c of children(root)) if (c.type === "comment") reader.comments.push({ text: c.text, span: spanOf(c) });
    const { attributes, blocks } = body ? reader.readBody(body, 0) : { attributes: [], blocks: [] };
    reader.comments.sort((a, b) => a.span.offset - b.span.offset);
    return { file, text, attributes, blocks, comments: reader.comments, syntaxErrors };
  } finally {
    tree.delete();
  }
}
function children(node) {
  return node.children.filter((c) => c !== null);
}
function spanOf(node) {
  return { offset: node.startIndex, end: node.endIndex };
}
function collectErrors(root) {
  const errors = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.isError || node.isMissing) {
      errors.push(spanOf(node));
      continue;
    }
    if (!node.hasError) continue;
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return errors.sort((a, b) => a.offset - b.offset);
}
var BodyReader = class {
  comments = [];
  textEnd;
  readBlock;
  readAttribute;
  constructor(textEnd, options) {
    this.textEnd = textEnd;
    this.readBlock = options.readBlock ?? (() => true);
    this.readAttribute = options.readAttribute ?? (() => true);
  }
  /**
   * depth 0: the file's body; 1: a selected top-level block's body (nested blocks as outlines).
   * `blockType` is the type of the block whose body this is ('' for the file).
   */
  readBody(body, depth, blockType = "") {
    const attributes = [];
    const blocks = [];
    for (const child of children(body)) {
      if (child.type === "attribute") {
        const attribute = readAttribute(child, (name) => this.readAttribute(blockType, name));
        if (attribute) attributes.push(attribute);
      } else if (child.type === "block") {
        const block = this.block(child, depth);
        if (block) blocks.push(block);
      } else if (child.type === "comment") this.comments.push({ text: child.text, span: spanOf(child) });
    }
    return { attributes, blocks };
  }
  block(node, depth) {
    const parts = children(node);
    const type = parts[0];
    if (!type || type.type !== "identifier") return void 0;
    const labels = [];
    for (const part of parts) {
      if (part.type === "string_lit") labels.push(labelValue(part));
      else if (part.type === "identifier" && part !== type) labels.push(part.text);
      else if (part.type === "comment") this.comments.push({ text: part.text, span: spanOf(part) });
    }
    const start = parts.find((c) => c.type === "block_start");
    const end = parts.find((c) => c.type === "block_end");
    const body = parts.find((c) => c.type === "body");
    const read = depth === 0 && this.readBlock(type.text);
    const { attributes, blocks } = body && read ? this.readBody(body, depth + 1, type.text) : { attributes: [], blocks: [] };
    const bodyEnd = end && !end.isMissing ? end.startIndex : Math.min(node.endIndex, this.textEnd);
    return { type: type.text, labels, span: spanOf(node), bodyStart: start ? start.endIndex : node.endIndex, bodyEnd, attributes, blocks };
  }
};
function readAttribute(node, wanted) {
  const parts = children(node);
  const name = parts.find((c) => c.type === "identifier");
  const value = parts.find((c) => c.type === "expression");
  if (!name || !value) return void 0;
  const text = name.text;
  if (!wanted(text)) return void 0;
  return { name: text, span: spanOf(node), value: readExpression(value) };
}
function labelValue(node) {
  const text = node.text;
  const inner = text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : void 0;
  if (inner !== void 0 && !/[\\$%]/.test(inner)) return inner;
  return stringValue(node) ?? text;
}
function stringValue(node) {
  let value = "";
  for (const part of children(node)) {
    if (part.type === "template_literal") value += unescapeHcl(part.text);
    else if (part.type !== "quoted_template_start" && part.type !== "quoted_template_end") return void 0;
  }
  return value;
}
var ESCAPES = { n: "\n", r: "\r", t: "	", '"': '"', "\\": "\\" };
function unescapeHcl(raw) {
  return raw.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)|\$\$\{|%%\{/g, (whole, escape) => {
    if (escape === void 0) return whole.slice(1);
    if (escape.length > 1) {
      const code = Number.parseInt(escape.slice(1), 16);
      return code <= 1114111 ? String.fromCodePoint(code) : whole;
    }
    return ESCAPES[escape] ?? whole;
  });
}
function other(node) {
  return { kind: "other", text: node.text, span: spanOf(node) };
}
function readExpression(node) {
  return nested(node, () => node.type === "expression" ? readTerms(children(node), node) : readTerm(node));
}
var MAX_EXPRESSION_DEPTH = 100;
var expressionDepth = 0;
function nested(node, read) {
  if (expressionDepth >= MAX_EXPRESSION_DEPTH) return other(node);
  expressionDepth++;
  try {
    return read();
  } finally {
    expressionDepth--;
  }
}
function readTerms(terms, whole) {
  const span = whole ? spanOf(whole) : { offset: terms[0]?.startIndex ?? 0, end: terms[terms.length - 1]?.endIndex ?? 0 };
  const [first] = terms;
  if (first === void 0) return { kind: "other", text: "", span };
  if (terms.length === 1) return readTerm(first);
  if (first.type === "(" && terms.length === 3 && terms[1]) return readExpression(terms[1]);
  if (first.type === "variable_expr" && terms.slice(1).every((t) => t.type === "get_attr")) {
    const names = [first.text, ...terms.slice(1).map((t) => children(t).find((c) => c.type === "identifier")?.text ?? "")];
    return { kind: "reference", names, span };
  }
  return { kind: "other", text: whole?.text ?? terms.map((t) => t.text).join(""), span };
}
function readTerm(node) {
  return nested(node, () => readTermAt(node));
}
function readTermAt(node) {
  const span = spanOf(node);
  const parts = children(node);
  switch (node.type) {
    case "expression":
      return readTerms(parts, node);
    case "literal_value":
      return parts[0] ? readTerm(parts[0]) : other(node);
    case "string_lit": {
      const value = stringValue(node);
      return value === void 0 ? other(node) : { kind: "literal", value, span };
    }
    case "numeric_lit":
      return { kind: "literal", value: Number(node.text), span };
    case "bool_lit":
      return { kind: "literal", value: node.text === "true", span };
    case "null_lit":
      return { kind: "literal", value: null, span };
    case "variable_expr":
      return { kind: "reference", names: [node.text], span };
    case "template_expr":
      return parts[0] ? readTemplate(parts[0]) : other(node);
    case "conditional": {
      const [condition, whenTrue, whenFalse] = parts.filter((c) => c.type === "expression");
      if (!condition || !whenTrue || !whenFalse) return other(node);
      return { kind: "conditional", condition: readExpression(condition), whenTrue: readExpression(whenTrue), whenFalse: readExpression(whenFalse), span };
    }
    case "operation":
      return parts[0] ? readOperation(parts[0]) : other(node);
    default:
      return other(node);
  }
}
function readOperation(node) {
  const parts = children(node);
  const span = spanOf(node);
  if (node.type === "unary_operation" && parts[0]?.type === "!") return { kind: "not", operand: readTerms(parts.slice(1), void 0), span };
  if (node.type === "binary_operation") {
    const at = parts.findIndex((c) => !c.isNamed && (c.type === "==" || c.type === "!="));
    const operator = parts[at]?.type;
    if (at > 0 && (operator === "==" || operator === "!=")) {
      return { kind: "compare", operator, left: readTerms(parts.slice(0, at), void 0), right: readTerms(parts.slice(at + 1), void 0), span };
    }
  }
  return other(node);
}
function readTemplate(node) {
  if (node.type === "heredoc_template") return readHeredoc(node);
  const span = spanOf(node);
  const parts = [];
  for (const part of children(node)) {
    if (part.type === "template_literal") parts.push(unescapeHcl(part.text));
    else if (part.type === "template_interpolation") parts.push(interpolated(part));
    else if (part.type === "template_directive") parts.push(other(part));
  }
  if (parts.every((p) => typeof p === "string")) return { kind: "literal", value: parts.join(""), span };
  return { kind: "template", parts, span };
}
function interpolated(part) {
  const inner = children(part).find((c) => c.type === "expression");
  return inner ? readExpression(inner) : other(part);
}
function readHeredoc(node) {
  const span = spanOf(node);
  const parts = children(node);
  const identifiers = parts.filter((c) => c.type === "heredoc_identifier");
  const [open, close] = identifiers;
  const whole = node.text;
  const lineEnd = open ? whole.indexOf("\n", open.endIndex - node.startIndex) : -1;
  if (!open || !close || lineEnd === -1) return other(node);
  const at = (offset) => offset - node.startIndex;
  const values = [];
  let position = lineEnd + 1;
  for (const part of parts) {
    if (part.type !== "template_interpolation" && part.type !== "template_directive") continue;
    values.push(whole.slice(position, at(part.startIndex)), part.type === "template_interpolation" ? interpolated(part) : other(part));
    position = at(part.endIndex);
  }
  values.push(whole.slice(position, at(close.startIndex)));
  const indented = parts.some((c) => c.type === "heredoc_start" && c.text === "<<-");
  if (values.every((v) => typeof v === "string")) {
    const text = values.join("");
    return { kind: "literal", value: indented ? withoutCommonIndent(text) : text, span };
  }
  if (indented) return other(node);
  return { kind: "template", parts: values.filter((v) => v !== ""), span };
}
function withoutCommonIndent(text) {
  const lines = text.split("\n");
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const cut = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((l) => l.slice(cut)).join("\n");
}

// builtin:node:fs
var m = process.getBuiltinModule("node:fs");
var closeSync = /* @__PURE__ */ (() => m.closeSync)();
var fstatSync = /* @__PURE__ */ (() => m.fstatSync)();
var lstatSync = /* @__PURE__ */ (() => m.lstatSync)();
var openSync = /* @__PURE__ */ (() => m.openSync)();
var readdirSync = /* @__PURE__ */ (() => m.readdirSync)();
var readSync = /* @__PURE__ */ (() => m.readSync)();
var readlinkSync = /* @__PURE__ */ (() => m.readlinkSync)();
var constants = /* @__PURE__ */ (() => m.constants)();

// builtin:node:path
var m2 = process.getBuiltinModule("node:path");
var resolve = /* @__PURE__ */ (() => m2.resolve)();
var isAbsolute = /* @__PURE__ */ (() => m2.isAbsolute)();
var join = /* @__PURE__ */ (() => m2.join)();
var relative = /* @__PURE__ */ (() => m2.relative)();
var sep = /* @__PURE__ */ (() => m2.sep)();
var posix = /* @__PURE__ */ (() => m2.posix)();

// src/workspace/read-file.ts
var DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;
var OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0);
function readWorkspaceFile(workspace, relPath, maxBytes = DEFAULT_MAX_FILE_BYTES) {
  return readInside(workspace, relPath, maxBytes, (bytes, real) => decodeText(bytes, relPath, real));
}
function readInside(workspace, relPath, maxBytes, use) {
  const inside = relativeInside(workspace.root, resolve(workspace.root, relPath));
  if (inside === void 0) return { ok: false, message: `'${relPath}' is outside the workspace and was not read` };
  let real;
  let fd;
  try {
    const resolved = resolveInside(workspace, inside);
    if (resolved === void 0) return { ok: false, message: `'${relPath}' is a link to a file outside the workspace and was not read` };
    real = resolved;
    fd = openSync(real, OPEN_FLAGS);
  } catch (error) {
    return failure(relPath, error);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, message: `'${relPath}' is not a regular file` };
    if (stat.size > maxBytes) return { ok: false, message: `'${relPath}' is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit` };
    const read = use(readBytes(fd, stat.size), real);
    return read.ok ? { ...read, identity: { dev: stat.dev, ino: stat.ino } } : read;
  } catch (error) {
    return failure(relPath, error);
  } finally {
    closeSync(fd);
  }
}
var MAX_LINKS = 40;
function resolveInside(workspace, rel) {
  const { root, realFolders } = workspace;
  let pending = rel === "" ? [] : rel.split(sep);
  let current = root;
  let links = 0;
  while (pending.length > 0) {
    const [name = "", ...rest] = pending;
    pending = rest;
    if (name === "" || name === ".") continue;
    if (name === "..") {
      current = resolve(current, "..");
      if (relativeInside(root, current) === void 0) return void 0;
      continue;
    }
    const next = join(current, name);
    const isFolderOnTheWay = pending.length > 0;
    if (isFolderOnTheWay && realFolders?.has(next)) {
      current = next;
      continue;
    }
    const entry = lstatSync(next);
    if (!entry.isSymbolicLink()) {
      if (isFolderOnTheWay && entry.isDirectory()) realFolders?.add(next);
      current = next;
      continue;
    }
    if (++links > MAX_LINKS) throw Object.assign(new Error("too many symbolic links"), { code: "ELOOP" });
    const target = resolve(current, readlinkSync(next));
    const inside = relativeInside(root, target);
    if (inside === void 0) return void 0;
    pending = [...inside === "" ? [] : inside.split(sep), ...pending];
    current = root;
  }
  return current;
}
function relativeInside(root, path) {
  const rel = relative(root, path);
  if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return void 0;
  return rel;
}
function readBytes(fd, size) {
  const buffer = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd, buffer, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  return buffer.subarray(0, read);
}
var utf8 = new TextDecoder("utf-8", { fatal: true });
var lossyUtf8 = new TextDecoder("utf-8");
function decodeText(bytes, relPath, absolutePath) {
  if (bytes[0] === 255 && bytes[1] === 254)
    return { ok: true, text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), absolutePath, encoding: "utf16le" };
  if (bytes[0] === 254 && bytes[1] === 255)
    return { ok: true, text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), absolutePath, encoding: "utf16be" };
  const nul = bytes.indexOf(0);
  if (nul !== -1) return badByte(bytes, nul, `'${relPath}' is a binary file (NUL byte at offset ${nul})`);
  try {
    const encoding = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? "utf8-bom" : "utf8";
    return { ok: true, text: utf8.decode(bytes), absolutePath, encoding };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return badByte(bytes, at, `'${relPath}' is not valid UTF-8 (bad byte 0x${(bytes[at] ?? 0).toString(16)} at offset ${at})`);
  }
}
function badByte(bytes, offset, message) {
  return { ok: false, message, offset, textBefore: lossyUtf8.decode(bytes.subarray(0, offset)) };
}
function firstInvalidUtf8(bytes) {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = lead < 128 ? 1 : lead >= 194 && lead <= 223 ? 2 : lead >= 224 && lead <= 239 ? 3 : lead >= 240 && lead <= 244 ? 4 : 0;
    if (length === 0) return i;
    const low = lead === 224 ? 160 : lead === 240 ? 144 : 128;
    const high = lead === 237 ? 159 : lead === 244 ? 143 : 191;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === void 0 || next < (k === 1 ? low : 128) || next > (k === 1 ? high : 191)) return i;
    }
    i += length;
  }
  return bytes.length;
}
function failure(relPath, error) {
  const code = error?.code;
  return { ok: false, message: `cannot read '${relPath}': ${describeError(code, error)}`, ...code ? { code } : {} };
}
function describeError(code, error) {
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a directory";
  if (code === "ELOOP") return "too many symbolic links";
  return code ?? (error instanceof Error ? error.message : String(error));
}
function formatBytes(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`;
}

// src/workspace/terraform-files.ts
function listTerraformFolder(workspace, folder) {
  const entries = listFiles(join(workspace.root, folder));
  const path = (name) => folder === "" ? name : posix.join(folder, name);
  return {
    configuration: entries.filter((name) => name.toLowerCase().endsWith(".tf")).map(path).sort(),
    variableFiles: entries.filter((name) => name.toLowerCase().endsWith(".tfvars")).map(path).sort()
  };
}
var WORKFLOW_FOLDER = ".github/workflows";
function listWorkflowFiles(workspace) {
  return listFiles(join(workspace.root, WORKFLOW_FOLDER)).filter((name) => /\.ya?ml$/i.test(name)).map((name) => `${WORKFLOW_FOLDER}/${name}`).sort();
}
function listFiles(folder) {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name);
}

// src/model/terraform/resolve-value.ts
var MAX_DEPTH = 16;
var MAX_VALUES = 16;
function resolveExpression(expression, file, scope) {
  return resolve2(expression, { file, scope, depth: 0, seen: /* @__PURE__ */ new Set() });
}
function known(value) {
  return { values: [{ value, via: [] }], unresolved: [] };
}
function unresolved(expression, reason) {
  return { values: [], unresolved: [{ expression, reason }] };
}
function resolve2(expression, frame) {
  if (frame.depth > MAX_DEPTH) return unresolved(describe(expression), "nests references too deeply");
  switch (expression.kind) {
    case "literal":
      return known(expression.value);
    case "reference":
      return resolveReference(expression.names, frame);
    case "template":
      return resolveTemplate(expression.parts, frame);
    case "conditional":
      return resolveConditional(expression, frame);
    case "not":
      return mapValues(resolve2(expression.operand, deeper(frame)), (v) => typeof v === "boolean" ? !v : void 0, describe(expression));
    case "compare": {
      const left = resolve2(expression.left, deeper(frame));
      const right = resolve2(expression.right, deeper(frame));
      return combine([left, right], (values) => expression.operator === "==" === (values[0] === values[1]));
    }
    case "other":
      return unresolved(expression.text, "is an expression cua-guard does not evaluate");
  }
}
function deeper(frame, extra) {
  const seen = extra === void 0 ? frame.seen : /* @__PURE__ */ new Set([...frame.seen, extra]);
  return { ...frame, depth: frame.depth + 1, seen };
}
function describe(expression) {
  if (expression.kind === "reference") return expression.names.join(".");
  if (expression.kind === "other") return expression.text;
  if (expression.kind === "literal") return JSON.stringify(expression.value);
  return "expression";
}
function resolveReference(names, frame) {
  const text = names.join(".");
  const [root, name] = names;
  if (names.length === 2 && root === "var" && name !== void 0) return resolveVariable(name, frame);
  if (names.length === 2 && root === "local" && name !== void 0) {
    const local = frame.scope.locals.get(name);
    if (local === void 0) return unresolved(text, "is not a local value of this folder");
    if (frame.seen.has(text)) return unresolved(text, "refers to itself");
    const inner = resolve2(local.expression, { ...deeper(frame, text), file: local.file });
    return addSource(inner, { what: text, file: local.file, span: local.expression.span });
  }
  return unresolved(text, "is known only when Terraform runs");
}
function resolveVariable(name, frame) {
  const text = `var.${name}`;
  const declaration = frame.scope.variables.get(name);
  if (declaration === void 0) return unresolved(text, "is not declared in this folder");
  const assignments = frame.scope.assignments.get(name) ?? [];
  const automatic = assignments.filter((a) => a.automatic).at(-1);
  const chosen = [];
  if (automatic) chosen.push({ what: `${text} in ${baseName(automatic.file)}`, file: automatic.file, expression: automatic.expression });
  else if (declaration.default) chosen.push({ what: `default of ${text}`, file: declaration.file, expression: declaration.default.expression });
  for (const a of assignments.filter((x) => !x.automatic)) chosen.push({ what: `${text} in ${baseName(a.file)}`, file: a.file, expression: a.expression });
  if (chosen.length === 0)
    return unresolved(text, "has no default and no value in a .tfvars file of this folder (it is set when Terraform runs: -var, TF_VAR_\u2026)");
  const parts = chosen.map(
    (c) => addSource(resolve2(c.expression, { ...deeper(frame), file: c.file }), { what: c.what, file: c.file, span: c.expression.span })
  );
  return union(parts);
}
function baseName(file) {
  return file.slice(file.lastIndexOf("/") + 1);
}
function resolveTemplate(parts, frame) {
  const resolved = parts.map((p) => typeof p === "string" ? known(p) : resolve2(p, deeper(frame)));
  return combine(resolved, (values) => values.every((v) => v !== null && typeof v !== "object") ? values.map((v) => String(v)).join("") : void 0);
}
function resolveConditional(expression, frame) {
  const condition = resolve2(expression.condition, deeper(frame));
  const whenTrue = () => resolve2(expression.whenTrue, deeper(frame));
  const whenFalse = () => resolve2(expression.whenFalse, deeper(frame));
  if (condition.values.length === 0) return union([whenTrue(), whenFalse()]);
  const results = [];
  for (const c of condition.values) {
    if (typeof c.value !== "boolean") return union([whenTrue(), whenFalse()]);
    results.push(addSources(c.value ? whenTrue() : whenFalse(), c.via));
  }
  if (condition.unresolved.length > 0) results.push(whenTrue(), whenFalse());
  return union(results);
}
function addSource(resolution, source) {
  return addSources(resolution, [source]);
}
function addSources(resolution, sources) {
  if (sources.length === 0) return resolution;
  return { values: resolution.values.map((v) => ({ value: v.value, via: [...sources, ...v.via] })), unresolved: resolution.unresolved };
}
function union(resolutions) {
  const values = [];
  const unresolvedList = [];
  for (const r of resolutions) {
    for (const v of r.values) if (!values.some((x) => x.value === v.value) && values.length < MAX_VALUES) values.push(v);
    for (const u of r.unresolved) if (!unresolvedList.some((x) => x.expression === u.expression)) unresolvedList.push(u);
  }
  return { values, unresolved: unresolvedList };
}
function mapValues(resolution, map, text) {
  const values = [];
  const extra = [];
  for (const v of resolution.values) {
    const mapped = map(v.value);
    if (mapped === void 0) extra.push({ expression: text, reason: "has an operand of the wrong type" });
    else values.push({ value: mapped, via: v.via });
  }
  return union([{ values, unresolved: [...resolution.unresolved, ...extra] }]);
}
function combine(parts, join2) {
  const unresolvedList = parts.flatMap((p) => p.unresolved);
  if (parts.some((p) => p.values.length === 0)) return union([{ values: [], unresolved: unresolvedList }]);
  let combos = [{ values: [], via: [] }];
  for (const part of parts) {
    const next = [];
    for (const combo of combos)
      for (const v of part.values) if (next.length < MAX_VALUES) next.push({ values: [...combo.values, v.value], via: [...combo.via, ...v.via] });
    combos = next;
  }
  const values = [];
  for (const combo of combos) {
    const joined = join2(combo.values);
    if (joined === void 0) unresolvedList.push({ expression: "expression", reason: "has an operand of the wrong type" });
    else values.push({ value: joined, via: combo.via });
  }
  return union([{ values, unresolved: unresolvedList }]);
}

// src/model/terraform/terraform-module.ts
var ATTRIBUTING_PROVIDERS = ["azurerm", "azapi"];
function buildTerraformModule(input) {
  const scope = buildScope(input.files, input.varFiles);
  const providers = [];
  let backend;
  let firstAzureResource;
  for (const file of input.files) {
    for (const block of file.blocks) {
      const providerName = block.labels[0];
      if (block.type === "provider" && isAttributing(providerName)) providers.push(providerConfiguration(providerName, file.file, block, scope));
      else if (block.type === "terraform" && backend === void 0) {
        const inner = block.blocks.find((b) => b.type === "backend" || b.type === "cloud");
        if (inner) backend = { file: file.file, block: inner };
      } else if ((block.type === "resource" || block.type === "data") && firstAzureResource === void 0 && ATTRIBUTING_PROVIDERS.some((p) => providerName?.startsWith(`${p}_`))) {
        firstAzureResource = { file: file.file, block };
      }
    }
  }
  return {
    folder: input.folder,
    files: input.files,
    varFiles: input.varFiles,
    providers,
    ...backend ? { backend } : {},
    ...firstAzureResource ? { firstAzureResource } : {},
    workflowPartnerIds: input.workflowPartnerIds ?? [],
    workflowFiles: (input.workflowFiles ?? []).filter((w) => input.workflowPartnerIds?.some((p) => p.file === w.file)),
    scope
  };
}
function isAttributing(name) {
  return ATTRIBUTING_PROVIDERS.includes(name);
}
function providerConfiguration(provider, file, block, scope) {
  const aliasAttribute = block.attributes.find((a) => a.name === "alias");
  const alias = aliasAttribute?.value.kind === "literal" && typeof aliasAttribute.value.value === "string" ? aliasAttribute.value.value : void 0;
  const attribute = block.attributes.find((a) => a.name === "partner_id");
  return {
    provider,
    ...alias !== void 0 ? { alias } : {},
    file,
    block,
    ...attribute ? { partnerId: { attribute, resolution: resolveExpression(attribute.value, file, scope) } } : {}
  };
}
function buildScope(files, varFiles) {
  const variables = /* @__PURE__ */ new Map();
  const locals = /* @__PURE__ */ new Map();
  for (const file of files) {
    for (const block of file.blocks) {
      const name = block.labels[0];
      if (block.type === "variable" && name !== void 0 && !variables.has(name)) {
        const fallback = block.attributes.find((a) => a.name === "default");
        variables.set(name, { name, file: file.file, ...fallback ? { default: { expression: fallback.value } } : {} });
      } else if (block.type === "locals") {
        for (const attribute of block.attributes) if (!locals.has(attribute.name)) locals.set(attribute.name, { file: file.file, expression: attribute.value });
      }
    }
  }
  const assignments = /* @__PURE__ */ new Map();
  for (const file of [...varFiles].sort((a, b) => loadOrder(a.file) - loadOrder(b.file) || a.file.localeCompare(b.file))) {
    const automatic = loadOrder(file.file) < 2;
    for (const attribute of file.attributes) {
      const list = assignments.get(attribute.name) ?? [];
      list.push({ file: file.file, expression: attribute.value, automatic });
      assignments.set(attribute.name, list);
    }
  }
  return { variables, assignments, locals };
}
function loadOrder(file) {
  const name = file.slice(file.lastIndexOf("/") + 1);
  if (name === "terraform.tfvars") return 0;
  if (name.endsWith(".auto.tfvars")) return 1;
  return 2;
}

// src/workspace/read-terraform-module.ts
var MAX_TERRAFORM_FILE_BYTES = 16 * 1024 * 1024;
var HCL_READ = {
  readBlock: (type) => type === "provider" || type === "variable" || type === "locals" || type === "terraform",
  readAttribute: (blockType, name) => blockType === "variable" ? name === "default" : blockType !== "terraform"
};
function readWorkflows(workspace, readers) {
  const files = [];
  const partnerIds = [];
  for (const file of listWorkflowFiles(workspace)) {
    const read = readWorkspaceFile(workspace, file, MAX_TERRAFORM_FILE_BYTES);
    if (!read.ok) continue;
    files.push({ file, text: read.text });
    partnerIds.push(...readers.partnerIdEnvOfWorkflow(file, read.text));
  }
  return { files, partnerIds };
}
var MAY_BE_CHECKED = /\bprovider\s+"?(?:azurerm|azapi)\b|\b(?:backend|cloud)\s*["{]/;
function readTerraformModule(workspace, folder, context) {
  const listed = listTerraformFolder(workspace, folder);
  const read = (file) => {
    const given = context.texts?.get(file);
    if (given !== void 0) return { file, text: given };
    const outcome = readWorkspaceFile(workspace, file, MAX_TERRAFORM_FILE_BYTES);
    return outcome.ok ? { file, text: outcome.text } : { file };
  };
  const configuration = listed.configuration.map(read);
  const relevant = configuration.some((f) => f.text !== void 0 && MAY_BE_CHECKED.test(f.text));
  const parse = ({ file, text }) => {
    if (text === void 0) return { file, text: "", attributes: [], blocks: [], comments: [], syntaxErrors: [{ offset: 0, end: 0 }] };
    if (!relevant) return { file, text, attributes: [], blocks: [], comments: [], syntaxErrors: [] };
    return parseHclFile(context.readers.parser, file, text, HCL_READ);
  };
  return buildTerraformModule({
    folder,
    files: configuration.map(parse),
    varFiles: relevant ? listed.variableFiles.map(read).map(parse) : [],
    workflowPartnerIds: context.workflows.partnerIds,
    workflowFiles: context.workflows.files
  });
}
function isCheckedModule(module) {
  return module.providers.length > 0 || module.backend !== void 0 && module.firstAzureResource !== void 0;
}
function moduleResultFile(module) {
  return module.providers[0]?.file ?? module.backend?.file ?? module.files[0]?.file ?? module.folder;
}
function folderOf(file) {
  const slash = file.lastIndexOf("/");
  return slash === -1 ? "" : file.slice(0, slash);
}

// src/parse/tree-sitter/load.ts
async function createSyntaxParser(name) {
  const { createParser } = await import("./lazy-parse-tree-sitter-grammars.js");
  return createParser(name);
}

// src/app/check-terraform.ts
async function createTerraformTools(workspace) {
  const partnerIdEnvOfWorkflow = mentionsPartnerIdEnv(workspace) ? (await import("./lazy-parse-workflow-partner-env.js")).partnerIdEnvOfWorkflow : () => [];
  const readers = { parser: await createSyntaxParser("terraform"), partnerIdEnvOfWorkflow };
  return { ...readers, checkFiles: (request, files) => checkTerraformFiles(request, files, readers) };
}
function mentionsPartnerIdEnv(workspace) {
  return listWorkflowFiles(workspace).some((file) => {
    const read = readWorkspaceFile(workspace, file);
    return read.ok && read.text.includes("ARM_PARTNER_ID");
  });
}
function checkTerraformFiles(request, files, readers) {
  const folders = [...new Set(files.map((file) => folderOf(file)))].sort();
  const workflows = readWorkflows(request.workspace, readers);
  const results = [];
  for (const folder of folders) {
    const module = readTerraformModule(request.workspace, folder, { readers, workflows });
    if (!isCheckedModule(module)) continue;
    const file = moduleResultFile(module);
    const result = checkTerraformModule(module, { rules: request.rules, settings: request.settingsFor(file) }, file);
    results.push({ ...result, linkTargets: [.../* @__PURE__ */ new Set([...result.linkTargets ?? [], ...workflows.files.map((w) => w.file)])] });
  }
  return results;
}
export {
  createTerraformTools
};
