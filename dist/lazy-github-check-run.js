const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);

// src/meta.ts
var REPOSITORY_URL = "https://github.com/cua-guard/cua-guard";
var RULE_DOCS_BASE = `${REPOSITORY_URL}/blob/main/README.md`;

// src/engine/preview.ts
var MAX_PREVIEW = 120;
function previewValue(value, max = MAX_PREVIEW) {
  return truncate(render(value, 0, max), max);
}
function truncate(text, max = MAX_PREVIEW) {
  return text.length <= max ? text : `${text.slice(0, max)}\u2026 (${text.length - max} more characters)`;
}
function render(value, depth, budget) {
  if (typeof value === "string") return JSON.stringify(value.length > budget ? value.slice(0, budget) : value);
  if (value === null || typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === void 0) return "undefined";
  if (depth >= 3) return Array.isArray(value) ? "[\u2026]" : "{\u2026}";
  const parts = [];
  let length2 = 0;
  const entries = Array.isArray(value) ? value.map((v) => [void 0, v]) : Object.entries(value);
  for (const [key, item] of entries) {
    if (length2 > budget) {
      parts.push("\u2026");
      break;
    }
    const text = `${key === void 0 ? "" : `${JSON.stringify(key)}:`}${render(item, depth + 1, budget - length2)}`;
    parts.push(text);
    length2 += text.length + 1;
  }
  return Array.isArray(value) ? `[${parts.join(",")}]` : `{${parts.join(",")}}`;
}

// src/rules/rule.ts
function docsUrl(id18, name18) {
  return `${RULE_DOCS_BASE}#${id18.toLowerCase()}-${name18}`;
}
function propertyRef(entry, ...keys) {
  let node = entry.resource;
  for (const key of keys) {
    if (typeof node !== "object" || node === null || !(key in node)) {
      return { file: entry.source.file, path: [...entry.path, ...keys.slice(0, keys.indexOf(key))], at: "value" };
    }
    node = node[key];
  }
  return { file: entry.source.file, path: [...entry.path, ...keys], at: "value" };
}
function resourceRef(entry) {
  return { file: entry.source.file, path: entry.path, at: "value" };
}
function nameOf(candidate) {
  return `'${truncate(candidate.name.display)}'`;
}
function hasStaticError(entry) {
  return entry.nameHasStaticError;
}
function describeChain(entry) {
  return entry.chain.map((hop) => `'${hop.label}' (${hop.source.file})`).join(" \u2192 ");
}

// src/expressions/frame.ts
var MAX_DEPTH = 200;
function report(frame, message, offset, kind) {
  const error = frame.withOffsets && offset !== void 0 ? { message, offset } : { message };
  frame.errors.push(kind ? { ...error, kind } : error);
}

// src/expressions/value.ts
var Unknown = class {
  kind = "unknown";
  text;
  constructor(text) {
    this.text = text;
  }
};
var PartialString = class {
  kind = "partial";
  parts;
  constructor(parts) {
    this.parts = parts;
  }
};
function knownPrefix(value) {
  if (typeof value === "string") return value;
  if (value instanceof PartialString) {
    let prefix = "";
    for (const part of value.parts) {
      if (typeof part !== "string") break;
      prefix += part;
    }
    return prefix;
  }
  return "";
}
function describeString(value) {
  if (typeof value === "string") return value;
  if (value instanceof Unknown) return `{${value.text}}`;
  if (value instanceof PartialString) {
    return value.parts.map((p) => typeof p === "string" ? p : `{${p.text}}`).join("");
  }
  try {
    const text = JSON.stringify(value);
    return text.length > 200 ? `${text.slice(0, 200)}\u2026` : text;
  } catch {
    return Array.isArray(value) ? "[\u2026]" : "{\u2026}";
  }
}
function unknownParts(value) {
  if (value instanceof Unknown) return [value];
  if (value instanceof PartialString) return value.parts.filter((p) => p instanceof Unknown);
  return [];
}

// src/expressions/value-helpers.ts
var BoundedUnknown = class extends Unknown {
  maxLength;
  constructor(text, maxLength) {
    super(text);
    this.maxLength = maxLength;
  }
};
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Unknown) && !(value instanceof PartialString);
}
function isStringLike(value) {
  return typeof value === "string" || value instanceof PartialString || value instanceof Unknown;
}
function partsOf(value) {
  if (typeof value === "string") return [value];
  if (value instanceof PartialString) return value.parts;
  return [value];
}
function joinParts(parts) {
  const out = [];
  for (const part of parts) {
    if (typeof part === "string") {
      if (part === "") continue;
      const last = out.length - 1;
      const previous = out[last];
      if (typeof previous === "string") out[last] = previous + part;
      else out.push(part);
    } else {
      out.push(part);
    }
  }
  if (out.length === 0) return "";
  const only = out[0];
  if (out.length === 1 && only !== void 0) return only;
  return new PartialString(out);
}
function knownSuffix(value) {
  const parts = partsOf(value);
  let suffix = "";
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    if (typeof part !== "string") break;
    suffix = part + suffix;
  }
  return suffix;
}
function maxLengthOf(value) {
  let total = 0;
  for (const part of partsOf(value)) {
    if (typeof part === "string") total += part.length;
    else if (part instanceof BoundedUnknown) total += part.maxLength;
    else return void 0;
  }
  return total;
}
function isFullyKnown(value) {
  if (value instanceof Unknown || value instanceof PartialString) return false;
  if (Array.isArray(value)) return value.every(isFullyKnown);
  if (isObject(value)) {
    for (const key in value) {
      const item = value[key];
      if (item !== void 0 && !isFullyKnown(item)) return false;
    }
  }
  return true;
}
function getProperty(object, name18) {
  if (Object.hasOwn(object, name18)) return object[name18];
  const lower = name18.toLowerCase();
  for (const key of Object.keys(object)) if (key.toLowerCase() === lower) return object[key];
  return void 0;
}
function setProperty(object, key, value) {
  if (key === "__proto__") Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}
function fromJson(raw, depth = 0) {
  if (raw === null || typeof raw === "string" || typeof raw === "boolean") return raw;
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (depth > 200) return new Unknown("(value nested too deeply)");
  if (Array.isArray(raw)) return raw.map((item) => fromJson(item, depth + 1));
  if (typeof raw === "object") {
    const out = {};
    for (const [key, item] of Object.entries(raw)) setProperty(out, key, fromJson(item, depth + 1));
    return out;
  }
  return null;
}
function armEquals(a, b) {
  if (isStringLike(a) && isStringLike(b) && (typeof a !== "string" || typeof b !== "string")) return partialEquals(a, b);
  if (a instanceof Unknown || b instanceof Unknown || a instanceof PartialString || b instanceof PartialString) return void 0;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    let unknown = false;
    for (let i = 0; i < a.length; i++) {
      const result = armEquals(a[i] ?? null, b[i] ?? null);
      if (result === false) return false;
      if (result === void 0) unknown = true;
    }
    return unknown ? void 0 : true;
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    let unknown = false;
    for (const key of keys) {
      const other = getProperty(b, key);
      if (other === void 0) return false;
      const result = armEquals(a[key] ?? null, other);
      if (result === false) return false;
      if (result === void 0) unknown = true;
    }
    return unknown ? void 0 : true;
  }
  return a === b;
}
function partialEquals(a, b) {
  const prefixA = knownPrefix(a);
  const prefixB = knownPrefix(b);
  const n = Math.min(prefixA.length, prefixB.length);
  if (prefixA.slice(0, n) !== prefixB.slice(0, n)) return false;
  const suffixA = knownSuffix(a);
  const suffixB = knownSuffix(b);
  const m2 = Math.min(suffixA.length, suffixB.length);
  if (suffixA.slice(suffixA.length - m2) !== suffixB.slice(suffixB.length - m2)) return false;
  return void 0;
}
function scalarText(value) {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "True" : "False";
  return typeof value === "number" ? numberText(value) : value;
}
function numberText(value) {
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
}
function compactJson(value) {
  return JSON.stringify(value, (_key, item) => {
    if (item instanceof Unknown || item instanceof PartialString) throw new Error("compactJson on an unknown value");
    return item;
  });
}
function quote(text) {
  return `'${text.replaceAll("'", "''")}'`;
}
function typeName(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (value instanceof Unknown) return "unknown";
  if (value instanceof PartialString) return "string";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "number";
  if (typeof value === "object") return "object";
  return typeof value === "boolean" ? "bool" : "string";
}

// src/expressions/access.ts
function accessProperty(target, name18, start, end, frame) {
  if (target instanceof Unknown) return new Unknown(`${target.text}.${name18}`);
  if (isObject(target)) {
    const value = getProperty(target, name18);
    if (value !== void 0) return value;
    report(frame, `property '${name18}' does not exist on the object`, end - name18.length);
    return new Unknown(frame.source.slice(start, end));
  }
  report(frame, `cannot read property '${name18}' of ${describeType(target)}`, end - name18.length);
  return new Unknown(frame.source.slice(start, end));
}
function accessIndex(target, index, start, end, frame) {
  if (index instanceof Unknown || index instanceof PartialString) return new Unknown(frame.source.slice(start, end));
  if (target instanceof Unknown) {
    if (typeof index === "number") return new Unknown(`${target.text}[${numberText(index)}]`);
    if (typeof index === "string") return new Unknown(`${target.text}[${quote(index)}]`);
  }
  if (Array.isArray(target) && typeof index === "number") {
    const item = Number.isInteger(index) ? target[index] : void 0;
    if (item !== void 0) return item;
    report(frame, `index ${numberText(index)} is out of range for an array of length ${target.length}`, start);
    return new Unknown(frame.source.slice(start, end));
  }
  if (isObject(target) && typeof index === "string") {
    const value = getProperty(target, index);
    if (value !== void 0) return value;
    report(frame, `property '${index}' does not exist on the object`, start);
    return new Unknown(frame.source.slice(start, end));
  }
  report(frame, `cannot index ${describeType(target)} with ${describeType(index)}`, start);
  return new Unknown(frame.source.slice(start, end));
}
function describeType(value) {
  const name18 = typeName(value);
  return name18 === "array" || name18 === "object" || name18 === "int" || name18 === "unknown" ? `an ${name18}` : `a ${name18}`;
}

// src/expressions/guid.ts
var ARM_NAMESPACE = "11fb06fb-712d-4ddd-98c7-e71bbd588830";
function armGuid(values) {
  return uuidV5(ARM_NAMESPACE, values.join("-"));
}
function uuidV5(namespace, name18) {
  const hash = process.getBuiltinModule("node:crypto").createHash("sha1").update(Buffer.from(namespace.replaceAll("-", ""), "hex")).update(name18, "utf8").digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6] ?? 0) & 15 | 80;
  b[8] = (b[8] ?? 0) & 63 | 128;
  const hex = b.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

// src/expressions/dotnet-number-format.ts
function formatNumber(value, format2) {
  if (!Number.isInteger(value)) return format2 === "" ? plainNonInteger(value) : void 0;
  if (!Number.isSafeInteger(value)) return void 0;
  if (format2 === "") return integerText(value);
  const standard = parseStandard(format2);
  if (standard === "custom") return formatCustom(value, format2);
  if (standard === void 0) return void 0;
  return formatStandard(value, standard.letter, standard.precision);
}
function integerText(value) {
  return value === 0 ? "0" : value.toFixed(0);
}
function plainNonInteger(value) {
  if (!Number.isFinite(value) || Math.abs(value) < 1e-5) return void 0;
  const text = String(value);
  if (text.includes("e")) return void 0;
  const digits = text.replace(/^-?0*\.?0*/, "").replace(".", "");
  return digits.length <= 15 ? text : void 0;
}
function parseStandard(format2) {
  const letter = format2.charCodeAt(0);
  if (!(letter >= 65 && letter <= 90 || letter >= 97 && letter <= 122)) return "custom";
  for (let i = 1; i < format2.length; i++) {
    const c = format2.charCodeAt(i);
    if (c < 48 || c > 57) return "custom";
  }
  if (format2.length === 1) return { letter: format2, precision: void 0 };
  const precision = Number(format2.slice(1));
  return precision > 99 ? void 0 : { letter: format2[0] ?? "", precision };
}
function formatStandard(value, letter, precision) {
  const negative = value < 0;
  const digits = Math.abs(value).toFixed(0);
  switch (letter) {
    case "D":
    case "d":
      return (negative ? "-" : "") + digits.padStart(precision ?? 0, "0");
    case "F":
    case "f":
      return (negative ? "-" : "") + withDecimals(digits, precision ?? 2);
    case "N":
    case "n":
      return (negative ? "-" : "") + withDecimals(groupThousands(digits), precision ?? 2);
    case "P":
    case "p": {
      const percent = Math.abs(value) * 100;
      if (!Number.isSafeInteger(percent)) return void 0;
      return `${negative ? "-" : ""}${withDecimals(groupThousands(percent.toFixed(0)), precision ?? 2)} %`;
    }
    case "G":
    case "g":
      return precision === void 0 || precision === 0 || precision >= digits.length ? integerText(value) : void 0;
    case "X":
    case "x": {
      const hex = (negative ? BigInt.asUintN(64, BigInt(value)) : BigInt(value)).toString(16).padStart(precision ?? 0, "0");
      return letter === "X" ? hex.toUpperCase() : hex;
    }
    default:
      return void 0;
  }
}
function withDecimals(integer, decimals) {
  return decimals === 0 ? integer : `${integer}.${"0".repeat(decimals)}`;
}
function groupThousands(digits) {
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
    out += digits[i];
  }
  return out;
}
var NO_DIGIT = 2147483647;
var ZERO = { digits: "", scale: 0, negative: false };
function formatCustom(value, format2) {
  const digits = value === 0 ? "" : Math.abs(value).toFixed(0);
  let number = { digits, scale: digits.length, negative: value < 0 };
  let section = findSection(format2, value === 0 ? 2 : value < 0 ? 1 : 0);
  let shape;
  for (; ; ) {
    shape = analyzeSection(format2, section);
    if (shape.scientific) return void 0;
    if (number.digits === "") {
      number = ZERO;
      break;
    }
    const scale = number.scale + shape.scaleAdjust;
    number = roundDigits({ ...number, scale }, scale + shape.digitCount - shape.decimalPos);
    if (number.digits === "") {
      const zeroSection = findSection(format2, 2);
      if (zeroSection !== section) {
        section = zeroSection;
        continue;
      }
    }
    break;
  }
  return writeSection(format2, section, shape, number);
}
function findSection(format2, wanted) {
  if (wanted === 0) return 0;
  let section = wanted;
  let i = 0;
  while (i < format2.length) {
    const c = format2[i++];
    if (c === "'" || c === '"') {
      while (i < format2.length && format2[i++] !== c) ;
    } else if (c === "\\") {
      if (i < format2.length) i++;
    } else if (c === ";") {
      if (--section !== 0) continue;
      return i < format2.length && format2[i] !== ";" ? i : 0;
    }
  }
  return 0;
}
function analyzeSection(format2, start) {
  let digitCount = 0;
  let decimalPos = -1;
  let firstDigit = NO_DIGIT;
  let lastDigit = 0;
  let scientific = false;
  let thousandPos = -1;
  let thousandCount = 0;
  let thousandSeps = false;
  let scaleAdjust = 0;
  let i = start;
  while (i < format2.length) {
    const c = format2[i++];
    if (c === ";") break;
    switch (c) {
      case "#":
        digitCount++;
        break;
      case "0":
        if (firstDigit === NO_DIGIT) firstDigit = digitCount;
        digitCount++;
        lastDigit = digitCount;
        break;
      case ".":
        if (decimalPos < 0) decimalPos = digitCount;
        break;
      case ",":
        if (digitCount > 0 && decimalPos < 0) {
          if (thousandPos >= 0) {
            if (thousandPos === digitCount) {
              thousandCount++;
              break;
            }
            thousandSeps = true;
          }
          thousandPos = digitCount;
          thousandCount = 1;
        }
        break;
      case "%":
        scaleAdjust += 2;
        break;
      case "\u2030":
        scaleAdjust += 3;
        break;
      case "'":
      case '"':
        while (i < format2.length && format2[i++] !== c) ;
        break;
      case "\\":
        if (i < format2.length) i++;
        break;
      case "E":
      case "e":
        if (format2[i] === "0" || (format2[i] === "+" || format2[i] === "-") && format2[i + 1] === "0") scientific = true;
        break;
    }
  }
  if (decimalPos < 0) decimalPos = digitCount;
  if (thousandPos >= 0) {
    if (thousandPos === decimalPos) scaleAdjust -= thousandCount * 3;
    else thousandSeps = true;
  }
  return { digitCount, decimalPos, firstDigit, lastDigit, scientific, thousandSeps, scaleAdjust };
}
function roundDigits(number, keep) {
  let { digits, scale, negative } = number;
  let i = Math.min(Math.max(keep, 0), digits.length);
  if (keep >= 0 && i === keep && i < digits.length && digits.charCodeAt(i) >= 53) {
    while (i > 0 && digits[i - 1] === "9") i--;
    if (i > 0) {
      digits = digits.slice(0, i - 1) + String.fromCharCode(digits.charCodeAt(i - 1) + 1);
    } else {
      scale++;
      digits = "1";
    }
  } else {
    while (i > 0 && digits[i - 1] === "0") i--;
    digits = digits.slice(0, i);
  }
  if (digits === "") {
    scale = 0;
    negative = false;
  }
  return { digits, scale, negative };
}
function writeSection(format2, section, shape, number) {
  const { digitCount, decimalPos, thousandSeps } = shape;
  const firstDigit = shape.firstDigit < decimalPos ? decimalPos - shape.firstDigit : 0;
  const lastDigit = shape.lastDigit > decimalPos ? decimalPos - shape.lastDigit : 0;
  let digPos = number.scale > decimalPos ? number.scale : decimalPos;
  let adjust = number.scale - decimalPos;
  const separators = thousandSeps ? separatorPositions(digPos + (adjust < 0 ? adjust : 0), firstDigit) : [];
  let separatorIndex = separators.length - 1;
  const { digits } = number;
  let cur = 0;
  let out = number.negative && section === 0 && number.scale !== 0 ? "-" : "";
  let decimalWritten = false;
  const appendDigit = (digit) => {
    out += digit;
    if (thousandSeps && digPos > 1 && separatorIndex >= 0 && digPos === (separators[separatorIndex] ?? 0) + 1) {
      out += ",";
      separatorIndex--;
    }
  };
  let i = section;
  while (i < format2.length) {
    const c = format2[i++] ?? "";
    if (c === ";") break;
    if (adjust > 0 && (c === "#" || c === "0" || c === ".")) {
      while (adjust > 0) {
        appendDigit(cur < digits.length ? digits[cur++] ?? "0" : "0");
        digPos--;
        adjust--;
      }
    }
    switch (c) {
      case "#":
      case "0": {
        let digit;
        if (adjust < 0) {
          adjust++;
          digit = digPos <= firstDigit ? "0" : void 0;
        } else {
          digit = cur < digits.length ? digits[cur++] : digPos > lastDigit ? "0" : void 0;
        }
        if (digit !== void 0) appendDigit(digit);
        digPos--;
        break;
      }
      case ".":
        if (digPos !== 0 || decimalWritten) break;
        if (lastDigit < 0 || decimalPos < digitCount && cur < digits.length) {
          out += ".";
          decimalWritten = true;
        }
        break;
      case "\u2030":
        out += "\u2030";
        break;
      case "%":
        out += "%";
        break;
      case ",":
        break;
      case "'":
      case '"':
        while (i < format2.length && format2[i] !== c) out += format2[i++];
        if (i < format2.length) i++;
        break;
      case "\\":
        if (i < format2.length) out += format2[i++];
        break;
      default:
        out += c;
    }
  }
  if (number.negative && section === 0 && number.scale === 0 && out.length > 0) out = `-${out}`;
  return out;
}
function separatorPositions(totalDigits, firstDigit) {
  const positions = [];
  const numDigits = firstDigit > totalDigits ? firstDigit : totalDigits;
  for (let size = 3; numDigits > size; size += 3) positions.push(size);
  return positions;
}

// src/expressions/dotnet-format.ts
var OPEN = 123;
var CLOSE = 125;
function composeFormat(template, values, first = 0) {
  const count = values.length - first;
  let parts;
  let text = "";
  let i = 0;
  const n = template.length;
  while (i < n) {
    let next = i;
    while (next < n && template.charCodeAt(next) !== OPEN && template.charCodeAt(next) !== CLOSE) next++;
    if (next > i) {
      text += template.slice(i, next);
      i = next;
      if (i === n) break;
    }
    const c = template.charCodeAt(i);
    if (c === CLOSE) {
      if (template.charCodeAt(i + 1) === CLOSE) {
        text += "}";
        i += 2;
        continue;
      }
      return { kind: "error", message: `unmatched '}' at position ${i} of the format string` };
    }
    if (template.charCodeAt(i + 1) === OPEN) {
      text += "{";
      i += 2;
      continue;
    }
    let index;
    let alignment = 0;
    let format2 = "";
    const digit = template.charCodeAt(i + 1) - 48;
    if (digit >= 0 && digit <= 9 && template.charCodeAt(i + 2) === CLOSE) {
      index = digit;
      i += 3;
    } else {
      const item = parseItem(template, i);
      if (item === "unknown") return { kind: "unknown" };
      if (typeof item === "string") return { kind: "error", message: item };
      ({ index, alignment, format: format2 } = item);
      i = item.end;
    }
    if (index >= count) return { kind: "error", message: `format item {${index}} has no argument (${count} given)` };
    const rendered = renderValue(values[first + index] ?? null, format2);
    if (rendered === void 0) return { kind: "unknown" };
    if (typeof rendered === "string") {
      text += align(rendered, alignment);
    } else {
      if (alignment !== 0) return { kind: "unknown" };
      parts ??= [];
      if (text !== "") parts.push(text);
      text = "";
      parts.push(...rendered);
    }
  }
  if (parts === void 0) return text;
  if (text !== "") parts.push(text);
  return { kind: "parts", parts };
}
var SPACE = 32;
var COMMA = 44;
var COLON = 58;
var MINUS = 45;
var ITEM_LIMIT = 1e6;
function parseItem(template, open) {
  let i = open + 1;
  const index = readDigits(template, i);
  if (index === void 0) return invalidItem(open);
  i = index.end;
  i = skipSpaces(template, i);
  let alignment = 0;
  if (template.charCodeAt(i) === COMMA) {
    i = skipSpaces(template, i + 1);
    const left = template.charCodeAt(i) === MINUS;
    if (left) i++;
    const width = readDigits(template, i);
    if (width === void 0) return invalidItem(open);
    alignment = left ? -width.value : width.value;
    i = skipSpaces(template, width.end);
  }
  let format2 = "";
  if (template.charCodeAt(i) === COLON) {
    const close = template.indexOf("}", i + 1);
    if (close === -1) return `unmatched '{' at position ${open} of the format string`;
    format2 = template.slice(i + 1, close);
    if (format2.includes("{") || template.charCodeAt(close + 1) === CLOSE) return "unknown";
    i = close;
  }
  if (i >= template.length) return `unmatched '{' at position ${open} of the format string`;
  if (template.charCodeAt(i) !== CLOSE) return invalidItem(open);
  return { index: index.value, alignment, format: format2, end: i + 1 };
}
function invalidItem(open) {
  return `invalid format item at position ${open} of the format string`;
}
function readDigits(text, from) {
  let i = from;
  let value = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
    if (value >= ITEM_LIMIT) return void 0;
    i++;
  }
  return i === from ? void 0 : { value, end: i };
}
function skipSpaces(text, from) {
  let i = from;
  while (text.charCodeAt(i) === SPACE) i++;
  return i;
}
function align(text, alignment) {
  if (alignment > 0) return text.padStart(alignment);
  if (alignment < 0) return text.padEnd(-alignment);
  return text;
}
function renderValue(value, format2) {
  if (typeof value === "string") return value;
  if (value instanceof Unknown) return [value];
  if (value instanceof PartialString) return [...value.parts];
  if (Array.isArray(value) || typeof value === "object" && value !== null) {
    return isFullyKnown(value) ? compactJson(value).replaceAll('"', "'") : void 0;
  }
  if (typeof value === "number") return formatNumber(value, format2);
  return scalarText(value);
}

// src/expressions/unique-string.ts
var BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
var C1 = 597399067;
var C2 = 2869860233;
var F1 = 2246822507;
var F2 = 3266489909;
function rotl(x, r) {
  return (x << r | x >>> 32 - r) >>> 0;
}
function mul(a, b) {
  return Math.imul(a, b) >>> 0;
}
function fmix(h) {
  h = mul(h ^ h >>> 16, F1);
  h = mul(h ^ h >>> 13, F2);
  return (h ^ h >>> 16) >>> 0;
}
function murmurHash64(data) {
  const length2 = data.length;
  const byte = (i2) => data[i2] ?? 0;
  const word = (i2) => (byte(i2) | byte(i2 + 1) << 8 | byte(i2 + 2) << 16 | byte(i2 + 3) << 24) >>> 0;
  let h1 = 0;
  let h2 = 0;
  let i = 0;
  for (; i + 7 < length2; i += 8) {
    const k1 = mul(rotl(mul(word(i), C1), 15), C2);
    h1 = rotl((h1 ^ k1) >>> 0, 19);
    h1 = mul(h1 + h2 >>> 0, 5) + 1444728091 >>> 0;
    const k2 = mul(rotl(mul(word(i + 4), C2), 17), C1);
    h2 = rotl((h2 ^ k2) >>> 0, 13);
    h2 = mul(h2 + h1 >>> 0, 5) + 197830471 >>> 0;
  }
  const tail = length2 - i;
  if (tail > 0) {
    const k1 = tail >= 4 ? word(i) : byte(i) | (tail > 1 ? byte(i + 1) << 8 : 0) | (tail > 2 ? byte(i + 2) << 16 : 0);
    h1 = (h1 ^ mul(rotl(mul(k1 >>> 0, C1), 15), C2)) >>> 0;
    if (tail > 4) {
      const k2 = byte(i + 4) | (tail > 5 ? byte(i + 5) << 8 : 0) | (tail > 6 ? byte(i + 6) << 16 : 0);
      h2 = (h2 ^ mul(rotl(mul(k2 >>> 0, C2), 17), C1)) >>> 0;
    }
  }
  h1 = (h1 ^ length2) >>> 0;
  h2 = (h2 ^ length2) >>> 0;
  h1 = h1 + h2 >>> 0;
  h2 = h2 + h1 >>> 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h1 = h1 + h2 >>> 0;
  h2 = h2 + h1 >>> 0;
  return [h2, h1];
}
function armUniqueString(values) {
  const [high, low] = murmurHash64(Buffer.from(values.join("-"), "utf8"));
  let value = BigInt(high) << 32n | BigInt(low);
  let out = "";
  for (let i = 0; i < 13; i++) {
    out += BASE32[Number(value >> 59n)] ?? "";
    value = value << 5n & 0xffffffffffffffffn;
  }
  return out;
}

// src/expressions/functions/types.ts
function fn(minArgs, maxArgs, impl) {
  return { minArgs, maxArgs, impl };
}

// src/expressions/functions/strings.ts
var GUID_LENGTH = 36;
var UNIQUE_STRING_LENGTH = 13;
function intArg(call, i) {
  const value = call.arg(i);
  if (value instanceof Unknown || value instanceof PartialString) return call.unknown();
  if (typeof value === "number" && Number.isInteger(value)) return value;
  return call.fail(`function '${call.name}' expects an integer as argument ${i + 1}, got ${typeName(value)}`);
}
function stringArg(call, i) {
  const value = call.arg(i);
  if (value instanceof Unknown || value instanceof PartialString) return call.unknown();
  if (typeof value === "string") return value;
  return call.fail(`function '${call.name}' expects a string as argument ${i + 1}, got ${typeName(value)}`);
}
function textArg(call, i) {
  const value = call.arg(i);
  if (isStringLike(value)) return value;
  call.fail(`function '${call.name}' expects a string as argument ${i + 1}, got ${typeName(value)}`);
  return void 0;
}
function concat(call) {
  let text = "";
  for (let i = 0; i < call.argCount; i++) {
    const value = call.arg(i);
    if (typeof value === "string") text += value;
    else if (typeof value === "number") text += numberText(value);
    else return concatValues(call);
  }
  return text;
}
function concatValues(call) {
  const values = call.args();
  if (values.some(Array.isArray)) {
    if (values.every(Array.isArray)) return values.flat(1);
    if (values.every((v) => Array.isArray(v) || v instanceof Unknown)) return call.unknown();
    return call.fail("concat cannot mix arrays with other values");
  }
  const parts = [];
  let sawText = false;
  for (const value of values) {
    if (value === null) continue;
    if (value instanceof Unknown) parts.push(value);
    else if (value instanceof PartialString) {
      parts.push(...value.parts);
      sawText = true;
    } else if (typeof value === "object") return call.fail("concat expects strings, integers or arrays, got an object");
    else {
      parts.push(scalarText(value));
      sawText = true;
    }
  }
  if (!sawText) return call.unknown();
  return joinParts(parts);
}
function format(call) {
  const template = call.arg(0);
  if (template instanceof Unknown || template instanceof PartialString) return call.unknown();
  if (typeof template !== "string") return call.fail(`format expects a format string, got ${typeName(template)}`);
  const result = composeFormat(template, call.args(), 1);
  if (typeof result === "string") return result;
  if (result.kind === "error") return call.fail(`format: ${result.message}`);
  if (result.kind === "unknown") return call.unknown();
  return joinParts(result.parts);
}
function changeCase(call, convert, fnName) {
  const value = textArg(call, 0);
  if (value === void 0) return call.unknown();
  if (typeof value === "string") return convert(value);
  if (value instanceof Unknown) return wrapUnknown(value, call.text);
  return joinParts(value.parts.map((part) => typeof part === "string" ? convert(part) : wrapUnknown(part, `${fnName}(${part.text})`)));
}
function wrapUnknown(unknown, text) {
  return unknown instanceof BoundedUnknown ? new BoundedUnknown(text, unknown.maxLength) : new Unknown(text);
}
function take(call) {
  const source = call.arg(0);
  const count = intArg(call, 1);
  if (count instanceof Unknown) return count;
  if (Array.isArray(source)) return source.slice(0, Math.max(0, count));
  if (source === null) return null;
  if (!isStringLike(source)) return call.fail(`take expects an array or a string, got ${typeName(source)}`);
  if (typeof source === "string") return count <= 0 ? "" : source.slice(0, count);
  if (count <= 0) return "";
  const max = maxLengthOf(source);
  if (max !== void 0 && max <= count) return source;
  const prefix = knownPrefix(source);
  if (count <= prefix.length) return prefix.slice(0, count);
  return joinParts([...partsThatFit(partsOf(source), count), new Unknown(call.text)]);
}
function partsThatFit(parts, count) {
  const kept = [];
  let length2 = 0;
  for (const part of parts) {
    const max = typeof part === "string" ? part.length : part instanceof BoundedUnknown ? part.maxLength : void 0;
    if (max === void 0 || length2 + max > count) {
      if (typeof part === "string" && part.length > 0 && length2 < count) kept.push(part.slice(0, count - length2));
      break;
    }
    kept.push(part);
    length2 += max;
  }
  return kept;
}
function skip(call) {
  const source = call.arg(0);
  const count = intArg(call, 1);
  if (count instanceof Unknown) return count;
  if (Array.isArray(source)) return source.slice(Math.max(0, count));
  if (source === null) return null;
  if (!isStringLike(source)) return call.fail(`skip expects an array or a string, got ${typeName(source)}`);
  if (typeof source === "string") return source.slice(Math.max(0, count));
  if (count <= 0) return source;
  const parts = partsOf(source);
  const first = parts[0];
  if (typeof first === "string" && count <= first.length) return joinParts([first.slice(count), ...parts.slice(1)]);
  return call.unknown();
}
function substring(call) {
  const source = textArg(call, 0);
  const start = intArg(call, 1);
  const length2 = call.argCount > 2 ? intArg(call, 2) : void 0;
  if (source === void 0) return call.unknown();
  if (start instanceof Unknown) return start;
  if (length2 instanceof Unknown) return length2;
  if (start < 0) return call.fail(`substring start index cannot be negative: ${start}`);
  if (length2 !== void 0 && length2 < 0) return call.fail(`substring length cannot be negative: ${length2}`);
  if (typeof source !== "string") {
    const prefix = knownPrefix(source);
    if (length2 !== void 0 && start + length2 <= prefix.length) return prefix.substring(start, start + length2);
    return call.unknown();
  }
  if (start > source.length) return call.fail(`substring start index ${start} is beyond the end of a string of length ${source.length}`);
  if (length2 === void 0) return source.slice(start);
  if (start + length2 > source.length) {
    return call.fail(`substring index ${start} and length ${length2} must refer to a location within a string of length ${source.length}`);
  }
  return source.substring(start, start + length2);
}
function replace(call) {
  const source = textArg(call, 0);
  const oldValue = stringArg(call, 1);
  const newValue = stringArg(call, 2);
  if (source === void 0) return call.unknown();
  if (oldValue instanceof Unknown) return oldValue;
  if (newValue instanceof Unknown) return newValue;
  if (oldValue === "") return call.fail("replace: the string to replace cannot be empty");
  if (typeof source === "string") return source.replaceAll(oldValue, newValue);
  if (oldValue.length !== 1 || source instanceof Unknown) return call.unknown();
  const args = `${quoteArg(oldValue)}, ${quoteArg(newValue)}`;
  return joinParts(source.parts.map((part) => typeof part === "string" ? part.replaceAll(oldValue, newValue) : new Unknown(`replace(${part.text}, ${args})`)));
}
function quoteArg(text) {
  return `'${text.replaceAll("'", "''")}'`;
}
function trim(call) {
  const source = textArg(call, 0);
  if (source === void 0) return call.unknown();
  if (typeof source === "string") return source.trim();
  if (source instanceof Unknown) return call.unknown();
  const parts = [...source.parts];
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (typeof first !== "string" || typeof last !== "string" || first.trim() === "" || last.trim() === "") return call.unknown();
  parts[0] = first.trimStart();
  parts[parts.length - 1] = parts[parts.length - 1].trimEnd();
  return joinParts(parts);
}
function string(call) {
  const value = call.arg(0);
  if (value instanceof PartialString || typeof value === "string") return value;
  if (value instanceof Unknown) return call.unknown();
  if (Array.isArray(value) || isObject(value)) return isFullyKnown(value) ? compactJson(value) : call.unknown();
  return scalarText(value);
}
function padLeft(call) {
  const value = call.arg(0);
  const total = intArg(call, 1);
  const pad = call.argCount > 2 ? stringArg(call, 2) : " ";
  if (total instanceof Unknown) return total;
  if (pad instanceof Unknown) return pad;
  if (pad.length !== 1) return call.fail("padLeft expects a single padding character");
  if (typeof value === "number" && Number.isInteger(value)) return scalarText(value).padStart(total, pad);
  if (typeof value === "string") return value.padStart(total, pad);
  if (value instanceof Unknown || value instanceof PartialString) return call.unknown();
  return call.fail(`padLeft expects a string or an integer, got ${typeName(value)}`);
}
function split(call) {
  const source = stringArg(call, 0);
  const delimiter = call.arg(1);
  if (source instanceof Unknown) return source;
  let delimiters;
  if (typeof delimiter === "string") delimiters = [delimiter];
  else if (Array.isArray(delimiter) && delimiter.every((d) => typeof d === "string")) delimiters = delimiter;
  else if (delimiter instanceof Unknown || Array.isArray(delimiter)) return call.unknown();
  else return call.fail(`split expects a string or an array of strings as delimiter, got ${typeName(delimiter)}`);
  delimiters = delimiters.filter((d) => d !== "");
  if (delimiters.length === 0) return [source];
  const out = [];
  let start = 0;
  let i = 0;
  outer: while (i < source.length) {
    for (const d of delimiters) {
      if (source.startsWith(d, i)) {
        out.push(source.slice(start, i));
        i += d.length;
        start = i;
        continue outer;
      }
    }
    i++;
  }
  out.push(source.slice(start));
  return out;
}
function join(call) {
  const items2 = call.arg(0);
  const delimiter = stringArg(call, 1);
  if (delimiter instanceof Unknown) return delimiter;
  if (items2 instanceof Unknown) return call.unknown();
  if (!Array.isArray(items2)) return call.fail(`join expects an array, got ${typeName(items2)}`);
  const parts = [];
  for (const [index, item] of items2.entries()) {
    if (index > 0) parts.push(delimiter);
    if (item instanceof Unknown) parts.push(item);
    else if (item instanceof PartialString) parts.push(...item.parts);
    else if (typeof item === "object" && item !== null) return call.fail("join expects an array of strings, integers or booleans");
    else parts.push(scalarText(item));
  }
  return joinParts(parts);
}
function startsOrEndsWith(call, atStart) {
  const source = textArg(call, 0);
  const affix = textArg(call, 1);
  if (source === void 0 || affix === void 0) return call.unknown();
  if (typeof affix !== "string") return call.unknown();
  const needle = affix.toLowerCase();
  const known = (typeof source === "string" ? source : atStart ? knownPrefix(source) : knownSuffix(source)).toLowerCase();
  if (typeof source === "string") return atStart ? known.startsWith(needle) : known.endsWith(needle);
  if (known.length >= needle.length) return atStart ? known.startsWith(needle) : known.endsWith(needle);
  const overlap = atStart ? needle.startsWith(known) : needle.endsWith(known);
  return overlap ? call.unknown() : false;
}
function hashOf(call, hash, length2) {
  const values = call.args();
  let unknown = false;
  for (const [i, value] of values.entries()) {
    if (value instanceof Unknown || value instanceof PartialString) unknown = true;
    else if (typeof value !== "string") return call.fail(`function '${call.name}' expects string arguments, argument ${i + 1} is ${typeName(value)}`);
  }
  if (unknown) return call.unknown(length2);
  return hash(values);
}
function base64(call) {
  const value = stringArg(call, 0);
  return value instanceof Unknown ? value : Buffer.from(value, "utf8").toString("base64");
}
function base64ToString(call) {
  const value = stringArg(call, 0);
  return value instanceof Unknown ? value : Buffer.from(value, "base64").toString("utf8");
}
function base64ToJson(call) {
  const value = stringArg(call, 0);
  if (value instanceof Unknown) return value;
  return parseJsonText(call, Buffer.from(value, "base64").toString("utf8"));
}
function parseJsonText(call, text) {
  if (text.trim() === "") return null;
  try {
    return fromJson(JSON.parse(text));
  } catch {
    try {
      return fromJson(JSON.parse(singleToDoubleQuotes(text)));
    } catch {
      return call.fail("json: the argument is not valid JSON");
    }
  }
}
function singleToDoubleQuotes(text) {
  let out = "";
  let quote2;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    if (quote2 === void 0 && (ch === "'" || ch === '"')) {
      quote2 = ch;
      out += '"';
    } else if (quote2 !== void 0 && ch === quote2) {
      if (quote2 === "'" && text[i + 1] === "'") {
        out += "'";
        i++;
      } else {
        quote2 = void 0;
        out += '"';
      }
    } else if (quote2 === "'" && ch === '"') out += '\\"';
    else out += ch;
  }
  return out;
}
function dataUri(call) {
  const value = stringArg(call, 0);
  return value instanceof Unknown ? value : `data:text/plain;charset=utf8;base64,${Buffer.from(value, "utf8").toString("base64")}`;
}
function dataUriToString(call) {
  const value = stringArg(call, 0);
  if (value instanceof Unknown) return value;
  const comma = value.indexOf(",");
  if (!value.toLowerCase().startsWith("data:") || comma === -1) return call.fail("dataUriToString expects a data URI");
  const header = value.slice(0, comma).toLowerCase();
  const body = value.slice(comma + 1);
  try {
    return header.endsWith(";base64") ? Buffer.from(body, "base64").toString("utf8") : decodeURIComponent(body);
  } catch {
    return call.fail("dataUriToString: the data URI is malformed");
  }
}
function uri(call) {
  const base = textArg(call, 0);
  const relative = textArg(call, 1);
  if (base === void 0 || relative === void 0) return call.unknown();
  const relativeParts = partsOf(relative);
  const head = relativeParts[0];
  if (typeof head !== "string") return call.unknown();
  const tail = relativeParts.slice(1);
  if (typeof base === "string") {
    let baseUrl;
    try {
      baseUrl = new URL(base);
    } catch {
      return call.fail(`uri: '${base}' is not an absolute URI`);
    }
    try {
      return joinParts([new URL(head, baseUrl).href, ...tail]);
    } catch {
      return call.fail(`uri: cannot combine '${base}' with '${head}'`);
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(head) || head.startsWith("/")) return call.unknown();
  const parts = partsOf(base);
  const last = parts[parts.length - 1];
  if (typeof last === "string") {
    const slash = last.lastIndexOf("/");
    if (slash === -1) return call.unknown();
    return joinParts([...parts.slice(0, -1), last.slice(0, slash + 1), head, ...tail]);
  }
  return joinParts([...parts, head, ...tail]);
}
function uriComponent(call) {
  const value = stringArg(call, 0);
  if (value instanceof Unknown) return value;
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}
function uriComponentToString(call) {
  const value = stringArg(call, 0);
  if (value instanceof Unknown) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return call.fail("uriComponentToString: the value is not a valid encoded URI component");
  }
}
var stringFunctions = {
  concat: fn(1, Infinity, concat),
  format: fn(1, Infinity, format),
  toLower: fn(1, 1, (call) => changeCase(call, (s) => s.toLowerCase(), "toLower")),
  toUpper: fn(1, 1, (call) => changeCase(call, (s) => s.toUpperCase(), "toUpper")),
  take: fn(2, 2, take),
  skip: fn(2, 2, skip),
  substring: fn(2, 3, substring),
  replace: fn(3, 3, replace),
  trim: fn(1, 1, trim),
  string: fn(1, 1, string),
  padLeft: fn(2, 3, padLeft),
  split: fn(2, 2, split),
  join: fn(2, 2, join),
  startsWith: fn(2, 2, (call) => startsOrEndsWith(call, true)),
  endsWith: fn(2, 2, (call) => startsOrEndsWith(call, false)),
  guid: fn(1, Infinity, (call) => hashOf(call, armGuid, GUID_LENGTH)),
  uniqueString: fn(1, Infinity, (call) => hashOf(call, armUniqueString, UNIQUE_STRING_LENGTH)),
  newGuid: fn(0, 0, (call) => call.unknown(GUID_LENGTH)),
  base64: fn(1, 1, base64),
  base64ToString: fn(1, 1, base64ToString),
  base64ToJson: fn(1, 1, base64ToJson),
  json: fn(1, 1, (call) => {
    const value = stringArg(call, 0);
    return value instanceof Unknown ? value : parseJsonText(call, value);
  }),
  dataUri: fn(1, 1, dataUri),
  dataUriToString: fn(1, 1, dataUriToString),
  uri: fn(2, 2, uri),
  uriComponent: fn(1, 1, uriComponent),
  uriComponentToString: fn(1, 1, uriComponentToString)
};

// src/expressions/functions/collections.ts
var MAX_RANGE = 1e4;
function createObject(call) {
  if (call.argCount % 2 !== 0) return call.fail("createObject expects an even number of arguments (key, value pairs)");
  const out = {};
  for (let i = 0; i < call.argCount; i += 2) {
    const key = call.arg(i);
    if (key instanceof Unknown || key instanceof PartialString) {
      call.args();
      return call.unknown();
    }
    if (typeof key !== "string") return call.fail(`createObject keys must be strings, got ${typeName(key)}`);
    setProperty(out, key, call.arg(i + 1));
  }
  return out;
}
function array(call) {
  const value = call.arg(0);
  if (Array.isArray(value)) return value;
  if (value instanceof Unknown) return call.unknown();
  return [value];
}
function firstOrLast(call, first) {
  const value = call.arg(0);
  if (value === null) return null;
  if (Array.isArray(value)) return (first ? value[0] : value[value.length - 1]) ?? null;
  if (typeof value === "string") return (first ? value[0] : value[value.length - 1]) ?? "";
  if (value instanceof PartialString) {
    const known = first ? knownPrefix(value) : knownSuffix(value);
    if (known !== "") return (first ? known[0] : known[known.length - 1]) ?? "";
    return call.unknown();
  }
  if (value instanceof Unknown) return call.unknown();
  return call.fail(`function '${call.name}' expects an array or a string, got ${typeName(value)}`);
}
function length(call) {
  const value = call.arg(0);
  if (Array.isArray(value) || typeof value === "string") return value.length;
  if (isObject(value)) return Object.keys(value).length;
  if (value instanceof Unknown || value instanceof PartialString) return call.unknown();
  return call.fail(`length expects an array, a string or an object, got ${typeName(value)}`);
}
function empty(call) {
  const value = call.arg(0);
  if (value === null) return true;
  if (Array.isArray(value) || typeof value === "string") return value.length === 0;
  if (isObject(value)) return Object.keys(value).length === 0;
  if (value instanceof PartialString) return value.parts.some((p) => typeof p === "string" && p !== "") ? false : call.unknown();
  if (value instanceof Unknown) return call.unknown();
  return call.fail(`empty expects an array, a string, an object or null, got ${typeName(value)}`);
}
function contains(call) {
  const container = call.arg(0);
  const item = call.arg(1);
  if (isObject(container)) {
    if (typeof item === "string") return getProperty(container, item) !== void 0;
    return item instanceof Unknown || item instanceof PartialString ? call.unknown() : call.fail("contains expects a string key for an object");
  }
  if (Array.isArray(container)) return arrayIndex(container, item, false, call);
  if (isStringLike(container)) {
    if (typeof item !== "string" && typeof item !== "number") return isStringLike(item) ? call.unknown() : call.fail("contains expects a string to look for");
    const needle = typeof item === "number" ? String(item) : item;
    if (typeof container === "string") return container.includes(needle);
    return partsOf(container).some((p) => typeof p === "string" && p.includes(needle)) ? true : call.unknown();
  }
  return call.fail(`contains expects an array, an object or a string, got ${typeName(container)}`);
}
function arrayIndex(items2, item, last, call, asIndex = false) {
  let undecided = false;
  const order = last ? [...items2.keys()].reverse() : [...items2.keys()];
  for (const i of order) {
    const equal = armEquals(items2[i] ?? null, item);
    if (equal === true && !undecided) return asIndex ? i : true;
    if (equal === true) return asIndex ? call.unknown() : true;
    if (equal === void 0) undecided = true;
  }
  if (undecided) return call.unknown();
  return asIndex ? -1 : false;
}
function indexOf(call, last) {
  const container = call.arg(0);
  const item = call.arg(1);
  if (Array.isArray(container)) return arrayIndex(container, item, last, call, true);
  if (typeof container === "string" && typeof item === "string") {
    const haystack = container.toLowerCase();
    const needle = item.toLowerCase();
    return last ? haystack.lastIndexOf(needle) : haystack.indexOf(needle);
  }
  if (isStringLike(container) && isStringLike(item)) {
    if (!last && typeof item === "string") {
      const found = knownPrefix(container).toLowerCase().indexOf(item.toLowerCase());
      if (found !== -1) return found;
    }
    return call.unknown();
  }
  if (container instanceof Unknown) return call.unknown();
  return call.fail(`function '${call.name}' expects an array or a string, got ${typeName(container)}`);
}
function union(call) {
  const values = call.args();
  if (!values.every((v) => isFullyKnownShape(v))) return call.unknown();
  if (values.every(Array.isArray)) {
    const out = [];
    for (const list of values) {
      for (const item of list) {
        const seen = out.some((existing) => armEquals(existing, item));
        if (!seen) out.push(item);
      }
    }
    return out;
  }
  if (values.every(isObject)) {
    let out = {};
    for (const object of values) out = merge(out, object);
    return out;
  }
  return call.fail("union expects arguments that are all arrays or all objects");
}
function merge(target, patch) {
  const out = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    const existingKey = Object.keys(out).find((k) => k.toLowerCase() === key.toLowerCase());
    const existing = existingKey === void 0 ? void 0 : out[existingKey];
    if (existingKey !== void 0 && existingKey !== key) delete out[existingKey];
    setProperty(out, existingKey ?? key, isObject(existing) && isObject(value) ? merge(existing, value) : value);
  }
  return out;
}
function isFullyKnownShape(value) {
  return !(value instanceof Unknown) && !(value instanceof PartialString) && isFullyKnown(value);
}
function intersection(call) {
  const values = call.args();
  if (!values.every(isFullyKnownShape)) return call.unknown();
  const [first, ...rest] = values;
  if (Array.isArray(first) && rest.every(Array.isArray)) {
    const out = [];
    for (const item of first) {
      if (out.some((o) => armEquals(o, item))) continue;
      if (rest.every((list) => list.some((other) => armEquals(other, item)))) out.push(item);
    }
    return out;
  }
  if (isObject(first) && rest.every(isObject)) {
    const out = {};
    for (const [key, value] of Object.entries(first)) {
      if (rest.every((o) => armEquals(getProperty(o, key) ?? null, value) === true && getProperty(o, key) !== void 0)) setProperty(out, key, value);
    }
    return out;
  }
  return call.fail("intersection expects arguments that are all arrays or all objects");
}
function items(call) {
  const value = call.arg(0);
  if (value instanceof Unknown) return call.unknown();
  if (!isObject(value)) return call.fail(`items expects an object, got ${typeName(value)}`);
  return Object.keys(value).sort().map((key) => ({ key, value: value[key] ?? null }));
}
function tryGet(call) {
  let current = call.arg(0);
  for (let i = 1; i < call.argCount; i++) {
    const key = call.arg(i);
    if (current === null) return null;
    if (current instanceof Unknown || key instanceof Unknown || key instanceof PartialString) return call.unknown();
    if (isObject(current) && typeof key === "string") current = getProperty(current, key) ?? null;
    else if (Array.isArray(current) && typeof key === "number") current = current[key] ?? null;
    else return null;
  }
  return current;
}
function coalesce(call) {
  for (let i = 0; i < call.argCount; i++) {
    const value = call.arg(i);
    if (value === null) continue;
    if (value instanceof Unknown) return call.unknown();
    return value;
  }
  return null;
}
function range(call) {
  const start = intArg(call, 0);
  const count = intArg(call, 1);
  if (start instanceof Unknown) return start;
  if (count instanceof Unknown) return count;
  if (count < 0 || count > MAX_RANGE) return call.fail(`range count must be between 0 and ${MAX_RANGE}, got ${count}`);
  return Array.from({ length: count }, (_, i) => start + i);
}
function minMax(call, max) {
  let values = call.args();
  const only = values[0];
  if (values.length === 1 && Array.isArray(only)) values = only;
  if (values.length === 0) return call.fail(`function '${call.name}' needs at least one value`);
  let best;
  for (const value of values) {
    if (value instanceof Unknown || value instanceof PartialString) return call.unknown();
    if (typeof value !== "number") return call.fail(`function '${call.name}' expects integers, got ${typeName(value)}`);
    if (best === void 0 || (max ? value > best : value < best)) best = value;
  }
  return best ?? null;
}
function flatten(call) {
  const value = call.arg(0);
  if (value instanceof Unknown) return call.unknown();
  if (!Array.isArray(value)) return call.fail(`flatten expects an array of arrays, got ${typeName(value)}`);
  const out = [];
  for (const item of value) {
    if (item instanceof Unknown) return call.unknown();
    if (!Array.isArray(item)) return call.fail("flatten expects an array of arrays");
    out.push(...item);
  }
  return out;
}
function shallowMerge(call) {
  const value = call.arg(0);
  if (value instanceof Unknown) return call.unknown();
  if (!Array.isArray(value)) return call.fail(`shallowMerge expects an array of objects, got ${typeName(value)}`);
  const out = {};
  for (const item of value) {
    if (item instanceof Unknown) return call.unknown();
    if (!isObject(item)) return call.fail("shallowMerge expects an array of objects");
    for (const [key, entry] of Object.entries(item)) setProperty(out, key, entry);
  }
  return out;
}
var collectionFunctions = {
  createArray: fn(0, Infinity, (call) => call.args()),
  createObject: fn(0, Infinity, createObject),
  array: fn(1, 1, array),
  first: fn(1, 1, (call) => firstOrLast(call, true)),
  last: fn(1, 1, (call) => firstOrLast(call, false)),
  length: fn(1, 1, length),
  empty: fn(1, 1, empty),
  contains: fn(2, 2, contains),
  indexOf: fn(2, 2, (call) => indexOf(call, false)),
  lastIndexOf: fn(2, 2, (call) => indexOf(call, true)),
  union: fn(1, Infinity, union),
  intersection: fn(1, Infinity, intersection),
  items: fn(1, 1, items),
  tryGet: fn(2, Infinity, tryGet),
  coalesce: fn(1, Infinity, coalesce),
  range: fn(2, 2, range),
  min: fn(1, Infinity, (call) => minMax(call, false)),
  max: fn(1, Infinity, (call) => minMax(call, true)),
  flatten: fn(1, 1, flatten),
  shallowMerge: fn(1, 1, shallowMerge),
  null: fn(0, 0, () => null)
};

// src/expressions/functions/deployment.ts
function lookup(call, what) {
  const name18 = call.arg(0);
  if (name18 instanceof Unknown) return call.unknown();
  if (typeof name18 !== "string") return call.fail(`${what} name must be a string`);
  const { scope, state, errors } = call.frame;
  const resolution = what === "parameter" ? scope.resolveParameter(name18, state) : scope.resolveVariable(name18, state);
  switch (resolution.kind) {
    case "missing":
      return call.fail(`${what} '${name18}' is not defined in the template`, "static");
    case "cycle":
      return call.fail(`circular reference: ${what} '${name18}' depends on itself`, "static");
    case "value":
      for (const error of resolution.errors) errors.push({ ...error });
      return resolution.value;
  }
}
function copyIndex(call) {
  const first = call.argCount > 0 ? call.arg(0) : null;
  const loopName = typeof first === "string" ? first.toLowerCase() : void 0;
  const offsetValue = typeof first === "number" ? first : call.argCount > 1 ? call.arg(1) : 0;
  if (first instanceof Unknown || offsetValue instanceof Unknown) return call.unknown();
  if (first !== null && typeof first !== "string" && typeof first !== "number") return call.fail("copyIndex expects a loop name or an offset");
  if (typeof offsetValue !== "number" || !Number.isInteger(offsetValue)) return call.fail("copyIndex offset must be an integer");
  const loops = call.frame.copy;
  for (let i = loops.length - 1; i >= 0; i--) {
    const loop = loops[i];
    if (loop !== void 0 && (loopName === void 0 || loop.name === loopName)) return loop.index + offsetValue;
  }
  return call.unknown();
}
function contextObject(canonical, availableAt) {
  const unavailable = availableAt === void 0 ? void 0 : `${canonical}() is only available in deployments to ${availableAt.map(describeKind).join(" or ")}`;
  const available = new Set(availableAt);
  return (call) => {
    const kind = call.frame.scope.kind;
    if (unavailable !== void 0 && kind !== void 0 && !available.has(kind)) return call.fail(`${unavailable}, not in a deployment to ${describeKind(kind)}`, "static");
    if (call.argCount > 0) {
      call.args();
      return call.unknown();
    }
    return new Unknown(`${canonical}()`);
  };
}
function describeKind(kind) {
  switch (kind) {
    case "resourceGroup":
      return "a resource group";
    case "subscription":
      return "a subscription";
    case "managementGroup":
      return "a management group";
    case "tenant":
      return "the tenant";
  }
}
var deploymentFunctions = {
  parameters: fn(1, 1, (call) => lookup(call, "parameter")),
  variables: fn(1, 1, (call) => lookup(call, "variable")),
  copyIndex: fn(0, 2, copyIndex),
  deployment: fn(0, 0, contextObject("deployment")),
  resourceGroup: fn(0, 0, contextObject("resourceGroup", ["resourceGroup"])),
  subscription: fn(0, 0, contextObject("subscription", ["resourceGroup", "subscription"])),
  environment: fn(0, 0, contextObject("environment")),
  managementGroup: fn(0, 1, contextObject("managementGroup")),
  tenant: fn(0, 0, contextObject("tenant")),
  deployer: fn(0, 0, contextObject("deployer"))
};

// src/expressions/functions/known.ts
var DOCUMENTED_FUNCTIONS = [
  // any / array
  "array",
  "concat",
  "contains",
  "createArray",
  "empty",
  "first",
  "flatten",
  "indexFromEnd",
  "indexOf",
  "intersection",
  "last",
  "lastIndexOf",
  "length",
  "max",
  "min",
  "range",
  "skip",
  "take",
  "tryGet",
  "tryIndexFromEnd",
  "union",
  // CIDR
  "parseCidr",
  "cidrSubnet",
  "cidrHost",
  // comparison
  "coalesce",
  "equals",
  "greater",
  "greaterOrEquals",
  "less",
  "lessOrEquals",
  // date
  "dateTimeAdd",
  "dateTimeFromEpoch",
  "dateTimeToEpoch",
  "utcNow",
  // deployment
  "deployer",
  "deployment",
  "environment",
  "parameters",
  "variables",
  // lambda
  "filter",
  "groupBy",
  "lambda",
  "lambdaVariables",
  "map",
  "mapValues",
  "reduce",
  "sort",
  "toObject",
  // logical
  "and",
  "bool",
  "false",
  "if",
  "not",
  "or",
  "true",
  // numeric
  "add",
  "copyIndex",
  "div",
  "float",
  "int",
  "mod",
  "mul",
  "sub",
  // object
  "createObject",
  "items",
  "json",
  "null",
  "shallowMerge",
  // resource
  "extensionResourceId",
  "listAccountSas",
  "listKeys",
  "listSecrets",
  "managementGroupResourceId",
  "pickZones",
  "providers",
  "reference",
  "references",
  "resourceId",
  "subscriptionResourceId",
  "tenantResourceId",
  "toLogicalZone",
  "toLogicalZones",
  "toPhysicalZone",
  "toPhysicalZones",
  // scope
  "managementGroup",
  "resourceGroup",
  "subscription",
  "tenant",
  // string
  "base64",
  "base64ToJson",
  "base64ToString",
  "dataUri",
  "dataUriToString",
  "endsWith",
  "format",
  "guid",
  "join",
  "newGuid",
  "padLeft",
  "replace",
  "split",
  "startsWith",
  "string",
  "substring",
  "toLower",
  "toUpper",
  "trim",
  "uniqueString",
  "uri",
  "uriComponent",
  "uriComponentToString",
  // compiled .bicepparam files
  "externalInputs"
];

// src/expressions/functions/logic.ts
function ifFn(call) {
  const condition = call.arg(0);
  if (condition === true) return call.arg(1);
  if (condition === false) return call.arg(2);
  if (condition instanceof Unknown) return call.unknown();
  return call.fail(`if expects a boolean condition, got ${typeName(condition)}`);
}
function equals(call) {
  const result = armEquals(call.arg(0), call.arg(1));
  return result === void 0 ? call.unknown() : result;
}
function not(call) {
  const value = call.arg(0);
  if (typeof value === "boolean") return !value;
  if (value instanceof Unknown) return call.unknown();
  return call.fail(`not expects a boolean, got ${typeName(value)}`);
}
function andOr(call, isAnd) {
  let unknown = false;
  let decided = false;
  for (const [i, value] of call.args().entries()) {
    if (typeof value === "boolean") {
      if (value !== isAnd) decided = true;
    } else if (value instanceof Unknown) unknown = true;
    else return call.fail(`function '${call.name}' expects booleans, argument ${i + 1} is ${typeName(value)}`);
  }
  if (decided) return !isAnd;
  return unknown ? call.unknown() : isAnd;
}
function bool(call) {
  const value = call.arg(0);
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string") {
    const lower = value.trim().toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
    return call.fail(`bool cannot convert '${value}'`);
  }
  if (value instanceof Unknown || value instanceof PartialString) return call.unknown();
  return call.fail(`bool expects a string, an integer or a boolean, got ${typeName(value)}`);
}
function compare(call, test) {
  const a = call.arg(0);
  const b = call.arg(1);
  if (typeof a === "number" && typeof b === "number") return test(a - b);
  if (typeof a === "string" && typeof b === "string") return test(a < b ? -1 : a > b ? 1 : 0);
  if (isUnknownish(a) || isUnknownish(b)) return call.unknown();
  return call.fail(`function '${call.name}' expects two integers or two strings, got ${typeName(a)} and ${typeName(b)}`);
}
function isUnknownish(value) {
  return value instanceof Unknown || value instanceof PartialString;
}
function arithmetic(call, op) {
  const a = call.arg(0);
  const b = call.arg(1);
  if (isUnknownish(a) || isUnknownish(b)) return call.unknown();
  if (typeof a !== "number" || typeof b !== "number") return call.fail(`function '${call.name}' expects integers, got ${typeName(a)} and ${typeName(b)}`);
  const result = op(a, b);
  return typeof result === "string" ? call.fail(result) : result;
}
function toInt(call) {
  const value = call.arg(0);
  if (typeof value === "number") return Math.trunc(value);
  if (typeof value === "string") {
    const text = value.trim();
    if (/^[+-]?\d+$/.test(text)) return Number(text);
    return call.fail(`int cannot convert '${value}'`);
  }
  if (isUnknownish(value)) return call.unknown();
  return call.fail(`int expects a string or a number, got ${typeName(value)}`);
}
function toFloat(call) {
  const value = call.arg(0);
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    const parsed = Number(value.trim());
    return value.trim() !== "" && Number.isFinite(parsed) ? parsed : call.fail(`float cannot convert '${value}'`);
  }
  if (isUnknownish(value)) return call.unknown();
  return call.fail(`float expects a string or a number, got ${typeName(value)}`);
}
var logicFunctions = {
  if: fn(3, 3, ifFn),
  equals: fn(2, 2, equals),
  not: fn(1, 1, not),
  and: fn(1, Infinity, (call) => andOr(call, true)),
  or: fn(1, Infinity, (call) => andOr(call, false)),
  bool: fn(1, 1, bool),
  true: fn(0, 0, () => true),
  false: fn(0, 0, () => false),
  less: fn(2, 2, (call) => compare(call, (o) => o < 0)),
  lessOrEquals: fn(2, 2, (call) => compare(call, (o) => o <= 0)),
  greater: fn(2, 2, (call) => compare(call, (o) => o > 0)),
  greaterOrEquals: fn(2, 2, (call) => compare(call, (o) => o >= 0)),
  add: fn(2, 2, (call) => arithmetic(call, (a, b) => a + b)),
  sub: fn(2, 2, (call) => arithmetic(call, (a, b) => a - b)),
  mul: fn(2, 2, (call) => arithmetic(call, (a, b) => a * b)),
  // Integer division truncates toward zero, as in .NET.
  div: fn(2, 2, (call) => arithmetic(call, (a, b) => b === 0 ? "div: division by zero" : Math.trunc(a / b))),
  mod: fn(2, 2, (call) => arithmetic(call, (a, b) => b === 0 ? "mod: division by zero" : a % b)),
  int: fn(1, 1, toInt),
  float: fn(1, 1, toFloat)
};

// src/expressions/functions/registry.ts
function fold(charCode) {
  return charCode >= 65 && charCode <= 90 ? charCode | 32 : charCode;
}
function nameHash(source, start, end) {
  const length2 = end - start;
  const hash = (length2 * 31 + fold(source.charCodeAt(start))) * 31 + fold(source.charCodeAt(start + (length2 >> 1)));
  return hash * 31 + fold(source.charCodeAt(end - 1));
}
var BUCKETS = 512;
var table = new Array(BUCKETS).fill(void 0);
function add(name18, resolution) {
  const lower = name18.toLowerCase();
  const bucket = table[nameHash(lower, 0, lower.length) & BUCKETS - 1] ??= [];
  const existing = bucket.find((entry) => entry.lower === lower);
  if (existing === void 0) bucket.push({ lower, resolution });
  else if (typeof resolution === "object") existing.resolution = resolution;
}
for (const name18 of DOCUMENTED_FUNCTIONS) add(name18, "known");
for (const functions of [stringFunctions, collectionFunctions, logicFunctions, deploymentFunctions]) {
  for (const [name18, spec] of Object.entries(functions)) add(name18, spec);
}
function resolveFunctionName(source, start, end) {
  const bucket = table[nameHash(source, start, end) & BUCKETS - 1];
  const length2 = end - start;
  if (bucket !== void 0) {
    for (let b = 0; b < bucket.length; b++) {
      const entry = bucket[b];
      if (entry.lower.length === length2 && equalsFolded(source, start, entry.lower)) return entry.resolution;
    }
  }
  return length2 > 4 && equalsFolded(source, start, "list") ? "known" : void 0;
}
function equalsFolded(source, start, lower) {
  for (let i = 0; i < lower.length; i++) if (fold(source.charCodeAt(start + i)) !== lower.charCodeAt(i)) return false;
  return true;
}

// src/expressions/scanner.ts
var SyntaxFailure = class extends Error {
  offset;
  constructor(message, offset) {
    super(message);
    this.offset = offset;
  }
};
var OPEN_BRACKET = 91;
var CLOSE_BRACKET = 93;
var OPEN_PAREN = 40;
var CLOSE_PAREN = 41;
var QUOTE = 39;
var COMMA2 = 44;
var DOT = 46;
var MINUS2 = 45;
var PLUS = 43;
var INT32_MIN = -2147483648;
var INT32_MAX = 2147483647;
var OTHER_SPACE = /[\p{Zs}\p{Zl}\p{Zp}]/u;
var OTHER_LETTER = new RegExp("\\p{L}", "u");
var OTHER_DIGIT = new RegExp("\\p{Nd}", "u");
function isSpace(c) {
  if (c < 128) return c === 32 || c >= 9 && c <= 13;
  return c === 133 || c === 160 || OTHER_SPACE.test(String.fromCharCode(c));
}
function isDigit(c) {
  return c >= 48 && c <= 57;
}
function isAnyDigit(c) {
  return isDigit(c) || c >= 128 && OTHER_DIGIT.test(String.fromCharCode(c));
}
function asciiDigitsOnly(text, from) {
  if (text.length <= from) return false;
  for (let i = from; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}
function isIdentStart(c) {
  if (c < 128) return c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 95 || c === 36;
  return OTHER_LETTER.test(String.fromCharCode(c));
}
function isIdentPart(c) {
  return isIdentStart(c) || isAnyDigit(c);
}
function isNumberStart(c) {
  return c === MINUS2 || c === PLUS || isAnyDigit(c);
}
var Scanner = class {
  src = "";
  pos = 1;
  // just after the opening '['
  end = 0;
  // offset of the closing ']'
  reset(src) {
    this.src = src;
    this.pos = 1;
    this.end = src.length - 1;
  }
  /** The value of the string literal at `pos` ('' is an escaped quote). */
  readString() {
    const start = this.pos;
    let value = "";
    let chunkStart = start + 1;
    for (; ; ) {
      const quote2 = this.src.indexOf("'", chunkStart);
      if (quote2 === -1 || quote2 >= this.end) throw new SyntaxFailure("unterminated string literal", start);
      if (quote2 + 1 < this.end && this.src.charCodeAt(quote2 + 1) === QUOTE) {
        value += this.src.slice(chunkStart, quote2 + 1);
        chunkStart = quote2 + 2;
        continue;
      }
      value += this.src.slice(chunkStart, quote2);
      this.pos = quote2 + 1;
      return value;
    }
  }
  /** [+-]digits, read as ARM reads it: a 32-bit integer; a decimal point or exponent is an error. */
  readNumber() {
    const start = this.pos;
    const sign = this.src.charCodeAt(this.pos);
    if (sign === MINUS2 || sign === PLUS) this.pos++;
    this.skipDigits();
    let decimal = false;
    if (this.peek() === DOT) {
      decimal = true;
      this.pos++;
      this.skipDigits();
    }
    const e = this.peek();
    if ((e === 69 || e === 101) && this.pos + 1 < this.end) {
      decimal = true;
      const next = this.src.charCodeAt(this.pos + 1);
      this.pos += next === PLUS || next === MINUS2 ? 2 : 1;
      this.skipDigits();
    }
    if (this.pos < this.end && isIdentPart(this.src.charCodeAt(this.pos))) throw this.unexpected();
    const text = this.src.slice(start, this.pos);
    if (decimal) throw new SyntaxFailure(`ARM expressions have no decimal numbers: '${text}' (write json('${text}'))`, start);
    const value = asciiDigitsOnly(text, sign === MINUS2 || sign === PLUS ? 1 : 0) ? Number(text) : NaN;
    if (!(value >= INT32_MIN && value <= INT32_MAX)) throw new SyntaxFailure(`'${text}' is not a number ARM reads (32-bit integers only)`, start);
    return value === 0 ? 0 : value;
  }
  skipDigits() {
    while (this.pos < this.end && isAnyDigit(this.src.charCodeAt(this.pos))) this.pos++;
  }
  /** Moves past an identifier (none if the next char cannot start one). */
  skipIdentifier() {
    const src = this.src;
    const end = this.end;
    let pos = this.pos;
    if (pos < end && isIdentStart(src.charCodeAt(pos))) {
      for (pos++; pos < end; pos++) {
        const c = src.charCodeAt(pos);
        if (!(c >= 97 && c <= 122 || c >= 65 && c <= 90 || c >= 48 && c <= 57 || isIdentPart(c))) break;
      }
    }
    this.pos = pos;
  }
  readIdentifier() {
    const start = this.pos;
    if (this.pos < this.end && isIdentStart(this.src.charCodeAt(this.pos))) {
      this.pos++;
      while (this.pos < this.end && isIdentPart(this.src.charCodeAt(this.pos))) this.pos++;
    }
    return this.src.slice(start, this.pos);
  }
  peek() {
    return this.pos < this.end ? this.src.charCodeAt(this.pos) : -1;
  }
  skipSpace() {
    while (this.pos < this.end && isSpace(this.src.charCodeAt(this.pos))) this.pos++;
  }
  unexpected() {
    if (this.pos >= this.end) return new SyntaxFailure("unexpected end of expression", this.pos);
    return new SyntaxFailure(`unexpected character '${this.src[this.pos] ?? ""}'`, this.pos);
  }
  expected(what) {
    if (this.pos >= this.end) return new SyntaxFailure(`expected ${what} before the end of the expression`, this.pos);
    return new SyntaxFailure(`expected ${what} but found '${this.src[this.pos] ?? ""}'`, this.pos);
  }
};

// src/expressions/parser.ts
var MAX_NESTING = 200;
function isExpressionString(s) {
  return s.length >= 2 && s.charCodeAt(0) === OPEN_BRACKET && s.charCodeAt(s.length - 1) === CLOSE_BRACKET && s.charCodeAt(1) !== OPEN_BRACKET;
}
function parseExpression(source) {
  try {
    const node = parser.parse(source);
    return { ok: true, node, unknownFunctions: parser.unknownFunctions };
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    return { ok: false, error: { message: error.message, offset: error.offset } };
  } finally {
    parser.release();
  }
}
var NO_ARGS = Object.freeze([]);
var Parser = class extends Scanner {
  nesting = 0;
  /** Whether the last argument parseArgument() read ended its call. */
  closed = false;
  unknownFunctions;
  parse(src) {
    this.reset(src);
    this.nesting = 0;
    this.unknownFunctions = void 0;
    this.skipSpace();
    if (this.pos >= this.end) throw new SyntaxFailure("empty expression", this.pos);
    const node = this.parseExpression();
    this.skipSpace();
    if (this.pos < this.end) throw this.unexpected();
    return node;
  }
  /** Drops the source and the list, so that the parser holds on to nothing between parses. */
  release() {
    this.src = "";
    this.unknownFunctions = void 0;
  }
  /** A string literal, an integer, or a call with its property and index accesses. */
  parseExpression() {
    if (++this.nesting > MAX_NESTING) throw new SyntaxFailure(`expression nests deeper than ${MAX_NESTING} levels`, this.pos);
    this.skipSpace();
    if (this.pos >= this.end) throw new SyntaxFailure("unexpected end of expression", this.pos);
    const c = this.src.charCodeAt(this.pos);
    const start = this.pos;
    let node;
    if (c === QUOTE) {
      const value = this.readString();
      node = { kind: "string", start, end: this.pos, value };
    } else if (isNumberStart(c)) {
      const value = this.readNumber();
      node = { kind: "number", start, end: this.pos, value };
    } else if (isIdentStart(c)) {
      node = this.parseAccesses(this.parseCall());
    } else {
      throw this.unexpected();
    }
    this.nesting--;
    return node;
  }
  parseAccesses(call) {
    let node = call;
    for (; ; ) {
      this.skipSpace();
      const c = this.peek();
      if (c === DOT) {
        this.pos++;
        this.skipSpace();
        const nameStart = this.pos;
        const name18 = this.readIdentifier();
        if (name18 === "") throw new SyntaxFailure("expected a property name after '.'", nameStart);
        node = { kind: "property", start: node.start, end: this.pos, target: node, name: name18 };
      } else if (c === OPEN_BRACKET) {
        this.pos++;
        const index = this.parseExpression();
        this.skipSpace();
        if (this.peek() !== CLOSE_BRACKET) throw this.expected("']'");
        this.pos++;
        node = { kind: "index", start: node.start, end: this.pos, target: node, index };
      } else {
        return node;
      }
    }
  }
  /**
   * `name(...)` or, for user-defined functions, `namespace.name(...)`. The name is resolved from
   * the text itself (no string is cut for it): most names in a template are calls.
   */
  parseCall() {
    const start = this.pos;
    this.skipIdentifier();
    let nameStart = start;
    let nameEnd = this.pos;
    this.skipSpace();
    let namespace;
    if (this.peek() === DOT) {
      namespace = this.src.slice(start, nameEnd);
      this.pos++;
      this.skipSpace();
      nameStart = this.pos;
      this.skipIdentifier();
      nameEnd = this.pos;
      if (nameEnd === nameStart) throw new SyntaxFailure(`expected a function name after '${namespace}.'`, nameStart);
      this.skipSpace();
    }
    if (this.peek() !== OPEN_PAREN) throw this.notACall(start, namespace, this.src.slice(nameStart, nameEnd));
    this.pos++;
    const resolved = namespace === void 0 ? resolveFunctionName(this.src, nameStart, nameEnd) ?? "unknown" : void 0;
    const node = { kind: "call", start, end: start, nameStart, nameEnd, namespace, args: NO_ARGS, resolved, text: void 0 };
    if (resolved === "unknown") (this.unknownFunctions ??= []).push(node);
    node.args = this.parseArguments();
    node.end = this.pos;
    return node;
  }
  notACall(start, namespace, name18) {
    if (namespace !== void 0) return this.expected(`'(' after '${namespace}.${name18}'`);
    const lower = name18.toLowerCase();
    if (lower === "true" || lower === "false" || lower === "null") return new SyntaxFailure(`'${name18}' is not a literal in ARM expressions: write ${lower}()`, start);
    return new SyntaxFailure(`unexpected identifier '${name18}' (function calls need parentheses)`, start);
  }
  parseArguments() {
    this.skipSpace();
    if (this.peek() === CLOSE_PAREN) {
      this.pos++;
      return NO_ARGS;
    }
    const first = this.parseArgument();
    if (this.closed) return [first];
    const second = this.parseArgument();
    if (this.closed) return [first, second];
    const args = [first, second, this.parseArgument()];
    while (!this.closed) args.push(this.parseArgument());
    return args;
  }
  /** One argument and the ',' or ')' after it; sets `closed` when that was ')'. */
  parseArgument() {
    const node = this.parseExpression();
    this.skipSpace();
    const c = this.peek();
    if (c !== COMMA2 && c !== CLOSE_PAREN) throw this.expected("',' or ')'");
    this.pos++;
    this.closed = c === CLOSE_PAREN;
    return node;
  }
};
var parser = new Parser();

// src/expressions/evaluate.ts
var MAX_COPY_COUNT = 800;
var NO_COPY = [];
function evaluateRaw(raw, ctx) {
  if (typeof raw === "string") return evaluateString(raw, ctx.scope, ctx.errors, ctx.state, ctx.copy, ctx.withOffsets);
  if (raw === null || typeof raw === "boolean") return raw;
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== "object") return null;
  if (++ctx.state.depth > MAX_DEPTH) {
    ctx.state.depth--;
    ctx.errors.push({ message: `value nests deeper than ${MAX_DEPTH} levels` });
    return new Unknown("(value nested too deeply)");
  }
  try {
    const nested = ctx.withOffsets ? { ...ctx, withOffsets: false } : ctx;
    if (Array.isArray(raw)) {
      const out = new Array(raw.length);
      for (let i = 0; i < raw.length; i++) out[i] = evaluateRaw(raw[i], nested);
      return out;
    }
    return evaluateObject(raw, nested);
  } finally {
    ctx.state.depth--;
  }
}
function evaluateTopLevelString(raw, scope) {
  const errors = [];
  const value = evaluateString(raw, scope, errors, { depth: 0 }, NO_COPY, true);
  return { value, errors: dedupe(errors) };
}
function dedupe(errors) {
  if (errors.length < 2) return errors;
  const seen = /* @__PURE__ */ new Set();
  return errors.filter((error) => {
    const key = `${error.offset ?? ""}|${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function evaluateString(raw, scope, errors, state, copy, withOffsets) {
  if (raw.length < 2 || raw.charCodeAt(0) !== OPEN_BRACKET2 || raw.charCodeAt(raw.length - 1) !== CLOSE_BRACKET2) return raw;
  if (raw.charCodeAt(1) === OPEN_BRACKET2) return raw.slice(1);
  const parsed = parseExpression(raw);
  if (!parsed.ok) {
    const { message, offset } = parsed.error;
    errors.push(withOffsets ? { message, offset, kind: "static" } : { message, kind: "static" });
    return new Unknown(raw.slice(1, -1).trim());
  }
  const frame = { scope, source: raw, errors, withOffsets, copy, state };
  if (parsed.unknownFunctions !== void 0) reportUnknownFunctions(parsed.unknownFunctions, frame);
  return evaluateNode(parsed.node, frame);
}
var OPEN_BRACKET2 = 91;
var CLOSE_BRACKET2 = 93;
function reportUnknownFunctions(calls, frame) {
  for (const call of calls) report(frame, `unknown function '${callName(call, frame)}'`, call.start, "static");
}
function isCopyEntry(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const entry = value;
  return typeof entry["name"] === "string" && "count" in entry && "input" in entry;
}
function evaluateObject(raw, ctx) {
  const out = {};
  for (const key of Object.keys(raw)) {
    const item = raw[key];
    if (key.length === 4 && key.toLowerCase() === "copy" && Array.isArray(item) && item.length > 0 && item.every(isCopyEntry)) {
      for (const entry of item) setProperty(out, entry.name, expandCopy(entry, ctx, `copy('${entry.name}')`));
      continue;
    }
    setProperty(out, key, evaluateRaw(item, ctx));
  }
  return out;
}
function expandCopy(entry, ctx, unknownText) {
  const count = evaluateRaw(entry.count, ctx);
  if (count instanceof Unknown) return new Unknown(unknownText);
  if (typeof count !== "number" || !Number.isInteger(count) || count < 0) {
    ctx.errors.push({ message: `copy '${entry.name}': count must be a non-negative integer, got ${typeName(count)}` });
    return new Unknown(unknownText);
  }
  if (count > MAX_COPY_COUNT) {
    ctx.errors.push({ message: `copy '${entry.name}': count ${count} exceeds ARM's limit of ${MAX_COPY_COUNT}` });
    return new Unknown(unknownText);
  }
  const items2 = [];
  const name18 = entry.name.toLowerCase();
  for (let index = 0; index < count; index++) {
    items2.push(evaluateRaw(entry.input, { ...ctx, copy: [...ctx.copy, { name: name18, index }] }));
  }
  return items2;
}
function nodeText(node, frame) {
  return frame.source.slice(node.start, node.end);
}
function evaluateNode(node, frame) {
  if (++frame.state.depth > MAX_DEPTH) {
    frame.state.depth--;
    report(frame, `expression nests deeper than ${MAX_DEPTH} levels`, node.start);
    return new Unknown(nodeText(node, frame));
  }
  try {
    switch (node.kind) {
      case "string":
      case "number":
        return node.value;
      case "call":
        return evaluateCall(node, frame);
      case "property":
        return accessProperty(evaluateNode(node.target, frame), node.name, node.start, node.end, frame);
      case "index":
        return accessIndex(evaluateNode(node.target, frame), evaluateNode(node.index, frame), node.start, node.end, frame);
    }
  } finally {
    frame.state.depth--;
  }
}
function callName(node, frame) {
  return frame.source.slice(node.nameStart, node.nameEnd);
}
function callText(node, frame) {
  return node.text ??= frame.source.slice(node.start, node.end);
}
function evaluateCall(node, frame) {
  if (node.namespace !== void 0) {
    for (const arg of node.args) evaluateNode(arg, frame);
    return new Unknown(callText(node, frame));
  }
  const spec = node.resolved;
  if (typeof spec === "object") {
    const call = new CallImpl(node, frame);
    const count = node.args.length;
    if (count < spec.minArgs || count > spec.maxArgs) return call.fail(arityMessage(call.name, spec.minArgs, spec.maxArgs, count), "static");
    return spec.impl(call);
  }
  if (spec === "known") {
    for (const arg of node.args) evaluateNode(arg, frame);
    return new Unknown(callText(node, frame));
  }
  return new Unknown(callText(node, frame));
}
function arityMessage(name18, min, max, count) {
  const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
  return `function '${name18}' expects ${expected} argument${expected === "1" ? "" : "s"} but got ${count}`;
}
var NOT_EVALUATED = /* @__PURE__ */ Symbol("not evaluated");
var CallImpl = class {
  frame;
  node;
  /** Argument values by index, NOT_EVALUATED until asked for; allocated on the first arg(). */
  values;
  constructor(node, frame) {
    this.node = node;
    this.frame = frame;
    this.values = void 0;
  }
  get name() {
    return callName(this.node, this.frame);
  }
  get text() {
    return callText(this.node, this.frame);
  }
  get argCount() {
    return this.node.args.length;
  }
  arg(i) {
    const args = this.node.args;
    const node = args[i];
    if (node === void 0) return null;
    if (node.kind === "string" || node.kind === "number") return node.value;
    let values = this.values;
    if (values === void 0) {
      values = new Array(args.length);
      for (let j = 0; j < args.length; j++) values[j] = NOT_EVALUATED;
      this.values = values;
    }
    const cached = values[i];
    if (cached !== NOT_EVALUATED && cached !== void 0) return cached;
    const value = evaluateNode(node, this.frame);
    values[i] = value;
    return value;
  }
  args() {
    const count = this.node.args.length;
    const out = new Array(count);
    for (let i = 0; i < count; i++) out[i] = this.arg(i);
    return out;
  }
  fail(message, kind) {
    report(this.frame, message, this.node.start, kind);
    return new Unknown(this.text);
  }
  unknown(maxLength) {
    return maxLength === void 0 ? new Unknown(this.text) : new BoundedUnknown(this.text, maxLength);
  }
};

// src/expressions/scope.ts
function asRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function hasOwnKeys(record) {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}
function findKey(record, name18) {
  if (Object.hasOwn(record, name18)) return name18;
  const lower = name18.toLowerCase();
  for (const key of Object.keys(record)) if (key.toLowerCase() === lower) return key;
  return void 0;
}
var SECURE_TYPES = /* @__PURE__ */ new Set(["securestring", "secureobject"]);
function isSecureType(type) {
  return typeof type === "string" && type.length === 12 && SECURE_TYPES.has(type.toLowerCase());
}
var CYCLE = { kind: "cycle" };
var MISSING = { kind: "missing" };
var DefinitionTable = class {
  definitions;
  make;
  /** Extra definitions declared by one entry (a `copy` array of variables), or undefined. */
  declaredBy;
  byKey = /* @__PURE__ */ new Map();
  lowerIndex;
  constructor(definitions, make, declaredBy = () => void 0) {
    this.definitions = definitions;
    this.make = make;
    this.declaredBy = declaredBy;
  }
  find(name18) {
    const known = this.byKey.get(name18);
    if (known !== void 0) return known;
    const definitions = this.definitions;
    if (definitions === void 0) return void 0;
    if (Object.hasOwn(definitions, name18)) {
      const raw = definitions[name18];
      if (name18.length !== 4 || this.declaredBy(name18, raw) === void 0) {
        const made = this.make(name18, raw);
        this.byKey.set(name18, made);
        return made;
      }
    }
    return this.index(definitions).get(name18.toLowerCase());
  }
  definition(key, raw) {
    let found = this.byKey.get(key);
    if (found === void 0) this.byKey.set(key, found = this.make(key, raw));
    return found;
  }
  index(definitions) {
    if (this.lowerIndex === void 0) {
      const index = /* @__PURE__ */ new Map();
      for (const key of Object.keys(definitions)) {
        const raw = definitions[key];
        const declared = this.declaredBy(key, raw);
        if (declared === void 0) index.set(key.toLowerCase(), this.definition(key, raw));
        else for (const [name18, def] of declared) index.set(name18.toLowerCase(), def);
      }
      this.lowerIndex = index;
    }
    return this.lowerIndex;
  }
};
var Bindings = class {
  template;
  supplied;
  parameterTable;
  variableTable;
  /** False when there is no parameters file or it sets nothing: most templates. */
  fileHasValues;
  constructor(template, supplied) {
    this.template = template;
    this.supplied = supplied;
    this.fileHasValues = supplied.kind === "file" && hasOwnKeys(supplied.values);
  }
  resolveParameter(owner, name18, state) {
    const found = this.parameters().find(name18);
    if (found === void 0) return MISSING;
    if (found.secure) return secretResolution(found);
    if (found.memo !== void 0) return found.memo;
    if (found.busy) return CYCLE;
    found.busy = true;
    try {
      const result = this.computeParameter(owner, found, state);
      found.memo = result;
      return result;
    } finally {
      found.busy = false;
    }
  }
  resolveVariable(owner, name18, state) {
    const def = this.variables().find(name18);
    if (def === void 0) return MISSING;
    if (def.memo !== void 0) return def.memo;
    if (def.busy) return CYCLE;
    def.busy = true;
    try {
      const errors = [];
      const ctx = { scope: owner, errors, state, copy: [], withOffsets: false };
      const value = def.kind === "plain" ? evaluateRaw(def.raw, ctx) : expandCopy(def.entry, ctx, `variables(${quote(def.name)})`);
      const result = { kind: "value", value, errors: errors.length === 0 ? errors : errors.map((e) => ({ message: `in variable '${def.name}': ${e.message}` })) };
      def.memo = result;
      return result;
    } finally {
      def.busy = false;
    }
  }
  computeParameter(owner, found, state) {
    const { name: name18, def } = found;
    const supplied = this.supplied;
    if (supplied.kind === "file") {
      const key = this.fileHasValues ? findKey(supplied.values, name18) : void 0;
      if (key !== void 0) return { kind: "value", value: fromJson(supplied.values[key]), errors: [] };
    } else {
      const key = supplied.parameters === void 0 ? void 0 : findKey(supplied.parameters, name18);
      const entry = key === void 0 ? void 0 : asRecord(supplied.parameters?.[key]);
      if (entry !== void 0) {
        if (!("value" in entry)) return { kind: "value", value: new Unknown(parameterText(found)), errors: [] };
        const errors = [];
        const value = evaluateRaw(entry["value"], { scope: supplied.parent, errors, state, copy: [], withOffsets: false });
        return { kind: "value", value, errors: errors.map((e) => ({ message: `in the value of parameter '${name18}': ${e.message}` })) };
      }
      if (supplied.viaLink) return { kind: "value", value: new Unknown(parameterText(found)), errors: [] };
    }
    if ("defaultValue" in def) {
      const errors = [];
      const value = evaluateRaw(def["defaultValue"], { scope: owner, errors, state, copy: [], withOffsets: false });
      return { kind: "value", value, errors: errors.map((e) => ({ message: `in the default value of parameter '${name18}': ${e.message}` })) };
    }
    return { kind: "value", value: new Unknown(parameterText(found)), errors: [] };
  }
  parameters() {
    return this.parameterTable ??= new DefinitionTable(asRecord(this.template["parameters"]), (name18, raw) => {
      const def = asRecord(raw) ?? {};
      return { name: name18, def, secure: isSecureType(def["type"]), text: void 0, memo: void 0, busy: false };
    });
  }
  variables() {
    return this.variableTable ??= new DefinitionTable(
      asRecord(this.template["variables"]),
      (name18, raw) => ({ kind: "plain", name: name18, raw, entry: void 0, memo: void 0, busy: false }),
      copyVariables
    );
  }
};
function copyVariables(key, raw) {
  if (key.length !== 4 || key.toLowerCase() !== "copy" || !Array.isArray(raw)) return void 0;
  const declared = [];
  for (const entry of raw) {
    if (isCopyEntry(entry)) declared.push([entry.name, { kind: "copy", name: entry.name, raw: void 0, entry, memo: void 0, busy: false }]);
  }
  return declared;
}
function secretResolution(found) {
  return { kind: "value", value: new Unknown(parameterText(found)), errors: [] };
}
function parameterText(found) {
  return found.text ??= `parameters(${quote(found.name)})`;
}
var ScopeImpl = class _ScopeImpl {
  isTemplateScope = true;
  /** The deployment scope resourceGroup() and subscription() resolve against, when known. */
  kind;
  templatePath;
  bindings;
  constructor(bindings, kind, templatePath) {
    this.bindings = bindings;
    this.kind = kind;
    this.templatePath = templatePath;
  }
  resolveParameter(name18, state) {
    return this.bindings.resolveParameter(this, name18, state);
  }
  resolveVariable(name18, state) {
    return this.bindings.resolveVariable(this, name18, state);
  }
  static forTemplate(template, supplied, kind, templatePath) {
    return new _ScopeImpl(new Bindings(template, supplied), kind, templatePath);
  }
};
var SCHEMA_KINDS = [
  ["/subscriptiondeploymenttemplate.json", "subscription"],
  ["/managementgroupdeploymenttemplate.json", "managementGroup"],
  ["/tenantdeploymenttemplate.json", "tenant"],
  ["/deploymenttemplate.json", "resourceGroup"]
];
var schemaKinds = /* @__PURE__ */ new Map();
function kindFromSchema(schema) {
  if (typeof schema !== "string") return void 0;
  if (schemaKinds.has(schema)) return schemaKinds.get(schema);
  const lower = schema.toLowerCase();
  let found;
  for (const [marker, kind] of SCHEMA_KINDS) {
    if (lower.includes(marker)) {
      found = kind;
      break;
    }
  }
  if (schemaKinds.size < 256) schemaKinds.set(schema, found);
  return found;
}
function createTemplateScope(template, options = {}) {
  const kind = options.scopeKind ?? kindFromSchema(template["$schema"]);
  return ScopeImpl.forTemplate(template, { kind: "file", values: options.parameterValues ?? {} }, kind, options.templatePath);
}

// src/expressions/index.ts
function evaluateValue(raw, scope) {
  try {
    if (!(scope instanceof ScopeImpl)) return { value: new Unknown(describeRaw(raw)), errors: [{ message: "internal error: not a template scope" }] };
    if (typeof raw === "string") {
      if (raw.length < 2 || raw.charCodeAt(0) !== 91 || raw.charCodeAt(raw.length - 1) !== 93) return { value: raw, errors: [] };
      return evaluateTopLevelString(raw, scope);
    }
    const errors = [];
    const state = { depth: 0 };
    const value = evaluateRaw(raw, { scope, errors, state, copy: [], withOffsets: false });
    return { value, errors: dedupe(errors) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { value: new Unknown(describeRaw(raw)), errors: [{ message: `internal error while evaluating: ${message}` }] };
  }
}
function describeRaw(raw) {
  return typeof raw === "string" ? raw.replace(/^\[|\]$/g, "") : "(value)";
}

// src/engine/template-source.ts
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/engine/tracking-name.ts
var GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
var GUID_GROUPS = [8, 4, 4, 4, 12];
var PARTNER_CENTER = /^[a-z0-9-]+-partnercenter$/;
var PARTNER_CENTER_END = "-partnercenter";
var PARTNER_CENTER_CHARS = /^[a-z0-9-]*$/;
var NAME_CHARS = /^[A-Za-z0-9\-._()]*$/;
var MAX_DEPLOYMENT_NAME = 64;
function partsOf2(name18) {
  if (typeof name18 === "string") return [name18];
  if (name18 instanceof PartialString) return name18.parts;
  return name18 instanceof Unknown ? [name18] : [];
}
function fixedLengthOf(part) {
  return part instanceof BoundedUnknown && /^(?:uniquestring|guid)\s*\(/i.test(part.text) ? part.maxLength : void 0;
}
function minimumLength(name18) {
  let length2 = 0;
  for (const part of partsOf2(name18)) length2 += typeof part === "string" ? part.length : fixedLengthOf(part) ?? 0;
  return length2;
}
function analyzeTrackingName(name18, strictNames) {
  const display = describeString(name18);
  const known = knownPrefix(name18);
  const fullyKnown = typeof name18 === "string";
  const parts = partsOf2(name18);
  const invalid = (problem, extra = {}) => ({ display, form: "invalid", problem, fullyKnown, ...extra });
  const lengthProblem = describeLengthProblem(name18, parts, fullyKnown);
  if (lengthProblem !== void 0) return invalid(lengthProblem);
  const badChar = firstBadNameChar(parts);
  if (badChar !== void 0) return invalid(`'${badChar}' is not allowed in a deployment name (letters, digits and -._() only)`);
  if (!known.startsWith("pid-")) {
    return known.slice(0, 4).toLowerCase() === "pid-" ? invalid(`the prefix must be lower-case 'pid-', not '${known.slice(0, 4)}'`) : invalid(`it must start with 'pid-'; Partner Center does not attribute '${display.slice(0, 40)}'`);
  }
  const afterPrefix = known.slice(4);
  const guid = GUID.exec(afterPrefix)?.[0];
  if (guid !== void 0) return analyzeAfterGuid(guid, afterPrefix.slice(guid.length), { display, fullyKnown, strictNames, name: name18, parts });
  if (fullyKnown) {
    return PARTNER_CENTER.test(afterPrefix) ? { display, form: "partner-center", trackingId: afterPrefix, fullyKnown } : invalid(explainBadId(afterPrefix, true, /partnercenter$/i.test(afterPrefix)));
  }
  const unknown = unknownParts(name18).map((p) => p.text);
  if (knownTextRulesOutIds(afterPrefix, parts)) {
    const endsAsPartnerCenter = knownEnd(parts).endsWith(PARTNER_CENTER_END);
    return invalid(`${explainBadId(afterPrefix, false, endsAsPartnerCenter)}; the rest (${truncate(unknown.join(", "))}) cannot change that`);
  }
  return { display, form: "unresolved", fullyKnown, problem: `the tracking id depends on ${unknown.join(", ")}, known only at deployment` };
}
function describeLengthProblem(name18, parts, fullyKnown) {
  const length2 = minimumLength(name18);
  if (length2 <= MAX_DEPLOYMENT_NAME) return void 0;
  if (fullyKnown) return `it is ${length2} characters long; deployment names allow at most ${MAX_DEPLOYMENT_NAME}`;
  const fixed = /* @__PURE__ */ new Map();
  for (const part of parts) {
    const fixedLength = typeof part === "string" ? void 0 : fixedLengthOf(part);
    if (fixedLength !== void 0 && typeof part !== "string") fixed.set(part.text, fixedLength);
  }
  const counted = fixed.size === 0 ? "" : ` (counting ${truncate([...fixed].map(([text, n]) => `${text} as its ${n} characters`).join(", "))})`;
  return `it is at least ${length2} characters long${counted}; deployment names allow at most ${MAX_DEPLOYMENT_NAME}`;
}
function firstBadNameChar(parts) {
  for (const part of parts) {
    if (typeof part === "string" && !NAME_CHARS.test(part)) return [...part].find((c) => !NAME_CHARS.test(c));
  }
  return void 0;
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
  const next = rest === "" ? context.parts.find((p) => typeof p !== "string") : void 0;
  if (next !== void 0 && fixedLengthOf(next) !== void 0) {
    return { display, form: "invalid", trackingId, fullyKnown, problem: `the GUID is followed directly by ${next.text}; a suffix must start with '-'` };
  }
  if (strictNames) {
    return { display, form: "invalid", trackingId, suffix, fullyKnown, problem: `the suffix '${suffix}' after the GUID is not allowed (strict-names)` };
  }
  return { display, form: "guid-with-suffix", trackingId, suffix, fullyKnown };
}
function knownTextRulesOutIds(afterPrefix, parts) {
  if (guidShapeProblem(afterPrefix, false) === void 0) return false;
  const texts = parts.filter((p) => typeof p === "string");
  const [first = "", ...others] = texts;
  if (![first.slice(4), ...others].every((t) => PARTNER_CENTER_CHARS.test(t))) return true;
  const end = knownEnd(parts);
  if (end.endsWith(PARTNER_CENTER_END)) return false;
  const last = parts[parts.length - 1];
  const beforeEnd = typeof last === "string" ? parts[parts.length - 2] : last;
  if (beforeEnd instanceof Unknown && fixedLengthOf(beforeEnd) !== void 0) return true;
  if (!PARTNER_CENTER_END.endsWith(end)) return true;
  return isGuidAttempt(afterPrefix, false);
}
function knownEnd(parts) {
  const last = parts[parts.length - 1];
  return typeof last === "string" ? last : "";
}
function guidShapeProblem(text, complete) {
  let position = 0;
  for (let group = 0; group < GUID_GROUPS.length; group++) {
    const expected = GUID_GROUPS[group] ?? 0;
    const start = position;
    while (position < text.length && /[0-9a-f]/i.test(text.charAt(position))) position++;
    const digits = position - start;
    const next = text.charAt(position);
    if (next === "" && !complete && digits <= expected) return void 0;
    if (digits > expected || next === "" || next === "-") {
      if (digits !== expected) return `group ${group + 1} has ${digits} hex digits, expected ${expected}`;
    } else if (digits < expected) {
      return `'${next}' in group ${group + 1} is not a hex digit`;
    }
    if (group === GUID_GROUPS.length - 1) return void 0;
    if (next === "") return `it ends after group ${group + 1} of 5`;
    if (next !== "-") return `group ${group + 1} is followed by '${next}' instead of '-'`;
    position++;
  }
  return void 0;
}
function isGuidAttempt(text, complete) {
  const blocks = text.split("-");
  const finished = complete ? blocks : blocks.slice(0, -1);
  const leading = [];
  for (const block of finished.slice(0, GUID_GROUPS.length)) {
    if (!/^[0-9a-f]+$/i.test(block)) break;
    leading.push(block);
  }
  if (!leading.some((b) => /\d/.test(b))) return false;
  return leading.length >= 2 || (leading[0]?.length ?? 0) >= GUID_GROUPS[0];
}
function explainBadId(text, complete, endsAsPartnerCenter) {
  const id18 = complete ? text.replace(/-partnercenter$/i, "") : text;
  const shown = complete ? id18 : `${id18}\u2026`;
  if (/^\{/.test(id18)) return `the GUID must not be wrapped in braces ('${shown}')`;
  const guidProblem = guidShapeProblem(id18, complete);
  if (guidProblem !== void 0 && isGuidAttempt(id18, complete)) {
    return `'${guidAttemptText(id18)}' is not a GUID: ${guidProblem} (8-4-4-4-12)`;
  }
  if (/[A-Z]/.test(id18) && endsAsPartnerCenter) return `a Partner Center tracking id must be lower case ('${complete ? text : shown}')`;
  return `'${shown}' is neither a GUID (8-4-4-4-12 hex digits) nor a Partner Center id ('<lowercase id>-partnercenter')`;
}
function guidAttemptText(text) {
  return text.split("-").slice(0, GUID_GROUPS.length).join("-");
}

// src/rules/tracking-set.ts
function topLevelTrackingDeployments(candidates) {
  return candidates.filter((c) => c.isDeployment && c.attributable && c.entry.placement === "top-level");
}
function trackingDeployments(candidates) {
  return candidates.filter((c) => c.isDeployment);
}
var MAX_COPY_COUNT2 = 800;
var MAX_ITERATION_TEXT = 1e6;
var copyLoops = /* @__PURE__ */ new WeakMap();
function copyLoopOf(candidate, strictNames) {
  let loop = copyLoops.get(candidate);
  if (loop === void 0) {
    loop = readCopyLoop(candidate.entry, strictNames);
    copyLoops.set(candidate, loop);
  }
  return loop ?? void 0;
}
function readCopyLoop(entry, strictNames) {
  const copy = entry.resource["copy"];
  if (copy === void 0) return null;
  const rawCount = isRecord(copy) ? copy["count"] : void 0;
  const countText = previewValue(rawCount);
  const count = isRecord(copy) ? countOf(evaluateValue(rawCount, entry.scope).value) : void 0;
  const loopName = isRecord(copy) ? copy["name"] : void 0;
  if (count === void 0 || count > MAX_COPY_COUNT2 || typeof loopName !== "string") return { count, countText, names: void 0 };
  const rawName = entry.resource["name"];
  if (typeof rawName !== "string" || !/copyindex\s*\(/i.test(rawName)) {
    return { count, countText, names: new Array(count).fill(analyzeTrackingName(entry.name, strictNames)) };
  }
  if (rawName.length * count > MAX_ITERATION_TEXT) return { count, countText, names: void 0 };
  const expanded = evaluateValue({ copy: [{ name: loopName, count, input: rawName }] }, entry.scope).value;
  const values = isRecord(expanded) ? expanded[loopName] : void 0;
  const names = Array.isArray(values) ? values.map((value) => analyzeTrackingName(value, strictNames)) : void 0;
  return { count, countText, names };
}
function countOf(value) {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? value : void 0;
  if (typeof value === "string" && /^\d+$/.test(value.trim())) return Number(value);
  return void 0;
}
function trackingNamesOf(candidate, strictNames) {
  return copyLoopOf(candidate, strictNames)?.names ?? [candidate.name];
}
function sameNameKey(name18) {
  const key = name18.display.toLowerCase();
  return key.includes("copyindex(") ? void 0 : key;
}
function truthOf(value) {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    return word === "true" ? true : word === "false" ? false : "not-boolean";
  }
  return value instanceof Unknown || value instanceof PartialString ? "unknown" : "not-boolean";
}
function conditionScopes(model) {
  const options = { templatePath: model.main.file, ...model.scope ? { scopeKind: model.scope } : {} };
  return {
    defaults: createTemplateScope(model.main.root, options),
    noValues: createTemplateScope(withoutDefaultValues(model.main.root), options)
  };
}
function evaluateCondition(raw, entry, scopes) {
  return {
    constant: evaluateValue(raw, scopes.noValues).value,
    defaults: evaluateValue(raw, scopes.defaults).value,
    withFile: evaluateValue(raw, entry.scope).value
  };
}
function withoutDefaultValues(root) {
  const parameters = root["parameters"];
  if (!isRecord(parameters)) return root;
  const stripped = {};
  for (const [name18, def] of Object.entries(parameters)) {
    stripped[name18] = isRecord(def) ? Object.fromEntries(Object.entries(def).filter(([key]) => key !== "defaultValue")) : def;
  }
  return { ...root, parameters: stripped };
}
function describeDependency(value) {
  const parts = unknownParts(value).map((p) => p.text);
  return parts.length > 0 ? parts.join(", ") : describeString(value);
}
function nameAvoidsLocationClash(entry, template) {
  const markers = ["deployment().location", "deployment().name", "utcnow(", "newguid(", ...perRunParameters(template)];
  const location = entry.resource["location"];
  if (typeof location === "string" && isExpressionString(location)) {
    const own = normalizeExpression(location.slice(1, -1));
    if (own !== "") markers.push(own);
  }
  const rawName = entry.resource["name"];
  const texts = [...typeof rawName === "string" ? [rawName] : [], ...unknownParts(entry.name).map((p) => p.text)].map(normalizeExpression);
  return texts.some((text) => markers.some((marker) => text.includes(marker)));
}
function perRunParameters(template) {
  const parameters = template["parameters"];
  if (!isRecord(parameters)) return [];
  const found = [];
  for (const [name18, def] of Object.entries(parameters)) {
    const value = isRecord(def) ? def["defaultValue"] : void 0;
    if (typeof value === "string" && /utcnow\s*\(|newguid\s*\(/i.test(value)) found.push(normalizeExpression(`parameters('${name18}')`));
  }
  return found;
}
function hasFixedLocation(entry) {
  const location = entry.resource["location"];
  return typeof location === "string" && location.trim() !== "" && !isExpressionString(location);
}
function normalizeExpression(text) {
  return text.replace(/\s+/g, "").toLowerCase();
}

// src/engine/scope-kind.ts
function describeOtherSchema(schema) {
  if (typeof schema !== "string") return void 0;
  if (/deploymentParameters\.json/i.test(schema)) return "a parameters file";
  if (/CreateUIDefinition/i.test(schema)) return "a createUiDefinition file";
  return void 0;
}

// builtin:node:path
var m = process.getBuiltinModule("node:path");

// src/engine/linked-templates.ts
function redactQuery(uri2) {
  const at = uri2.indexOf("?");
  return at === -1 ? uri2 : `${uri2.slice(0, at)}?\u2026`;
}

// src/engine/json-pointer.ts
function toJsonPointer(path) {
  return path.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

// src/engine/template-model.ts
var MAX_NESTING2 = 64;
var DEPLOYMENTS_TYPE = "microsoft.resources/deployments";
function isDeploymentType(type) {
  return type.toLowerCase() === DEPLOYMENTS_TYPE;
}

// src/rules/cua001-missing-tracking-resource.ts
var id = "CUA001";
var name = "missing-tracking-resource";
var cua001 = {
  id,
  name,
  description: "The main template deploys no top-level Microsoft.Resources/deployments resource named pid-\u2026",
  defaultSeverity: "error",
  docsUrl: docsUrl(id, name),
  check({ model, candidates, report: report2 }) {
    if (topLevelTrackingDeployments(candidates).length > 0) return;
    const elsewhere = candidates.length > 0 ? " (a pid- resource exists, but not as a top-level deployment: see the other findings)" : "";
    const unresolved = model.resources.filter(
      (r) => r.placement === "top-level" && isDeploymentType(r.type) && knownPrefix(r.name) === "" && typeof r.resource["name"] === "string" && !hasStaticError(r)
    ).length;
    const hint = unresolved > 0 ? `; ${unresolved} top-level deployment name(s) could not be resolved and might be it` : "";
    const hasResources = "resources" in model.main.root;
    report2({
      message: `no customer usage attribution: the main template has no top-level Microsoft.Resources/deployments resource named 'pid-<GUID>'${elsewhere}${hint}`,
      at: { file: model.main.file, path: hasResources ? ["resources"] : [], at: hasResources ? "key" : "value" }
    });
  }
};

// src/rules/cua002-duplicate-tracking-resource.ts
var id2 = "CUA002";
var name2 = "duplicate-tracking-resource";
var cua002 = {
  id: id2,
  name: name2,
  description: "The main template deploys more tracking deployments than allowed (default one), the same name twice, or some in a copy loop of unknown or zero count",
  defaultSeverity: "error",
  docsUrl: docsUrl(id2, name2),
  check({ candidates, settings, report: report2 }) {
    const max = settings.maxTrackingResources;
    const allowed = `the ${max} allowed (input max-tracking-resources)`;
    let deployed = 0;
    const seen = /* @__PURE__ */ new Map();
    for (const candidate of topLevelTrackingDeployments(candidates)) {
      const { entry } = candidate;
      const loop = copyLoopOf(candidate, settings.strictNames);
      if (loop !== void 0 && loop.count === void 0) {
        report2({
          message: `tracking deployment ${nameOf(candidate)} is in a copy loop whose count (${truncate(loop.countText)}) is not known before deployment, so the number of tracking deployments cannot be checked against ${allowed}`,
          at: propertyRef(entry, "copy", "count"),
          resource: entry
        });
      }
      if (loop?.count === 0) {
        report2({ message: `tracking deployment ${nameOf(candidate)} is in a copy loop whose count is 0: it is never deployed, so no usage is attributed`, at: propertyRef(entry, "copy", "count"), resource: entry });
        continue;
      }
      const duplicate = firstDuplicate(candidate, trackingNamesOf(candidate, settings.strictNames), seen);
      if (duplicate !== void 0) {
        report2({ message: duplicate, at: loop ? propertyRef(entry, "copy") : resourceRef(entry), resource: entry });
        continue;
      }
      const copies = loop?.count ?? 1;
      deployed += copies;
      if (deployed > max) {
        const what = loop ? `${nameOf(candidate)} is in a copy loop of ${copies}` : `${nameOf(candidate)} is one too many`;
        report2({
          message: `${deployed} tracking deployments in one main template, more than ${allowed}; ${what}`,
          at: loop ? propertyRef(entry, "copy", "count") : resourceRef(entry),
          resource: entry
        });
      }
    }
  }
};
function firstDuplicate(candidate, names, seen) {
  for (const deployed of names) {
    const key = sameNameKey(deployed);
    if (key === void 0) continue;
    const first = seen.get(key);
    if (first === candidate) {
      return `tracking deployment ${nameOf(candidate)} is in a copy loop in which two iterations get the same name ('${truncate(deployed.display)}'); ARM rejects a resource defined more than once (use copyIndex() in the name, or drop the loop)`;
    }
    if (first !== void 0) {
      return `tracking deployment ${nameOf(candidate)} is declared twice (first at ${toJsonPointer(first.entry.path)}); ARM rejects two resources with the same name in one template`;
    }
    seen.set(key, candidate);
  }
  return void 0;
}

// src/rules/cua003-invalid-tracking-name.ts
var id3 = "CUA003";
var name3 = "invalid-tracking-name";
var cua003 = {
  id: id3,
  name: name3,
  description: "The tracking name is not 'pid-' + a GUID (optionally with a suffix) or a Partner Center tracking id, or not a valid deployment name",
  defaultSeverity: "error",
  docsUrl: docsUrl(id3, name3),
  check({ candidates, settings, report: report2 }) {
    for (const candidate of candidates) {
      const at = propertyRef(candidate.entry, "name");
      if (candidate.name.form === "invalid") {
        report2({ message: `tracking name ${nameOf(candidate)} is invalid: ${candidate.name.problem}`, at, resource: candidate.entry });
        continue;
      }
      const iterations = copyLoopOf(candidate, settings.strictNames)?.names ?? [];
      const bad = iterations.findIndex((n) => n.form === "invalid");
      const first = iterations[bad];
      if (first === void 0) continue;
      const others = iterations.filter((n) => n.form === "invalid").length - 1;
      report2({
        message: `tracking name ${nameOf(candidate)} is invalid in copy iteration ${bad} ('${first.display}'): ${first.problem}${others > 0 ? ` (and in ${others} more iterations)` : ""}`,
        at,
        resource: candidate.entry
      });
    }
  }
};

// src/rules/cua004-tracking-in-nested-template.ts
var id4 = "CUA004";
var name4 = "tracking-in-nested-template";
var cua004 = {
  id: id4,
  name: name4,
  description: "A pid- deployment sits inside an inline nested template or a resource's child resources instead of the main template",
  defaultSeverity: "error",
  docsUrl: docsUrl(id4, name4),
  check({ candidates, report: report2 }) {
    for (const candidate of candidates) {
      if (!candidate.isDeployment) continue;
      const { placement } = candidate.entry;
      if (placement === "nested-inline") {
        report2({
          message: `tracking deployment ${nameOf(candidate)} is inside the nested template of ${describeChain(candidate.entry)}; Partner Center only attributes a tracking deployment made by the main template: move it to the top-level resources`,
          at: propertyRef(candidate.entry, "name"),
          resource: candidate.entry
        });
      } else if (placement === "child") {
        report2({
          message: `tracking deployment ${nameOf(candidate)} is a child resource; declare it in the main template's top-level resources`,
          at: propertyRef(candidate.entry, "name"),
          resource: candidate.entry
        });
      }
    }
  }
};

// src/rules/cua005-tracking-in-linked-template.ts
var id5 = "CUA005";
var name5 = "tracking-in-linked-template";
var cua005 = {
  id: id5,
  name: name5,
  description: "A pid- deployment sits inside a linked template file instead of the main template",
  defaultSeverity: "error",
  docsUrl: docsUrl(id5, name5),
  check({ model, candidates, report: report2 }) {
    for (const candidate of candidates) {
      if (!candidate.isDeployment || candidate.entry.placement !== "linked") continue;
      report2({
        message: `tracking deployment ${nameOf(candidate)} is in a linked template reached from ${model.main.file} through ${describeChain(candidate.entry)}; only the main template may deploy it`,
        at: propertyRef(candidate.entry, "name"),
        resource: candidate.entry
      });
    }
  }
};

// src/rules/cua006-tracking-name-wrong-type.ts
var id6 = "CUA006";
var name6 = "tracking-name-wrong-type";
var cua006 = {
  id: id6,
  name: name6,
  description: "A resource named pid-\u2026 is not of type Microsoft.Resources/deployments",
  defaultSeverity: "error",
  docsUrl: docsUrl(id6, name6),
  check({ candidates, report: report2 }) {
    for (const candidate of candidates) {
      if (candidate.isDeployment) continue;
      const type = candidate.entry.type || "(no type)";
      report2({
        message: `resource ${nameOf(candidate)} has type '${type}'; a tracking resource must be of type Microsoft.Resources/deployments`,
        at: propertyRef(candidate.entry, "type"),
        resource: candidate.entry
      });
    }
  }
};

// src/rules/cua007-tracking-mode.ts
var id7 = "CUA007";
var name7 = "tracking-mode-not-incremental";
var cua007 = {
  id: id7,
  name: name7,
  description: "The tracking deployment's properties.mode is not Incremental",
  defaultSeverity: "error",
  docsUrl: docsUrl(id7, name7),
  check({ candidates, report: report2 }) {
    for (const candidate of trackingDeployments(candidates)) {
      const { entry } = candidate;
      const properties = entry.resource["properties"];
      const raw = isRecord(properties) ? properties["mode"] : void 0;
      if (raw === void 0) {
        report2({ message: `tracking deployment ${nameOf(candidate)} has no properties.mode; set it to 'Incremental'`, at: propertyRef(entry, "properties", "mode"), resource: entry });
        continue;
      }
      const mode = evaluateValue(raw, entry.scope).value;
      if (typeof mode === "string" && mode.toLowerCase() === "incremental") continue;
      const shown = typeof mode === "string" ? `'${mode}'` : `'${describeString(mode)}' (not known before deployment)`;
      const danger = typeof mode === "string" && mode.toLowerCase() === "complete" ? "; Complete mode would delete every other resource in the resource group" : "";
      report2({ message: `tracking deployment ${nameOf(candidate)} has mode ${shown}; it must be 'Incremental'${danger}`, at: propertyRef(entry, "properties", "mode"), resource: entry });
    }
  }
};

// src/rules/cua008-tracking-template-not-empty.ts
var id8 = "CUA008";
var name8 = "tracking-template-not-empty";
var cua008 = {
  id: id8,
  name: name8,
  description: "The tracking deployment's template is not an inline template with no resources",
  defaultSeverity: "warning",
  docsUrl: docsUrl(id8, name8),
  check({ candidates, report: report2 }) {
    for (const candidate of trackingDeployments(candidates)) {
      const { entry } = candidate;
      const properties = isRecord(entry.resource["properties"]) ? entry.resource["properties"] : {};
      if (properties["templateLink"] !== void 0) {
        report2({ message: `tracking deployment ${nameOf(candidate)} uses templateLink; use an inline empty template so it deploys nothing and needs no download`, at: propertyRef(entry, "properties", "templateLink"), resource: entry });
        continue;
      }
      const template = properties["template"];
      if (!isRecord(template)) {
        report2({ message: `tracking deployment ${nameOf(candidate)} has no inline properties.template; give it an empty template ({"$schema": \u2026, "contentVersion": "1.0.0.0", "resources": []})`, at: propertyRef(entry, "properties", "template"), resource: entry });
        continue;
      }
      const count = resourceCount(template["resources"]);
      if (count > 0) {
        report2({ message: `tracking deployment ${nameOf(candidate)} deploys ${count} resource(s); its template should be empty so it tracks without side effects`, at: propertyRef(entry, "properties", "template", "resources"), resource: entry });
      }
    }
  }
};
function resourceCount(resources) {
  if (Array.isArray(resources)) return resources.length;
  if (isRecord(resources)) return Object.keys(resources).length;
  return 0;
}

// src/rules/cua009-unregistered-tracking-id.ts
var id9 = "CUA009";
var name9 = "unregistered-tracking-id";
var cua009 = {
  id: id9,
  name: name9,
  description: "The tracking id is not one of the ids registered in tracking-ids",
  defaultSeverity: "error",
  docsUrl: docsUrl(id9, name9),
  check({ candidates, settings, report: report2 }) {
    if (settings.trackingIds.length === 0) return;
    const registered = settings.trackingIds.length === 1 ? `the registered id ${settings.trackingIds[0]}` : `any of the ${settings.trackingIds.length} registered ids`;
    for (const candidate of trackingDeployments(candidates)) {
      const unregistered = /* @__PURE__ */ new Set();
      for (const name18 of trackingNamesOf(candidate, settings.strictNames)) {
        if (name18.trackingId !== void 0 && !settings.trackingIds.includes(name18.trackingId)) unregistered.add(name18.trackingId);
      }
      if (unregistered.size === 0) continue;
      const ids = [...unregistered];
      report2({
        message: `tracking deployment ${nameOf(candidate)} uses ${ids.length === 1 ? `id ${ids[0]}, which is` : `ids ${ids.join(", ")}, which are`} not ${registered}; usage would be attributed to someone else's offer, or to no one`,
        at: propertyRef(candidate.entry, "name"),
        resource: candidate.entry
      });
    }
  }
};

// src/rules/cua010-unresolved-tracking-name.ts
var id10 = "CUA010";
var name10 = "unresolved-tracking-name";
var cua010 = {
  id: id10,
  name: name10,
  description: "A tracking name is an ARM expression that cannot be resolved statically",
  defaultSeverity: "warning",
  docsUrl: docsUrl(id10, name10),
  check({ model, candidates, settings, report: report2 }) {
    for (const candidate of candidates) {
      if (candidate.name.form !== "unresolved") continue;
      const iterations = copyLoopOf(candidate, settings.strictNames)?.names;
      if (iterations !== void 0 && iterations.every((n) => n.form !== "unresolved")) continue;
      report2({
        message: `tracking name ${nameOf(candidate)} cannot be checked before deployment: ${candidate.name.problem}`,
        at: propertyRef(candidate.entry, "name"),
        resource: candidate.entry
      });
    }
    if (topLevelTrackingDeployments(candidates).length > 0) return;
    for (const entry of model.resources) {
      if (entry.placement !== "top-level" || !isDeploymentType(entry.type)) continue;
      if (!(entry.name instanceof Unknown) || entry.name instanceof BoundedUnknown) continue;
      if (hasStaticError(entry)) continue;
      report2({
        message: `deployment name ${previewValue(entry.resource["name"])} cannot be resolved statically (${truncate(entry.name.text)} is known only at deployment); if it is the tracking deployment, cua-guard cannot verify it`,
        at: propertyRef(entry, "name"),
        resource: entry
      });
    }
  }
};

// src/rules/cua011-conditional-tracking.ts
var id11 = "CUA011";
var name11 = "conditional-tracking";
var cua011 = {
  id: id11,
  name: name11,
  description: "The tracking deployment has a condition (a legitimate opt-out), one that is off by default, or one that is always false",
  defaultSeverity: "notice",
  docsUrl: docsUrl(id11, name11),
  check({ model, candidates, report: report2 }) {
    let scopes;
    for (const candidate of topLevelTrackingDeployments(candidates)) {
      const { entry } = candidate;
      const raw = entry.resource["condition"];
      if (raw === void 0) continue;
      scopes ??= conditionScopes(model);
      const outcome = evaluateCondition(raw, entry, scopes);
      const written = typeof raw === "string" && isExpressionString(raw) ? `${previewValue(raw)}, which is` : void 0;
      const verdict = judge(written ?? `${previewValue(raw)}:`, written === void 0, outcome);
      report2({ message: `tracking deployment ${nameOf(candidate)} ${verdict.message}`, at: propertyRef(entry, "condition"), resource: entry, severity: verdict.severity });
    }
  }
};
function judge(written, literal, { constant, defaults, withFile }) {
  const always = truthOf(constant);
  if (always === false) return { message: `has condition ${written} ${literal ? "" : "false whatever the parameters: "}tracking is always off, so no usage is attributed`, severity: "error" };
  if (always === true) return { message: `has condition ${written} ${literal ? "" : "always true: "}tracking is always on`, severity: "notice" };
  if (always === "not-boolean") return { message: `has condition ${written} ${literal ? "not a boolean" : describe("not-boolean", constant)}; ARM expects true or false`, severity: "warning" };
  const byDefault = truthOf(defaults);
  const byFile = truthOf(withFile);
  if (byDefault === byFile) return sameEitherWay(byDefault, defaults);
  const withDefaults = byDefault === "unknown" ? describe(byDefault, defaults, "not known from the default values") : `${describe(byDefault, defaults)} with the default parameter values`;
  const message = `has a condition that is ${withDefaults} but ${describe(byFile, withFile)} with the parameters file`;
  if (byDefault === false) return { message: `${message}; customers who keep the template defaults are not tracked`, severity: "warning" };
  const onByDefault = byDefault === true || byDefault === "unknown" && byFile === true;
  return { message, severity: onByDefault ? "notice" : "warning" };
}
function sameEitherWay(truth, value) {
  switch (truth) {
    case true:
      return { message: "has a condition (an opt-out); it is on by default (with the default parameter values)", severity: "notice" };
    case false:
      return { message: "is off by default: its condition is false with the default parameter values; customers who keep the defaults are not tracked", severity: "warning" };
    case "not-boolean":
      return { message: `has a condition that evaluates to ${previewValue(value)} with the default parameter values, not a boolean; ARM expects true or false`, severity: "warning" };
    case "unknown":
      return { message: `has a condition that is ${describe(truth, value)}`, severity: "notice" };
  }
}
function describe(truth, value, unknown = "known only at deployment") {
  if (truth === true) return "on";
  if (truth === false) return "off";
  if (truth === "unknown") return `${unknown} (it depends on ${truncate(describeDependency(value))})`;
  return `${previewValue(value)}, not a boolean`;
}

// src/rules/cua012-tracking-location.ts
var id12 = "CUA012";
var name12 = "tracking-location-missing";
var cua012 = {
  id: id12,
  name: name12,
  description: "A tracking deployment that runs at subscription, management-group or tenant scope has no location",
  defaultSeverity: "error",
  docsUrl: docsUrl(id12, name12),
  check({ candidates, report: report2 }) {
    for (const candidate of trackingDeployments(candidates)) {
      const { entry } = candidate;
      const scope = entry.targetScope;
      if (scope === void 0 || scope === "resourceGroup" || entry.placement === "nested-inline" || entry.placement === "child") continue;
      const raw = entry.resource["location"];
      const value = raw === void 0 ? void 0 : evaluateValue(raw, entry.scope).value;
      if (value === void 0 || value === "" || value === null) {
        report2({
          message: `tracking deployment ${nameOf(candidate)} has no location; at ${scope} scope ARM requires one (for example "location": "[deployment().location]")`,
          at: raw === void 0 ? resourceRef(entry) : propertyRef(entry, "location"),
          resource: entry
        });
      }
    }
  }
};

// src/rules/cua013-invalid-template.ts
var id13 = "CUA013";
var name13 = "invalid-template";
var cua013 = {
  id: id13,
  name: name13,
  description: "The file is not valid JSON/JSONC, is empty, or is not a deployment template",
  defaultSeverity: "error",
  docsUrl: docsUrl(id13, name13),
  check({ model, report: report2 }) {
    for (const source of model.linkedSources) {
      const problem = templateShapeProblem(source.root);
      if (problem) report2({ message: `linked template: ${problem.message}`, at: { file: source.file, path: problem.path, at: "value" } });
    }
    for (const place of model.tooDeep) {
      report2({ message: `resources nest more than ${MAX_NESTING2} levels deep here (child resources and nested deployments); the rest was not checked`, at: { file: place.file, path: place.path, at: "value" } });
    }
    for (const note of model.linkNotes) {
      if (note.kind !== "unreadable") continue;
      report2({ message: note.message, at: { file: note.from.file, path: [...note.from.path, "properties", "templateLink"], at: "value" } });
    }
  }
};
function templateShapeProblem(root) {
  if (!isRecord(root)) return { message: `the file is ${Array.isArray(root) ? "a JSON array" : `a JSON ${root === null ? "null" : typeof root}`}, not a deployment template object`, path: [] };
  const other = describeOtherSchema(root["$schema"]);
  if (other) return { message: `the file is ${other}, not a deployment template ($schema ${String(root["$schema"])})`, path: ["$schema"] };
  const resources = root["resources"];
  if (resources === void 0) return { message: "the file has no 'resources', so it is not a deployment template", path: [] };
  const symbolic = root["languageVersion"] !== void 0;
  if (Array.isArray(resources) || symbolic && isRecord(resources)) return void 0;
  const expected = symbolic ? "an array or, with languageVersion, an object" : "an array";
  return { message: `'resources' must be ${expected}, not ${resources === null ? "null" : Array.isArray(resources) ? "an array" : typeof resources}`, path: ["resources"] };
}

// src/rules/cua014-tracking-api-version.ts
var id14 = "CUA014";
var name14 = "tracking-api-version";
var DATE_VERSION = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(-(preview|alpha|beta|privatepreview))?$/i;
var cua014 = {
  id: id14,
  name: name14,
  description: "The tracking deployment has no apiVersion, or one that is not a valid date-form version",
  defaultSeverity: "warning",
  docsUrl: docsUrl(id14, name14),
  check({ candidates, report: report2 }) {
    for (const candidate of trackingDeployments(candidates)) {
      const { entry } = candidate;
      const raw = entry.resource["apiVersion"];
      if (raw === void 0) {
        report2({ message: `tracking deployment ${nameOf(candidate)} has no apiVersion (for example "2021-04-01")`, at: propertyRef(entry, "apiVersion"), resource: entry });
        continue;
      }
      const value = evaluateValue(raw, entry.scope).value;
      if (typeof value === "string" && DATE_VERSION.test(value)) continue;
      const shown = typeof value === "string" ? `'${truncate(value)}'` : previewValue(raw);
      report2({ message: `tracking deployment ${nameOf(candidate)} has apiVersion ${shown}, not a date-form version such as 2021-04-01`, at: propertyRef(entry, "apiVersion"), resource: entry });
    }
  }
};

// src/rules/cua015-fixed-name-at-higher-scope.ts
var id15 = "CUA015";
var name15 = "fixed-name-at-higher-scope";
var cua015 = {
  id: id15,
  name: name15,
  description: "At subscription, management-group or tenant scope the tracking name does not change with the location, so a second deployment in another location fails",
  defaultSeverity: "warning",
  docsUrl: docsUrl(id15, name15),
  check({ model, candidates, report: report2 }) {
    for (const candidate of topLevelTrackingDeployments(candidates)) {
      const { entry } = candidate;
      const scope = entry.targetScope;
      if (scope === void 0 || scope === "resourceGroup") continue;
      if (hasFixedLocation(entry) || nameAvoidsLocationClash(entry, model.main.root)) continue;
      report2({
        message: `tracking deployment ${nameOf(candidate)} at ${scope} scope ${whatIsFixed(candidate)}; deploying again in another location fails with InvalidDeploymentLocation. Append a location-derived suffix, e.g. ${suggestion(candidate)}`,
        at: propertyRef(entry, "name"),
        resource: entry
      });
    }
  }
};
function whatIsFixed(candidate) {
  const unknown = unknownParts(candidate.entry.name).map((p) => p.text);
  if (unknown.length === 0) return "has a fixed name";
  return `has a name that does not change with its location (${truncate(unknown.join(", "))} uses neither deployment().location nor the deployment's location)`;
}
function suggestion(candidate) {
  const location = candidate.entry.resource["location"];
  const locationText = typeof location === "string" && location.startsWith("[") && location.endsWith("]") ? location.slice(1, -1).trim() : "deployment().location";
  return `"[format('pid-${candidate.name.trackingId ?? "<GUID>"}-{0}', uniqueString(${locationText}))]"`;
}

// src/rules/cua016-invalid-expression.ts
var id16 = "CUA016";
var name16 = "invalid-expression";
var cua016 = {
  id: id16,
  name: name16,
  description: "An ARM expression the check evaluates (a name, a tracking condition, location or copy count, a templateLink, or a variable or parameter value they use) does not parse, calls an unknown function, has the wrong number of arguments or names an undefined parameter or variable",
  defaultSeverity: "error",
  docsUrl: docsUrl(id16, name16),
  check({ model, report: report2 }) {
    for (const problem of model.expressionErrors.problems) {
      const details = problem.errors.map((e) => `${e.message} (character ${(e.offset ?? 0) + 1})`);
      const text = problem.label.startsWith("templateLink") ? redactQuery(problem.text) : problem.text;
      report2({ message: `${problem.label} ${previewValue(text)}: ${details.join("; ")}`, at: problem.at, ...problem.resource ? { resource: problem.resource } : {} });
    }
  }
};

// src/rules/cua017-linked-template-not-checked.ts
var id17 = "CUA017";
var name17 = "linked-template-not-checked";
var cua017 = {
  id: id17,
  name: name17,
  description: "A linked template could not be checked: it is remote, outside the workspace, missing or not resolvable before deployment",
  defaultSeverity: "notice",
  docsUrl: docsUrl(id17, name17),
  check({ model, report: report2 }) {
    for (const note of model.linkNotes) {
      if (note.kind === "unreadable") continue;
      report2({
        message: `${note.message}; a tracking resource inside it would not be seen`,
        at: { file: note.from.file, path: [...note.from.path, "properties", "templateLink"], at: "value" },
        // The linking deployment's metadata.cua-guard.ignore can suppress it.
        ...note.deployment ? { resource: note.deployment } : {}
      });
    }
  }
};

// src/rules/index.ts
var RULES = [cua001, cua002, cua003, cua004, cua005, cua006, cua007, cua008, cua009, cua010, cua011, cua012, cua013, cua014, cua015, cua016, cua017];
var BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));
function findRule(id18) {
  return BY_ID.get(id18.toUpperCase());
}

// src/github/api.ts
function describeApiError(error) {
  const status = typeof error?.status === "number" ? error.status : void 0;
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.split(" - https://")[0] ?? raw;
  return { ...status !== void 0 ? { status } : {}, message };
}
function isPermissionError(failure) {
  return failure.status === 403 || failure.status === 401 || /not accessible by integration|permission/i.test(failure.message);
}

// src/github/check-run.ts
var ANNOTATIONS_PER_REQUEST = 50;
var MAX_SUMMARY = 65535;
async function publishCheckRun(api, request) {
  const annotations = request.findings.filter((f) => !f.suppressed).map(toCheckAnnotation);
  const summary = truncate2(request.summary, MAX_SUMMARY);
  let created;
  let requests = 0;
  try {
    created = await api.createCheckRun({ owner: request.owner, repo: request.repo, name: request.name, headSha: request.headSha, output: { title: request.title, summary } });
    requests++;
    const batches = chunk(annotations, ANNOTATIONS_PER_REQUEST);
    for (let i = 0; i < batches.length; i++) {
      const last = i === batches.length - 1;
      await api.updateCheckRun({
        owner: request.owner,
        repo: request.repo,
        checkRunId: created.id,
        output: { title: request.title, summary, annotations: batches[i] ?? [] },
        ...last ? { conclusion: request.conclusion } : {}
      });
      requests++;
    }
    if (batches.length === 0) {
      await api.updateCheckRun({ owner: request.owner, repo: request.repo, checkRunId: created.id, output: { title: request.title, summary }, conclusion: request.conclusion });
      requests++;
    }
    return { ok: true, id: created.id, ...created.url ? { url: created.url } : {}, annotations: annotations.length, requests };
  } catch (error) {
    const failure = describeApiError(error);
    if (created) {
      await api.updateCheckRun({
        owner: request.owner,
        repo: request.repo,
        checkRunId: created.id,
        output: { title: `${request.title} (incomplete)`, summary: `Publishing the annotations failed: ${failure.message}. See the workflow run's job summary for every finding.` },
        conclusion: "neutral"
      }).catch(() => void 0);
    }
    return { ok: false, failure, permission: isPermissionError(failure), ...created ? { created: created.id } : {} };
  }
}
function toCheckAnnotation(finding) {
  const rule = findRule(finding.ruleId);
  const endLine = finding.endLine !== void 0 && finding.endLine >= finding.line ? finding.endLine : finding.line;
  const sameLine = endLine === finding.line;
  return {
    path: finding.file,
    start_line: finding.line,
    end_line: endLine,
    // Columns are allowed only when the annotation starts and ends on the same line.
    ...sameLine ? { start_column: finding.column, end_column: Math.max(finding.column, finding.endColumn ?? finding.column) } : {},
    annotation_level: finding.severity === "error" ? "failure" : finding.severity,
    message: finding.message,
    title: rule ? `${finding.ruleId} ${rule.name}` : finding.ruleId
  };
}
function chunk(items2, size) {
  const out = [];
  for (let i = 0; i < items2.length; i += size) out.push(items2.slice(i, i + size));
  return out;
}
function truncate2(text, max) {
  if (text.length <= max) return text;
  const note = "\n\n\u2026 (truncated: the full list is in the job summary)";
  return text.slice(0, max - note.length) + note;
}
export {
  ANNOTATIONS_PER_REQUEST,
  MAX_SUMMARY,
  publishCheckRun,
  toCheckAnnotation
};
