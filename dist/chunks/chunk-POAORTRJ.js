import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);
import {
  PartialString,
  describeString,
  knownPrefix,
  unknownParts
} from "./chunk-TGSJW3MB.js";

// src/engine/tracking-name.ts
var GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
var PARTNER_CENTER = /^[a-z0-9-]+-partnercenter$/;
var NAME_CHARS = /^[A-Za-z0-9\-._()]*$/;
var MAX_DEPLOYMENT_NAME = 64;
var PID_WORD = /(?:^|[^a-z0-9])pid-/i;
function looksLikeTrackingName(name) {
  if (typeof name === "string") return PID_WORD.test(name);
  return knownTexts(name).some((text) => PID_WORD.test(text));
}
function knownTexts(name) {
  if (name instanceof PartialString) return name.parts.filter((p) => typeof p === "string");
  return [];
}
function analyzeTrackingName(name, strictNames) {
  const display = describeString(name);
  const known = knownPrefix(name);
  const fullyKnown = typeof name === "string";
  const invalid = (problem, extra = {}) => ({ display, form: "invalid", problem, fullyKnown, ...extra });
  if (known.length > MAX_DEPLOYMENT_NAME) return invalid(`it is ${known.length} characters long; deployment names allow at most ${MAX_DEPLOYMENT_NAME}`);
  const badChar = [...known].find((c) => !NAME_CHARS.test(c));
  if (badChar !== void 0) return invalid(`'${badChar}' is not allowed in a deployment name (letters, digits and -._() only)`);
  if (!known.startsWith("pid-")) {
    return known.slice(0, 4).toLowerCase() === "pid-" ? invalid(`the prefix must be lower-case 'pid-', not '${known.slice(0, 4)}'`) : invalid(`it must start with 'pid-'; Partner Center does not attribute '${display.slice(0, 40)}'`);
  }
  const afterPrefix = known.slice(4);
  const guid = GUID.exec(afterPrefix)?.[0];
  if (guid !== void 0) return analyzeAfterGuid(guid, afterPrefix.slice(guid.length), { display, fullyKnown, strictNames, name });
  if (!fullyKnown) {
    const unknown = unknownParts(name).map((p) => p.text);
    return { display, form: "unresolved", fullyKnown, problem: `the tracking id depends on ${unknown.join(", ")}, known only at deployment` };
  }
  if (PARTNER_CENTER.test(afterPrefix)) return { display, form: "partner-center", trackingId: afterPrefix, fullyKnown };
  return invalid(explainBadGuid(afterPrefix));
}
function analyzeAfterGuid(guid, rest, context) {
  const { display, fullyKnown, strictNames } = context;
  const trackingId = guid.toLowerCase();
  if (fullyKnown && rest === "") return { display, form: "guid", trackingId, fullyKnown };
  if (fullyKnown && rest === "-partnercenter") return { display, form: "partner-center", trackingId, fullyKnown };
  const suffix = fullyKnown ? rest : `${rest}${describeString(context.name).slice(4 + guid.length + rest.length)}`;
  if (rest !== "" && !rest.startsWith("-")) {
    return { display, form: "invalid", trackingId, fullyKnown, problem: `the GUID is followed by '${rest.slice(0, 12)}'; a suffix must start with '-'` };
  }
  if (strictNames) {
    return { display, form: "invalid", trackingId, suffix, fullyKnown, problem: `the suffix '${suffix}' after the GUID is not allowed (strict-names)` };
  }
  return { display, form: "guid-with-suffix", trackingId, suffix, fullyKnown };
}
function explainBadGuid(text) {
  const id = text.replace(/-partnercenter$/i, "");
  if (/^\{.*\}$/.test(id)) return `the GUID must not be wrapped in braces ('${id}')`;
  const groups = id.split("-");
  const expected = [8, 4, 4, 4, 12];
  if (groups.length === 5 && groups.every((g) => /^[0-9a-f]*$/i.test(g))) {
    const wrong = groups.findIndex((g, i) => g.length !== expected[i]);
    if (wrong !== -1) {
      return `'${id}' is not a GUID: group ${wrong + 1} has ${groups[wrong]?.length} hex digits, expected ${expected[wrong]} (8-4-4-4-12)`;
    }
  }
  if (/[A-Z]/.test(id) && /partnercenter$/i.test(text)) return `a Partner Center tracking id must be lower case ('${text}')`;
  return `'${id}' is neither a GUID (8-4-4-4-12 hex digits) nor a Partner Center id ('<lowercase id>-partnercenter')`;
}
function normalizeTrackingId(raw) {
  const id = raw.trim().replace(/^pid-/i, "");
  if (id === "") return void 0;
  const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  if (guid) return id.toLowerCase();
  return PARTNER_CENTER.test(id) ? id : void 0;
}

export {
  looksLikeTrackingName,
  analyzeTrackingName,
  normalizeTrackingId
};
