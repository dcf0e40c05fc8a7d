import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);
import {
  TRACKING_API_VERSION,
  emptyTemplate,
  isHigherScope,
  trackingName,
  trackingResource
} from "./chunk-GU4IXQC6.js";
import {
  checkTemplateText,
  createLinkReader,
  discoverTemplates,
  findTrackingResources
} from "./chunk-2YOUWXLX.js";
import "./chunk-POAORTRJ.js";
import {
  loadParameterValues,
  parseTemplateText,
  readWorkspaceFile
} from "./chunk-2HH2WG4V.js";
import {
  applyEdits,
  findNodeAtLocation,
  modify,
  parseTree
} from "./chunk-NE42B3TH.js";
import {
  buildTemplateModel,
  evaluateValue,
  isDeploymentType,
  templateShapeProblem
} from "./chunk-TGSJW3MB.js";
import "./chunk-DTOGA5AF.js";
import {
  createTemplateSource,
  isRecord
} from "./chunk-7WF6B6PZ.js";
import {
  LineIndex
} from "./chunk-PGJEXBYH.js";
import "./chunk-ARP5BQKI.js";

// src/fix/fix-workspace.ts
import { readFileSync, writeFileSync } from "node:fs";

// src/fix/style.ts
function detectStyle(text) {
  return { unit: detectIndentUnit(text), eol: detectEol(text) };
}
function detectEol(text) {
  const crlf = text.split("\r\n").length - 1;
  const lf = text.split("\n").length - 1 - crlf;
  return crlf > lf ? "\r\n" : "\n";
}
function detectIndentUnit(text) {
  let tabLines = 0;
  let spaceLines = 0;
  const steps = /* @__PURE__ */ new Map();
  let previous = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    const leading = /^[ \t]*/.exec(line)?.[0] ?? "";
    if (leading.startsWith("	")) tabLines++;
    else if (leading.length > 0) spaceLines++;
    if (leading.includes("	")) continue;
    const step = leading.length - previous;
    if (step > 0) steps.set(step, (steps.get(step) ?? 0) + 1);
    previous = leading.length;
  }
  if (tabLines > spaceLines) return "	";
  let best = 2;
  let bestCount = 0;
  for (const [step, count] of steps) {
    if (count > bestCount || count === bestCount && step < best) {
      best = step;
      bestCount = count;
    }
  }
  return " ".repeat(best);
}
function lineIndentAt(text, offset) {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? "";
}
function startsLine(text, offset) {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}
function lineStart(text, offset) {
  let i = offset;
  while (i > 0 && text[i - 1] !== "\n" && text[i - 1] !== "\r") i--;
  return i;
}
function renderJson(value, indent, style) {
  return JSON.stringify(value, null, style.unit).split("\n").join(`${style.eol}${indent}`);
}

// src/fix/insert.ts
function insertionEdit(text, tree, request, style) {
  const containerPath = request.path.slice(0, -1);
  const container = findNodeAtLocation(tree, containerPath);
  if (!container || container.type !== "array" && container.type !== "object") {
    throw new Error(`no array or object at /${containerPath.join("/")}`);
  }
  const key = request.path[request.path.length - 1];
  const isArray = container.type === "array";
  const first = request.first ?? isArray;
  const [edit] = modify(text, request.path, request.value, {
    ...isArray ? { isArrayInsertion: true } : {},
    ...!isArray && first ? { getInsertionIndex: () => 0 } : {}
  });
  if (!edit || edit.length !== 0) throw new Error(`jsonc-parser did not produce an insertion at /${request.path.join("/")}`);
  const firstChild = container.children?.[0];
  const open = container.offset;
  const close = container.offset + container.length - 1;
  const containerText = text.slice(open, close + 1);
  const multiLine = containerText.includes("\n") || !firstChild && text.includes("\n");
  const keyText = isArray ? "" : `${JSON.stringify(String(key))}: `;
  const { eol } = style;
  if (!multiLine) {
    const spaced = /[{[,:] /.test(containerText) || /^[{[]\s/.test(containerText);
    const item2 = `${keyText}${compactJson(request.value, spaced)}`;
    if (edit.content.startsWith(",")) return { offset: edit.offset, length: 0, content: `,${spaced ? " " : ""}${item2}` };
    if (edit.content.endsWith(",") && firstChild) {
      const gap = text.slice(edit.offset, firstChild.offset);
      return { offset: edit.offset, length: 0, content: gap === "" ? `${item2},${spaced ? " " : ""}` : `${gap}${item2},` };
    }
    return { offset: edit.offset, length: 0, content: spaced ? ` ${item2} ` : item2 };
  }
  const containerIndent = lineIndentAt(text, open);
  const childIndent = firstChild && startsLine(text, firstChild.offset) ? lineIndentAt(text, firstChild.offset) : containerIndent + style.unit;
  const item = `${keyText}${renderJson(request.value, childIndent, style)}`;
  if (edit.content.endsWith(",") && firstChild) {
    const gap = text.slice(edit.offset, firstChild.offset);
    if (/[\r\n]/.test(gap)) return { offset: edit.offset, length: 0, content: `${eol}${childIndent}${item},` };
    if (gap === "" && startsLine(text, firstChild.offset)) return { offset: edit.offset, length: 0, content: `${item},${eol}${childIndent}` };
    return { offset: edit.offset, length: 0, content: `${eol}${childIndent}${item},${gap === "" ? " " : ""}` };
  }
  if (edit.content.startsWith(",")) return { offset: edit.offset, length: 0, content: `,${eol}${childIndent}${item}` };
  if (/[\r\n]/.test(text.slice(open + 1, close))) return { offset: open + 1, length: 0, content: `${eol}${childIndent}${item}` };
  return { offset: close, length: 0, content: `${eol}${childIndent}${item}${eol}${containerIndent}` };
}
function compactJson(value, spaced) {
  if (!spaced) return JSON.stringify(value);
  return JSON.stringify(value, null, 1).replace(/\n */g, " ").replace(/\[ \]/g, "[]").replace(/\{ \}/g, "{}");
}
function replacementEdit(text, path, value) {
  const [edit] = modify(text, path, value, {});
  if (!edit) throw new Error(`jsonc-parser did not produce a replacement at /${path.join("/")}`);
  return edit;
}

// src/fix/plan-fix.ts
var GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var NIL_GUID = "00000000-0000-0000-0000-000000000000";
var DATE_VERSION = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(-(preview|alpha|beta|privatepreview))?$/i;
function planTemplateFix(input) {
  const unchanged = (notes) => finish(input, { pending: [], notes }, []);
  const parsed = parseTemplateText(input.text);
  if (!parsed.ok) return unchanged([`not changed: the file is not valid JSON (${parsed.error.message})`]);
  const shape = templateShapeProblem(parsed.value);
  if (shape) return unchanged([`not changed: ${shape.message}`]);
  const tree = parseTree(input.text, [], { allowTrailingComma: true, disallowComments: false });
  if (!tree) return unchanged(["not changed: the file could not be parsed"]);
  const source = createTemplateSource(input.file, input.text, parsed.value);
  const model = buildTemplateModel(source, {
    ...input.parameterValues ? { parameterValues: input.parameterValues } : {},
    ...input.readLinked && input.settings.followLinks ? { readLinked: input.readLinked } : {}
  });
  const candidates = findTrackingResources(model, input.settings);
  const style = detectStyle(input.text);
  const context = { input, tree, style, scope: model.scope, pending: [], notes: [] };
  const deployments = candidates.filter((c) => c.isDeployment);
  const topLevel = deployments.filter((c) => c.entry.placement === "top-level" && c.entry.source.file === input.file);
  const elsewhere = deployments.filter((c) => !topLevel.includes(c));
  for (const candidate of elsewhere) {
    context.notes.push(
      `left alone: tracking deployment '${candidate.name.display}' is ${describePlacement(candidate.entry)}; cua-guard fix never moves or deletes one: move it to the main template's top-level resources yourself`
    );
  }
  const broken = model.resources.filter(
    (r) => r.placement === "top-level" && r.source.file === input.file && isDeploymentType(r.type) && !candidates.some((c) => c.entry === r) && /pid-/i.test(JSON.stringify(r.resource["name"] ?? ""))
  );
  for (const entry of broken) {
    context.notes.push(`left alone: the deployment named ${JSON.stringify(entry.resource["name"])} looks like the tracking deployment, but its name cannot be evaluated; fix the expression by hand`);
  }
  if (topLevel.length === 0 && elsewhere.length === 0 && broken.length === 0) insertTrackingResource(context, model.main.root);
  for (const candidate of topLevel) repairTrackingDeployment(context, candidate);
  return finish(input, context, model.linkedSources.map((s) => s.file));
}
function insertTrackingResource(context, root) {
  const { input } = context;
  if (!input.trackingId) {
    context.notes.push("not changed: there is no tracking deployment and no tracking id was given (--tracking-id or tracking-ids; 'cua-guard new-id' makes one)");
    return;
  }
  const value = trackingResource(input.trackingId, context.scope, input.settings.strictNames);
  const resources = root["resources"];
  const label = `'${String(value["name"])}'`;
  if (Array.isArray(resources)) {
    const edit = insertionEdit(input.text, context.tree, { path: ["resources", 0], value, first: true }, context.style);
    context.pending.push({ edit, message: `inserted tracking deployment ${label} as the first resource${scopeNote(context.scope)}` });
  } else if (isRecord(resources)) {
    const symbol = uniqueSymbol(resources);
    const edit = insertionEdit(input.text, context.tree, { path: ["resources", symbol], value, first: true }, context.style);
    context.pending.push({ edit, message: `inserted tracking deployment ${label} as the symbolic resource '${symbol}'${scopeNote(context.scope)}` });
  }
}
function scopeNote(scope) {
  return isHigherScope(scope) ? ` (${scope} scope: with a location and a per-location name)` : "";
}
function uniqueSymbol(resources) {
  for (let i = 0; ; i++) {
    const symbol = i === 0 ? "pidTracking" : `pidTracking${i + 1}`;
    if (!(symbol in resources)) return symbol;
  }
}
function repairTrackingDeployment(context, candidate) {
  const { entry } = candidate;
  const resource = entry.resource;
  const path = [...entry.path];
  const label = `'${candidate.name.display}'`;
  repairName(context, candidate);
  const properties = resource["properties"];
  if (properties === void 0) {
    const value = { mode: "Incremental", template: emptyTemplate(context.scope) };
    addProperty(context, [...path, "properties"], value, `added properties (mode Incremental, empty template) to ${label}`);
  } else if (isRecord(properties)) {
    const mode = properties["mode"];
    if (mode === void 0) {
      addProperty(context, [...path, "properties", "mode"], "Incremental", `set properties.mode of ${label} to 'Incremental' (it had none)`, true);
    } else if (typeof mode === "string" && !isExpression(mode)) {
      if (mode.toLowerCase() !== "incremental") replace(context, [...path, "properties", "mode"], "Incremental", `set properties.mode of ${label} to 'Incremental' (was '${mode}')`);
    } else {
      const value = evaluateValue(mode, entry.scope).value;
      if (typeof value !== "string" || value.toLowerCase() !== "incremental") {
        context.notes.push(`left alone: properties.mode of ${label} is ${JSON.stringify(mode)}, not a literal; make it 'Incremental'`);
      }
    }
    if (properties["template"] === void 0 && properties["templateLink"] === void 0) {
      addProperty(context, [...path, "properties", "template"], emptyTemplate(context.scope), `added an empty inline template to ${label}`);
    }
  }
  if (isHigherScope(entry.templateScope) && resource["location"] === void 0) {
    addProperty(context, [...path, "location"], "[deployment().location]", `added "location": "[deployment().location]" to ${label} (${entry.templateScope} scope)`);
  }
  const apiVersion = resource["apiVersion"];
  if (apiVersion === void 0) {
    addProperty(context, [...path, "apiVersion"], TRACKING_API_VERSION, `set apiVersion of ${label} to '${TRACKING_API_VERSION}' (it had none)`);
  } else if (typeof apiVersion === "string" && !isExpression(apiVersion) && !DATE_VERSION.test(apiVersion)) {
    replace(context, [...path, "apiVersion"], TRACKING_API_VERSION, `set apiVersion of ${label} to '${TRACKING_API_VERSION}' (was '${apiVersion}')`);
  }
}
function repairName(context, candidate) {
  const raw = candidate.entry.resource["name"];
  const namePath = [...candidate.entry.path, "name"];
  const { input } = context;
  if (typeof raw !== "string" || isExpression(raw)) {
    if (candidate.name.trackingId === NIL_GUID && input.trackingId) {
      context.notes.push(`left alone: tracking name ${JSON.stringify(raw)} is an expression that gives the placeholder id ${NIL_GUID}; put your id (${input.trackingId}) where it comes from`);
    } else if (candidate.name.form === "invalid") {
      context.notes.push(`left alone: tracking name ${JSON.stringify(raw)} is an expression; fix it by hand (${candidate.name.problem ?? "invalid"})`);
    }
    return;
  }
  if (candidate.name.trackingId === NIL_GUID && input.trackingId && input.trackingId !== NIL_GUID && candidate.name.form !== "invalid") {
    const renamed = `pid-${input.trackingId}${raw.slice(4 + NIL_GUID.length)}`;
    replace(context, namePath, renamed, `replaced the placeholder id in '${raw}' with ${input.trackingId}`);
    return;
  }
  if (candidate.name.form !== "invalid") return;
  const repaired = repairLiteralName(raw, [...input.trackingId ? [input.trackingId] : [], ...input.registeredIds ?? []], input.settings.strictNames);
  if (repaired.name !== void 0) {
    replace(context, namePath, repaired.name, `renamed tracking deployment '${raw}' to '${repaired.name}' (${repaired.reason})`);
  } else {
    context.notes.push(`left alone: tracking name '${raw}' is invalid (${candidate.name.problem ?? "invalid"}) and ${repaired.reason}`);
  }
}
function repairLiteralName(raw, knownIds, strictNames) {
  const match = /^pid-(.*)$/is.exec(raw);
  if (!match) return { reason: "it does not start with 'pid-', so the intended name is not clear" };
  const reasons = [];
  if (!raw.startsWith("pid-")) reasons.push("lower-case 'pid-'");
  let rest = match[1] ?? "";
  const braced = /^\{([^{}]*)\}(.*)$/.exec(rest);
  if (braced) {
    rest = `${braced[1] ?? ""}${braced[2] ?? ""}`;
    reasons.push("no braces round the GUID");
  }
  const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(rest)?.[0];
  if (guid !== void 0) {
    const suffix = rest.slice(guid.length);
    if (suffix === "" || suffix === "-partnercenter" || suffix.startsWith("-") && !strictNames) {
      return reasons.length > 0 ? { name: `pid-${guid}${suffix}`, reason: reasons.join(", ") } : { reason: "the intended name is not clear" };
    }
    return { reason: "what follows the GUID is not a valid suffix; the intended name is not clear" };
  }
  if (/^[a-z0-9-]+-partnercenter$/i.test(rest) && reasons.length > 0) {
    return { name: `pid-${rest.toLowerCase()}`, reason: [...reasons, "lower-case Partner Center id"].join(", ") };
  }
  const digits = rest.replace(/[-{}\s]/g, "").toLowerCase();
  if (!/^[0-9a-f]+$/.test(digits)) return { reason: "it is not a GUID with a few characters wrong, so the intended id is not clear" };
  const near = [...new Set(knownIds.filter((id) => GUID.test(id)))].filter((id) => editDistance(id.replace(/-/g, "").toLowerCase(), digits) <= 2);
  if (near.length === 1) return { name: `pid-${near[0]}`, reason: [...reasons, `the GUID is at most 2 characters away from the given id ${near[0]}`].join(", ") };
  return {
    reason: near.length > 1 ? "several given ids are that close, so the intended id is not clear" : "no given tracking id is within 2 characters of it, so the intended id is not clear (give it with --tracking-id)"
  };
}
function editDistance(a, b) {
  if (Math.abs(a.length - b.length) > 3) return 4;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
function addProperty(context, path, value, message, first = false) {
  const edit = insertionEdit(context.input.text, context.tree, { path, value, first }, context.style);
  context.pending.push({ edit, message });
}
function replace(context, path, value, message) {
  context.pending.push({ edit: replacementEdit(context.input.text, path, value), message });
}
function isExpression(value) {
  return value.startsWith("[") && !value.startsWith("[[") && value.endsWith("]");
}
function describePlacement(entry) {
  const chain = entry.chain.map((hop) => `'${hop.label}'`).join(" \u2192 ");
  switch (entry.placement) {
    case "nested-inline":
      return `inside the nested template of ${chain} (${entry.source.file})`;
    case "linked":
      return `in the linked template ${entry.source.file}${chain ? ` (reached through ${chain})` : ""}`;
    default:
      return `a child resource in ${entry.source.file}`;
  }
}
function finish(input, context, linkedFiles) {
  const ordered = context.pending.map((p, index) => ({ ...p, index })).sort((a, b) => a.edit.offset - b.edit.offset || a.index - b.index);
  const edits = ordered.map((p) => p.edit);
  const fixed = applyEdits(input.text, edits);
  const lines = new LineIndex(fixed);
  let shift = 0;
  const changes = [];
  for (const { edit, message } of ordered) {
    const start = edit.offset + shift + leadingLayout(edit.content);
    changes.push({ message, line: lines.positionAt(start).line });
    shift += edit.content.length - edit.length;
  }
  const recheck = checkTemplateText(
    {
      file: input.file,
      text: fixed,
      ...input.parameterValues ? { parameterValues: input.parameterValues } : {},
      ...input.readLinked ? { readLinked: input.readLinked } : {}
    },
    input.settings
  );
  const remaining = recheck.findings.filter((f) => !f.suppressed && f.severity !== "notice");
  const notes = [...context.notes];
  for (const finding of remaining) notes.push(`still reported: ${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId} ${finding.message}`);
  changes.sort((a, b) => a.line - b.line);
  return { file: input.file, original: input.text, fixed, edits, changes, notes, remainingErrors: remaining.filter((f) => f.severity === "error"), linkedFiles };
}
function leadingLayout(content) {
  return /^[,\s]*/.exec(content)?.[0].length ?? 0;
}

// src/fix/fix-workspace.ts
var UTF8_BOM = "\uFEFF";
function fixWorkspace(request) {
  const discovery = discoverTemplates(request.workspace, {
    ...request.paths ? { paths: request.paths } : {},
    ...request.patterns ? { patterns: request.patterns } : {},
    ...request.cwd ? { cwd: request.cwd } : {}
  });
  const readLinked = createLinkReader(request.workspace);
  const planned = discovery.templates.filter((file) => !request.only || request.only.has(file)).map((file) => planOneFile(request, file, readLinked));
  const linkedFrom = /* @__PURE__ */ new Map();
  for (const plan of planned) for (const linked of plan.linkedFiles) if (!linkedFrom.has(linked)) linkedFrom.set(linked, plan.file);
  const files = planned.map((plan) => {
    const parent = linkedFrom.get(plan.file);
    if (parent === void 0 || parent === plan.file || plan.fixed === plan.original) return plan;
    return { ...plan, fixed: plan.original, edits: [], changes: [], notes: [`left alone: it is a linked template of ${parent}, which is where a tracking deployment belongs`] };
  });
  for (const plan of files) {
    if (request.write && plan.fixed !== plan.original && plan.absolutePath) {
      writeFileSync(plan.absolutePath, plan.bom + plan.fixed);
      plan.written = true;
    }
  }
  return { files: files.map(({ absolutePath: _path, bom: _bom, ...rest }) => rest), problems: discovery.problems };
}
function planOneFile(request, file, readLinked) {
  const leave = (note) => ({ file, original: "", fixed: "", edits: [], changes: [], notes: [note], remainingErrors: [], linkedFiles: [], written: false, skipped: note, bom: "" });
  const read = readWorkspaceFile(request.workspace, file);
  if (!read.ok) return leave(`not changed: ${read.message}`);
  const bytes = readFileSync(read.absolutePath);
  if (bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255) return leave("not changed: UTF-16 files are not rewritten");
  const raw = bytes.toString("utf8");
  const bom = raw.startsWith(UTF8_BOM) ? UTF8_BOM : "";
  const text = raw.slice(bom.length);
  const settings = request.settingsFor(file);
  const parameters = loadParameterValues(request.workspace, file, request.parametersFile);
  const plan = planTemplateFix({
    file,
    text,
    ...settings.trackingIds[0] ? { trackingId: settings.trackingIds[0] } : {},
    registeredIds: settings.trackingIds,
    settings,
    parameterValues: parameters.values,
    readLinked
  });
  return { ...plan, written: false, absolutePath: read.absolutePath, bom };
}
async function unifiedDiff(plans) {
  const changed = plans.filter((p) => p.fixed !== p.original);
  if (changed.length === 0) return "";
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import("./libesm-XOQ4SWE4.js");
  return changed.map((p) => createTwoFilesPatch(`a/${p.file}`, `b/${p.file}`, p.original, p.fixed, void 0, void 0, { context: 3, headerOptions: FILE_HEADERS_ONLY })).join("");
}
export {
  TRACKING_API_VERSION,
  detectEol,
  detectIndentUnit,
  detectStyle,
  editDistance,
  emptyTemplate,
  fixWorkspace,
  planTemplateFix,
  repairLiteralName,
  trackingName,
  trackingResource,
  unifiedDiff
};
