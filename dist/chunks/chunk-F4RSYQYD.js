import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);
import {
  normalizeTrackingId
} from "./chunk-POAORTRJ.js";
import {
  RULES,
  findRule
} from "./chunk-TGSJW3MB.js";

// src/settings/parse-options.ts
var UsageError = class extends Error {
  name = "UsageError";
};
var LEVELS = ["error", "warning", "notice", "off"];
function splitList(raw) {
  const items = typeof raw === "string" ? [raw] : raw;
  return items.flatMap((item) => item.split(/[\n,]/)).map((s) => s.trim()).filter((s) => s !== "" && !s.startsWith("#"));
}
function splitLines(raw) {
  return raw.split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== "" && !s.startsWith("#"));
}
function parseRuleSeverities(entries) {
  const severities = {};
  for (const entry of entries) {
    const match = /^([A-Za-z]+\d+)\s*[=:]\s*([A-Za-z]+)$/.exec(entry.trim());
    if (!match) throw new UsageError(`rule setting '${entry}' is not of the form CUA011=off`);
    const id = (match[1] ?? "").toUpperCase();
    const level = (match[2] ?? "").toLowerCase();
    if (!findRule(id)) throw new UsageError(`unknown rule '${id}' in '${entry}' (known: ${RULES.map((r) => r.id).join(", ")})`);
    if (!LEVELS.includes(level)) throw new UsageError(`unknown severity '${match[2]}' in '${entry}' (use ${LEVELS.join(", ")})`);
    severities[id] = level;
  }
  return severities;
}
function parseTrackingIds(entries) {
  return entries.map((entry) => {
    const id = normalizeTrackingId(entry);
    if (!id) throw new UsageError(`tracking id '${entry}' is neither a GUID (with or without 'pid-') nor a Partner Center id ('<id>-partnercenter')`);
    return id;
  });
}
function parseBoolean(raw, name, fallback) {
  const value = raw.trim().toLowerCase();
  if (value === "") return fallback;
  if (value === "true") return true;
  if (value === "false") return false;
  throw new UsageError(`${name} must be true or false, not '${raw}'`);
}
function parsePositiveInteger(raw, name, fallback) {
  const value = raw.trim();
  if (value === "") return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${name} must be a whole number of at least 1, not '${raw}'`);
  return Number(value);
}
function parseChoice(raw, name, choices, fallback) {
  const value = raw.trim().toLowerCase();
  if (value === "") return fallback;
  const choice = choices.find((c) => c.toLowerCase() === value);
  if (!choice) throw new UsageError(`${name} must be one of ${choices.join(", ")}, not '${raw}'`);
  return choice;
}

export {
  UsageError,
  splitList,
  splitLines,
  parseRuleSeverities,
  parseTrackingIds,
  parseBoolean,
  parsePositiveInteger,
  parseChoice
};
