#!/usr/bin/env node
if (typeof process.getBuiltinModule !== 'function') { process.stderr.write('cua-guard needs Node.js 20.16, 22.3 or later (for process.getBuiltinModule); this is ' + process.version + '\n'); process.exit(2); }
const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key2 of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key2) && key2 !== except)
        __defProp(to, key2, { get: () => from[key2], enumerable: !(desc = __getOwnPropDesc(from, key2)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR2 = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR: STAR2,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth2 = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length2 = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length2;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length2) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i2 = slashes[idx];
          const value2 = input.slice(n2, i2);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth2(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i2 >= start) {
            parts.push(value2);
            prevIndex = i2;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth2(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants2 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants2;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote3 = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote3 = quote3 === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote3 === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i2 = 0; i2 < values.length; i2++) {
        for (let j = i2 + 1; j < values.length; j++) {
          const a = values[i2];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote3 = 0;
      let escaped = false;
      for (let i2 = 1; i2 < pattern.length; i2++) {
        const ch = pattern[i2];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote3 = quote3 === 1 ? 0 : 1;
          continue;
        }
        if (quote3 === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i2 !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i2),
              end: i2
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth2 = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth2++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth2;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max2 = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants2.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max2) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse3 = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max2 = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max2) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max2}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants2.globChars(opts.windows);
      const EXTGLOB_CHARS = constants2.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR: STAR2,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR2;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i2 = token.tokensIndex + 1; i2 < tokens.length; i2++) {
            tokens[i2].value = "";
            tokens[i2].output = "";
            delete tokens[i2].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse3(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m5, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m5;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m5 : `\\${m5}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m5) => {
              return m5.length % 2 === 0 ? "\\\\" : m5 ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix2 = POSIX_REGEX_SOURCE[rest2];
                if (posix2) {
                  prev.value = pre + posix2;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range2 = [];
            for (let i2 = arr.length - 1; i2 >= 0; i2--) {
              tokens.pop();
              if (arr[i2].type === "brace") {
                break;
              }
              if (arr[i2].type !== "dots") {
                range2.unshift(arr[i2].value);
              }
            }
            output = expandRange(range2, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse3.fastpaths = (input, options) => {
      const opts = { ...options };
      const max2 = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max2) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max2}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR: STAR2,
        START_ANCHOR
      } = constants2.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR2;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse3;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse3 = require_parse();
    var utils = require_utils();
    var constants2 = require_constants();
    var isObject2 = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch3 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch3(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject2(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix2 = opts.windows;
      const regex = isState ? picomatch3.compileRe(glob, options) : picomatch3.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch3(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch3.test(input, regex, options, { glob, posix: posix2 });
        const result = { glob, state, regex, posix: posix2, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch3.test = (input, regex, options, { glob, posix: posix2 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format3 = opts.format || (posix2 ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format3 ? format3(input) : input;
      if (match === false) {
        output = format3 ? format3(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch3.matchBase(input, regex, options, posix2);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch3.matchBase = (input, glob, options, posix2 = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch3.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix2 }));
    };
    picomatch3.isMatch = (str, patterns, options) => picomatch3(patterns, options)(str);
    picomatch3.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch3.parse(p, options));
      return parse3(pattern, { ...options, fastpaths: false });
    };
    picomatch3.scan = (input, options) => scan(input, options);
    picomatch3.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch3.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch3.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse3.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse3(input, options);
      }
      return picomatch3.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch3.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err2) {
        if (options && options.debug === true) throw err2;
        return /$^/;
      }
    };
    picomatch3.constants = constants2;
    module.exports = picomatch3;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch3(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch3, pico);
    module.exports = picomatch3;
  }
});

// src/meta.ts
var TOOL_NAME = "cua-guard";
var TOOL_VERSION = "0.1.0";
var REPOSITORY_URL = "https://github.com/cua-guard/cua-guard";
var RULE_DOCS_BASE = `${REPOSITORY_URL}/blob/main/README.md`;
function ruleDocsUrl(rule) {
  return `${RULE_DOCS_BASE}#${rule.id.toLowerCase()}-${rule.name}`;
}

// builtin:node:fs
var m = process.getBuiltinModule("node:fs");
var closeSync = /* @__PURE__ */ (() => m.closeSync)();
var existsSync = /* @__PURE__ */ (() => m.existsSync)();
var fstatSync = /* @__PURE__ */ (() => m.fstatSync)();
var fsyncSync = /* @__PURE__ */ (() => m.fsyncSync)();
var lstatSync = /* @__PURE__ */ (() => m.lstatSync)();
var mkdirSync = /* @__PURE__ */ (() => m.mkdirSync)();
var openSync = /* @__PURE__ */ (() => m.openSync)();
var readdirSync = /* @__PURE__ */ (() => m.readdirSync)();
var readSync = /* @__PURE__ */ (() => m.readSync)();
var readlinkSync = /* @__PURE__ */ (() => m.readlinkSync)();
var realpathSync = /* @__PURE__ */ (() => m.realpathSync)();
var renameSync = /* @__PURE__ */ (() => m.renameSync)();
var statSync = /* @__PURE__ */ (() => m.statSync)();
var unlinkSync = /* @__PURE__ */ (() => m.unlinkSync)();
var writeSync = /* @__PURE__ */ (() => m.writeSync)();
var constants = /* @__PURE__ */ (() => m.constants)();

// builtin:node:path
var m2 = process.getBuiltinModule("node:path");
var resolve = /* @__PURE__ */ (() => m2.resolve)();
var isAbsolute = /* @__PURE__ */ (() => m2.isAbsolute)();
var join = /* @__PURE__ */ (() => m2.join)();
var relative = /* @__PURE__ */ (() => m2.relative)();
var dirname = /* @__PURE__ */ (() => m2.dirname)();
var basename = /* @__PURE__ */ (() => m2.basename)();
var sep = /* @__PURE__ */ (() => m2.sep)();
var posix = /* @__PURE__ */ (() => m2.posix)();

// src/workspace/discover.ts
var import_picomatch = __toESM(require_picomatch2(), 1);

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

// src/parse/template-source.ts
function createTemplateSource(file, text, root, origin) {
  return { file, text, root, lines: new LineIndex(text), ...origin ? { origin } : {} };
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/parse/schema-kind.ts
var DEPLOYMENT_TEMPLATE_SCHEMA = /\/(?:subscription|managementGroup|tenant)?deploymentTemplate\.json/i;
function isDeploymentTemplateSchema(schema) {
  return typeof schema === "string" && DEPLOYMENT_TEMPLATE_SCHEMA.test(schema);
}

// src/workspace/read-file.ts
var DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;
function openWorkspace(root) {
  return { root: realpathSync(resolve(root)), realFolders: /* @__PURE__ */ new Set() };
}
function workspaceRelative(workspace, absolute) {
  const rel = relative(workspace.root, absolute);
  if (rel === "") return "";
  if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return void 0;
  return rel.split(sep).join("/");
}
function workspaceFileExists(workspace, relPath) {
  try {
    return lstatSync(resolve(workspace.root, relPath), { throwIfNoEntry: false }) !== void 0;
  } catch {
    return false;
  }
}
var OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0);
function readWorkspaceFile(workspace, relPath, maxBytes = DEFAULT_MAX_FILE_BYTES) {
  return readInside(workspace, relPath, maxBytes, (bytes, real) => decodeText(bytes, relPath, real));
}
function readWorkspaceBytes(workspace, relPath, maxBytes = DEFAULT_MAX_FILE_BYTES) {
  return readInside(workspace, relPath, maxBytes, (bytes) => ({ ok: true, bytes }));
}
function readInside(workspace, relPath, maxBytes, use) {
  const inside2 = relativeInside(workspace.root, resolve(workspace.root, relPath));
  if (inside2 === void 0) return { ok: false, message: `'${relPath}' is outside the workspace and was not read` };
  let real;
  let fd2;
  try {
    const resolved = resolveInside(workspace, inside2);
    if (resolved === void 0) return { ok: false, message: `'${relPath}' is a link to a file outside the workspace and was not read` };
    real = resolved;
    fd2 = openSync(real, OPEN_FLAGS);
  } catch (error) {
    return failure(relPath, error);
  }
  try {
    const stat = fstatSync(fd2);
    if (!stat.isFile()) return { ok: false, message: `'${relPath}' is not a regular file` };
    if (stat.size > maxBytes) return { ok: false, message: `'${relPath}' is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit` };
    const read = use(readBytes(fd2, stat.size), real);
    return read.ok ? { ...read, identity: { dev: stat.dev, ino: stat.ino } } : read;
  } catch (error) {
    return failure(relPath, error);
  } finally {
    closeSync(fd2);
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
    const inside2 = relativeInside(root, target);
    if (inside2 === void 0) return void 0;
    pending = [...inside2 === "" ? [] : inside2.split(sep), ...pending];
    current = root;
  }
  return current;
}
function relativeInside(root, path) {
  const rel = relative(root, path);
  if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return void 0;
  return rel;
}
function readBytes(fd2, size) {
  const buffer = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd2, buffer, read, size - read, read);
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
  let i2 = 0;
  while (i2 < bytes.length) {
    const lead = bytes[i2] ?? 0;
    const length2 = lead < 128 ? 1 : lead >= 194 && lead <= 223 ? 2 : lead >= 224 && lead <= 239 ? 3 : lead >= 240 && lead <= 244 ? 4 : 0;
    if (length2 === 0) return i2;
    const low = lead === 224 ? 160 : lead === 240 ? 144 : 128;
    const high = lead === 237 ? 159 : lead === 244 ? 143 : 191;
    for (let k = 1; k < length2; k++) {
      const next = bytes[i2 + k];
      if (next === void 0 || next < (k === 1 ? low : 128) || next > (k === 1 ? high : 191)) return i2;
    }
    i2 += length2;
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

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function parse(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentProperty = null;
  let currentParent = [];
  const previousParents = [];
  function onValue(value) {
    if (Array.isArray(currentParent)) {
      currentParent.push(value);
    } else if (currentProperty !== null) {
      currentParent[currentProperty] = value;
    }
  }
  const visitor = {
    onObjectBegin: () => {
      const object = {};
      onValue(object);
      previousParents.push(currentParent);
      currentParent = object;
      currentProperty = null;
    },
    onObjectProperty: (name) => {
      currentProperty = name;
    },
    onObjectEnd: () => {
      currentParent = previousParents.pop();
    },
    onArrayBegin: () => {
      const array2 = [];
      onValue(array2);
      previousParents.push(currentParent);
      currentParent = array2;
      currentProperty = null;
    },
    onArrayEnd: () => {
      currentParent = previousParents.pop();
    },
    onLiteralValue: onValue,
    onError: (error, offset, length2) => {
      errors.push({ error, offset, length: length2 });
    }
  };
  visit(text, visitor, options);
  return currentParent[0];
}
function parseTree(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset) => {
      currentParent = onValue({ type: "object", offset, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name, offset, length2) => {
      currentParent = onValue({ type: "property", offset, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name, offset, length: length2, parent: currentParent });
    },
    onObjectEnd: (offset, length2) => {
      ensurePropertyComplete(offset + length2);
      currentParent.length = offset + length2 - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length2);
    },
    onArrayBegin: (offset, length2) => {
      currentParent = onValue({ type: "array", offset, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset, length2) => {
      currentParent.length = offset + length2 - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length2);
    },
    onLiteralValue: (value, offset, length2) => {
      onValue({ type: getNodeType(value), offset, length: length2, parent: currentParent, value });
      ensurePropertyComplete(offset + length2);
    },
    onSeparator: (sep2, offset, length2) => {
      if (currentParent.type === "property") {
        if (sep2 === ":") {
          currentParent.colonOffset = offset;
        } else if (sep2 === ",") {
          ensurePropertyComplete(offset);
        }
      }
    },
    onError: (error, offset, length2) => {
      errors.push({ error, offset, length: length2 });
    }
  };
  visit(text, visitor, options);
  const result = currentParent.children[0];
  if (result) {
    delete result.parent;
  }
  return result;
}
function getNodeValue(node) {
  switch (node.type) {
    case "array":
      return node.children.map(getNodeValue);
    case "object":
      const obj = /* @__PURE__ */ Object.create(null);
      for (let prop of node.children) {
        const valueNode = prop.children[1];
        if (valueNode) {
          obj[prop.children[0].value] = getNodeValue(valueNode);
        }
      }
      return obj;
    case "null":
    case "string":
    case "number":
    case "boolean":
      return node.value;
    default:
      return void 0;
  }
}
function visit(text, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function getNodeType(value) {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value) {
        return "null";
      } else if (Array.isArray(value)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}

// node_modules/jsonc-parser/lib/esm/main.js
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var parse2 = parse;
var parseTree2 = parseTree;
var getNodeValue2 = getNodeValue;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));
function printParseErrorCode(code) {
  switch (code) {
    case 1:
      return "InvalidSymbol";
    case 2:
      return "InvalidNumberFormat";
    case 3:
      return "PropertyNameExpected";
    case 4:
      return "ValueExpected";
    case 5:
      return "ColonExpected";
    case 6:
      return "CommaExpected";
    case 7:
      return "CloseBraceExpected";
    case 8:
      return "CloseBracketExpected";
    case 9:
      return "EndOfFileExpected";
    case 10:
      return "InvalidCommentToken";
    case 11:
      return "UnexpectedEndOfComment";
    case 12:
      return "UnexpectedEndOfString";
    case 13:
      return "UnexpectedEndOfNumber";
    case 14:
      return "InvalidUnicode";
    case 15:
      return "InvalidEscapeCharacter";
    case 16:
      return "InvalidCharacter";
  }
  return "<unknown ParseErrorCode>";
}

// src/parse/parse-json.ts
var BOM = 65279;
var INVALID_CHARACTER = 16;
function parseTemplateText(raw) {
  const text = raw.charCodeAt(0) === BOM ? raw.slice(1) : raw;
  if (text.trim() === "") {
    return { ok: false, text, error: { message: "the file is empty", offset: 0, length: 0 } };
  }
  try {
    return { ok: true, value: JSON.parse(text), text };
  } catch {
    for (const escapeControls of [false, true]) {
      const strict = toStrictJson(text, escapeControls);
      if (strict === void 0) break;
      if (strict === text) continue;
      try {
        return { ok: true, value: JSON.parse(strict), text };
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
  for (let i2 = 0; i2 < n; i2++) {
    const c = text.charCodeAt(i2);
    if (c === QUOTE) {
      pendingComma = -1;
      if (!escapeControls) {
        const end = closingQuote(text, i2);
        if (end === -1) return void 0;
        i2 = end;
        continue;
      }
      let j = i2 + 1;
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
      i2 = j;
    } else if (c === SLASH) {
      const next = text.charCodeAt(i2 + 1);
      let end = -1;
      if (next === SLASH) {
        end = i2 + 2;
        while (end < n && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      } else if (next === 42) {
        const close = text.indexOf("*/", i2 + 2);
        if (close === -1) return void 0;
        end = close + 2;
      } else {
        pendingComma = -1;
        continue;
      }
      out.push(text.slice(copied, i2), " ");
      copied = end;
      i2 = end - 1;
    } else if (c === COMMA) {
      pendingComma = i2;
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
    const quote3 = text.indexOf('"', from);
    if (quote3 === -1) return -1;
    let backslashes = 0;
    for (let k = quote3 - 1; k > start && text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return quote3;
    from = quote3 + 1;
  }
}
function parseLenient(text) {
  const scanText = blankControlCharactersInStrings(text);
  const errors = [];
  let value;
  try {
    value = parse2(scanText, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const offset = nestingOffset(scanText, EXPLAINED_DEPTH);
    return {
      ok: false,
      text,
      error: { message: `arrays and objects nest more than ${EXPLAINED_DEPTH} levels deep, too deep to pinpoint the syntax error`, offset, length: 1 }
    };
  }
  const fatal = errors.find((e) => e.error !== INVALID_CHARACTER || scanText.charCodeAt(e.offset) !== QUOTE);
  if (fatal) {
    return { ok: false, text, error: { message: describeParseError(fatal, scanText), offset: fatal.offset, length: fatal.length } };
  }
  return { ok: true, value, text };
}
var EXPLAINED_DEPTH = 1e3;
function nestingOffset(text, depth2) {
  let level = 0;
  for (let i2 = 0; i2 < text.length; i2++) {
    const c = text.charCodeAt(i2);
    if (c === QUOTE) {
      const end = closingQuote(text, i2);
      if (end === -1) return 0;
      i2 = end;
    } else if (c === 123 || c === 91) {
      if (++level > depth2) return i2;
    } else if (c === 125 || c === 93) {
      level--;
    } else if (c === SLASH) {
      i2 = skipCommentAt(text, i2);
    }
  }
  return 0;
}
function blankControlCharactersInStrings(text) {
  let out;
  let start = 0;
  let inString = false;
  for (let i2 = 0; i2 < text.length; i2++) {
    const c = text.charCodeAt(i2);
    if (inString) {
      if (c === BACKSLASH) i2++;
      else if (c === QUOTE) inString = false;
      else if (c < 32) {
        (out ??= []).push(text.slice(start, i2), " ");
        start = i2 + 1;
      }
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === SLASH) {
      i2 = skipCommentAt(text, i2);
    }
  }
  if (!out) return text;
  out.push(text.slice(start));
  return out.join("");
}
function skipCommentAt(text, i2) {
  const next = text.charCodeAt(i2 + 1);
  if (next === SLASH) {
    const end = text.indexOf("\n", i2);
    return end === -1 ? text.length : end - 1;
  }
  if (next === 42) {
    const end = text.indexOf("*/", i2 + 2);
    return end === -1 ? text.length : end + 1;
  }
  return i2;
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

// node_modules/fflate/esm/browser.js
var u8 = Uint8Array;
var u16 = Uint16Array;
var i32 = Int32Array;
var fleb = new u8([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  1,
  1,
  1,
  1,
  2,
  2,
  2,
  2,
  3,
  3,
  3,
  3,
  4,
  4,
  4,
  4,
  5,
  5,
  5,
  5,
  0,
  /* unused */
  0,
  0,
  /* impossible */
  0
]);
var fdeb = new u8([
  0,
  0,
  0,
  0,
  1,
  1,
  2,
  2,
  3,
  3,
  4,
  4,
  5,
  5,
  6,
  6,
  7,
  7,
  8,
  8,
  9,
  9,
  10,
  10,
  11,
  11,
  12,
  12,
  13,
  13,
  /* unused */
  0,
  0
]);
var clim = new u8([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);
var freb = function(eb, start) {
  var b = new u16(31);
  for (var i2 = 0; i2 < 31; ++i2) {
    b[i2] = start += 1 << eb[i2 - 1];
  }
  var r = new i32(b[30]);
  for (var i2 = 1; i2 < 30; ++i2) {
    for (var j = b[i2]; j < b[i2 + 1]; ++j) {
      r[j] = j - b[i2] << 5 | i2;
    }
  }
  return { b, r };
};
var _a = freb(fleb, 2);
var fl = _a.b;
var revfl = _a.r;
fl[28] = 258, revfl[258] = 28;
var _b = freb(fdeb, 0);
var fd = _b.b;
var revfd = _b.r;
var rev = new u16(32768);
for (i = 0; i < 32768; ++i) {
  x = (i & 43690) >> 1 | (i & 21845) << 1;
  x = (x & 52428) >> 2 | (x & 13107) << 2;
  x = (x & 61680) >> 4 | (x & 3855) << 4;
  rev[i] = ((x & 65280) >> 8 | (x & 255) << 8) >> 1;
}
var x;
var i;
var hMap = (function(cd, mb, r) {
  var s = cd.length;
  var i2 = 0;
  var l = new u16(mb);
  for (; i2 < s; ++i2) {
    if (cd[i2])
      ++l[cd[i2] - 1];
  }
  var le = new u16(mb);
  for (i2 = 1; i2 < mb; ++i2) {
    le[i2] = le[i2 - 1] + l[i2 - 1] << 1;
  }
  var co;
  if (r) {
    co = new u16(1 << mb);
    var rvb = 15 - mb;
    for (i2 = 0; i2 < s; ++i2) {
      if (cd[i2]) {
        var sv = i2 << 4 | cd[i2];
        var r_1 = mb - cd[i2];
        var v = le[cd[i2] - 1]++ << r_1;
        for (var m5 = v | (1 << r_1) - 1; v <= m5; ++v) {
          co[rev[v] >> rvb] = sv;
        }
      }
    }
  } else {
    co = new u16(s);
    for (i2 = 0; i2 < s; ++i2) {
      if (cd[i2]) {
        co[i2] = rev[le[cd[i2] - 1]++] >> 15 - cd[i2];
      }
    }
  }
  return co;
});
var flt = new u8(288);
for (i = 0; i < 144; ++i)
  flt[i] = 8;
var i;
for (i = 144; i < 256; ++i)
  flt[i] = 9;
var i;
for (i = 256; i < 280; ++i)
  flt[i] = 7;
var i;
for (i = 280; i < 288; ++i)
  flt[i] = 8;
var i;
var fdt = new u8(32);
for (i = 0; i < 32; ++i)
  fdt[i] = 5;
var i;
var flrm = /* @__PURE__ */ hMap(flt, 9, 1);
var fdrm = /* @__PURE__ */ hMap(fdt, 5, 1);
var max = function(a) {
  var m5 = a[0];
  for (var i2 = 1; i2 < a.length; ++i2) {
    if (a[i2] > m5)
      m5 = a[i2];
  }
  return m5;
};
var bits = function(d, p, m5) {
  var o = p / 8 | 0;
  return (d[o] | d[o + 1] << 8) >> (p & 7) & m5;
};
var bits16 = function(d, p) {
  var o = p / 8 | 0;
  return (d[o] | d[o + 1] << 8 | d[o + 2] << 16) >> (p & 7);
};
var shft = function(p) {
  return (p + 7) / 8 | 0;
};
var slc = function(v, s, e) {
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  return new u8(v.subarray(s, e));
};
var ec = [
  "unexpected EOF",
  "invalid block type",
  "invalid length/literal",
  "invalid distance",
  "stream finished",
  "no stream handler",
  ,
  // determined by compression function
  "no callback",
  "invalid UTF-8 data",
  "extra field too long",
  "date not in range 1980-2099",
  "filename too long",
  "stream finishing",
  "invalid zip data"
  // determined by unknown compression method
];
var err = function(ind, msg, nt) {
  var e = new Error(msg || ec[ind]);
  e.code = ind;
  if (Error.captureStackTrace)
    Error.captureStackTrace(e, err);
  if (!nt)
    throw e;
  return e;
};
var inflt = function(dat, st, buf, dict) {
  var sl = dat.length, dl = dict ? dict.length : 0;
  if (!sl || st.f && !st.l)
    return buf || new u8(0);
  var noBuf = !buf;
  var resize = noBuf || st.i != 2;
  var noSt = st.i;
  if (noBuf)
    buf = new u8(sl * 3);
  var cbuf = function(l2) {
    var bl = buf.length;
    if (l2 > bl) {
      var nbuf = new u8(Math.max(bl * 2, l2));
      nbuf.set(buf);
      buf = nbuf;
    }
  };
  var final = st.f || 0, pos = st.p || 0, bt = st.b || 0, lm = st.l, dm = st.d, lbt = st.m, dbt = st.n;
  var tbts = sl * 8;
  do {
    if (!lm) {
      final = bits(dat, pos, 1);
      var type = bits(dat, pos + 1, 3);
      pos += 3;
      if (!type) {
        var s = shft(pos) + 4, l = dat[s - 4] | dat[s - 3] << 8, t = s + l;
        if (t > sl) {
          if (noSt)
            err(0);
          break;
        }
        if (resize)
          cbuf(bt + l);
        buf.set(dat.subarray(s, t), bt);
        st.b = bt += l, st.p = pos = t * 8, st.f = final;
        continue;
      } else if (type == 1)
        lm = flrm, dm = fdrm, lbt = 9, dbt = 5;
      else if (type == 2) {
        var hLit = bits(dat, pos, 31) + 257, hcLen = bits(dat, pos + 10, 15) + 4;
        var tl = hLit + bits(dat, pos + 5, 31) + 1;
        pos += 14;
        var ldt = new u8(tl);
        var clt = new u8(19);
        for (var i2 = 0; i2 < hcLen; ++i2) {
          clt[clim[i2]] = bits(dat, pos + i2 * 3, 7);
        }
        pos += hcLen * 3;
        var clb = max(clt), clbmsk = (1 << clb) - 1;
        var clm = hMap(clt, clb, 1);
        for (var i2 = 0; i2 < tl; ) {
          var r = clm[bits(dat, pos, clbmsk)];
          pos += r & 15;
          var s = r >> 4;
          if (s < 16) {
            ldt[i2++] = s;
          } else {
            var c = 0, n = 0;
            if (s == 16)
              n = 3 + bits(dat, pos, 3), pos += 2, c = ldt[i2 - 1];
            else if (s == 17)
              n = 3 + bits(dat, pos, 7), pos += 3;
            else if (s == 18)
              n = 11 + bits(dat, pos, 127), pos += 7;
            while (n--)
              ldt[i2++] = c;
          }
        }
        var lt = ldt.subarray(0, hLit), dt = ldt.subarray(hLit);
        lbt = max(lt);
        dbt = max(dt);
        lm = hMap(lt, lbt, 1);
        dm = hMap(dt, dbt, 1);
      } else
        err(1);
      if (pos > tbts) {
        if (noSt)
          err(0);
        break;
      }
    }
    if (resize)
      cbuf(bt + 131072);
    var lms = (1 << lbt) - 1, dms = (1 << dbt) - 1;
    var lpos = pos;
    for (; ; lpos = pos) {
      var c = lm[bits16(dat, pos) & lms], sym = c >> 4;
      pos += c & 15;
      if (pos > tbts) {
        if (noSt)
          err(0);
        break;
      }
      if (!c)
        err(2);
      if (sym < 256)
        buf[bt++] = sym;
      else if (sym == 256) {
        lpos = pos, lm = null;
        break;
      } else {
        var add2 = sym - 254;
        if (sym > 264) {
          var i2 = sym - 257, b = fleb[i2];
          add2 = bits(dat, pos, (1 << b) - 1) + fl[i2];
          pos += b;
        }
        var d = dm[bits16(dat, pos) & dms], dsym = d >> 4;
        if (!d)
          err(3);
        pos += d & 15;
        var dt = fd[dsym];
        if (dsym > 3) {
          var b = fdeb[dsym];
          dt += bits16(dat, pos) & (1 << b) - 1, pos += b;
        }
        if (pos > tbts) {
          if (noSt)
            err(0);
          break;
        }
        if (resize)
          cbuf(bt + 131072);
        var end = bt + add2;
        if (bt < dt) {
          var shift = dl - dt, dend = Math.min(dt, end);
          if (shift + bt < 0)
            err(3);
          for (; bt < dend; ++bt)
            buf[bt] = dict[shift + bt];
        }
        for (; bt < end; ++bt)
          buf[bt] = buf[bt - dt];
      }
    }
    st.l = lm, st.p = lpos, st.b = bt, st.f = final;
    if (lm)
      final = 1, st.m = lbt, st.d = dm, st.n = dbt;
  } while (!final);
  return bt != buf.length && noBuf ? slc(buf, 0, bt) : buf.subarray(0, bt);
};
var et = /* @__PURE__ */ new u8(0);
var b2 = function(d, b) {
  return d[b] | d[b + 1] << 8;
};
var b4 = function(d, b) {
  return (d[b] | d[b + 1] << 8 | d[b + 2] << 16 | d[b + 3] << 24) >>> 0;
};
var b8 = function(d, b) {
  return b4(d, b) + b4(d, b + 4) * 4294967296;
};
function inflateSync(data, opts) {
  return inflt(data, { i: 2 }, opts && opts.out, opts && opts.dictionary);
}
var td = typeof TextDecoder != "undefined" && /* @__PURE__ */ new TextDecoder();
var tds = 0;
try {
  td.decode(et, { stream: true });
  tds = 1;
} catch (e) {
}
var dutf8 = function(d) {
  for (var r = "", i2 = 0; ; ) {
    var c = d[i2++];
    var eb = (c > 127) + (c > 223) + (c > 239);
    if (i2 + eb > d.length)
      return { s: r, r: slc(d, i2 - 1) };
    if (!eb)
      r += String.fromCharCode(c);
    else if (eb == 3) {
      c = ((c & 15) << 18 | (d[i2++] & 63) << 12 | (d[i2++] & 63) << 6 | d[i2++] & 63) - 65536, r += String.fromCharCode(55296 | c >> 10, 56320 | c & 1023);
    } else if (eb & 1)
      r += String.fromCharCode((c & 31) << 6 | d[i2++] & 63);
    else
      r += String.fromCharCode((c & 15) << 12 | (d[i2++] & 63) << 6 | d[i2++] & 63);
  }
};
function strFromU8(dat, latin1) {
  if (latin1) {
    var r = "";
    for (var i2 = 0; i2 < dat.length; i2 += 16384)
      r += String.fromCharCode.apply(null, dat.subarray(i2, i2 + 16384));
    return r;
  } else if (td) {
    return td.decode(dat);
  } else {
    var _a2 = dutf8(dat), s = _a2.s, r = _a2.r;
    if (r.length)
      err(8);
    return s;
  }
}
var slzh = function(d, b) {
  return b + 30 + b2(d, b + 26) + b2(d, b + 28);
};
var zh = function(d, b, z) {
  var fnl = b2(d, b + 28), efl = b2(d, b + 30), fn2 = strFromU8(d.subarray(b + 46, b + 46 + fnl), !(b2(d, b + 8) & 2048)), es = b + 46 + fnl;
  var _a2 = z64hs(d, es, efl, z, b4(d, b + 20), b4(d, b + 24), b4(d, b + 42)), sc = _a2[0], su = _a2[1], off = _a2[2];
  return [b2(d, b + 10), sc, su, fn2, es + efl + b2(d, b + 32), off];
};
var z64hs = function(d, b, l, z, sc, su, off) {
  var nsc = sc == 4294967295, nsu = su == 4294967295, noff = off == 4294967295, e = b + l;
  var nf = nsc + nsu + noff;
  if (z && nf) {
    for (; b + 4 < e; b += 4 + b2(d, b + 2)) {
      if (b2(d, b) == 1) {
        return [
          nsc ? b8(d, b + 4 + 8 * nsu) : sc,
          nsu ? b8(d, b + 4) : su,
          noff ? b8(d, b + 4 + 8 * (nsu + nsc)) : off,
          1
        ];
      }
    }
    if (z < 2)
      err(13);
  }
  return [sc, su, off, 0];
};
function unzipSync(data, opts) {
  var files = {};
  var e = data.length - 22;
  for (; b4(data, e) != 101010256; --e) {
    if (!e || data.length - e > 65558)
      err(13);
  }
  ;
  var c = b2(data, e + 8);
  if (!c)
    return {};
  var o = b4(data, e + 16);
  var z = b4(data, e - 20) == 117853008;
  if (z) {
    var ze = b4(data, e - 12);
    z = b4(data, ze) == 101075792;
    if (z) {
      c = b4(data, ze + 32);
      o = b4(data, ze + 48);
    }
  }
  var fltr = opts && opts.filter;
  for (var i2 = 0; i2 < c; ++i2) {
    var _a2 = zh(data, o, z), c_2 = _a2[0], sc = _a2[1], su = _a2[2], fn2 = _a2[3], no = _a2[4], off = _a2[5], b = slzh(data, off);
    o = no;
    if (!fltr || fltr({
      name: fn2,
      size: sc,
      originalSize: su,
      compression: c_2
    })) {
      if (!c_2)
        files[fn2] = slc(data, b, b + sc);
      else if (c_2 == 8)
        files[fn2] = inflateSync(data.subarray(b, b + sc), { out: new u8(su) });
      else
        err(14, "unknown compression type " + c_2);
    }
  }
  return files;
}

// src/workspace/zip-package.ts
var ZIP_ENTRY_SEPARATOR = "!/";
var MAIN_TEMPLATE = "mainTemplate.json";
var DEFAULT_ZIP_LIMITS = { maxEntries: 2e3, maxEntryBytes: 32 * 1024 * 1024, maxTotalBytes: 128 * 1024 * 1024 };
function splitZipPath(file) {
  const at = file.toLowerCase().indexOf(`.zip${ZIP_ENTRY_SEPARATOR}`);
  if (at === -1) return void 0;
  return { zip: file.slice(0, at + 4), entry: file.slice(at + 4 + ZIP_ENTRY_SEPARATOR.length) };
}
function isZipFile(file) {
  return /\.zip$/i.test(file);
}
function unsafeName(name) {
  if (name.includes("\\")) return "a backslash";
  if (name.startsWith("/") || /^[a-z]:/i.test(name)) return "an absolute path";
  if (name.split("/").includes("..")) return "'..'";
  if (/[\u0000-\u001f]/.test(name)) return "a control character";
  return void 0;
}
function isJsonEntry(info) {
  return /\.json$/i.test(info.name) && !info.name.endsWith("/");
}
function openZipPackage(bytes, zip, limits = DEFAULT_ZIP_LIMITS) {
  const refuse = (why) => ({ ok: false, message: `'${zip}' was not read as a Marketplace package: ${why}` });
  if (startsWithText(bytes, "version https://git-lfs")) return refuse("it is a Git LFS pointer, not the archive (check out with LFS to check it)");
  const infos = [];
  try {
    unzipSync(bytes, {
      filter: (info) => {
        if (infos.length >= limits.maxEntries) throw new LimitError(`it has more than ${limits.maxEntries} entries`);
        infos.push(info);
        return false;
      }
    });
  } catch (error) {
    return refuse(error instanceof LimitError ? error.message : `it is not a valid zip archive (${describe(error)})`);
  }
  if (!infos.some((info) => info.name.toLowerCase() === MAIN_TEMPLATE.toLowerCase())) return { ok: true, entries: /* @__PURE__ */ new Map(), isPackage: false };
  const wanted = /* @__PURE__ */ new Set();
  const seen = /* @__PURE__ */ new Set();
  let total = 0;
  for (const info of infos) {
    const why = unsafeName(info.name);
    if (why !== void 0) return refuse(`entry '${printable2(info.name)}' has ${why} in its name`);
    if (!isJsonEntry(info)) continue;
    const name = posix.normalize(info.name);
    if (seen.has(name.toLowerCase())) return refuse(`entry '${printable2(info.name)}' appears twice`);
    seen.add(name.toLowerCase());
    if (info.originalSize > limits.maxEntryBytes)
      return refuse(`entry '${info.name}' declares ${info.originalSize} bytes, over the ${limits.maxEntryBytes}-byte limit`);
    total += info.originalSize;
    if (total > limits.maxTotalBytes) return refuse(`its JSON entries declare more than ${limits.maxTotalBytes} bytes together`);
    wanted.add(info.name);
  }
  try {
    const inflated = unzipSync(bytes, { filter: (info) => wanted.has(info.name) });
    const entries = /* @__PURE__ */ new Map();
    for (const info of infos) {
      if (!wanted.has(info.name)) continue;
      const data = Object.hasOwn(inflated, info.name) ? inflated[info.name] : void 0;
      if (data === void 0 || data.length !== info.originalSize) return refuse(`entry '${info.name}' is not the size it declares`);
      entries.set(posix.normalize(info.name), data);
    }
    return { ok: true, entries, isPackage: true };
  } catch (error) {
    return refuse(`an entry cannot be inflated (${describe(error)})`);
  }
}
function zipEntry(archive, path) {
  const name = posix.normalize(path);
  const exact = archive.entries.get(name);
  if (exact !== void 0) return exact;
  const lower = name.toLowerCase();
  for (const [entry, data] of archive.entries) if (entry.toLowerCase() === lower) return data;
  return void 0;
}
var LimitError = class extends Error {
};
function describe(error) {
  return error instanceof Error ? error.message : String(error);
}
function startsWithText(bytes, text) {
  if (bytes.length < text.length) return false;
  for (let i2 = 0; i2 < text.length; i2++) if (bytes[i2] !== text.charCodeAt(i2)) return false;
  return true;
}
function printable2(name) {
  const shown = name.replace(/[\u0000-\u001f\u007f]/g, "\uFFFD");
  return shown.length > 200 ? `${shown.slice(0, 200)}\u2026` : shown;
}

// src/workspace/workspace-files.ts
function createWorkspaceFiles(workspace, options = {}) {
  const reads = /* @__PURE__ */ new Map();
  const parses = /* @__PURE__ */ new Map();
  const archives = /* @__PURE__ */ new Map();
  const key2 = (file) => posix.normalize(file.replace(/\\/g, "/"));
  const archive = (zip) => {
    const k = key2(zip);
    let opened = archives.get(k);
    if (opened === void 0) {
      const bytes = readWorkspaceBytes(workspace, k);
      opened = bytes.ok ? openZipPackage(bytes.bytes, k) : { ok: false, message: bytes.message };
      archives.set(k, opened);
    }
    return opened;
  };
  const read = (file) => {
    const k = key2(file);
    let outcome = reads.get(k);
    if (outcome === void 0) {
      outcome = readOnce(workspace, k, archive);
      reads.set(k, outcome);
    }
    return outcome;
  };
  return {
    workspace,
    read,
    parse(file) {
      const k = key2(file);
      let parsed = parses.get(k);
      if (parsed === void 0) {
        const outcome = read(k);
        parsed = outcome.ok ? parseTemplateText(outcome.text) : outcome;
        parses.set(k, parsed);
      }
      return parsed;
    },
    text(file) {
      const outcome = read(file);
      return outcome.ok ? outcome.text : void 0;
    },
    release(file, { keepText = false } = {}) {
      const k = key2(file);
      parses.delete(k);
      if (!keepText && !options.keepTexts) reads.delete(k);
    },
    archive
  };
}
function readOnce(workspace, file, archive) {
  const inside2 = splitZipPath(file);
  if (inside2 !== void 0) {
    const opened2 = archive(inside2.zip);
    if (!opened2.ok) return { ok: false, message: opened2.message };
    const data = zipEntry(opened2, inside2.entry);
    if (data === void 0) return { ok: false, code: "ENOENT", message: `cannot read '${file}': no such entry in '${inside2.zip}'` };
    return decodeText(data, file, `${workspace.root}/${file}`);
  }
  if (!isZipFile(file)) return readWorkspaceFile(workspace, file);
  const opened = archive(file);
  if (!opened.ok) return { ok: false, message: opened.message };
  if (!opened.isPackage) return { ok: false, message: `'${file}' is an archive without ${MAIN_TEMPLATE} at its root: not a Marketplace package` };
  return { ok: false, message: `'${file}' is an archive: the Marketplace package in it is checked as '${file}${ZIP_ENTRY_SEPARATOR}${MAIN_TEMPLATE}'` };
}

// src/workspace/discover.ts
var DEFAULT_TEMPLATE_PATTERNS = [
  "**/mainTemplate.json",
  "**/azuredeploy.json",
  "**/prereq.azuredeploy.json",
  "**/main.bicep",
  "**/mainTemplate.bicep",
  "**/azuredeploy.bicep",
  "**/*.tf"
];
var SKIPPED_FOLDERS = /* @__PURE__ */ new Set(["node_modules", ".git", ".terraform"]);
function templateKind(path) {
  return path.toLowerCase().endsWith(".tf") ? "terraform" : "arm";
}
var GLOB_SYNTAX = /[*?[\]{}()!+@]/;
function isNamedPathProblem(problem) {
  return problem.kind === "named-path";
}
function discoverTemplates(workspace, request = {}) {
  const problems = [];
  const patterns = classifyPatterns(workspace, request.patterns?.length ? request.patterns : DEFAULT_TEMPLATE_PATTERNS);
  const byDefault = patterns.literalFiles.length === 0 && patterns.globs.every((g) => !g.explicit);
  const matcher = compile(patterns);
  const found = /* @__PURE__ */ new Map();
  const matched = [];
  const walked = { json: [], zip: [], bicep: [], byExtension: {} };
  const roots = request.paths?.length ? request.paths : [workspace.root];
  const named2 = (request.paths?.length ?? 0) > 0 && !request.pathsAreDefault;
  let searched = false;
  const otherBicep = /* @__PURE__ */ new Set();
  let cache = request.files;
  const files = () => cache ??= createWorkspaceFiles(workspace);
  const base = request.cwd === void 0 ? workspace.root : realFolder(request.cwd);
  for (const given of roots) {
    const absolute = resolve(base, given);
    const rel = workspaceRelative(workspace, absolute);
    if (rel === void 0) {
      problems.push({ path: given, kind: "named-path", message: `'${given}' is outside the workspace (${workspace.root}) and was not read` });
      continue;
    }
    let kind;
    try {
      const stat = statSync(absolute);
      kind = stat.isFile() ? "file" : stat.isDirectory() ? "folder" : "other";
    } catch {
      problems.push({ path: given, kind: "named-path", message: `'${given}' does not exist` });
      continue;
    }
    if (kind === "file") found.set(rel, "named");
    else if (kind === "folder" && !insideWorkspace(workspace, absolute))
      problems.push({ path: given, kind: "named-path", message: `'${given}' is a link to a folder outside the workspace and was not searched` });
    else if (kind === "folder") {
      searched = true;
      const before = matched.length;
      const literals = patterns.literalFiles.filter((file) => rel === "" || file.startsWith(`${rel}/`));
      for (const file of literals) if (!matcher.exclude(file)) matched.push(file);
      if (patterns.globs.length > 0) problems.push(...walk(workspace, absolute, matcher, matched, walked));
      const added = matched.slice(before).filter((file) => !matcher.exclude(file));
      for (const file of added) if (!found.has(file)) found.set(file, byDefault ? "name" : "named");
      if (byDefault) {
        const inFolder = walked.json.filter((file) => (rel === "" || file.startsWith(`${rel}/`)) && !matcher.exclude(file));
        for (const file of templatesByContent(files(), inFolder, found, walked)) added.push(file);
        const zips = walked.zip.filter((file) => (rel === "" || file.startsWith(`${rel}/`)) && !matcher.exclude(file));
        for (const file of zips) if (!found.has(file)) found.set(file, "name");
        for (const file of walked.bicep) if ((rel === "" || file.startsWith(`${rel}/`)) && !matcher.exclude(file)) otherBicep.add(file);
      }
      if (named2 && added.length === 0) {
        problems.push({
          path: given,
          kind: "named-path",
          message: byDefault ? `'${given}' holds no ARM template (${describeInventory(inventoryOf(walked))})` : `'${given}' holds no main template (${describeIncludes(patterns)}); name a template file to check it whatever its name`
        });
      }
    } else problems.push({ path: given, kind: "named-path", message: `'${given}' is not a regular file or folder` });
  }
  if (searched) problems.push(...unmatchedGlobs(patterns, matched));
  problems.push(...openPackageArchives(files(), found));
  const templates = [...found.keys()].sort();
  return {
    templates,
    sources: templates.map((path) => ({
      path,
      kind: /\.bicep$/i.test(path) ? "bicep" : templateKind(path) === "terraform" ? "terraform" : "arm-template",
      by: found.get(path) ?? "named"
    })),
    problems: [...patterns.problems, ...problems],
    jsonFiles: [...new Set(walked.json)].sort(),
    otherBicepFiles: [...otherBicep].filter((file) => !found.has(file)).sort(),
    inventory: inventoryOf(walked)
  };
}
function inventoryOf(walked) {
  return { byExtension: walked.byExtension, otherJson: walked.otherJson ?? 0 };
}
var TEMPLATE_SCHEMA_TEXT = /deploymentTemplate\.json/i;
function templatesByContent(files, candidates, found, walked) {
  const added = [];
  let otherJson = 0;
  for (const file of candidates) {
    if (found.has(file)) continue;
    const read = files.read(file);
    if (!read.ok || !TEMPLATE_SCHEMA_TEXT.test(read.text)) {
      otherJson++;
      continue;
    }
    const parsed = files.parse(file);
    if (parsed.ok && isRecord(parsed.value) && isDeploymentTemplateSchema(parsed.value["$schema"]) && parsed.value["resources"] !== void 0) {
      found.set(file, "content");
      added.push(file);
    } else otherJson++;
  }
  walked.otherJson = (walked.otherJson ?? 0) + otherJson;
  return added;
}
function describeInventory(inventory) {
  const parts = [];
  const counts = Object.entries(inventory.byExtension).filter(([extension]) => extension !== ".json" && extension !== "").sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [extension, count] of counts.slice(0, 4)) parts.push(`${count} ${extension} file${count === 1 ? "" : "s"}`);
  if (inventory.otherJson > 0)
    parts.push(`${inventory.otherJson} JSON file${inventory.otherJson === 1 ? "" : "s"} that ${inventory.otherJson === 1 ? "is" : "are"} not an ARM template`);
  const rest = counts.slice(4).reduce((sum, [, count]) => sum + count, 0);
  if (rest > 0) parts.push(`${rest} other file${rest === 1 ? "" : "s"}`);
  return parts.length === 0 ? "no files" : parts.join(", ");
}
function classifyPatterns(workspace, raw) {
  const set = { literalFiles: [], globs: [], excludes: [], problems: [] };
  for (const pattern of raw.map((p) => p.trim()).filter((p) => p !== "" && !p.startsWith("#"))) {
    if (pattern.startsWith("!")) {
      set.excludes.push(atAnyDepth(pattern.slice(1)));
      continue;
    }
    const explicit = !DEFAULT_TEMPLATE_PATTERNS.includes(pattern);
    const slashed = pattern.replace(/\\/g, "/");
    const anchored = slashed.startsWith("./") || slashed.startsWith("/");
    const path = anchored ? relativeToRoot(workspace, slashed) : posix.normalize(slashed);
    if (path === void 0 || path === ".." || path.startsWith("../")) {
      set.problems.push({
        path: pattern,
        kind: "named-path",
        message: `templates pattern '${pattern}' points outside the workspace (${workspace.root}); nothing outside it is read`
      });
      continue;
    }
    const pathLike = explicit && (anchored || path.includes("/"));
    if (pathLike && isFileInside(workspace, path)) {
      set.literalFiles.push(path);
    } else if (pathLike && !GLOB_SYNTAX.test(path)) {
      set.problems.push({ path: pattern, kind: "named-path", message: `templates pattern '${pattern}' names ${describeMissing(workspace, path)}` });
    } else {
      set.globs.push({ given: pattern, glob: anchored ? path : atAnyDepth(path), explicit });
    }
  }
  return set;
}
function atAnyDepth(pattern) {
  const body = pattern.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
  return body.includes("/") ? body : `**/${body}`;
}
function relativeToRoot(workspace, pattern) {
  if (pattern.startsWith("/") || isAbsolute(pattern)) return workspaceRelative(workspace, resolve(pattern));
  const path = posix.normalize(pattern);
  return path === "." ? "" : path;
}
function isFileInside(workspace, path) {
  return statOf(join(workspace.root, path))?.isFile() === true;
}
function statOf(path) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return void 0;
  }
}
function describeMissing(workspace, path) {
  if (statOf(join(workspace.root, path))?.isDirectory()) {
    return `a folder, not a template file: write '${path === "" ? "" : `${path}/`}**/*.json' to take every JSON file in it`;
  }
  return "a file that does not exist";
}
function describeIncludes(patterns) {
  const globs = patterns.globs.map((g) => g.given);
  const isDefault = globs.length === DEFAULT_TEMPLATE_PATTERNS.length && globs.every((g, i2) => g === DEFAULT_TEMPLATE_PATTERNS[i2]) && patterns.literalFiles.length === 0;
  return isDefault ? "mainTemplate.json, azuredeploy.json, prereq.azuredeploy.json, main.bicep, mainTemplate.bicep, azuredeploy.bicep or .tf files" : `matching ${[...patterns.literalFiles, ...globs].join(", ")}`;
}
function unmatchedGlobs(patterns, matched) {
  const options = { nocase: true, dot: true };
  return patterns.globs.filter((g) => g.explicit).filter((g) => {
    const test = fileNameMatcher([g.glob]) ?? matchingLineBreaks((0, import_picomatch.default)(g.glob, options));
    return !matched.some(test);
  }).map((g) => ({ path: g.given, kind: "no-match", message: `templates pattern '${g.given}' matches no file` }));
}
function compile(patterns) {
  const options = { nocase: true, dot: true };
  const includes = patterns.globs.map((g) => g.glob);
  return {
    include: includes.length ? fileNameMatcher(includes) ?? matchingLineBreaks((0, import_picomatch.default)(includes, options)) : () => false,
    exclude: patterns.excludes.length ? matchingLineBreaks((0, import_picomatch.default)(patterns.excludes, options)) : () => false
  };
}
function fileNameMatcher(patterns) {
  const names = /* @__PURE__ */ new Set();
  const extensions = [];
  for (const pattern of patterns) {
    const name = /^\*\*\/([^*?[\]{}()!+@/\\]+)$/.exec(pattern)?.[1];
    const extension = /^\*\*\/\*(\.[^*?[\]{}()!+@/\\.]+)$/.exec(pattern)?.[1];
    if (name !== void 0) names.add(name.toLowerCase());
    else if (extension !== void 0) extensions.push(extension.toLowerCase());
    else return void 0;
  }
  return (path) => {
    const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
    return names.has(name) || extensions.some((extension) => name.endsWith(extension) && name.length > extension.length);
  };
}
function matchingLineBreaks(match) {
  return (path) => match(/[\r\n\u2028\u2029]/.test(path) ? path.replace(/[\r\n\u2028\u2029]/g, "\uFFFD") : path);
}
function insideWorkspace(workspace, absolute) {
  try {
    return workspaceRelative(workspace, realpathSync.native(absolute)) !== void 0;
  } catch {
    return false;
  }
}
function linksToOutsideFolder(workspace, absolute) {
  try {
    return statSync(absolute).isDirectory() && !insideWorkspace(workspace, absolute);
  } catch {
    return false;
  }
}
function walk(workspace, start, matcher, matched, walked) {
  const problems = [];
  const stack = [start];
  while (stack.length > 0) {
    const folder = stack.pop();
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      problems.push({
        path: workspaceRelative(workspace, folder) ?? folder,
        kind: "skipped",
        message: `cannot list folder: ${error.code ?? String(error)}`
      });
      continue;
    }
    for (const entry of entries) {
      const absolute = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) stack.push(absolute);
        continue;
      }
      const rel = workspaceRelative(workspace, absolute);
      if (rel === void 0) continue;
      if (entry.isSymbolicLink() && linksToOutsideFolder(workspace, absolute)) {
        problems.push({ path: rel, kind: "skipped", message: `'${rel}' is a link to a folder outside the workspace and was not searched` });
        continue;
      }
      const included = matcher.include(rel);
      if (walked && (entry.isFile() || entry.isSymbolicLink())) noteWalked(walked, rel);
      if (!included) continue;
      if (entry.isSymbolicLink() && !matcher.exclude(rel)) {
        const dangling = danglingTarget(absolute);
        if (dangling !== void 0) {
          problems.push({ path: rel, kind: "skipped", message: `'${rel}' is a link to '${dangling}', which does not exist; it was not checked` });
          continue;
        }
      }
      if (entry.isFile() || entry.isSymbolicLink()) matched.push(rel);
      else if (!matcher.exclude(rel)) problems.push({ path: rel, kind: "skipped", message: `'${rel}' is not a regular file and was not read` });
    }
  }
  return problems;
}
function noteWalked(walked, rel) {
  const name = rel.slice(rel.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot).toLowerCase() : "";
  walked.byExtension[extension] = (walked.byExtension[extension] ?? 0) + 1;
  if (extension === ".json") walked.json.push(rel);
  else if (extension === ".zip") walked.zip.push(rel);
  else if (extension === ".bicep") walked.bicep.push(rel);
}
function openPackageArchives(files, found) {
  const problems = [];
  for (const [file, by] of [...found]) {
    if (!isZipFile(file)) continue;
    const archive = files.archive(file);
    if (archive.ok && archive.isPackage) {
      found.delete(file);
      found.set(`${file}${ZIP_ENTRY_SEPARATOR}${MAIN_TEMPLATE}`, by);
    } else if (by !== "named" && (archive.ok || /Git LFS pointer/.test(archive.message))) {
      found.delete(file);
      if (!archive.ok) problems.push({ path: file, kind: "skipped", message: archive.message });
    }
  }
  return problems;
}
function danglingTarget(absolute) {
  try {
    if (statSync(absolute, { throwIfNoEntry: false }) !== void 0) return void 0;
    return readlinkSync(absolute);
  } catch {
    return void 0;
  }
}
function realFolder(folder) {
  try {
    return realpathSync.native(resolve(folder));
  } catch {
    return resolve(folder);
  }
}
function suffixIndex(jsonFiles) {
  let byName;
  return (relative2) => {
    if (byName === void 0) {
      byName = /* @__PURE__ */ new Map();
      for (const file of jsonFiles) {
        const name2 = file.slice(file.lastIndexOf("/") + 1).toLowerCase();
        const list = byName.get(name2);
        if (list) list.push(file);
        else byName.set(name2, [file]);
      }
    }
    const name = relative2.slice(relative2.lastIndexOf("/") + 1).toLowerCase();
    return (byName.get(name) ?? []).filter((file) => file === relative2 || file.endsWith(`/${relative2}`));
  };
}

// src/parse/types.ts
var KNOWN_AT_DEPLOYMENT = /* @__PURE__ */ Symbol("known at deployment");

// src/workspace/parameter-files.ts
function defaultParameterFile(template) {
  const dir = posix.dirname(template);
  const stem = posix.basename(template).replace(/\.json$/i, "");
  return posix.join(dir, `${stem}.parameters.json`);
}
function loadParameterValues(from, template, explicit) {
  const files = "read" in from ? from : void 0;
  const workspace = files?.workspace ?? from;
  const candidate = explicit ? resolveExplicit(workspace, template, explicit) : defaultParameterFile(template);
  if (candidate === void 0) return { values: {}, problem: `no parameters file matches '${explicit}' beside ${template}` };
  if (!explicit && !workspaceFileExists(workspace, candidate)) return { values: {} };
  const parsed = files ? files.parse(candidate) : parsedFile(readWorkspaceFile(workspace, candidate));
  if (!("text" in parsed)) return { file: candidate, values: {}, problem: parsed.message };
  return { file: candidate, ...parameterValuesOf(parsed, candidate) };
}
function parsedFile(read) {
  return read.ok ? parseTemplateText(read.text) : read;
}
function resolveExplicit(workspace, template, explicit) {
  const folder = posix.dirname(template);
  if (!/[*?[\]{}]/.test(explicit)) return posix.normalize(posix.join(folder, explicit));
  const pattern = posix.normalize(posix.join(folder, explicit));
  const matches = discoverTemplates(workspace, { paths: [posix.join(workspace.root, folder)], patterns: [pattern] }).templates;
  return matches[0];
}
function parameterValuesOf(parsed, label) {
  if (!parsed.ok) {
    const at = new LineIndex(parsed.text).positionAt(parsed.error.offset);
    return { values: {}, problem: `parameters file ${label} is not valid JSON: ${parsed.error.message} (line ${at.line}, column ${at.column})` };
  }
  const root = parsed.value;
  const parameters = isRecord(root) && isRecord(root["parameters"]) ? root["parameters"] : isRecord(root) ? root : {};
  const values = {};
  for (const [name, entry] of Object.entries(parameters)) {
    if (!isRecord(entry)) continue;
    if ("value" in entry) values[name] = entry["value"];
    else if ("reference" in entry) values[name] = KNOWN_AT_DEPLOYMENT;
  }
  return { values };
}

// src/workspace/linked-reader.ts
function createCachedLinkReader(files) {
  const sources = /* @__PURE__ */ new Map();
  return (_fromFile, target) => {
    let loaded = sources.get(target);
    if (loaded === void 0) {
      const read = files.read(target);
      loaded = read.ok ? fromParsed(target, files.parse(target)) : fromFailedRead(target, read);
      sources.set(target, loaded);
    }
    return loaded;
  };
}
function sourceOfParsed(file, parsed) {
  return createTemplateSource(file, parsed.text, isRecord(parsed.value) ? parsed.value : {});
}
var CACHE_BUDGET = 4 * 1024 * 1024;
function fromFailedRead(target, read) {
  const missing = read.code === "ENOENT";
  return {
    kind: "note",
    note: { kind: missing ? "missing" : "unreadable", message: missing ? `linked template '${target}' does not exist in the repository` : read.message }
  };
}
function fromParsed(target, parsed) {
  if (!parsed.ok) {
    const at = new LineIndex(parsed.text).positionAt(parsed.error.offset);
    return {
      kind: "note",
      note: { kind: "unreadable", message: `linked template '${target}' is not valid JSON: ${parsed.error.message} (line ${at.line}, column ${at.column})` }
    };
  }
  return { kind: "file", source: sourceOfParsed(target, parsed) };
}

// src/model/written-as.ts
function writtenExpression(source, raw) {
  if (source.origin === void 0 || typeof raw !== "string" || raw.length < 2 || !raw.startsWith("[") || !raw.endsWith("]") || raw.startsWith("[["))
    return void 0;
  return source.origin.spellExpression(raw, 1, raw.length - 1);
}

// src/expressions/value.ts
var Unknown = class {
  kind = "unknown";
  /** The expression text it stands for: for messages only, never to decide anything. */
  text;
  cause;
  /**
   * An upper bound of its length when it is a string (uniqueString \u2192 13, guid \u2192 36), so
   * take(concat('pid-', guid, '-', uniqueString(...)), 64) can stay a partial string.
   */
  maxLength;
  /** Its size in budget units, once measured (budget.ts sizeOf; a value never changes). */
  #size;
  constructor(text, cause, maxLength) {
    this.text = text;
    this.cause = cause;
    this.maxLength = maxLength;
  }
  /** The size `measure` gives, measured at most once. */
  sizeBy(measure) {
    return this.#size ??= measure(this);
  }
};
var PartialString = class {
  kind = "partial";
  parts;
  /** Its size in budget units, once measured (budget.ts sizeOf; a value never changes). */
  #size;
  constructor(parts) {
    this.parts = parts;
  }
  /** The size `measure` gives, measured at most once. */
  sizeBy(measure) {
    return this.#size ??= measure(this);
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
function* dependenciesOf(value, depth2 = 0) {
  if (depth2 > MAX_DEPENDENCY_DEPTH) return;
  if (value instanceof Unknown) {
    yield value;
    for (const input of causeInputs(value.cause)) yield* dependenciesOf(input, depth2 + 1);
  } else if (value instanceof PartialString) {
    for (const part of value.parts) if (part instanceof Unknown) yield* dependenciesOf(part, depth2 + 1);
  } else if (Array.isArray(value)) {
    for (const item of value) yield* dependenciesOf(item, depth2 + 1);
  } else if (typeof value === "object" && value !== null) {
    for (const key2 in value) {
      const item = value[key2];
      if (item !== void 0) yield* dependenciesOf(item, depth2 + 1);
    }
  }
}
var MAX_DEPENDENCY_DEPTH = 400;
function causeInputs(cause) {
  switch (cause.kind) {
    case "hash":
    case "call":
      return cause.inputs;
    case "member":
      return [cause.of, cause.key];
    default:
      return [];
  }
}
function dependsOn(value, test) {
  for (const unknown of dependenciesOf(value)) if (test(unknown)) return true;
  return false;
}
function contextPath(unknown) {
  const path = [];
  let current = unknown;
  for (let depth2 = 0; depth2 < MAX_DEPENDENCY_DEPTH; depth2++) {
    const cause = current.cause;
    if (cause.kind === "context") return { fn: cause.fn, path: path.reverse() };
    if (cause.kind !== "member" || !(cause.of instanceof Unknown)) return void 0;
    path.push(typeof cause.key === "string" || typeof cause.key === "number" ? cause.key : void 0);
    current = cause.of;
  }
  return void 0;
}
function sameUnknown(a, b, depth2 = 0) {
  if (a === b) return true;
  if (depth2 > MAX_DEPENDENCY_DEPTH) return false;
  const x2 = a.cause;
  const y = b.cause;
  switch (x2.kind) {
    case "hash":
    case "call":
      return y.kind === x2.kind && y.fn.toLowerCase() === x2.fn.toLowerCase() && sameValues(x2.inputs, y.inputs, depth2);
    case "parameter":
      return y.kind === "parameter" && y.name.toLowerCase() === x2.name.toLowerCase();
    case "context":
      return y.kind === "context" && y.fn === x2.fn;
    case "member":
      return y.kind === "member" && sameValues([x2.of, x2.key], [y.of, y.key], depth2);
    case "copy-index":
      return y.kind === "copy-index";
    case "copy-loop":
      return y.kind === "copy-loop" && y.name.toLowerCase() === x2.name.toLowerCase();
    default:
      return false;
  }
}
function sameValues(a, b, depth2) {
  if (a.length !== b.length) return false;
  return a.every((item, i2) => sameValue(item, b[i2] ?? null, depth2 + 1));
}
function sameValue(a, b, depth2) {
  if (a instanceof Unknown || b instanceof Unknown) return a instanceof Unknown && b instanceof Unknown && sameUnknown(a, b, depth2);
  if (a instanceof PartialString || b instanceof PartialString) {
    return a instanceof PartialString && b instanceof PartialString && sameValues(a.parts, b.parts, depth2);
  }
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && sameValues(a, b, depth2);
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key2) => key2 in b && sameValue(a[key2] ?? null, b[key2] ?? null, depth2 + 1));
  }
  return a === b;
}
function valueKey(value) {
  try {
    return JSON.stringify(value, (_key, item) => {
      if (item instanceof Unknown) return { unknown: item.text, from: causeInputs(item.cause) };
      if (item instanceof PartialString) return { parts: item.parts };
      return item;
    });
  } catch {
    return void 0;
  }
}

// src/expressions/budget.ts
var MAX_VALUE_SIZE = 4 * 1024 * 1024;
var MAX_STEPS = 4 * MAX_VALUE_SIZE;
var MAX_TOTAL_STEPS = 4 * MAX_STEPS;
function newTotalBudget() {
  return { remaining: MAX_TOTAL_STEPS };
}
var sizes = /* @__PURE__ */ new WeakMap();
function sizeOf(value) {
  if (typeof value === "string") return value.length + 2;
  if (typeof value !== "object" || value === null) return 1;
  if (value instanceof Unknown) return value.sizeBy(measureUnknown);
  if (value instanceof PartialString) return value.sizeBy((partial) => partsSize(partial.parts));
  const known = sizes.get(value);
  if (known !== void 0) return known;
  const size = Array.isArray(value) ? measureArray(value) : measureObject(value);
  sizes.set(value, size);
  return size;
}
function measureUnknown(value) {
  const cause = value.cause;
  let size = 1 + value.text.length;
  if (cause.kind === "hash" || cause.kind === "call") size += partsSize(cause.inputs);
  else if (cause.kind === "member") size += sizeOf(cause.of) + sizeOf(cause.key);
  return size;
}
function measureArray(items2) {
  let size = 1;
  for (const item of items2) size += sizeOf(item) + 1;
  return size;
}
function measureObject(value) {
  let size = 1;
  for (const key2 in value) {
    const item = value[key2];
    if (item !== void 0) size += key2.length + 4 + sizeOf(item);
  }
  return size;
}
function partsSize(items2) {
  let size = 1;
  for (const item of items2) size += sizeOf(item);
  return size;
}

// src/expressions/raw.ts
function findKey(record, name) {
  if (Object.hasOwn(record, name)) return name;
  const lower = name.toLowerCase();
  for (const key2 of Object.keys(record)) if (key2.toLowerCase() === lower) return key2;
  return void 0;
}
function propertyOf(record, name) {
  const key2 = findKey(record, name);
  return key2 === void 0 ? void 0 : record[key2];
}
function hasProperty(record, name) {
  return findKey(record, name) !== void 0;
}
function asRecord(value) {
  return isRecord(value) ? value : void 0;
}
function recordOf(record, name) {
  return asRecord(propertyOf(record, name));
}

// src/expressions/diagnostics.ts
var SCOPE_FUNCTION_SCOPES = {
  resourceGroup: ["resourceGroup"],
  subscription: ["resourceGroup", "subscription"]
};
function staticError(diagnostic, offset) {
  const message = describeDiagnostic(diagnostic);
  return offset === void 0 ? { message, kind: "static", diagnostic } : { message, offset, kind: "static", diagnostic };
}
function isCircularReference(error) {
  if (error.kind === "static") return error.diagnostic.code === "circular-parameter" || error.diagnostic.code === "circular-variable";
  return error.kind === void 0 && error.circular === true;
}
function describeDiagnostic(diagnostic) {
  switch (diagnostic.code) {
    case "syntax":
      return describeSyntax(diagnostic);
    case "unknown-function":
      return `unknown function '${diagnostic.name}'`;
    case "arity":
      return describeArity(diagnostic.function, diagnostic.min, diagnostic.max, diagnostic.got);
    case "undefined-parameter":
      return `parameter '${diagnostic.name}' is not defined in the template`;
    case "undefined-variable":
      return `variable '${diagnostic.name}' is not defined in the template`;
    case "circular-parameter":
      return `circular reference: parameter '${diagnostic.name}' depends on itself`;
    case "circular-variable":
      return `circular reference: variable '${diagnostic.name}' depends on itself`;
    case "wrong-scope": {
      const available = SCOPE_FUNCTION_SCOPES[diagnostic.function].map(describeScope).join(" or ");
      return `${diagnostic.function}() is only available in deployments to ${available}, not in a deployment to ${describeScope(diagnostic.scope)}`;
    }
  }
}
var TOKEN_TEXT = { "close-bracket": "']'", "argument-end": "',' or ')'" };
function describeSyntax(syntax) {
  switch (syntax.problem) {
    case "empty-expression":
      return "empty expression";
    case "unexpected-end":
      return "unexpected end of expression";
    case "unexpected-character":
      return `unexpected character '${syntax.found}'`;
    case "unexpected-identifier":
      return `unexpected identifier '${syntax.name}' (function calls need parentheses)`;
    case "bare-literal":
      return `'${syntax.name}' is not a literal in ARM expressions: write ${syntax.name.toLowerCase()}()`;
    case "expected":
      return describeExpected(TOKEN_TEXT[syntax.expected], syntax.found);
    case "expected-parenthesis":
      return describeExpected(`'(' after '${syntax.call}'`, syntax.found);
    case "expected-property-name":
      return "expected a property name after '.'";
    case "expected-function-name":
      return `expected a function name after '${syntax.namespace}.'`;
    case "unterminated-string":
      return "unterminated string literal";
    case "decimal-number":
      return `ARM expressions have no decimal numbers: '${syntax.text}' (write json('${syntax.text}'))`;
    case "number-out-of-range":
      return `'${syntax.text}' is not a number ARM reads (32-bit integers only)`;
    case "too-deep":
      return `expression nests deeper than ${syntax.limit} levels`;
  }
}
function describeExpected(what, found) {
  return found === void 0 ? `expected ${what} before the end of the expression` : `expected ${what} but found '${found}'`;
}
function describeArity(name, min, max2, got) {
  const expected = min === max2 ? `${min}` : max2 === void 0 ? `at least ${min}` : `${min} to ${max2}`;
  const singular = min === 1 && (max2 === min || max2 === void 0);
  return `function '${name}' expects ${expected} argument${singular ? "" : "s"} but got ${got}`;
}
function describeScope(kind) {
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
function encodeDiagnostics(diagnostics) {
  return `[${diagnostics.map((d) => JSON.stringify(d, Object.keys(d).sort())).join(",")}]`;
}
function decodeDiagnostics(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return void 0;
  }
  return Array.isArray(parsed) && parsed.every(isLocatedDiagnostic) ? parsed : void 0;
}
var SCOPE_KINDS = ["resourceGroup", "subscription", "managementGroup", "tenant"];
var FIELDS = {
  "unknown-function": { name: "string" },
  arity: { function: "string", min: "number", max: "optional number", got: "number" },
  "undefined-parameter": { name: "string" },
  "undefined-variable": { name: "string" },
  "circular-parameter": { name: "string" },
  "circular-variable": { name: "string" },
  "wrong-scope": { function: Object.keys(SCOPE_FUNCTION_SCOPES), scope: SCOPE_KINDS }
};
var SYNTAX_FIELDS = {
  "empty-expression": {},
  "unexpected-end": {},
  "unexpected-character": { found: "string" },
  "unexpected-identifier": { name: "string" },
  "bare-literal": { name: "string" },
  expected: { expected: Object.keys(TOKEN_TEXT), found: "optional string" },
  "expected-parenthesis": { call: "string", found: "optional string" },
  "expected-property-name": {},
  "expected-function-name": { namespace: "string" },
  "unterminated-string": {},
  "decimal-number": { text: "string" },
  "number-out-of-range": { text: "string" },
  "too-deep": { limit: "number" }
};
function fieldsOf(table, key2) {
  return typeof key2 === "string" && Object.hasOwn(table, key2) ? table[key2] : void 0;
}
function isLocatedDiagnostic(value) {
  if (!isRecord(value)) return false;
  const syntax = value["code"] === "syntax";
  const fields = syntax ? fieldsOf(SYNTAX_FIELDS, value["problem"]) : fieldsOf(FIELDS, value["code"]);
  if (fields === void 0 || !hasType(value["character"], "optional number")) return false;
  const keys = /* @__PURE__ */ new Set(["code", "character", ...syntax ? ["problem"] : [], ...Object.keys(fields)]);
  return Object.keys(value).every((key2) => keys.has(key2)) && Object.entries(fields).every(([key2, type]) => hasType(value[key2], type));
}
function hasType(value, type) {
  if (typeof type !== "string") return typeof value === "string" && type.includes(value);
  if (value === void 0) return type.startsWith("optional");
  return typeof value === (type.endsWith("string") ? "string" : "number");
}

// src/expressions/frame.ts
function newEvalState(total) {
  return { depth: 0, steps: MAX_STEPS, total, exhausted: false };
}
function spend(state, units) {
  state.steps -= units;
  state.total.remaining -= units;
  return state.steps >= 0 && state.total.remaining >= 0;
}
var MAX_DEPTH = 200;
function sourceText(frame, start, end) {
  return frame.scope.spelling?.spellExpression(frame.source, start, end) ?? frame.source.slice(start, end);
}
function report(frame, message, offset) {
  frame.errors.push(frame.withOffsets && offset !== void 0 ? { message, offset } : { message });
}
function reportStatic(frame, diagnostic, offset) {
  frame.errors.push(staticError(diagnostic, frame.withOffsets ? offset : void 0));
}
function reportBudget(errors, limit, offset) {
  const message = limit === "size" ? "the value is too large to evaluate (over the evaluation budget)" : "the evaluation takes too many steps (over the evaluation budget)";
  errors.push(offset === void 0 ? { message, kind: "budget", limit } : { message, offset, kind: "budget", limit });
}

// src/expressions/value-helpers.ts
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
  for (let i2 = parts.length - 1; i2 >= 0; i2--) {
    const part = parts[i2];
    if (typeof part !== "string") break;
    suffix = part + suffix;
  }
  return suffix;
}
function maxLengthOf(value) {
  let total = 0;
  for (const part of partsOf(value)) {
    if (typeof part === "string") total += part.length;
    else if (part.maxLength !== void 0) total += part.maxLength;
    else return void 0;
  }
  return total;
}
function isFullyKnown(value) {
  if (value instanceof Unknown || value instanceof PartialString) return false;
  if (Array.isArray(value)) return value.every(isFullyKnown);
  if (isObject(value)) {
    for (const key2 in value) {
      const item = value[key2];
      if (item !== void 0 && !isFullyKnown(item)) return false;
    }
  }
  return true;
}
function getProperty(object, name) {
  if (Object.hasOwn(object, name)) return object[name];
  const key2 = foldedKey(object, name);
  return key2 === void 0 ? void 0 : object[key2];
}
var SCAN_KEYS = 16;
var foldedIndexes = /* @__PURE__ */ new WeakMap();
function foldedKey(object, name) {
  const lower = name.toLowerCase();
  const keys = Object.keys(object);
  if (keys.length <= SCAN_KEYS) return keys.find((key2) => key2.toLowerCase() === lower);
  let index = foldedIndexes.get(object);
  if (index === void 0) {
    index = /* @__PURE__ */ new Map();
    for (const key2 of keys) if (!index.has(key2.toLowerCase())) index.set(key2.toLowerCase(), key2);
    foldedIndexes.set(object, index);
  }
  return index.get(lower);
}
function setProperty2(object, key2, value) {
  if (key2 === "__proto__") Object.defineProperty(object, key2, { value, enumerable: true, writable: true, configurable: true });
  else object[key2] = value;
}
function fromJson(raw, depth2 = 0) {
  if (raw === null || typeof raw === "string" || typeof raw === "boolean") return raw;
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (depth2 > 200) return new Unknown("(value nested too deeply)", { kind: "limit", limit: "depth" });
  if (Array.isArray(raw)) return raw.map((item) => fromJson(item, depth2 + 1));
  if (typeof raw === "object") {
    const out = {};
    for (const [key2, item] of Object.entries(raw)) setProperty2(out, key2, fromJson(item, depth2 + 1));
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
    for (let i2 = 0; i2 < a.length; i2++) {
      const result = armEquals(a[i2] ?? null, b[i2] ?? null);
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
    for (const key2 of keys) {
      const other = getProperty(b, key2);
      if (other === void 0) return false;
      const result = armEquals(a[key2] ?? null, other);
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
  const m5 = Math.min(suffixA.length, suffixB.length);
  if (suffixA.slice(suffixA.length - m5) !== suffixB.slice(suffixB.length - m5)) return false;
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
function accessProperty(target, name, start, end, frame) {
  if (target instanceof Unknown) return new Unknown(spelled(frame, start, end) ?? `${target.text}.${name}`, { kind: "member", of: target, key: name });
  if (isObject(target)) {
    const value = getProperty(target, name);
    if (value !== void 0) return value;
    report(frame, `property '${name}' does not exist on the object`, end - name.length);
    return new Unknown(sourceText(frame, start, end), { kind: "invalid" });
  }
  report(frame, `cannot read property '${name}' of ${describeType(target)}`, end - name.length);
  return new Unknown(sourceText(frame, start, end), { kind: "invalid" });
}
function accessIndex(target, index, start, end, frame) {
  if (index instanceof Unknown || index instanceof PartialString) return new Unknown(sourceText(frame, start, end), { kind: "member", of: target, key: index });
  if (target instanceof Unknown) {
    const text = spelled(frame, start, end);
    if (typeof index === "number") return new Unknown(text ?? `${target.text}[${numberText(index)}]`, { kind: "member", of: target, key: index });
    if (typeof index === "string") return new Unknown(text ?? `${target.text}[${quote(index)}]`, { kind: "member", of: target, key: index });
  }
  if (Array.isArray(target) && typeof index === "number") {
    const item = Number.isInteger(index) ? target[index] : void 0;
    if (item !== void 0) return item;
    report(frame, `index ${numberText(index)} is out of range for an array of length ${target.length}`, start);
    return new Unknown(sourceText(frame, start, end), { kind: "invalid" });
  }
  if (isObject(target) && typeof index === "string") {
    const value = getProperty(target, index);
    if (value !== void 0) return value;
    report(frame, `property '${index}' does not exist on the object`, start);
    return new Unknown(sourceText(frame, start, end), { kind: "invalid" });
  }
  report(frame, `cannot index ${describeType(target)} with ${describeType(index)}`, start);
  return new Unknown(sourceText(frame, start, end), { kind: "invalid" });
}
function describeType(value) {
  const name = typeName(value);
  return name === "array" || name === "object" || name === "int" || name === "unknown" ? `an ${name}` : `a ${name}`;
}
function spelled(frame, start, end) {
  return frame.scope.spelling?.spellExpression(frame.source, start, end);
}

// src/expressions/guid.ts
var ARM_NAMESPACE = "11fb06fb-712d-4ddd-98c7-e71bbd588830";
function armGuid(values) {
  return uuidV5(ARM_NAMESPACE, values.join("-"));
}
function uuidV5(namespace, name) {
  const hash = process.getBuiltinModule("node:crypto").createHash("sha1").update(Buffer.from(namespace.replaceAll("-", ""), "hex")).update(name, "utf8").digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6] ?? 0) & 15 | 80;
  b[8] = (b[8] ?? 0) & 63 | 128;
  const hex = b.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

// src/expressions/dotnet-number-format.ts
function formatNumber(value, format3) {
  if (!Number.isInteger(value)) return format3 === "" ? plainNonInteger(value) : void 0;
  if (!Number.isSafeInteger(value)) return void 0;
  if (format3 === "") return integerText(value);
  const standard = parseStandard(format3);
  if (standard === "custom") return formatCustom(value, format3);
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
function parseStandard(format3) {
  const letter = format3.charCodeAt(0);
  if (!(letter >= 65 && letter <= 90 || letter >= 97 && letter <= 122)) return "custom";
  for (let i2 = 1; i2 < format3.length; i2++) {
    const c = format3.charCodeAt(i2);
    if (c < 48 || c > 57) return "custom";
  }
  if (format3.length === 1) return { letter: format3, precision: void 0 };
  const precision = Number(format3.slice(1));
  return precision > 99 ? void 0 : { letter: format3[0] ?? "", precision };
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
  for (let i2 = 0; i2 < digits.length; i2++) {
    if (i2 > 0 && (digits.length - i2) % 3 === 0) out += ",";
    out += digits[i2];
  }
  return out;
}
var NO_DIGIT = 2147483647;
var ZERO = { digits: "", scale: 0, negative: false };
function formatCustom(value, format3) {
  const digits = value === 0 ? "" : Math.abs(value).toFixed(0);
  let number = { digits, scale: digits.length, negative: value < 0 };
  let section = findSection(format3, value === 0 ? 2 : value < 0 ? 1 : 0);
  let shape;
  for (; ; ) {
    shape = analyzeSection(format3, section);
    if (shape.scientific) return void 0;
    if (number.digits === "") {
      number = ZERO;
      break;
    }
    const scale = number.scale + shape.scaleAdjust;
    number = roundDigits({ ...number, scale }, scale + shape.digitCount - shape.decimalPos);
    if (number.digits === "") {
      const zeroSection = findSection(format3, 2);
      if (zeroSection !== section) {
        section = zeroSection;
        continue;
      }
    }
    break;
  }
  return writeSection(format3, section, shape, number);
}
function findSection(format3, wanted) {
  if (wanted === 0) return 0;
  let section = wanted;
  let i2 = 0;
  while (i2 < format3.length) {
    const c = format3[i2++];
    if (c === "'" || c === '"') {
      while (i2 < format3.length && format3[i2++] !== c) ;
    } else if (c === "\\") {
      if (i2 < format3.length) i2++;
    } else if (c === ";") {
      if (--section !== 0) continue;
      return i2 < format3.length && format3[i2] !== ";" ? i2 : 0;
    }
  }
  return 0;
}
function analyzeSection(format3, start) {
  let digitCount = 0;
  let decimalPos = -1;
  let firstDigit = NO_DIGIT;
  let lastDigit = 0;
  let scientific = false;
  let thousandPos = -1;
  let thousandCount = 0;
  let thousandSeps = false;
  let scaleAdjust = 0;
  let i2 = start;
  while (i2 < format3.length) {
    const c = format3[i2++];
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
        while (i2 < format3.length && format3[i2++] !== c) ;
        break;
      case "\\":
        if (i2 < format3.length) i2++;
        break;
      case "E":
      case "e":
        if (format3[i2] === "0" || (format3[i2] === "+" || format3[i2] === "-") && format3[i2 + 1] === "0") scientific = true;
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
  let i2 = Math.min(Math.max(keep, 0), digits.length);
  if (keep >= 0 && i2 === keep && i2 < digits.length && digits.charCodeAt(i2) >= 53) {
    while (i2 > 0 && digits[i2 - 1] === "9") i2--;
    if (i2 > 0) {
      digits = digits.slice(0, i2 - 1) + String.fromCharCode(digits.charCodeAt(i2 - 1) + 1);
    } else {
      scale++;
      digits = "1";
    }
  } else {
    while (i2 > 0 && digits[i2 - 1] === "0") i2--;
    digits = digits.slice(0, i2);
  }
  if (digits === "") {
    scale = 0;
    negative = false;
  }
  return { digits, scale, negative };
}
function writeSection(format3, section, shape, number) {
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
  let i2 = section;
  while (i2 < format3.length) {
    const c = format3[i2++] ?? "";
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
        while (i2 < format3.length && format3[i2] !== c) out += format3[i2++];
        if (i2 < format3.length) i2++;
        break;
      case "\\":
        if (i2 < format3.length) out += format3[i2++];
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
  let i2 = 0;
  const n = template.length;
  while (i2 < n) {
    let next = i2;
    while (next < n && template.charCodeAt(next) !== OPEN && template.charCodeAt(next) !== CLOSE) next++;
    if (next > i2) {
      text += template.slice(i2, next);
      i2 = next;
      if (i2 === n) break;
    }
    const c = template.charCodeAt(i2);
    if (c === CLOSE) {
      if (template.charCodeAt(i2 + 1) === CLOSE) {
        text += "}";
        i2 += 2;
        continue;
      }
      return { kind: "error", message: `unmatched '}' at position ${i2} of the format string` };
    }
    if (template.charCodeAt(i2 + 1) === OPEN) {
      text += "{";
      i2 += 2;
      continue;
    }
    let index;
    let alignment = 0;
    let format3 = "";
    const digit = template.charCodeAt(i2 + 1) - 48;
    if (digit >= 0 && digit <= 9 && template.charCodeAt(i2 + 2) === CLOSE) {
      index = digit;
      i2 += 3;
    } else {
      const item = parseItem(template, i2);
      if (item === "unknown") return { kind: "unknown" };
      if (typeof item === "string") return { kind: "error", message: item };
      ({ index, alignment, format: format3 } = item);
      i2 = item.end;
    }
    if (index >= count) return { kind: "error", message: `format item {${index}} has no argument (${count} given)` };
    const rendered = renderValue(values[first + index] ?? null, format3);
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
var COMMA2 = 44;
var COLON = 58;
var MINUS = 45;
var ITEM_LIMIT = 1e6;
function parseItem(template, open) {
  let i2 = open + 1;
  const index = readDigits(template, i2);
  if (index === void 0) return invalidItem(open);
  i2 = index.end;
  i2 = skipSpaces(template, i2);
  let alignment = 0;
  if (template.charCodeAt(i2) === COMMA2) {
    i2 = skipSpaces(template, i2 + 1);
    const left = template.charCodeAt(i2) === MINUS;
    if (left) i2++;
    const width = readDigits(template, i2);
    if (width === void 0) return invalidItem(open);
    alignment = left ? -width.value : width.value;
    i2 = skipSpaces(template, width.end);
  }
  let format3 = "";
  if (template.charCodeAt(i2) === COLON) {
    const close = template.indexOf("}", i2 + 1);
    if (close === -1) return `unmatched '{' at position ${open} of the format string`;
    format3 = template.slice(i2 + 1, close);
    if (format3.includes("{") || template.charCodeAt(close + 1) === CLOSE) return "unknown";
    i2 = close;
  }
  if (i2 >= template.length) return `unmatched '{' at position ${open} of the format string`;
  if (template.charCodeAt(i2) !== CLOSE) return invalidItem(open);
  return { index: index.value, alignment, format: format3, end: i2 + 1 };
}
function invalidItem(open) {
  return `invalid format item at position ${open} of the format string`;
}
function readDigits(text, from) {
  let i2 = from;
  let value = 0;
  while (i2 < text.length) {
    const c = text.charCodeAt(i2);
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
    if (value >= ITEM_LIMIT) return void 0;
    i2++;
  }
  return i2 === from ? void 0 : { value, end: i2 };
}
function skipSpaces(text, from) {
  let i2 = from;
  while (text.charCodeAt(i2) === SPACE) i2++;
  return i2;
}
function align(text, alignment) {
  if (alignment > 0) return text.padStart(alignment);
  if (alignment < 0) return text.padEnd(-alignment);
  return text;
}
function renderValue(value, format3) {
  if (typeof value === "string") return value;
  if (value instanceof Unknown) return [value];
  if (value instanceof PartialString) return [...value.parts];
  if (Array.isArray(value) || typeof value === "object" && value !== null) {
    return isFullyKnown(value) ? compactJson(value).replaceAll('"', "'") : void 0;
  }
  if (typeof value === "number") return formatNumber(value, format3);
  return scalarText(value);
}

// src/expressions/unique-string.ts
var BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
var C1 = 597399067;
var C2 = 2869860233;
var F1 = 2246822507;
var F2 = 3266489909;
function rotl(x2, r) {
  return (x2 << r | x2 >>> 32 - r) >>> 0;
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
  const byte = (i3) => data[i3] ?? 0;
  const word = (i3) => (byte(i3) | byte(i3 + 1) << 8 | byte(i3 + 2) << 16 | byte(i3 + 3) << 24) >>> 0;
  let h1 = 0;
  let h2 = 0;
  let i2 = 0;
  for (; i2 + 7 < length2; i2 += 8) {
    const k1 = mul(rotl(mul(word(i2), C1), 15), C2);
    h1 = rotl((h1 ^ k1) >>> 0, 19);
    h1 = mul(h1 + h2 >>> 0, 5) + 1444728091 >>> 0;
    const k2 = mul(rotl(mul(word(i2 + 4), C2), 17), C1);
    h2 = rotl((h2 ^ k2) >>> 0, 13);
    h2 = mul(h2 + h1 >>> 0, 5) + 197830471 >>> 0;
  }
  const tail = length2 - i2;
  if (tail > 0) {
    const k1 = tail >= 4 ? word(i2) : byte(i2) | (tail > 1 ? byte(i2 + 1) << 8 : 0) | (tail > 2 ? byte(i2 + 2) << 16 : 0);
    h1 = (h1 ^ mul(rotl(mul(k1 >>> 0, C1), 15), C2)) >>> 0;
    if (tail > 4) {
      const k2 = byte(i2 + 4) | (tail > 5 ? byte(i2 + 5) << 8 : 0) | (tail > 6 ? byte(i2 + 6) << 16 : 0);
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
  for (let i2 = 0; i2 < 13; i2++) {
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
function intArg(call, i2) {
  const value = call.arg(i2);
  if (value instanceof Unknown || value instanceof PartialString) return call.unknown();
  if (typeof value === "number" && Number.isInteger(value)) return value;
  return call.fail(`function '${call.name}' expects an integer as argument ${i2 + 1}, got ${typeName(value)}`);
}
function stringArg(call, i2) {
  const value = call.arg(i2);
  if (value instanceof Unknown || value instanceof PartialString) return call.unknown();
  if (typeof value === "string") return value;
  return call.fail(`function '${call.name}' expects a string as argument ${i2 + 1}, got ${typeName(value)}`);
}
function textArg(call, i2) {
  const value = call.arg(i2);
  if (isStringLike(value)) return value;
  call.fail(`function '${call.name}' expects a string as argument ${i2 + 1}, got ${typeName(value)}`);
  return void 0;
}
function concat(call) {
  let text = "";
  for (let i2 = 0; i2 < call.argCount; i2++) {
    const value = call.arg(i2);
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
function format2(call) {
  const template = call.arg(0);
  if (template instanceof Unknown || template instanceof PartialString) return call.unknown();
  if (typeof template !== "string") return call.fail(`format expects a format string, got ${typeName(template)}`);
  const values = call.args();
  let largest = 0;
  for (let i2 = 1; i2 < values.length; i2++) largest = Math.max(largest, sizeOf(values[i2] ?? null));
  if (template.length + countOf(template, "{") * largest > MAX_VALUE_SIZE) return call.overBudget("size");
  const result = composeFormat(template, values, 1);
  if (typeof result === "string") return result;
  if (result.kind === "error") return call.fail(`format: ${result.message}`);
  if (result.kind === "unknown") return call.unknown();
  return joinParts(result.parts);
}
function changeCase(call, convert, fnName) {
  const value = textArg(call, 0);
  if (value === void 0) return call.unknown();
  if (typeof value === "string") return convert(value);
  if (value instanceof Unknown) return wrapUnknown(value, call.text, fnName);
  return joinParts(value.parts.map((part) => typeof part === "string" ? convert(part) : wrapUnknown(part, `${fnName}(${part.text})`, fnName)));
}
function wrapUnknown(unknown, text, fnName) {
  return new Unknown(text, { kind: "call", fn: fnName, inputs: [unknown] }, unknown.maxLength);
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
  const max2 = maxLengthOf(source);
  if (max2 !== void 0 && max2 <= count) return source;
  const prefix = knownPrefix(source);
  if (count <= prefix.length) return prefix.slice(0, count);
  return joinParts([...partsThatFit(partsOf(source), count), call.unknown()]);
}
function partsThatFit(parts, count) {
  const kept = [];
  let length2 = 0;
  for (const part of parts) {
    const max2 = typeof part === "string" ? part.length : part.maxLength;
    if (max2 === void 0 || length2 + max2 > count) {
      if (typeof part === "string" && part.length > 0 && length2 < count) kept.push(part.slice(0, count - length2));
      break;
    }
    kept.push(part);
    length2 += max2;
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
  if (typeof source === "string") {
    if (newValue.length > oldValue.length && source.length + countOf(source, oldValue) * (newValue.length - oldValue.length) > MAX_VALUE_SIZE)
      return call.overBudget("size");
    return source.replaceAll(oldValue, newValue);
  }
  if (oldValue.length !== 1 || source instanceof Unknown) return call.unknown();
  const args = `${quote(oldValue)}, ${quote(newValue)}`;
  return joinParts(
    source.parts.map(
      (part) => typeof part === "string" ? part.replaceAll(oldValue, newValue) : new Unknown(`replace(${part.text}, ${args})`, { kind: "call", fn: "replace", inputs: [part, oldValue, newValue] })
    )
  );
}
function countOf(text, needle) {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
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
  if (total > MAX_VALUE_SIZE) return call.overBudget("size");
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
  if (!call.afford(source.length * delimiters.length)) return call.overBudget("steps");
  const out = [];
  let start = 0;
  let i2 = 0;
  outer: while (i2 < source.length) {
    for (const d of delimiters) {
      if (source.startsWith(d, i2)) {
        out.push(source.slice(start, i2));
        i2 += d.length;
        start = i2;
        continue outer;
      }
    }
    i2++;
  }
  out.push(source.slice(start));
  return out;
}
function join2(call) {
  const items2 = call.arg(0);
  const delimiter = stringArg(call, 1);
  if (delimiter instanceof Unknown) return delimiter;
  if (items2 instanceof Unknown) return call.unknown();
  if (!Array.isArray(items2)) return call.fail(`join expects an array, got ${typeName(items2)}`);
  if (sizeOf(items2) + items2.length * delimiter.length > MAX_VALUE_SIZE) return call.overBudget("size");
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
function hashOf(call, fnName, hash, length2) {
  const values = call.args();
  let unknown = false;
  for (const [i2, value] of values.entries()) {
    if (value instanceof Unknown || value instanceof PartialString) unknown = true;
    else if (typeof value !== "string") return call.fail(`function '${call.name}' expects string arguments, argument ${i2 + 1} is ${typeName(value)}`);
  }
  if (unknown) return new Unknown(call.text, { kind: "hash", fn: fnName, inputs: values }, length2);
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
  let quote3;
  for (let i2 = 0; i2 < text.length; i2++) {
    const ch = text[i2] ?? "";
    if (quote3 === void 0 && (ch === "'" || ch === '"')) {
      quote3 = ch;
      out += '"';
    } else if (quote3 !== void 0 && ch === quote3) {
      if (quote3 === "'" && text[i2 + 1] === "'") {
        out += "'";
        i2++;
      } else {
        quote3 = void 0;
        out += '"';
      }
    } else if (quote3 === "'" && ch === '"') out += '\\"';
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
  const relative2 = textArg(call, 1);
  if (base === void 0 || relative2 === void 0) return call.unknown();
  const relativeParts = partsOf(relative2);
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
  format: fn(1, Infinity, format2),
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
  join: fn(2, 2, join2),
  startsWith: fn(2, 2, (call) => startsOrEndsWith(call, true)),
  endsWith: fn(2, 2, (call) => startsOrEndsWith(call, false)),
  guid: fn(1, Infinity, (call) => hashOf(call, "guid", armGuid, GUID_LENGTH)),
  uniqueString: fn(1, Infinity, (call) => hashOf(call, "uniqueString", armUniqueString, UNIQUE_STRING_LENGTH)),
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
  for (let i2 = 0; i2 < call.argCount; i2 += 2) {
    const key2 = call.arg(i2);
    if (key2 instanceof Unknown || key2 instanceof PartialString) {
      call.args();
      return call.unknown();
    }
    if (typeof key2 !== "string") return call.fail(`createObject keys must be strings, got ${typeName(key2)}`);
    setProperty2(out, key2, call.arg(i2 + 1));
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
  for (const i2 of order) {
    const equal = armEquals(items2[i2] ?? null, item);
    if (equal === true && !undecided) return asIndex ? i2 : true;
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
        if (!call.afford(out.length)) return call.overBudget("steps");
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
  const keys = /* @__PURE__ */ new Map();
  for (const key2 of Object.keys(out)) if (!keys.has(key2.toLowerCase())) keys.set(key2.toLowerCase(), key2);
  for (const [key2, value] of Object.entries(patch)) {
    const existingKey = keys.get(key2.toLowerCase());
    if (existingKey === void 0) keys.set(key2.toLowerCase(), key2);
    const existing = existingKey === void 0 ? void 0 : out[existingKey];
    if (existingKey !== void 0 && existingKey !== key2) delete out[existingKey];
    setProperty2(out, existingKey ?? key2, isObject(existing) && isObject(value) ? merge(existing, value) : value);
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
      if (!call.afford(out.length + rest.reduce((n, list) => n + list.length, 0))) return call.overBudget("steps");
      if (out.some((o) => armEquals(o, item))) continue;
      if (rest.every((list) => list.some((other) => armEquals(other, item)))) out.push(item);
    }
    return out;
  }
  if (isObject(first) && rest.every(isObject)) {
    const out = {};
    for (const [key2, value] of Object.entries(first)) {
      if (rest.every((o) => armEquals(getProperty(o, key2) ?? null, value) === true && getProperty(o, key2) !== void 0)) setProperty2(out, key2, value);
    }
    return out;
  }
  return call.fail("intersection expects arguments that are all arrays or all objects");
}
function items(call) {
  const value = call.arg(0);
  if (value instanceof Unknown) return call.unknown();
  if (!isObject(value)) return call.fail(`items expects an object, got ${typeName(value)}`);
  return Object.keys(value).sort().map((key2) => ({ key: key2, value: value[key2] ?? null }));
}
function objectKeys(call) {
  const value = call.arg(0);
  if (value instanceof Unknown) return call.unknown();
  if (!isObject(value)) return call.fail(`objectKeys expects an object, got ${typeName(value)}`);
  return Object.keys(value);
}
function tryGet(call) {
  let current = call.arg(0);
  for (let i2 = 1; i2 < call.argCount; i2++) {
    const key2 = call.arg(i2);
    if (current === null) return null;
    if (current instanceof Unknown || key2 instanceof Unknown || key2 instanceof PartialString) return call.unknown();
    if (isObject(current) && typeof key2 === "string") current = getProperty(current, key2) ?? null;
    else if (Array.isArray(current) && typeof key2 === "number") current = current[key2] ?? null;
    else return null;
  }
  return current;
}
function coalesce(call) {
  for (let i2 = 0; i2 < call.argCount; i2++) {
    const value = call.arg(i2);
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
  return Array.from({ length: count }, (_, i2) => start + i2);
}
function minMax(call, max2) {
  let values = call.args();
  const only = values[0];
  if (values.length === 1 && Array.isArray(only)) values = only;
  if (values.length === 0) return call.fail(`function '${call.name}' needs at least one value`);
  let best;
  for (const value of values) {
    if (value instanceof Unknown || value instanceof PartialString) return call.unknown();
    if (typeof value !== "number") return call.fail(`function '${call.name}' expects integers, got ${typeName(value)}`);
    if (best === void 0 || (max2 ? value > best : value < best)) best = value;
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
    for (const [key2, entry] of Object.entries(item)) setProperty2(out, key2, entry);
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
  objectKeys: fn(1, 1, objectKeys),
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
  const name = call.arg(0);
  if (name instanceof Unknown) return call.unknown();
  if (typeof name !== "string") return call.fail(`${what} name must be a string`);
  const { scope, state, errors } = call.frame;
  const resolution = what === "parameter" ? scope.resolveParameter(name, state) : scope.resolveVariable(name, state);
  switch (resolution.kind) {
    case "missing":
      return call.reject({ code: what === "parameter" ? "undefined-parameter" : "undefined-variable", name });
    case "cycle":
      return call.reject({ code: what === "parameter" ? "circular-parameter" : "circular-variable", name });
    case "value":
      for (const error of resolution.errors) errors.push({ ...error });
      return resolution.value;
  }
}
function copyIndex(call) {
  const first = call.argCount > 0 ? call.arg(0) : null;
  const loopName = typeof first === "string" ? first.toLowerCase() : void 0;
  const offsetValue = typeof first === "number" ? first : call.argCount > 1 ? call.arg(1) : 0;
  if (first instanceof Unknown || offsetValue instanceof Unknown) return copyIndexUnknown(call);
  if (first !== null && typeof first !== "string" && typeof first !== "number") return call.fail("copyIndex expects a loop name or an offset");
  if (typeof offsetValue !== "number" || !Number.isInteger(offsetValue)) return call.fail("copyIndex offset must be an integer");
  const loops = call.frame.copy;
  for (let i2 = loops.length - 1; i2 >= 0; i2--) {
    const loop = loops[i2];
    if (loop !== void 0 && (loopName === void 0 || loop.name === loopName)) return loop.index + offsetValue;
  }
  return copyIndexUnknown(call);
}
function copyIndexUnknown(call) {
  return new Unknown(call.text, { kind: "copy-index" });
}
function contextObject(canonical) {
  return (call) => {
    if (call.argCount > 0) {
      call.args();
      return new Unknown(call.text, { kind: "context", fn: canonical });
    }
    return new Unknown(`${canonical}()`, { kind: "context", fn: canonical });
  };
}
function scopeObject(canonical) {
  const available = new Set(SCOPE_FUNCTION_SCOPES[canonical]);
  const context = contextObject(canonical);
  return (call) => {
    const scope = call.frame.scope.kind;
    if (scope !== void 0 && !available.has(scope)) return call.reject({ code: "wrong-scope", function: canonical, scope });
    return context(call);
  };
}
var deploymentFunctions = {
  parameters: fn(1, 1, (call) => lookup(call, "parameter")),
  variables: fn(1, 1, (call) => lookup(call, "variable")),
  copyIndex: fn(0, 2, copyIndex),
  deployment: fn(0, 0, contextObject("deployment")),
  resourceGroup: fn(0, 0, scopeObject("resourceGroup")),
  subscription: fn(0, 0, scopeObject("subscription")),
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
  "objectKeys",
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
  for (const [i2, value] of call.args().entries()) {
    if (typeof value === "boolean") {
      if (value !== isAnd) decided = true;
    } else if (value instanceof Unknown) unknown = true;
    else return call.fail(`function '${call.name}' expects booleans, argument ${i2 + 1} is ${typeName(value)}`);
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
var functions = /* @__PURE__ */ new Map();
for (const name of DOCUMENTED_FUNCTIONS) functions.set(name.toLowerCase(), "known");
for (const table of [stringFunctions, collectionFunctions, logicFunctions, deploymentFunctions]) {
  for (const [name, spec] of Object.entries(table)) functions.set(name.toLowerCase(), spec);
}
var ASCII = /^[\x20-\x7e]*$/;
function resolveFunctionName(name) {
  const known = byWrittenName.get(name);
  if (known !== void 0) return known;
  if (!ASCII.test(name)) return void 0;
  const lower = name.toLowerCase();
  const resolution = functions.get(lower) ?? (lower.length > 4 && lower.startsWith("list") ? "known" : void 0);
  if (resolution !== void 0) byWrittenName.set(name, resolution);
  return resolution;
}
var byWrittenName = /* @__PURE__ */ new Map();

// src/expressions/scanner.ts
var SyntaxFailure = class extends Error {
  syntax;
  offset;
  constructor(syntax, offset) {
    super(syntax.problem);
    this.syntax = syntax;
    this.offset = offset;
  }
};
var OPEN_BRACKET = 91;
var CLOSE_BRACKET = 93;
var OPEN_PAREN = 40;
var CLOSE_PAREN = 41;
var QUOTE2 = 39;
var COMMA3 = 44;
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
function isDigit2(c) {
  return c >= 48 && c <= 57;
}
function isAnyDigit(c) {
  return isDigit2(c) || c >= 128 && OTHER_DIGIT.test(String.fromCharCode(c));
}
function asciiDigitsOnly(text, from) {
  if (text.length <= from) return false;
  for (let i2 = from; i2 < text.length; i2++) if (!isDigit2(text.charCodeAt(i2))) return false;
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
      const quote3 = this.src.indexOf("'", chunkStart);
      if (quote3 === -1 || quote3 >= this.end) throw new SyntaxFailure({ problem: "unterminated-string" }, start);
      if (quote3 + 1 < this.end && this.src.charCodeAt(quote3 + 1) === QUOTE2) {
        value += this.src.slice(chunkStart, quote3 + 1);
        chunkStart = quote3 + 2;
        continue;
      }
      value += this.src.slice(chunkStart, quote3);
      this.pos = quote3 + 1;
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
    if (decimal) throw new SyntaxFailure({ problem: "decimal-number", text }, start);
    const value = asciiDigitsOnly(text, sign === MINUS2 || sign === PLUS ? 1 : 0) ? Number(text) : NaN;
    if (!(value >= INT32_MIN && value <= INT32_MAX)) throw new SyntaxFailure({ problem: "number-out-of-range", text }, start);
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
    if (this.pos >= this.end) return new SyntaxFailure({ problem: "unexpected-end" }, this.pos);
    return new SyntaxFailure({ problem: "unexpected-character", found: this.src[this.pos] ?? "" }, this.pos);
  }
  expected(token) {
    return new SyntaxFailure({ problem: "expected", expected: token, ...this.found() }, this.pos);
  }
  /** The character at `pos`, or nothing at the end of the expression. */
  found() {
    return this.pos >= this.end ? {} : { found: this.src[this.pos] ?? "" };
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
    return { ok: false, error: { syntax: error.syntax, offset: error.offset } };
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
    if (this.pos >= this.end) throw new SyntaxFailure({ problem: "empty-expression" }, this.pos);
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
    if (++this.nesting > MAX_NESTING) throw new SyntaxFailure({ problem: "too-deep", limit: MAX_NESTING }, this.pos);
    this.skipSpace();
    if (this.pos >= this.end) throw new SyntaxFailure({ problem: "unexpected-end" }, this.pos);
    const c = this.src.charCodeAt(this.pos);
    const start = this.pos;
    let node;
    if (c === QUOTE2) {
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
        const name = this.readIdentifier();
        if (name === "") throw new SyntaxFailure({ problem: "expected-property-name" }, nameStart);
        node = { kind: "property", start: node.start, end: this.pos, target: node, name };
      } else if (c === OPEN_BRACKET) {
        this.pos++;
        const index = this.parseExpression();
        this.skipSpace();
        if (this.peek() !== CLOSE_BRACKET) throw this.expected("close-bracket");
        this.pos++;
        node = { kind: "index", start: node.start, end: this.pos, target: node, index };
      } else {
        return node;
      }
    }
  }
  /** `name(...)` or, for user-defined functions, `namespace.name(...)`. */
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
      if (nameEnd === nameStart) throw new SyntaxFailure({ problem: "expected-function-name", namespace }, nameStart);
      this.skipSpace();
    }
    if (this.peek() !== OPEN_PAREN) throw this.notACall(start, namespace, this.src.slice(nameStart, nameEnd));
    this.pos++;
    const resolved = namespace === void 0 ? resolveFunctionName(this.src.slice(nameStart, nameEnd)) ?? "unknown" : void 0;
    const node = { kind: "call", start, end: start, nameStart, nameEnd, namespace, args: NO_ARGS, resolved };
    if (resolved === "unknown") (this.unknownFunctions ??= []).push(node);
    node.args = this.parseArguments();
    node.end = this.pos;
    return node;
  }
  notACall(start, namespace, name) {
    if (namespace !== void 0) return new SyntaxFailure({ problem: "expected-parenthesis", call: `${namespace}.${name}`, ...this.found() }, this.pos);
    const lower = name.toLowerCase();
    if (lower === "true" || lower === "false" || lower === "null") return new SyntaxFailure({ problem: "bare-literal", name }, start);
    return new SyntaxFailure({ problem: "unexpected-identifier", name }, start);
  }
  parseArguments() {
    this.skipSpace();
    if (this.peek() === CLOSE_PAREN) {
      this.pos++;
      return NO_ARGS;
    }
    const args = [];
    do
      args.push(this.parseArgument());
    while (!this.closed);
    return args;
  }
  /** One argument and the ',' or ')' after it; sets `closed` when that was ')'. */
  parseArgument() {
    const node = this.parseExpression();
    this.skipSpace();
    const c = this.peek();
    if (c !== COMMA3 && c !== CLOSE_PAREN) throw this.expected("argument-end");
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
  if (!spend(ctx.state, 1)) return rawOverBudget(ctx, "steps");
  if (++ctx.state.depth > MAX_DEPTH) {
    ctx.state.depth--;
    ctx.errors.push({ message: `value nests deeper than ${MAX_DEPTH} levels` });
    return new Unknown("(value nested too deeply)", { kind: "limit", limit: "depth" });
  }
  try {
    const nested = ctx.withOffsets ? { ...ctx, withOffsets: false } : ctx;
    if (Array.isArray(raw)) {
      const out = new Array(raw.length);
      for (let i2 = 0; i2 < raw.length; i2++) out[i2] = evaluateRaw(raw[i2], nested);
      return sizeOf(out) > MAX_VALUE_SIZE ? rawOverBudget(ctx, "size") : out;
    }
    const object = evaluateObject(raw, nested);
    return sizeOf(object) > MAX_VALUE_SIZE ? rawOverBudget(ctx, "size") : object;
  } finally {
    ctx.state.depth--;
  }
}
function rawOverBudget(ctx, limit) {
  if (limit === "size" || !ctx.state.exhausted) reportBudget(ctx.errors, limit, void 0);
  if (limit === "steps") ctx.state.exhausted = true;
  return new Unknown("(value over the evaluation budget)", { kind: "limit", limit });
}
function evaluateTopLevelString(raw, scope) {
  const errors = [];
  const value = evaluateString(raw, scope, errors, newEvalState(scope.budget), NO_COPY, true);
  return { value, errors: dedupe(errors) };
}
function dedupe(errors) {
  if (errors.length < 2) return errors;
  const seen = /* @__PURE__ */ new Set();
  return errors.filter((error) => {
    const key2 = `${error.offset ?? ""}|${error.message}`;
    if (seen.has(key2)) return false;
    seen.add(key2);
    return true;
  });
}
function evaluateString(raw, scope, errors, state, copy, withOffsets) {
  if (raw.length < 2 || !raw.startsWith("[") || !raw.endsWith("]")) return raw;
  if (raw.startsWith("[[")) return raw.slice(1);
  const parsed = parseExpression(raw);
  if (!parsed.ok) {
    const { syntax, offset } = parsed.error;
    errors.push(staticError({ code: "syntax", ...syntax }, withOffsets ? offset : void 0));
    return new Unknown(scope.spelling?.spellExpression(raw, 1, raw.length - 1) ?? raw.slice(1, -1).trim(), { kind: "invalid" });
  }
  const frame = { scope, source: raw, errors, withOffsets, copy, state };
  if (parsed.unknownFunctions !== void 0) reportUnknownFunctions(parsed.unknownFunctions, frame);
  return evaluateNode(parsed.node, frame);
}
function reportUnknownFunctions(calls, frame) {
  for (const call of calls) reportStatic(frame, { code: "unknown-function", name: callName(call, frame) }, call.start);
}
function copyEntryOf(value) {
  if (!isRecord(value)) return void 0;
  const name = propertyOf(value, "name");
  if (typeof name !== "string" || !hasProperty(value, "count") || !hasProperty(value, "input")) return void 0;
  return { name, count: propertyOf(value, "count"), input: propertyOf(value, "input") };
}
function evaluateObject(raw, ctx) {
  const out = {};
  for (const key2 of Object.keys(raw)) {
    const item = raw[key2];
    const entries = key2.toLowerCase() === "copy" && Array.isArray(item) && item.length > 0 ? item.map(copyEntryOf) : void 0;
    if (entries !== void 0 && entries.every((e) => e !== void 0)) {
      for (const entry of entries) setProperty2(out, entry.name, expandCopy(entry, ctx, `copy('${entry.name}')`));
      continue;
    }
    setProperty2(out, key2, evaluateRaw(item, ctx));
  }
  return out;
}
function expandCopy(entry, ctx, unknownText) {
  const count = evaluateRaw(entry.count, ctx);
  if (count instanceof Unknown) return new Unknown(unknownText, { kind: "copy-loop", name: entry.name });
  if (typeof count !== "number" || !Number.isInteger(count) || count < 0) {
    ctx.errors.push({ message: `copy '${entry.name}': count must be a non-negative integer, got ${typeName(count)}` });
    return new Unknown(unknownText, { kind: "invalid" });
  }
  if (count > MAX_COPY_COUNT) {
    ctx.errors.push({ message: `copy '${entry.name}': count ${count} exceeds ARM's limit of ${MAX_COPY_COUNT}` });
    return new Unknown(unknownText, { kind: "limit", limit: "copy-count" });
  }
  const items2 = [];
  const name = entry.name.toLowerCase();
  for (let index = 0; index < count; index++) {
    items2.push(evaluateRaw(entry.input, { ...ctx, copy: [...ctx.copy, { name, index }] }));
  }
  return items2;
}
function nodeText(node, frame) {
  return sourceText(frame, node.start, node.end);
}
function evaluateNode(node, frame) {
  if (node.kind === "string" || node.kind === "number") return node.value;
  if (++frame.state.depth > MAX_DEPTH) {
    frame.state.depth--;
    report(frame, `expression nests deeper than ${MAX_DEPTH} levels`, node.start);
    return new Unknown(nodeText(node, frame), { kind: "limit", limit: "depth" });
  }
  try {
    if (!spend(frame.state, 1)) return overBudget(node, frame, "steps");
    switch (node.kind) {
      case "call":
        return bounded(evaluateCall(node, frame), node, frame);
      case "property":
        return bounded(accessProperty(evaluateNode(node.target, frame), node.name, node.start, node.end, frame), node, frame);
      case "index":
        return bounded(accessIndex(evaluateNode(node.target, frame), evaluateNode(node.index, frame), node.start, node.end, frame), node, frame);
    }
  } finally {
    frame.state.depth--;
  }
}
function bounded(value, node, frame) {
  if (typeof value === "string") return value.length > MAX_VALUE_SIZE ? overBudget(node, frame, "size") : value;
  if (typeof value !== "object" || value === null) return value;
  return sizeOf(value) > MAX_VALUE_SIZE ? overBudget(node, frame, "size") : value;
}
function overBudget(node, frame, limit) {
  if (limit === "size" || !frame.state.exhausted) reportBudget(frame.errors, limit, frame.withOffsets ? node.start : void 0);
  if (limit === "steps") frame.state.exhausted = true;
  return new Unknown(nodeText(node, frame), { kind: "limit", limit });
}
function callName(node, frame) {
  return frame.source.slice(node.nameStart, node.nameEnd);
}
function evaluateCall(node, frame) {
  if (node.namespace !== void 0) {
    const inputs = node.args.map((arg) => evaluateNode(arg, frame));
    return new Unknown(nodeText(node, frame), { kind: "call", fn: callName(node, frame), inputs, namespace: node.namespace });
  }
  const spec = node.resolved;
  if (typeof spec === "object") {
    const call = new CallImpl(node, frame);
    const count = node.args.length;
    if (count < spec.minArgs || count > spec.maxArgs) return call.reject(arity(call.name, spec.minArgs, spec.maxArgs, count));
    return spec.impl(call);
  }
  if (spec === "known") {
    const inputs = node.args.map((arg) => evaluateNode(arg, frame));
    return new Unknown(nodeText(node, frame), { kind: "call", fn: callName(node, frame), inputs });
  }
  return new Unknown(nodeText(node, frame), { kind: "invalid" });
}
function arity(name, min, max2, got) {
  return max2 === Infinity ? { code: "arity", function: name, min, got } : { code: "arity", function: name, min, max: max2, got };
}
var CallImpl = class {
  frame;
  node;
  /** Argument values by index, once evaluated (undefined is no ArmValue: not evaluated yet). */
  values = [];
  constructor(node, frame) {
    this.node = node;
    this.frame = frame;
  }
  get name() {
    return callName(this.node, this.frame);
  }
  get text() {
    return nodeText(this.node, this.frame);
  }
  get argCount() {
    return this.node.args.length;
  }
  arg(i2) {
    const node = this.node.args[i2];
    if (node === void 0) return null;
    if (node.kind === "string" || node.kind === "number") return node.value;
    const cached = this.values[i2];
    if (cached !== void 0) return cached;
    let value = evaluateNode(node, this.frame);
    if (!spend(this.frame.state, sizeOf(value))) value = overBudget(node, this.frame, "steps");
    this.values[i2] = value;
    return value;
  }
  args() {
    return this.node.args.map((_, i2) => this.arg(i2));
  }
  afford(units) {
    return spend(this.frame.state, units);
  }
  overBudget(limit) {
    return overBudget(this.node, this.frame, limit);
  }
  fail(message) {
    report(this.frame, message, this.node.start);
    return new Unknown(this.text, { kind: "invalid" });
  }
  reject(diagnostic) {
    reportStatic(this.frame, diagnostic, this.node.start);
    return new Unknown(this.text, { kind: "invalid" });
  }
  unknown(maxLength) {
    return new Unknown(this.text, { kind: "call", fn: this.name, inputs: this.evaluatedArgs() }, maxLength);
  }
  /** The arguments evaluated so far (literals count as evaluated): what an unknown result came from. */
  evaluatedArgs() {
    const inputs = [];
    this.node.args.forEach((node, i2) => {
      if (node.kind === "string" || node.kind === "number") inputs.push(node.value);
      else {
        const value = this.values[i2];
        if (value !== void 0) inputs.push(value);
      }
    });
    return inputs;
  }
};

// src/parse/secure-type.ts
var NONE = { kind: "none" };
var ALL = { kind: "all" };
var SECURE_TYPES = /* @__PURE__ */ new Set(["securestring", "secureobject"]);
var MAX_DEPTH2 = 32;
var MAX_NODES = 2e3;
var STRUCTURE_KEYWORDS = ["$ref", "properties", "additionalProperties", "items", "prefixItems", "discriminator"];
function secureShapeOf(declaration, template) {
  if (!isRecord(declaration)) return NONE;
  const plain = plainShape(declaration);
  if (plain !== void 0) return plain;
  const owner = isRecord(template) ? template : NO_TEMPLATE;
  let known = shapes.get(owner);
  if (known === void 0) shapes.set(owner, known = /* @__PURE__ */ new WeakMap());
  let shape = known.get(declaration);
  if (shape === void 0) {
    shape = shapeOf(declaration, owner, { depth: 0, refs: /* @__PURE__ */ new Set(), budget: { nodes: MAX_NODES } });
    known.set(declaration, shape);
  }
  return shape;
}
var NO_TEMPLATE = {};
var shapes = /* @__PURE__ */ new WeakMap();
function hasSecurePart(declaration, template) {
  return secureShapeOf(declaration, template).kind !== "none";
}
function shapeOf(declaration, template, walk2) {
  if (!isRecord(declaration)) return NONE;
  if (walk2.depth > MAX_DEPTH2 || --walk2.budget.nodes < 0) return ALL;
  const plain = plainShape(declaration);
  if (plain !== void 0) return plain;
  const next = { ...walk2, depth: walk2.depth + 1 };
  const parts = [];
  const ref = declaration["$ref"];
  if (ref !== void 0) {
    if (typeof ref !== "string" || walk2.refs.has(ref)) return ALL;
    const target = resolveRef(template, ref);
    if (target === void 0) return ALL;
    const shape = shapeOf(target, template, { ...next, refs: /* @__PURE__ */ new Set([...walk2.refs, ref]) });
    if (shape.kind === "all") return ALL;
    parts.push(shape);
  }
  const properties = /* @__PURE__ */ new Map();
  if (isRecord(declaration["properties"])) {
    for (const [name, property] of Object.entries(declaration["properties"])) {
      const shape = shapeOf(property, template, next);
      if (shape.kind !== "none") properties.set(name.toLowerCase(), shape);
    }
  }
  const additional = shapeOf(declaration["additionalProperties"], template, next);
  const items2 = shapeOf(declaration["items"], template, next);
  const prefix = Array.isArray(declaration["prefixItems"]) ? declaration["prefixItems"].map((item) => shapeOf(item, template, next)) : [];
  const discriminator = declaration["discriminator"];
  if (isRecord(discriminator) && isRecord(discriminator["mapping"])) {
    for (const member of Object.values(discriminator["mapping"])) if (shapeOf(member, template, next).kind !== "none") return ALL;
  }
  const own = properties.size > 0 || additional.kind !== "none" || items2.kind !== "none" || prefix.some((p) => p.kind !== "none") ? {
    kind: "parts",
    properties,
    ...additional.kind !== "none" ? { additional } : {},
    ...items2.kind !== "none" ? { items: items2 } : {},
    ...prefix.some((p) => p.kind !== "none") ? { prefix } : {}
  } : NONE;
  return merge2([...parts, own]);
}
function plainShape(declaration) {
  const type = declaration["type"];
  if (typeof type === "string" && type.length === 12 && SECURE_TYPES.has(type.toLowerCase())) return ALL;
  return STRUCTURE_KEYWORDS.some((keyword) => keyword in declaration) ? void 0 : NONE;
}
function resolveRef(template, ref) {
  if (!ref.startsWith("#/")) return void 0;
  let at = template;
  for (const raw of ref.slice(2).split("/")) {
    const token = safeDecode(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isRecord(at)) return void 0;
    at = Object.hasOwn(at, token) ? at[token] : caseInsensitive(at, token);
    if (at === void 0) return void 0;
  }
  return at;
}
function caseInsensitive(record, name) {
  const lower = name.toLowerCase();
  for (const key2 of Object.keys(record)) if (key2.toLowerCase() === lower) return record[key2];
  return void 0;
}
function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
function merge2(shapes2) {
  const relevant = shapes2.filter((s) => s.kind !== "none");
  if (relevant.length === 0) return NONE;
  if (relevant.some((s) => s.kind === "all")) return ALL;
  if (relevant.length === 1) return relevant[0] ?? NONE;
  const properties = /* @__PURE__ */ new Map();
  const additional = [];
  const items2 = [];
  const prefixes = [];
  for (const shape of relevant) {
    if (shape.kind !== "parts") continue;
    for (const [name, part] of shape.properties) properties.set(name, merge2([properties.get(name) ?? NONE, part]));
    if (shape.additional) additional.push(shape.additional);
    if (shape.items) items2.push(shape.items);
    if (shape.prefix) prefixes.push([...shape.prefix]);
  }
  const length2 = Math.max(0, ...prefixes.map((p) => p.length));
  const prefix = Array.from({ length: length2 }, (_, i2) => merge2(prefixes.map((p) => p[i2] ?? NONE)));
  const mergedAdditional = merge2(additional);
  const mergedItems = merge2(items2);
  return {
    kind: "parts",
    properties,
    ...mergedAdditional.kind !== "none" ? { additional: mergedAdditional } : {},
    ...mergedItems.kind !== "none" ? { items: mergedItems } : {},
    ...length2 > 0 ? { prefix } : {}
  };
}
function forEachSecurePart(value, shape, take2, depth2 = 0) {
  if (shape.kind === "none" || value === void 0 || value === null || depth2 > MAX_DEPTH2) return;
  if (shape.kind === "all") {
    take2(value);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i2) => {
      const part = shape.prefix?.[i2] ?? shape.items;
      if (part) forEachSecurePart(item, part, take2, depth2 + 1);
    });
    return;
  }
  if (!isRecord(value)) return;
  for (const [name, item] of Object.entries(value)) {
    const part = shape.properties.get(name.toLowerCase()) ?? shape.additional;
    if (part) forEachSecurePart(item, part, take2, depth2 + 1);
  }
}

// src/expressions/scope.ts
var SECURE_TYPES2 = /* @__PURE__ */ new Set(["securestring", "secureobject"]);
function isSecureType(type) {
  return typeof type === "string" && SECURE_TYPES2.has(type.toLowerCase());
}
var CYCLE = { kind: "cycle" };
var MISSING = { kind: "missing" };
var DefinitionTable = class {
  definitions;
  make;
  /** Extra definitions declared by one entry (a `copy` array of variables), or undefined. */
  declaredBy;
  byKey = /* @__PURE__ */ new Map();
  /** Lower-case name \u2192 the key as written, or the definition an entry declared (a `copy` variable). */
  lowerIndex;
  constructor(definitions, make, declaredBy = () => void 0) {
    this.definitions = definitions;
    this.make = make;
    this.declaredBy = declaredBy;
  }
  find(name) {
    const known = this.byKey.get(name);
    if (known !== void 0) return known;
    const definitions = this.definitions;
    if (definitions === void 0) return void 0;
    if (Object.hasOwn(definitions, name) && this.declaredBy(name, definitions[name]) === void 0) return this.definition(name, definitions[name]);
    const entry = this.index(definitions).get(name.toLowerCase());
    if (entry === void 0) return void 0;
    return typeof entry === "string" ? this.definition(entry, definitions[entry]) : entry.declared;
  }
  definition(key2, raw) {
    let found = this.byKey.get(key2);
    if (found === void 0) this.byKey.set(key2, found = this.make(key2, raw));
    return found;
  }
  /** Definitions are made when looked up, not when indexed: a name that is not there must not make them all. */
  index(definitions) {
    if (this.lowerIndex === void 0) {
      const index = /* @__PURE__ */ new Map();
      for (const key2 of Object.keys(definitions)) {
        const declared = this.declaredBy(key2, definitions[key2]);
        if (declared === void 0) index.set(key2.toLowerCase(), key2);
        else for (const [name, def] of declared) index.set(name.toLowerCase(), { declared: def });
      }
      this.lowerIndex = index;
    }
    return this.lowerIndex;
  }
};
var Bindings = class {
  template;
  supplied;
  spelling;
  parameterTable;
  variableTable;
  constructor(template, supplied, spelling) {
    this.template = template;
    this.supplied = supplied;
    this.spelling = spelling;
  }
  resolveParameter(owner, name, state) {
    const found = this.parameters().find(name);
    if (found === void 0) return MISSING;
    if (found.secure) return secretResolution(found);
    if (found.memo !== void 0) return found.memo;
    if (found.busy) return CYCLE;
    found.busy = true;
    try {
      const result = this.computeParameter(owner, found, state);
      if (!state.exhausted) found.memo = result;
      return result;
    } finally {
      found.busy = false;
    }
  }
  resolveVariable(owner, name, state) {
    const def = this.variables().find(name);
    if (def === void 0) return MISSING;
    if (def.memo !== void 0) return def.memo;
    if (def.busy) return CYCLE;
    def.busy = true;
    try {
      const errors = [];
      const ctx = { scope: owner, errors, state, copy: [], withOffsets: false };
      const value = def.kind === "plain" ? evaluateRaw(def.raw, ctx) : expandCopy(def.entry, ctx, `variables(${quote(def.name)})`);
      const result = { kind: "value", value, errors: errors.length === 0 ? errors : carried(errors, `in variable '${def.name}'`) };
      if (!state.exhausted) def.memo = result;
      return result;
    } finally {
      def.busy = false;
    }
  }
  computeParameter(owner, found, state) {
    const { name, def } = found;
    const supplied = this.supplied;
    if (supplied.kind === "file") {
      const key2 = findKey(supplied.values, name);
      if (key2 !== void 0) return { kind: "value", value: fromJson(supplied.values[key2]), errors: [] };
      const reason = supplied.deploymentTime?.get(name.toLowerCase());
      if (reason !== void 0) return { kind: "value", value: parameterUnknown(found, reason), errors: [] };
    } else {
      const key2 = supplied.parameters === void 0 ? void 0 : findKey(supplied.parameters, name);
      const entry = key2 === void 0 ? void 0 : asRecord(supplied.parameters?.[key2]);
      if (entry !== void 0) {
        if (!hasProperty(entry, "value")) return { kind: "value", value: parameterUnknown(found, "key-vault"), errors: [] };
        const errors = [];
        const value = evaluateRaw(propertyOf(entry, "value"), { scope: supplied.parent, errors, state, copy: [], withOffsets: false });
        return { kind: "value", value, errors: carried(errors, `in the value of parameter '${name}'`) };
      }
      if (supplied.viaLink) return { kind: "value", value: parameterUnknown(found, "linked-parameters-file"), errors: [] };
    }
    if (hasProperty(def, "defaultValue")) {
      const errors = [];
      const value = evaluateRaw(propertyOf(def, "defaultValue"), { scope: owner, errors, state, copy: [], withOffsets: false });
      return { kind: "value", value, errors: carried(errors, `in the default value of parameter '${name}'`) };
    }
    return { kind: "value", value: parameterUnknown(found, "no-value"), errors: [] };
  }
  parameters() {
    return this.parameterTable ??= new DefinitionTable(recordOf(this.template, "parameters"), (name, raw) => {
      const def = asRecord(raw) ?? {};
      const secure = isSecureType(propertyOf(def, "type")) || hasSecurePart(def, this.template);
      return { name, def, secure, text: this.spelling?.spellParameter(name), memo: void 0, busy: false };
    });
  }
  variables() {
    return this.variableTable ??= new DefinitionTable(
      recordOf(this.template, "variables"),
      (name, raw) => ({ kind: "plain", name, raw, entry: void 0, memo: void 0, busy: false }),
      copyVariables
    );
  }
};
function carried(errors, where2) {
  return dedupe(errors).slice(0, MAX_CARRIED_ERRORS).map((e) => {
    const message = `${where2}: ${e.message}`;
    if (e.kind === "budget") return { message, kind: "budget", limit: e.limit };
    return isCircularReference(e) ? { message, circular: true } : { message };
  });
}
var MAX_CARRIED_ERRORS = 16;
function copyVariables(key2, raw) {
  if (key2.toLowerCase() !== "copy" || !Array.isArray(raw)) return void 0;
  const declared = [];
  for (const entry of raw) {
    const copy = copyEntryOf(entry);
    if (copy) declared.push([copy.name, { kind: "copy", name: copy.name, raw: void 0, entry: copy, memo: void 0, busy: false }]);
  }
  return declared;
}
function secretResolution(found) {
  return { kind: "value", value: parameterUnknown(found, "secure"), errors: [] };
}
function parameterUnknown(found, reason) {
  return new Unknown(parameterText(found), { kind: "parameter", name: found.name, reason });
}
function parameterText(found) {
  return found.text ??= `parameters(${quote(found.name)})`;
}
var ScopeImpl = class _ScopeImpl {
  isTemplateScope = true;
  /** The deployment scope resourceGroup() and subscription() resolve against, when known. */
  kind;
  templatePath;
  /** Steps left to every evaluation in this scope and the nested and linked scopes made from it. */
  budget;
  /** How the template's own language writes its expressions, when it was lowered from one (Bicep). */
  spelling;
  bindings;
  constructor(bindings, kind, context) {
    this.bindings = bindings;
    this.kind = kind;
    this.templatePath = context.templatePath;
    this.budget = context.budget;
    this.spelling = context.spelling;
  }
  resolveParameter(name, state) {
    return this.bindings.resolveParameter(this, name, state);
  }
  resolveVariable(name, state) {
    return this.bindings.resolveVariable(this, name, state);
  }
  /** `spelling`: a nested template's is its parent's (one lowered file); a linked template has none of its own. */
  static forTemplate(template, supplied, kind, context) {
    const budget = supplied.kind === "deployment" ? supplied.parent.budget : newTotalBudget();
    return new _ScopeImpl(new Bindings(template, supplied, context.spelling), kind, { ...context, budget });
  }
};
var SCHEMA_KINDS = [
  ["/subscriptiondeploymenttemplate.json", "subscription"],
  ["/managementgroupdeploymenttemplate.json", "managementGroup"],
  ["/tenantdeploymenttemplate.json", "tenant"],
  ["/deploymenttemplate.json", "resourceGroup"]
];
function kindFromSchema(schema) {
  if (typeof schema !== "string") return void 0;
  const lower = schema.toLowerCase();
  return SCHEMA_KINDS.find(([marker]) => lower.includes(marker))?.[1];
}
function createTemplateScope(template, options = {}) {
  const kind = options.scopeKind ?? kindFromSchema(propertyOf(template, "$schema"));
  return ScopeImpl.forTemplate(template, { kind: "file", values: options.parameterValues ?? {}, deploymentTime: options.deploymentTimeParameters }, kind, {
    templatePath: options.templatePath,
    spelling: options.spelling
  });
}
function toScopeImpl(scope) {
  if (scope instanceof ScopeImpl) return scope;
  throw new TypeError("not a TemplateScope created by this module");
}
function isSet(value) {
  return value !== void 0 && value !== null && value !== "";
}
function deploymentKind(deployment, template, parentKind) {
  if (isSet(propertyOf(deployment, "resourceGroup"))) return "resourceGroup";
  if (isSet(propertyOf(deployment, "subscriptionId"))) return "subscription";
  if (isSet(propertyOf(deployment, "scope"))) return kindFromSchema(propertyOf(template, "$schema"));
  return parentKind;
}
function createNestedScope(parent, deployment) {
  const parentScope = toScopeImpl(parent);
  const properties = recordOf(deployment, "properties") ?? {};
  const template = recordOf(properties, "template") ?? {};
  const options = recordOf(properties, "expressionEvaluationOptions");
  const mode = options === void 0 ? void 0 : propertyOf(options, "scope");
  if (typeof mode === "string" && mode.toLowerCase() === "inner") {
    const supplied = { kind: "deployment", parent: parentScope, parameters: recordOf(properties, "parameters"), viaLink: false };
    return ScopeImpl.forTemplate(template, supplied, deploymentKind(deployment, template, parentScope.kind), {
      templatePath: parentScope.templatePath,
      spelling: parentScope.spelling
    });
  }
  return parentScope;
}
function createLinkedScope(parent, linkedTemplate, deployment) {
  const parentScope = toScopeImpl(parent);
  const properties = recordOf(deployment, "properties") ?? {};
  const supplied = {
    kind: "deployment",
    parent: parentScope,
    parameters: recordOf(properties, "parameters"),
    viaLink: propertyOf(properties, "parametersLink") !== void 0
  };
  return ScopeImpl.forTemplate(linkedTemplate, supplied, deploymentKind(deployment, linkedTemplate, parentScope.kind), {
    templatePath: void 0,
    spelling: void 0
  });
}

// src/expressions/references.ts
function referencesIn(raw) {
  if (!isExpressionString(raw)) return [];
  const parsed = parseExpression(raw);
  if (!parsed.ok) return [];
  const found = [];
  const pending = [parsed.node];
  for (let node = pending.pop(); node !== void 0; node = pending.pop()) {
    switch (node.kind) {
      case "call": {
        const kind = node.namespace === void 0 ? referenceKind(raw.slice(node.nameStart, node.nameEnd)) : void 0;
        const first = node.args[0];
        if (kind !== void 0 && first?.kind === "string") found.push({ kind, name: first.value, offset: node.start });
        for (let i2 = node.args.length - 1; i2 >= 0; i2--) pending.push(node.args[i2]);
        break;
      }
      case "property":
        pending.push(node.target);
        break;
      case "index":
        pending.push(node.index, node.target);
        break;
      default:
        break;
    }
  }
  return found;
}
function referenceKind(name) {
  const lower = name.toLowerCase();
  return lower === "parameters" || lower === "variables" ? lower : void 0;
}

// src/expressions/index.ts
function evaluateValue(raw, scope) {
  try {
    if (!(scope instanceof ScopeImpl))
      return { value: new Unknown(describeRaw(raw), { kind: "invalid" }), errors: [{ message: "internal error: not a template scope" }] };
    if (typeof raw === "string") return evaluateTopLevelString(raw, scope);
    const errors = [];
    const value = evaluateRaw(raw, { scope, errors, state: newEvalState(scope.budget), copy: [], withOffsets: false });
    return { value, errors: dedupe(errors) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { value: new Unknown(describeRaw(raw), { kind: "invalid" }), errors: [{ message: `internal error while evaluating: ${message}` }] };
  }
}
function describeRaw(raw) {
  return typeof raw === "string" ? raw.replace(/^\[|\]$/g, "") : "(value)";
}
function isArmFunctionName(name) {
  return resolveFunctionName(name) !== void 0;
}

// src/model/scope-kind.ts
var SCHEMA_SCOPES = [
  [/\/subscriptionDeploymentTemplate\.json/i, "subscription"],
  [/\/managementGroupDeploymentTemplate\.json/i, "managementGroup"],
  [/\/tenantDeploymentTemplate\.json/i, "tenant"],
  [/\/deploymentTemplate\.json/i, "resourceGroup"]
];
function scopeFromSchema(schema) {
  if (typeof schema !== "string") return void 0;
  for (const [pattern, scope] of SCHEMA_SCOPES) if (pattern.test(schema)) return scope;
  return void 0;
}
function describeOtherSchema(schema) {
  if (typeof schema !== "string") return void 0;
  if (/deploymentParameters\.json/i.test(schema)) return "a parameters file";
  if (/CreateUIDefinition/i.test(schema)) return "a createUiDefinition file";
  return void 0;
}
function deploymentTargetScope(resource, scopeValue) {
  if (isSet2(resource["resourceGroup"])) return "resourceGroup";
  if (scopeValue !== void 0 && scopeValue !== null) return scopeFromId(scopeValue) ?? "unknown";
  if (isSet2(resource["subscriptionId"])) return "subscription";
  return void 0;
}
function isSet2(value) {
  return value !== void 0 && value !== null && value !== "";
}
var ID_SCOPES = [
  [/^\/?$/, "tenant"],
  [/^(\/providers\/)?Microsoft\.Management\/managementGroups\/[^/]*\/?$/i, "managementGroup"],
  [/^\/subscriptions\/[^/]*\/resourceGroups\/[^/]*\/?$/i, "resourceGroup"],
  [/^\/subscriptions\/[^/]*\/?$/i, "subscription"]
];
var FUNCTION_SCOPES = {
  tenant: "tenant",
  managementGroup: "managementGroup",
  subscription: "subscription",
  resourceGroup: "resourceGroup"
};
function scopeFromId(value) {
  if (value instanceof Unknown) {
    const context = contextPath(value);
    return context === void 0 ? void 0 : FUNCTION_SCOPES[context.fn];
  }
  const text = typeof value === "string" ? value : value instanceof PartialString ? value.parts.map((p) => typeof p === "string" ? p : "x").join("") : void 0;
  if (text === void 0) return void 0;
  return ID_SCOPES.find(([pattern]) => pattern.test(text))?.[1];
}

// src/parse/guid.ts
var GUID_PREFIX = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
function isGuid(text) {
  return text.length === 36 && GUID_PREFIX.test(text);
}

// src/model/tracking-name.ts
var GUID_GROUPS = [8, 4, 4, 4, 12];
var PARTNER_CENTER = /^[a-z0-9-]+-partnercenter$/;
var PARTNER_CENTER_END = "-partnercenter";
var PARTNER_CENTER_CHARS = /^[a-z0-9-]*$/;
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
function partsOf2(name) {
  if (typeof name === "string") return [name];
  if (name instanceof PartialString) return name.parts;
  return name instanceof Unknown ? [name] : [];
}
function fixedLengthOf(part) {
  return part.cause.kind === "hash" ? part.maxLength : void 0;
}
function minimumLength(name) {
  let length2 = 0;
  for (const part of partsOf2(name)) length2 += typeof part === "string" ? part.length : fixedLengthOf(part) ?? 0;
  return length2;
}
function analyzeTrackingName(name, strictNames) {
  return { ...analyze(name, strictNames), value: name };
}
function analyze(name, strictNames) {
  const display = describeString(name);
  const known = knownPrefix(name);
  const fullyKnown = typeof name === "string";
  const parts = partsOf2(name);
  const invalid = (problem, extra = {}) => ({ display, form: "invalid", problem, fullyKnown, ...extra });
  const placeholder = placeholderIn(parts);
  if (placeholder !== void 0) return invalid({ kind: "placeholder", text: placeholder });
  const lengthProblem = describeLengthProblem(name, parts, fullyKnown);
  if (lengthProblem !== void 0) return invalid(lengthProblem);
  const badChar = firstBadNameChar(parts);
  if (badChar !== void 0) return invalid({ kind: "bad-character", char: badChar });
  if (!known.startsWith("pid-")) {
    return known.slice(0, 4).toLowerCase() === "pid-" ? invalid({ kind: "prefix-case", prefix: known.slice(0, 4) }) : invalid({ kind: "no-prefix" });
  }
  const afterPrefix = known.slice(4);
  const guid = GUID_PREFIX.exec(afterPrefix)?.[0];
  if (guid !== void 0) return analyzeAfterGuid(guid, afterPrefix.slice(guid.length), { display, fullyKnown, strictNames, name, parts });
  if (fullyKnown) {
    return PARTNER_CENTER.test(afterPrefix) ? { display, form: "partner-center", trackingId: afterPrefix, fullyKnown } : invalid({ kind: "bad-id", id: explainBadId(afterPrefix, true, /partnercenter$/i.test(afterPrefix)) });
  }
  const unknown = unknownParts(name).map((p) => p.text);
  if (knownTextRulesOutIds(afterPrefix, parts)) {
    const endsAsPartnerCenter = knownEnd(parts).endsWith(PARTNER_CENTER_END);
    return invalid({ kind: "bad-id", id: explainBadId(afterPrefix, false, endsAsPartnerCenter), rest: unknown });
  }
  return { display, form: "unresolved", fullyKnown, problem: { kind: "unresolved", unknowns: unknown } };
}
function describeLengthProblem(name, parts, fullyKnown) {
  const length2 = minimumLength(name);
  if (length2 <= MAX_DEPLOYMENT_NAME) return void 0;
  const fixed = /* @__PURE__ */ new Map();
  for (const part of parts) {
    const fixedLength = typeof part === "string" ? void 0 : fixedLengthOf(part);
    if (fixedLength !== void 0 && typeof part !== "string") fixed.set(part.text, fixedLength);
  }
  const counted = [...fixed].map(([text, n]) => ({ text, length: n }));
  return { kind: "too-long", length: length2, max: MAX_DEPLOYMENT_NAME, atLeast: !fullyKnown, counted };
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
  if (fullyKnown && rest.toLowerCase() === PARTNER_CENTER_END)
    return { display, form: "partner-center", trackingId: `${trackingId}${PARTNER_CENTER_END}`, fullyKnown };
  const suffix = fullyKnown ? rest : `${rest}${describeString(context.name).slice(4 + guid.length + rest.length)}`;
  if (rest !== "" && !rest.startsWith("-")) {
    return { display, form: "invalid", trackingId, fullyKnown, problem: { kind: "suffix-without-dash", text: rest.slice(0, 12) } };
  }
  const next = rest === "" ? context.parts.find((p) => typeof p !== "string") : void 0;
  if (next !== void 0 && fixedLengthOf(next) !== void 0) {
    return { display, form: "invalid", trackingId, fullyKnown, problem: { kind: "hash-after-guid", text: next.text } };
  }
  if (next !== void 0) {
    return { display, form: "unresolved", trackingId, fullyKnown, problem: { kind: "unresolved", unknowns: unknownParts(context.name).map((p) => p.text) } };
  }
  if (strictNames) {
    return { display, form: "invalid", trackingId, suffix, fullyKnown, problem: { kind: "strict-suffix", suffix } };
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
      if (digits !== expected) return { kind: "group-length", group: group + 1, digits, expected };
    } else if (digits < expected) {
      return { kind: "not-hex", group: group + 1, char: next };
    }
    if (group === GUID_GROUPS.length - 1) return void 0;
    if (next === "") return { kind: "ends-early", group: group + 1 };
    if (next !== "-") return { kind: "separator", group: group + 1, char: next };
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
  const id = complete ? text.replace(/-partnercenter$/i, "") : text;
  const shown = complete ? id : `${id}\u2026`;
  if (id.startsWith("{")) return { kind: "braces", shown };
  const guidProblem = guidShapeProblem(id, complete);
  if (guidProblem !== void 0 && isGuidAttempt(id, complete)) return { kind: "not-a-guid", attempt: guidAttemptText(id), shape: guidProblem };
  if (/[A-Z]/.test(id) && endsAsPartnerCenter) return { kind: "partner-center-case", shown: complete ? text : shown };
  return { kind: "neither", shown };
}
function guidAttemptText(text) {
  return text.split("-").slice(0, GUID_GROUPS.length).join("-");
}
function normalizeTrackingId(raw) {
  const id = raw.trim().replace(/^pid-/i, "").toLowerCase();
  if (id === "") return void 0;
  const guid = isGuid(id);
  if (placeholderIn([id]) !== void 0) return void 0;
  return guid || PARTNER_CENTER.test(id) ? id : void 0;
}
function partnerCenterCounterpart(id) {
  return id.endsWith(PARTNER_CENTER_END) ? id.slice(0, -PARTNER_CENTER_END.length) : `${id}${PARTNER_CENTER_END}`;
}
var PLACEHOLDER = /<[^<>]*>|\$\{[^{}]*\}|\{\{[^{}]*\}\}|__[A-Za-z0-9][A-Za-z0-9_.-]*__|(?<![0-9a-f])0{8}-0{4}-0{4}-0{4}-0{12}(?![0-9a-f])|x{8}-x{4}-x{4}-x{4}-x{12}/i;
var BUILD_PLACEHOLDER = /^(?:\$\{[^{}]+\}|\{\{[^{}]+\}\}|__[A-Za-z0-9][A-Za-z0-9_.-]*__|<[^<>]+>)$/;
function isBuildPlaceholder(name) {
  return BUILD_PLACEHOLDER.test(name.trim());
}
function placeholderIn(parts) {
  for (const part of parts) {
    if (typeof part !== "string") continue;
    const match = PLACEHOLDER.exec(part);
    if (match) return match[0].length > 60 ? `${match[0].slice(0, 57)}\u2026` : match[0];
  }
  return void 0;
}

// src/model/link-roots.ts
function githubLinkRoots(repository) {
  const [owner, name] = repository.split("/");
  if (!owner || !name) return [];
  return [
    { prefix: `https://raw.githubusercontent.com/${owner}/${name}/`, folder: "", ref: true },
    { prefix: `https://github.com/${owner}/${name}/raw/`, folder: "", ref: true }
  ];
}
var UNKNOWN_MARK = "\0";
function matchLinkRoot(value, roots) {
  const flat = flatten2(value);
  if (flat === void 0) return void 0;
  const lower = flat.toLowerCase();
  for (const root of roots) {
    if (!lower.startsWith(root.prefix.toLowerCase())) continue;
    let rest = flat.slice(root.prefix.length);
    rest = rest.split(/[?#]/)[0] ?? "";
    const segments = rest.split("/");
    const candidates = [];
    const drop = !root.ref ? 0 : segments[0] === "refs" ? 3 : 1;
    {
      const path = segments.slice(drop).join("/");
      if (path === "" || path.includes(UNKNOWN_MARK)) continue;
      const decoded = decodePath(path);
      if (decoded !== void 0) candidates.push(posix.normalize(posix.join(root.folder, decoded)));
    }
    if (candidates.length > 0) return { candidates: [...new Set(candidates)], via: root.ref ? "github-url" : "link-root" };
  }
  return void 0;
}
function flatten2(value) {
  if (typeof value === "string") return value;
  if (value instanceof PartialString) return value.parts.map((p) => typeof p === "string" ? p : UNKNOWN_MARK).join("");
  if (value instanceof Unknown) return void 0;
  return void 0;
}
function decodePath(path) {
  try {
    return decodeURIComponent(path);
  } catch {
    return void 0;
  }
}

// src/model/linked-templates.ts
var PACKAGE_BASE_PARAMETER = /^_artifactsLocation$/i;
function linkKey(link) {
  return link["relativePath"] !== void 0 ? "relativePath" : "uri";
}
function resolveTemplateLink(owner, link, mainFile, context) {
  const { key: key2, value } = link;
  const from = { file: owner.source.file, path: owner.path };
  const note = (kind, message) => ({ kind: "note", note: { kind, message, from } });
  const baseDir = posix.dirname(owner.source.file);
  if (key2 === "relativePath") {
    if (typeof value !== "string")
      return note("unresolved", `templateLink.relativePath '${redactQuery(describeString(value))}' cannot be resolved before deployment`);
    const relative2 = value.split("?")[0] ?? "";
    return withinWorkspace([posix.join(baseDir, relative2)], note, { via: "relativePath", relative: relative2 });
  }
  const rooted = context && context.roots.length > 0 ? matchLinkRoot(value, context.roots) : void 0;
  if (rooted) return withinWorkspace(rooted.candidates, note, { via: rooted.via });
  if (typeof value === "string") {
    if (/^(br|ts)(\/[^:]*)?:/i.test(value)) return note("remote", `module '${redactQuery(value)}' is in a registry and was not fetched`);
    return /^[a-z][a-z0-9+.-]*:/i.test(value) ? remoteNote(from, redactQuery(value)) : note("unresolved", `templateLink.uri '${redactQuery(value)}' is not an absolute URI`);
  }
  const unresolved = () => note("unresolved", `templateLink.uri '${redactQuery(describeString(value))}' cannot be resolved to a file in the repository`);
  const after = relativePartAfterBase(value);
  if (after === void 0) {
    const known = knownUrlPrefix(value);
    return known === void 0 ? unresolved() : remoteNote(from, redactQuery(describeString(value)));
  }
  const candidates = [.../* @__PURE__ */ new Set([posix.join(baseDir, after.relative), posix.join(posix.dirname(mainFile), after.relative)])];
  const guessed = unresolved();
  return withinWorkspace(candidates, note, {
    via: after.packageBase ? "package-base" : "base-url",
    relative: after.relative,
    ...after.packageBase || guessed.kind !== "note" ? {} : { ifMissing: guessed.note }
  });
}
function remoteNote(from, url) {
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1]?.toLowerCase() ?? url;
  return { kind: "note", note: { kind: "remote", message: `linked template ${url} is remote and was not fetched`, from, remote: { host, url } } };
}
function knownUrlPrefix(value) {
  if (!(value instanceof PartialString)) return void 0;
  const first = value.parts[0];
  return typeof first === "string" && /^[a-z][a-z0-9+.-]*:\/\//i.test(first) ? first : void 0;
}
function relativePartAfterBase(value) {
  const parts = value instanceof PartialString ? value.parts : value instanceof Unknown ? [value] : [];
  const first = parts[0];
  if (!(first instanceof Unknown)) return void 0;
  const packageBase = dependsOn(first, isPackageBase);
  let relative2 = "";
  for (const part of parts.slice(1)) {
    if (typeof part !== "string") break;
    relative2 += part;
  }
  relative2 = relative2.split("?")[0] ?? "";
  relative2 = relative2.replace(/^\.?\/+/, "");
  return relative2 === "" ? void 0 : { relative: relative2, packageBase };
}
function isPackageBase(unknown) {
  const { cause } = unknown;
  if (cause.kind === "parameter") return PACKAGE_BASE_PARAMETER.test(cause.name);
  const context = contextPath(unknown);
  if (context?.fn !== "deployment") return false;
  const path = context.path.map((key2) => typeof key2 === "string" ? key2.toLowerCase() : key2);
  return path.some((key2, i2) => key2 === "templatelink" && path[i2 + 1] === "uri");
}
function withinWorkspace(paths, note, how) {
  const normalized = paths.map((p) => posix.normalize(p));
  const inside2 = normalized.filter((p) => !(p.startsWith("../") || p === ".." || posix.isAbsolute(p)));
  if (inside2.length === 0) return note("outside-workspace", `linked template '${normalized[0]}' is outside the workspace and was not read`);
  return { kind: "file", candidates: inside2, ...how };
}
function redactQuery(uri2) {
  const at = uri2.indexOf("?");
  return at === -1 ? uri2 : `${uri2.slice(0, at)}?\u2026`;
}

// src/parse/json-pointer.ts
function toJsonPointer(path) {
  return path.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

// src/model/expression-errors.ts
var SECURE_TYPES3 = /^secure(string|object)$/i;
var MAX_TRACE_DEPTH = 64;
var CYCLE2 = "cycle";
var StaticErrors = class {
  problems = [];
  /** Pointers (file + JSON pointer) of values with a static error of their own or pulled in. */
  broken = /* @__PURE__ */ new Set();
  /** Definitions already traced, and whether they hold a static error. */
  traced = /* @__PURE__ */ new Map();
  /** Definitions being traced now (a reference back to one is a circular reference). */
  tracing = /* @__PURE__ */ new Set();
  /**
   * Records the static errors of a value; `evaluation` is its evaluation when the caller made one
   * (then nothing is evaluated again unless it reported errors). True when the value, or anything
   * it uses, has a static error.
   */
  record(value, evaluation, depth2 = 0, traced = false) {
    const { raw } = value;
    if (evaluation !== void 0 && evaluation.errors.length === 0 || depth2 > MAX_TRACE_DEPTH) return false;
    let broken = false;
    if (typeof raw === "string") {
      const errors = (evaluation ?? evaluateValue(raw, value.site.scope)).errors;
      if (errors.length === 0) return false;
      const limit = traced ? void 0 : budgetLimitOf(errors);
      if (limit !== void 0) {
        this.problems.push({
          at: value.at,
          label: value.label,
          text: raw,
          errors: [],
          overBudget: limit,
          ...value.resource ? { resource: value.resource } : {}
        });
        broken = true;
      }
      const own = errors.filter(isStaticAtOffset);
      if (own.length > 0) {
        this.problems.push({ at: value.at, label: value.label, text: raw, errors: own, ...value.resource ? { resource: value.resource } : {} });
        broken = true;
      }
      if (errors.some((e) => e.offset === void 0) && this.traceReferences(value, depth2, errors.some(isCircularReference)))
        broken = true;
    } else if (Array.isArray(raw) || isRecord(raw)) {
      for (const [key2, item] of Object.entries(raw)) {
        const leaf = { ...value, raw: item, at: { ...value.at, path: [...value.at.path, Array.isArray(raw) ? Number(key2) : key2] } };
        if (this.record(leaf, void 0, depth2 + 1, traced)) broken = true;
      }
    }
    if (broken) this.broken.add(pointerKey(value.at));
    return broken;
  }
  /** Whether the value at `at` (or a variable or parameter value it uses) has a static error. */
  isBroken(at) {
    return this.broken.size > 0 && this.broken.has(pointerKey(at));
  }
  /**
   * Follows the variables and parameters a string uses. A reference back to a definition being
   * traced closes a circular reference, which ARM rejects: it is reported where that reference is
   * written (the evaluator, which memoizes definitions, cannot say where).
   */
  traceReferences(value, depth2, circular) {
    let broken = false;
    for (const { kind, name, offset } of referencesIn(value.raw)) {
      const found = kind === "variables" ? this.traceVariable(value.site, name, depth2) : this.traceParameter(value.site, name, depth2);
      if (found === CYCLE2 && circular) {
        const error = staticError({ code: kind === "variables" ? "circular-variable" : "circular-parameter", name }, offset);
        this.problems.push({ at: value.at, label: value.label, text: value.raw, errors: [error], ...value.resource ? { resource: value.resource } : {} });
      }
      if (found === true || found === CYCLE2 && circular) broken = true;
    }
    return broken;
  }
  traceVariable(site, name, depth2) {
    const section = findKey(site.template, "variables");
    const variables = section === void 0 ? void 0 : site.template[section];
    if (section === void 0 || !isRecord(variables)) return false;
    const key2 = findKey(variables, name);
    if (key2 !== void 0 && key2.toLowerCase() !== "copy")
      return this.traceOnce({ raw: variables[key2], at: refIn(site, [section, key2]), label: `variable '${key2}'`, site }, depth2);
    const copyKey = findKey(variables, "copy");
    const loops = copyKey === void 0 ? void 0 : variables[copyKey];
    if (copyKey === void 0 || !Array.isArray(loops)) return false;
    const index = loops.findIndex((loop) => {
      const loopName = isRecord(loop) ? propertyOf(loop, "name") : void 0;
      return typeof loopName === "string" && loopName.toLowerCase() === name.toLowerCase();
    });
    if (index === -1) return false;
    return this.traceOnce({ raw: loops[index], at: refIn(site, [section, copyKey, index]), label: `variable '${name}'`, site }, depth2);
  }
  /** Follows a parameter to where its value comes from, as the scope does. */
  traceParameter(site, name, depth2) {
    const section = findKey(site.template, "parameters");
    const parameters = section === void 0 ? void 0 : site.template[section];
    const key2 = isRecord(parameters) ? findKey(parameters, name) : void 0;
    if (section === void 0 || key2 === void 0 || !isRecord(parameters)) return false;
    const definition = parameters[key2];
    if (!isRecord(definition)) return false;
    const type = propertyOf(definition, "type");
    if (typeof type === "string" && SECURE_TYPES3.test(type) || hasSecurePart(definition, site.template)) return false;
    const supplied = site.supplied;
    if (supplied.knownAtDeployment.has(key2.toLowerCase())) return false;
    if (supplied.kind === "file") {
      if (findKey(supplied.values, key2) !== void 0) return false;
    } else {
      const resource = supplied.deployment.resource;
      const propertiesKey = findKey(resource, "properties");
      const properties = propertiesKey === void 0 ? void 0 : resource[propertiesKey];
      const valuesKey = isRecord(properties) ? findKey(properties, "parameters") : void 0;
      const values = isRecord(properties) && valuesKey !== void 0 ? properties[valuesKey] : void 0;
      const passedKey = isRecord(values) ? findKey(values, key2) : void 0;
      if (isRecord(values) && passedKey !== void 0) {
        const entry = values[passedKey];
        const valueKey2 = isRecord(entry) ? findKey(entry, "value") : void 0;
        if (!isRecord(entry) || valueKey2 === void 0) return false;
        const at = {
          file: supplied.deployment.source.file,
          path: [...supplied.deployment.path, propertiesKey ?? "properties", valuesKey ?? "parameters", passedKey, valueKey2],
          at: "value"
        };
        return this.traceOnce(
          { raw: entry[valueKey2], at, label: `value of parameter '${passedKey}'`, site: supplied.parent, resource: supplied.deployment },
          depth2
        );
      }
      if (supplied.viaLink) return false;
    }
    const defaultKey = findKey(definition, "defaultValue");
    if (defaultKey === void 0) return false;
    return this.traceOnce(
      { raw: definition[defaultKey], at: refIn(site, [section, key2, defaultKey]), label: `default value of parameter '${key2}'`, site },
      depth2
    );
  }
  traceOnce(value, depth2) {
    const key2 = pointerKey(value.at);
    if (this.tracing.has(key2)) return CYCLE2;
    const known = this.traced.get(key2);
    if (known !== void 0) return known;
    this.tracing.add(key2);
    try {
      const broken = this.record(value, void 0, depth2 + 1, true);
      this.traced.set(key2, broken);
      return broken;
    } finally {
      this.tracing.delete(key2);
    }
  }
};
function budgetLimitOf(errors) {
  const past = (limit) => errors.some((e) => e.kind === "budget" && e.limit === limit);
  return past("size") ? "size" : past("steps") ? "steps" : void 0;
}
function isStaticAtOffset(error) {
  return error.kind === "static" && error.offset !== void 0;
}
function refIn(site, path) {
  return { file: site.source.file, path: [...site.path, ...path], at: "value" };
}
function pointerKey(at) {
  return `${at.file}\0${toJsonPointer(at.path)}`;
}

// src/model/deployment-time-parameters.ts
var NO_NAMES = /* @__PURE__ */ new Set();
function splitParameterValues(given) {
  const knownAtDeployment = /* @__PURE__ */ new Set();
  let values = given;
  for (const [name, value] of Object.entries(given)) {
    if (value !== KNOWN_AT_DEPLOYMENT && !PACKAGE_BASE_PARAMETER.test(name)) continue;
    if (values === given) values = { ...given };
    delete values[name];
    knownAtDeployment.add(name.toLowerCase());
  }
  return { values, knownAtDeployment };
}
function withPackageBase(template, names = NO_NAMES) {
  const parameters = template["parameters"];
  if (!isRecord(parameters)) return names;
  const base = Object.keys(parameters).find((key2) => PACKAGE_BASE_PARAMETER.test(key2));
  return base === void 0 ? names : /* @__PURE__ */ new Set([...names, base.toLowerCase()]);
}
function deploymentTimeReasons(names) {
  return new Map([...names].map((name) => [name, PACKAGE_BASE_PARAMETER.test(name) ? "package-location" : "key-vault"]));
}
function withoutDefaults(template, names) {
  const parameters = template["parameters"];
  if (names.size === 0 || !isRecord(parameters)) return template;
  let copy;
  for (const [key2, definition] of Object.entries(parameters)) {
    if (!names.has(key2.toLowerCase()) || !isRecord(definition) || !("defaultValue" in definition)) continue;
    copy ??= { ...parameters };
    const { defaultValue: _dropped, ...rest } = definition;
    copy[key2] = rest;
  }
  return copy === void 0 ? template : { ...template, parameters: copy };
}

// src/model/suppression.ts
function suppressionFor(resource, ruleId) {
  const metadata = resource["metadata"];
  if (!isRecord(metadata)) return void 0;
  const settings = metadata["cua-guard"];
  if (!isRecord(settings) || !Array.isArray(settings["ignore"])) return void 0;
  const ignored = settings["ignore"].some((id) => typeof id === "string" && (id.toUpperCase() === ruleId || id === "*"));
  if (!ignored) return void 0;
  const reason = typeof settings["reason"] === "string" && settings["reason"].trim() !== "" ? settings["reason"] : "no reason given";
  return { reason };
}
function suppressionBlockOf(owner) {
  const metadata = owner["metadata"];
  if (metadata === void 0 || !isRecord(metadata) || !Object.hasOwn(metadata, "cua-guard")) return void 0;
  return { value: metadata["cua-guard"] };
}

// src/model/template-kind.ts
var DEFINITION = "microsoft.solutions/applicationdefinitions";
var APPLICATION = "microsoft.solutions/applications";
var DEPLOYMENTS = "microsoft.resources/deployments";
function templateKind2(root) {
  const resources = root["resources"];
  const list = Array.isArray(resources) ? resources : resources !== null && typeof resources === "object" ? Object.values(resources) : [];
  const types = list.map((r) => r !== null && typeof r === "object" && !Array.isArray(r) ? r : void 0).filter((r) => r !== void 0 && r["existing"] !== true).filter((r) => !(String(r["type"] ?? "").toLowerCase() === DEPLOYMENTS && /^pid-/i.test(String(r["name"] ?? "")))).map((r) => String(r["type"] ?? "").toLowerCase());
  if (types.length === 0 || !types.every((t) => t === DEFINITION || t === APPLICATION)) return "solution";
  return types.includes(DEFINITION) ? "managed-application-definition" : "managed-application";
}

// src/model/link-alternatives.ts
var MAX_ALTERNATIVES = 16;
function linkAlternatives(raw, template, given) {
  if (typeof raw !== "string") return [];
  const parameters = isRecord(template["parameters"]) ? template["parameters"] : {};
  const variables = isRecord(template["variables"]) ? template["variables"] : {};
  const names = /* @__PURE__ */ new Set();
  for (const reference of referencesIn(raw)) {
    if (reference.kind === "parameters") names.add(reference.name);
    else {
      const value = variables[keyOf(variables, reference.name) ?? ""];
      if (typeof value === "string") {
        for (const inner of referencesIn(value)) if (inner.kind === "parameters") names.add(inner.name);
      }
    }
  }
  const out = [];
  for (const name of names) {
    const key2 = keyOf(parameters, name);
    const definition = key2 === void 0 ? void 0 : parameters[key2];
    if (key2 === void 0 || !isRecord(definition)) continue;
    const givenKey = keyOf(given, key2);
    const used = givenKey === void 0 ? definition["defaultValue"] : given[givenKey];
    const allowed = Array.isArray(definition["allowedValues"]) ? definition["allowedValues"] : String(definition["type"] ?? "").toLowerCase() === "bool" ? [true, false] : [];
    const values = allowed.filter((v) => ["string", "number", "boolean"].includes(typeof v));
    for (const value of values.slice(0, MAX_ALTERNATIVES)) if (value !== used) out.push({ parameter: key2, value });
  }
  return out;
}
function keyOf(record, name) {
  if (Object.hasOwn(record, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(record).find((key2) => key2.toLowerCase() === lower);
}

// src/model/template-model.ts
var MAX_NESTING2 = 64;
var DEPLOYMENTS_TYPE = "microsoft.resources/deployments";
function isDeploymentType(type) {
  return type.toLowerCase() === DEPLOYMENTS_TYPE;
}
function buildTemplateModel(main, options = {}) {
  const scope = scopeFromSchema(main.root["$schema"]);
  const model = {
    main,
    scope,
    kind: templateKind2(main.root),
    marketplacePackage: options.marketplacePackage === true,
    resources: [],
    linkNotes: [],
    linkedSources: [],
    links: [],
    tooDeep: [],
    linkTargets: [],
    expressionErrors: new StaticErrors(),
    suppressionBlocks: []
  };
  const { values, knownAtDeployment } = splitParameterValues(options.parameterValues ?? {});
  const unknownNames = withPackageBase(main.root, knownAtDeployment);
  const bound = withoutDefaults(main.root, unknownNames);
  const scopeWith = (overrides) => createTemplateScope(bound, {
    parameterValues: { ...values, ...overrides },
    ...unknownNames.size > 0 ? { deploymentTimeParameters: deploymentTimeReasons(unknownNames) } : {},
    ...scope ? { scopeKind: scope } : {},
    ...main.origin ? { spelling: main.origin } : {},
    templatePath: main.file
  });
  const rootScope = scopeWith({});
  const definitions = {
    source: main,
    path: [],
    template: main.root,
    scope: rootScope,
    supplied: { kind: "file", values, knownAtDeployment: unknownNames }
  };
  const walker = new ModelWalker(model, options, /* @__PURE__ */ new Set([main.file]));
  const selector = { template: main.root, given: values, scope: rootScope, scopeWith };
  walker.walkTemplate(main, main.root, ["resources"], {
    depth: 0,
    placement: "top-level",
    chain: [],
    scope: rootScope,
    definitions,
    templateScope: scope,
    selector
  });
  return model;
}
var MAX_ALTERNATIVE_LINKS = 256;
var ModelWalker = class {
  model;
  readLinked;
  links;
  visitedFiles;
  /** model.linkTargets as a set, so that a template with thousands of links stays linear. */
  triedTargets = /* @__PURE__ */ new Set();
  alternativesLeft = MAX_ALTERNATIVE_LINKS;
  constructor(model, options, visitedFiles) {
    this.model = model;
    this.readLinked = options.readLinked;
    this.links = options.links;
    this.visitedFiles = visitedFiles;
  }
  walkTemplate(source, template, resourcesPath, context) {
    if (context.depth > MAX_NESTING2) {
      this.model.tooDeep.push({ file: source.file, path: resourcesPath });
      return;
    }
    const block = suppressionBlockOf(template);
    if (block)
      this.model.suppressionBlocks.push({
        file: source.file,
        path: [...resourcesPath.slice(0, -1), "metadata", "cua-guard"],
        value: block.value,
        onTemplate: true
      });
    const resources = template["resources"];
    if (Array.isArray(resources)) {
      for (let index = 0; index < resources.length; index++) {
        const resource = resources[index];
        if (isRecord(resource)) this.visitResource(source, resourcesPath, index, resource, context);
      }
    } else if (isRecord(resources) && template["languageVersion"] !== void 0) {
      for (const symbol of Object.keys(resources)) {
        const resource = resources[symbol];
        if (isRecord(resource) && resource["existing"] !== true) this.visitResource(source, resourcesPath, symbol, resource, context);
      }
    }
  }
  /** `path` is built only for resources that are kept or have children: most are neither. */
  visitResource(source, resourcesPath, key2, resource, context) {
    const type = typeof resource["type"] === "string" ? resource["type"] : "";
    const evaluation = evaluateValue(resource["name"], context.scope);
    const isDeployment = isDeploymentType(type);
    let entry;
    if (isDeployment || evaluation.errors.length > 0 || looksLikeTrackingName(evaluation.value)) {
      entry = {
        source,
        path: [...resourcesPath, key2],
        resource,
        type,
        name: evaluation.value,
        nameErrors: evaluation.errors,
        placement: context.placement,
        chain: context.chain,
        scope: context.scope,
        definitions: context.definitions,
        templateScope: context.templateScope,
        targetScope: context.templateScope,
        nameHasStaticError: false
      };
      if (evaluation.errors.length > 0) {
        const at = { file: source.file, path: [...entry.path, "name"], at: "value" };
        entry.nameHasStaticError = this.model.expressionErrors.record(
          { raw: resource["name"], at, label: "name", site: context.definitions, resource: entry },
          evaluation
        );
      }
      this.model.resources.push(entry);
    }
    const block = suppressionBlockOf(resource);
    if (block)
      this.model.suppressionBlocks.push({
        file: source.file,
        path: [...entry?.path ?? [...resourcesPath, key2], "metadata", "cua-guard"],
        value: block.value,
        onTemplate: false
      });
    if (Array.isArray(resource["resources"])) {
      const childPlacement = context.placement === "top-level" ? "child" : context.placement;
      this.walkTemplate(source, resource, [...entry?.path ?? [...resourcesPath, key2], "resources"], {
        ...context,
        depth: context.depth + 1,
        placement: childPlacement
      });
    }
    if (entry !== void 0 && isDeployment) this.visitDeployment(entry, context);
  }
  visitDeployment(entry, context) {
    const rawScope = entry.resource["scope"];
    const target = deploymentTargetScope(entry.resource, rawScope === void 0 ? void 0 : evaluateValue(rawScope, context.scope).value);
    const explicitTarget = target === "unknown" ? void 0 : target;
    entry.targetScope = target === "unknown" ? void 0 : target ?? context.templateScope;
    const properties = entry.resource["properties"];
    if (!isRecord(properties)) return;
    const hop = { source: entry.source, path: entry.path, label: labelOf(entry) };
    const chain = [...context.chain, hop];
    const inline = properties["template"];
    if (isRecord(inline)) {
      const placement = context.placement === "linked" ? "linked" : "nested-inline";
      this.walkTemplate(entry.source, inline, [...entry.path, "properties", "template", "resources"], {
        depth: context.depth + 1,
        placement,
        chain,
        ...this.nestedBindings(entry, properties, inline, context),
        templateScope: explicitTarget ?? scopeFromSchema(inline["$schema"]) ?? context.templateScope
      });
    }
    if (isRecord(properties["templateLink"])) this.visitLink(entry, properties["templateLink"], chain, context, explicitTarget);
  }
  /** 'inner' nested templates see their own parameters and variables; 'outer' ones the parent's. */
  nestedBindings(entry, properties, inline, context) {
    const options = properties["expressionEvaluationOptions"];
    const mode = isRecord(options) ? options["scope"] : void 0;
    if (typeof mode !== "string" || mode.toLowerCase() !== "inner")
      return { scope: createNestedScope(context.scope, entry.resource), definitions: context.definitions };
    const unknownNames = withPackageBase(inline);
    const bound = withoutDefaults(inline, unknownNames);
    const deployment = bound === inline ? entry.resource : { ...entry.resource, properties: { ...properties, template: bound } };
    const scope = createNestedScope(context.scope, deployment);
    const supplied = { kind: "deployment", deployment: entry, parent: context.definitions, viaLink: false, knownAtDeployment: unknownNames };
    return { scope, definitions: { source: entry.source, path: [...entry.path, "properties", "template"], template: inline, scope, supplied } };
  }
  visitLink(entry, link, chain, context, explicitTarget) {
    const key2 = linkKey(link);
    const evaluation = evaluateValue(link[key2], context.scope);
    const at = { file: entry.source.file, path: [...entry.path, "properties", "templateLink", key2], at: "value" };
    if (this.model.expressionErrors.record({ raw: link[key2], at, label: `templateLink.${key2}`, site: context.definitions, resource: entry }, evaluation))
      return;
    const resolution = resolveTemplateLink(entry, { key: key2, value: evaluation.value }, this.model.main.file, this.links);
    if (resolution.kind === "note") this.model.linkNotes.push({ ...resolution.note, deployment: entry });
    else this.followLink(entry, { resolution, chain, scope: context.scope }, context, explicitTarget);
    const selector = context.selector;
    if (selector === void 0 || context.scope !== selector.scope) return;
    for (const alternative of linkAlternatives(link[key2], selector.template, selector.given)) {
      if (this.alternativesLeft <= 0) return;
      this.alternativesLeft--;
      const scope = selector.scopeWith({ [alternative.parameter]: alternative.value });
      const value = evaluateValue(link[key2], scope);
      if (value.errors.length > 0) continue;
      const other = resolveTemplateLink(entry, { key: key2, value: value.value }, this.model.main.file, this.links);
      if (other.kind !== "file") continue;
      const hop = {
        ...chain[chain.length - 1],
        label: `${labelOf(entry)} (${alternative.parameter} = ${JSON.stringify(alternative.value)})`
      };
      this.followLink(entry, { resolution: other, chain: [...chain.slice(0, -1), hop], scope }, context, explicitTarget);
    }
  }
  /** Reads the linked template a resolution names and walks it in the scope the deployment gives it. */
  followLink(entry, link, context, explicitTarget) {
    const { resolution } = link;
    if (!this.readLinked) return;
    const loaded = this.loadFirstCandidate(entry, resolution);
    if (loaded === void 0) return;
    this.model.linkedSources.push(loaded.source);
    this.model.links.push({ file: loaded.source.file, from: entry.source.file, via: loaded.via });
    const chain = loaded.via === "suffix" ? withSuffixNote(link.chain, resolution.relative) : link.chain;
    const root = loaded.source.root;
    const unknownNames = withPackageBase(root);
    const bound = withoutDefaults(root, unknownNames);
    const scope = createLinkedScope(link.scope, bound, entry.resource);
    const selector = {
      template: root,
      given: literalParameters(entry.resource),
      scope,
      scopeWith: (overrides) => createLinkedScope(link.scope, bound, withParameterValues(entry.resource, overrides))
    };
    const viaLink = isRecord(entry.resource["properties"]) && entry.resource["properties"]["parametersLink"] !== void 0;
    const definitions = {
      source: loaded.source,
      path: [],
      template: root,
      scope,
      supplied: { kind: "deployment", deployment: entry, parent: context.definitions, viaLink, knownAtDeployment: unknownNames }
    };
    this.walkTemplate(loaded.source, root, ["resources"], {
      depth: context.depth + 1,
      placement: "linked",
      chain,
      scope,
      definitions,
      templateScope: explicitTarget ?? scopeFromSchema(root["$schema"]) ?? context.templateScope,
      selector
    });
  }
  /**
   * The first candidate that exists; else the one repository file that ends with the link's path
   * (packaging copies shared folders). Undefined when already walked (cycles terminate) or none loads.
   */
  loadFirstCandidate(entry, resolution) {
    const { candidates } = resolution;
    let firstProblem;
    for (const target of candidates) {
      const loaded = this.tryTarget(entry, target);
      if (loaded === "walked") return void 0;
      if (loaded?.kind === "file") return { ...loaded, via: resolution.via };
      firstProblem ??= loaded;
    }
    const missing = firstProblem?.kind === "note" && firstProblem.note.kind === "missing";
    const bySuffix = missing && resolution.relative !== void 0 ? nearest(this.bySuffix(resolution.relative, candidates), entry.source.file) : [];
    if (bySuffix.length === 1) {
      const loaded = this.tryTarget(entry, bySuffix[0]);
      if (loaded === "walked") return void 0;
      if (loaded?.kind === "file") return { ...loaded, via: "suffix" };
    }
    const from = { file: entry.source.file, path: entry.path };
    if (missing && bySuffix.length === 0 && resolution.ifMissing) {
      this.model.linkNotes.push({ ...resolution.ifMissing, from, deployment: entry });
      return void 0;
    }
    if (firstProblem?.kind === "note") {
      const tried = candidates.length > 1 ? ` (also looked for ${candidates.slice(1).join(", ")})` : "";
      const several = bySuffix.length > 1 ? `; ${bySuffix.length} files end with '${resolution.relative}': ${listOf(bySuffix)}` : "";
      this.model.linkNotes.push({ ...firstProblem.note, message: `${firstProblem.note.message}${tried}${several}`, from, deployment: entry });
    }
    return void 0;
  }
  /** Reads one candidate: 'walked' when it was walked already for this main template. */
  tryTarget(entry, target) {
    if (!this.triedTargets.has(target)) {
      this.triedTargets.add(target);
      this.model.linkTargets.push(target);
    }
    if (this.visitedFiles.has(target)) return "walked";
    const loaded = this.readLinked?.(entry.source.file, target);
    if (loaded?.kind === "file") this.visitedFiles.add(target);
    return loaded;
  }
  bySuffix(relative2, tried) {
    const path = posixNormalize(relative2);
    if (path === "" || path.startsWith("..")) return [];
    return (this.links?.findBySuffix?.(path) ?? []).filter((file) => !tried.includes(file));
  }
};
function nearest(files, from) {
  if (files.length < 2) return [...files];
  const folders = from.split("/").slice(0, -1);
  const shared = (file) => {
    const parts = file.split("/");
    let n = 0;
    while (n < folders.length && n < parts.length - 1 && parts[n] === folders[n]) n++;
    return n;
  };
  const best = Math.max(...files.map(shared));
  return files.filter((file) => shared(file) === best);
}
function posixNormalize(path) {
  const normalized = posix.normalize(path.replace(/\\/g, "/")).replace(/^(\.\/)+/, "");
  return normalized === "." ? "" : normalized;
}
function listOf(files) {
  return files.length > 5 ? `${files.slice(0, 5).join(", ")} and ${files.length - 5} more` : files.join(", ");
}
function labelOf(entry) {
  const name = entry.name;
  if (typeof name === "string") return name;
  const raw = entry.resource["name"];
  return typeof raw === "string" ? writtenExpression(entry.source, raw) ?? raw : "(unnamed)";
}
function withParameterValues(deployment, overrides) {
  const properties = isRecord(deployment["properties"]) ? deployment["properties"] : {};
  const passed = isRecord(properties["parameters"]) ? properties["parameters"] : {};
  const kept = Object.fromEntries(Object.entries(passed).filter(([name]) => !Object.keys(overrides).some((o) => o.toLowerCase() === name.toLowerCase())));
  const set = Object.fromEntries(Object.entries(overrides).map(([name, value]) => [name, { value }]));
  return { ...deployment, properties: { ...properties, parameters: { ...kept, ...set } } };
}
function literalParameters(deployment) {
  const properties = isRecord(deployment["properties"]) ? deployment["properties"] : {};
  const passed = isRecord(properties["parameters"]) ? properties["parameters"] : {};
  const literals = {};
  for (const [name, entry] of Object.entries(passed)) {
    const value = isRecord(entry) ? entry["value"] : void 0;
    if (value !== void 0 && !(typeof value === "string" && value.startsWith("[") && !value.startsWith("[["))) literals[name] = value;
  }
  return literals;
}
function withSuffixNote(chain, relative2) {
  const last = chain[chain.length - 1];
  if (last === void 0 || relative2 === void 0) return chain;
  return [...chain.slice(0, -1), { ...last, label: `${last.label} (no '${relative2}' beside it: followed to the one repository file ending so)` }];
}

// src/model/tracking-candidates.ts
function findTrackingResources(model, strictNames) {
  const candidates = [];
  for (const entry of model.resources) {
    if (isFilledAtBuild(entry)) {
      const text = entry.name.trim();
      const name2 = { ...analyzeTrackingName(entry.name, strictNames), form: "invalid", problem: { kind: "build-placeholder", text } };
      candidates.push({ entry, name: name2, isDeployment: true, attributable: false, filledAtBuild: true });
      continue;
    }
    const name = ownName(entry);
    if (!looksLikeTrackingName(name)) continue;
    candidates.push({
      entry,
      name: analyzeTrackingName(name, strictNames),
      isDeployment: isDeploymentType(entry.type),
      attributable: knownPrefix(name).slice(0, 4).toLowerCase() === "pid-"
    });
  }
  recordTrackingValues(model, candidates);
  return candidates;
}
function ownName(entry) {
  if (isDeploymentType(entry.type) || entry.type.split("/").length < 3) return entry.name;
  const parts = typeof entry.name === "string" ? [entry.name] : entry.name instanceof PartialString ? entry.name.parts : [];
  for (let i2 = parts.length - 1; i2 >= 0; i2--) {
    const part = parts[i2];
    const slash = typeof part === "string" ? part.lastIndexOf("/") : -1;
    if (typeof part === "string" && slash !== -1) return joinParts([part.slice(slash + 1), ...parts.slice(i2 + 1)]);
  }
  return entry.name;
}
function isFilledAtBuild(entry) {
  if (entry.placement !== "top-level" || !isDeploymentType(entry.type) || typeof entry.name !== "string" || !isBuildPlaceholder(entry.name)) return false;
  const properties = entry.resource["properties"];
  if (!isRecord(properties) || properties["templateLink"] !== void 0) return false;
  if (String(properties["mode"] ?? "").toLowerCase() !== "incremental") return false;
  const template = properties["template"];
  if (!isRecord(template)) return false;
  const resources = template["resources"];
  return Array.isArray(resources) ? resources.length === 0 : isRecord(resources) && Object.keys(resources).length === 0;
}
var TRACKING_VALUES = [["condition"], ["location"], ["copy", "count"]];
function recordTrackingValues(model, candidates) {
  for (const { entry } of candidates) {
    for (const keys of TRACKING_VALUES) {
      let raw = entry.resource;
      for (const key2 of keys) raw = isRecord(raw) ? raw[key2] : void 0;
      if (raw === void 0) continue;
      const at = { file: entry.source.file, path: [...entry.path, ...keys], at: "value" };
      model.expressionErrors.record({ raw, at, label: keys.join("."), site: entry.definitions, resource: entry });
    }
  }
}

// src/model/template-shape.ts
function templateShapeProblem(root) {
  if (!isRecord(root))
    return { kind: "not-an-object", path: [], found: Array.isArray(root) ? "a JSON array" : `a JSON ${root === null ? "null" : typeof root}` };
  const other = describeOtherSchema(root["$schema"]);
  if (other) return { kind: "other-schema", path: ["$schema"], what: other, schema: String(root["$schema"]) };
  const resources = root["resources"];
  if (resources === void 0) return { kind: "no-resources", path: [] };
  const symbolic = root["languageVersion"] !== void 0;
  if (Array.isArray(resources) || symbolic && isRecord(resources)) return void 0;
  const expected = symbolic ? "an array or, with languageVersion, an object" : "an array";
  return {
    kind: "resources-type",
    path: ["resources"],
    expected,
    found: resources === null ? "null" : Array.isArray(resources) ? "an array" : typeof resources
  };
}

// src/model/preview.ts
var MAX_PREVIEW = 120;
function previewValue(value, max2 = MAX_PREVIEW) {
  return truncate(render(value, 0, max2), max2);
}
function truncate(text, max2 = MAX_PREVIEW) {
  return text.length <= max2 ? text : `${text.slice(0, max2)}\u2026 (${text.length - max2} more characters)`;
}
function render(value, depth2, budget) {
  if (typeof value === "string") return JSON.stringify(value.length > budget ? value.slice(0, budget) : value);
  if (value === null || typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === void 0) return "undefined";
  if (depth2 >= 3) return Array.isArray(value) ? "[\u2026]" : "{\u2026}";
  const parts = [];
  let length2 = 0;
  const entries = Array.isArray(value) ? value.map((v) => [void 0, v]) : Object.entries(value);
  for (const [key2, item] of entries) {
    if (length2 > budget) {
      parts.push("\u2026");
      break;
    }
    const text = `${key2 === void 0 ? "" : `${JSON.stringify(key2)}:`}${render(item, depth2 + 1, budget - length2)}`;
    parts.push(text);
    length2 += text.length + 1;
  }
  return Array.isArray(value) ? `[${parts.join(",")}]` : `{${parts.join(",")}}`;
}

// src/parse/locate.ts
var QUOTE3 = 34;
var BACKSLASH2 = 92;
var SLASH2 = 47;
var STAR = 42;
var OPEN_BRACE = 123;
var CLOSE_BRACE = 125;
var OPEN_BRACKET2 = 91;
var CLOSE_BRACKET2 = 93;
var COMMA4 = 44;
var COLON2 = 58;
function locateNodes(text, requests, skips = /* @__PURE__ */ new Map()) {
  const spans = requests.map(() => void 0);
  if (requests.length === 0) return spans;
  const root = newNode();
  requests.forEach((request, i2) => {
    let node2 = root;
    for (const element of request.path) node2 = child(node2, element, true);
    if (request.at === "key") (node2.keyRequests ??= []).push(i2);
    else (node2.valueRequests ??= []).push(i2);
  });
  let remaining = requests.length;
  const record = (indexes, offset, length2) => {
    if (!indexes) return;
    for (const i2 of indexes) {
      if (spans[i2] === void 0) {
        spans[i2] = { offset, length: length2 };
        remaining--;
      }
    }
  };
  const n = text.length;
  const stack = [];
  let pos = skipTrivia(text, 0);
  let node = root;
  for (; ; ) {
    if (pos >= n) return spans;
    const c = text.charCodeAt(pos);
    if (node === void 0) {
      pos = skipValue(text, pos, skips);
    } else {
      const isContainer = c === OPEN_BRACE || c === OPEN_BRACKET2;
      const end = isContainer ? pos + 1 : c === QUOTE3 ? stringEnd(text, pos) : literalEnd(text, pos);
      if (end === pos) return spans;
      record(node.valueRequests, pos, end - pos);
      if (remaining === 0) return spans;
      if (isContainer && (node.keys !== void 0 || node.indexes !== void 0)) {
        stack.push({ node, array: c === OPEN_BRACKET2, index: 0 });
        pos = skipTrivia(text, pos + 1);
        const next = openMember(text, pos, stack, record);
        if (next === void 0) return spans;
        if (next.closed) {
          pos = next.pos;
        } else {
          ({ pos, node } = next);
          if (remaining === 0) return spans;
          continue;
        }
      } else {
        pos = isContainer ? skipValue(text, pos, skips) : end;
      }
    }
    for (; ; ) {
      const frame = stack[stack.length - 1];
      if (frame === void 0) return spans;
      pos = skipTrivia(text, pos);
      const d = text.charCodeAt(pos);
      if (d === COMMA4) {
        frame.index++;
        pos = skipTrivia(text, pos + 1);
        const next = openMember(text, pos, stack, record);
        if (next === void 0) return spans;
        if (next.closed) {
          pos = next.pos;
          continue;
        }
        ({ pos, node } = next);
        if (remaining === 0) return spans;
        break;
      }
      if (d === (frame.array ? CLOSE_BRACKET2 : CLOSE_BRACE)) {
        stack.pop();
        pos++;
        continue;
      }
      return spans;
    }
  }
}
function openMember(text, pos, stack, record) {
  const frame = stack[stack.length - 1];
  if (frame === void 0) return void 0;
  const c = text.charCodeAt(pos);
  if (c === (frame.array ? CLOSE_BRACKET2 : CLOSE_BRACE)) {
    stack.pop();
    return { closed: true, pos: pos + 1 };
  }
  if (frame.array) return { closed: false, pos, node: frame.node.indexes?.get(frame.index) };
  if (c !== QUOTE3) return void 0;
  const keyEnd = stringEnd(text, pos);
  if (keyEnd === pos) return void 0;
  const member = frame.node.keys === void 0 ? void 0 : frame.node.keys.get(keyText(text, pos, keyEnd));
  if (member !== void 0) record(member.keyRequests, pos, keyEnd - pos);
  let next = skipTrivia(text, keyEnd);
  if (text.charCodeAt(next) !== COLON2) return void 0;
  next = skipTrivia(text, next + 1);
  return { closed: false, pos: next, node: member };
}
function newNode() {
  return { keys: void 0, indexes: void 0, keyRequests: void 0, valueRequests: void 0 };
}
function child(node, element, create) {
  if (typeof element === "number") {
    let found2 = node.indexes?.get(element);
    if (!found2 && create) (node.indexes ??= /* @__PURE__ */ new Map()).set(element, found2 = newNode());
    return found2;
  }
  let found = node.keys?.get(element);
  if (!found && create) (node.keys ??= /* @__PURE__ */ new Map()).set(element, found = newNode());
  return found;
}
function keyText(text, start, end) {
  const raw = text.slice(start + 1, end - 1);
  if (!raw.includes("\\")) return raw;
  try {
    return JSON.parse(`"${raw.replace(/[\u0000-\u001f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`);
  } catch {
    return raw;
  }
}
function skipTrivia(text, pos) {
  const n = text.length;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      pos++;
    } else if (c === SLASH2) {
      const after = skipComment(text, pos);
      if (after === pos) return pos;
      pos = after;
    } else {
      return pos;
    }
  }
  return pos;
}
function skipComment(text, pos) {
  const next = text.charCodeAt(pos + 1);
  if (next === SLASH2) {
    for (let i2 = pos + 2; i2 < text.length; i2++) {
      const c = text.charCodeAt(i2);
      if (c === 10 || c === 13) return i2;
    }
    return text.length;
  }
  if (next === STAR) {
    const end = text.indexOf("*/", pos + 2);
    return end === -1 ? text.length : end + 2;
  }
  return pos;
}
function stringEnd(text, pos) {
  let from = pos + 1;
  for (; ; ) {
    const quote3 = text.indexOf('"', from);
    if (quote3 === -1) return pos;
    let backslashes = 0;
    for (let i2 = quote3 - 1; i2 > pos && text.charCodeAt(i2) === BACKSLASH2; i2--) backslashes++;
    if (backslashes % 2 === 0) return quote3 + 1;
    from = quote3 + 1;
  }
}
function literalEnd(text, pos) {
  let i2 = pos;
  const n = text.length;
  while (i2 < n) {
    const c = text.charCodeAt(i2);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === COMMA4 || c === CLOSE_BRACE || c === CLOSE_BRACKET2 || c === COLON2 || c === QUOTE3 || c === SLASH2 || c === OPEN_BRACE || c === OPEN_BRACKET2)
      break;
    i2++;
  }
  return i2;
}
var SKIP_CACHE_MIN = 512;
function skipValue(text, pos, skips) {
  const cached = skips.get(pos);
  if (cached !== void 0) return cached;
  const end = scanValueEnd(text, pos);
  if (end - pos >= SKIP_CACHE_MIN) skips.set(pos, end);
  return end;
}
var STRUCTURAL = /[{}[\]"/]/g;
function scanValueEnd(text, pos) {
  const c = text.charCodeAt(pos);
  if (c === QUOTE3) {
    const end = stringEnd(text, pos);
    return end === pos ? text.length : end;
  }
  if (c !== OPEN_BRACE && c !== OPEN_BRACKET2) {
    const end = literalEnd(text, pos);
    return end === pos ? text.length : end;
  }
  const n = text.length;
  const structural = STRUCTURAL;
  structural.lastIndex = pos;
  let depth2 = 0;
  while (structural.test(text)) {
    const i2 = structural.lastIndex - 1;
    const d = text.charCodeAt(i2);
    if (d === QUOTE3) {
      const end = stringEnd(text, i2);
      if (end === i2) return n;
      structural.lastIndex = end;
    } else if (d === OPEN_BRACE || d === OPEN_BRACKET2) {
      depth2++;
    } else if (d === CLOSE_BRACE || d === CLOSE_BRACKET2) {
      if (--depth2 === 0) return i2 + 1;
    } else {
      const end = skipComment(text, i2);
      if (end !== i2) structural.lastIndex = end;
    }
  }
  return n;
}

// src/engine/rule.ts
function isTerraformRule(rule) {
  return rule.meta.source === "terraform";
}
function renderMessage(template, data, renderData) {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key2) => {
    const value = data?.[key2];
    if (value === void 0) return whole;
    const render2 = renderData?.[key2];
    return render2 === void 0 ? String(value) : render2(value);
  });
}

// src/engine/check-template.ts
function prepareTemplate(input, settings) {
  const parsed = input.parsed ?? parseTemplateText(input.text);
  if (!parsed.ok)
    return { kind: "unreadable", file: input.file, text: parsed.text, problem: { kind: "syntax", message: parsed.error.message, offset: parsed.error.offset } };
  const shape = templateShapeProblem(parsed.value);
  if (shape) return { kind: "unreadable", file: input.file, text: parsed.text, problem: { kind: "shape", shape } };
  const source = input.source ?? createTemplateSource(input.file, parsed.text, parsed.value);
  const model = buildTemplateModel(source, {
    ...input.parameterValues ? { parameterValues: input.parameterValues } : {},
    ...input.readLinked && settings.followLinks ? { readLinked: input.readLinked } : {},
    ...input.links ? { links: input.links } : {},
    ...input.marketplacePackage ? { marketplacePackage: true } : {}
  });
  return { kind: "model", model, ...input.parametersProblem ? { parametersProblem: input.parametersProblem } : {} };
}
function checkPrepared(prepared, plan) {
  if (prepared.kind === "unreadable") return checkUnreadableTemplate(prepared.file, prepared.text, prepared.problem, plan);
  return checkModel(prepared.model, plan, prepared.parametersProblem);
}
function checkModel(model, plan, parametersProblem) {
  const { settings, rules } = plan;
  const candidates = findTrackingResources(model, settings.strictNames);
  const ruleIds = rules.map((rule) => rule.meta.id);
  const pending = [];
  for (const rule of rules) {
    if (isTerraformRule(rule)) continue;
    const severity = severityFor(rule, settings);
    if (severity === void 0) continue;
    const report2 = (r) => {
      if (!rule.meta.reportsInvalidExpressions && model.expressionErrors.isBroken(r.at)) return;
      const suppressed = r.resource ? suppressionFor(r.resource.resource, rule.meta.id) : void 0;
      pending.push({
        ...pendingFrom(rule, r, settings.severities[rule.meta.id] === void 0 ? r.severity ?? severity : severity),
        ...suppressed ? { suppressed } : {}
      });
    };
    runIsolated(
      rule,
      model.main.file,
      pending,
      () => rule.check({ model, candidates, settings, ruleIds, report: report2, ...parametersProblem ? { parametersProblem } : {} })
    );
  }
  const moduleFiles = model.main.origin ? [...model.main.origin.texts.keys()].filter((f) => f !== model.main.file) : [];
  const linkedFiles = [...moduleFiles, ...model.linkedSources.map((s) => s.file)];
  const result = finish({ file: model.main.file, scope: model.scope, pending, candidates, sources: [model.main, ...model.linkedSources], linkedFiles });
  const links = model.links.map(({ file, via }) => ({ file, via }));
  return {
    ...result,
    linkTargets: moduleFiles.length > 0 ? [...moduleFiles, ...model.linkTargets] : model.linkTargets,
    ...links.length > 0 ? { links } : {},
    ...model.kind !== "solution" ? { kind: model.kind } : {},
    ...model.marketplacePackage ? { marketplacePackage: true } : {}
  };
}
function checkUnreadableTemplate(file, text, problem, plan) {
  const pending = [];
  const position = "offset" in problem ? new LineIndex(text).positionAt(problem.offset) : { line: 1, column: 1 };
  for (const rule of plan.rules) {
    if (isTerraformRule(rule)) continue;
    const check = rule.checkUnreadable;
    if (check === void 0) continue;
    const severity = severityFor(rule, plan.settings) ?? "error";
    const report2 = (r) => void pending.push(pendingFrom(rule, r, severity));
    runIsolated(rule, file, pending, () => check.call(rule, { file, problem, position, settings: plan.settings, report: report2 }));
  }
  return finish({ file, scope: void 0, pending, candidates: [], sources: [createTemplateSource(file, text, {})], linkedFiles: [] });
}
function severityFor(rule, settings) {
  const configured = settings.severities[rule.meta.id];
  if (configured === "off") return void 0;
  return configured ?? rule.meta.defaultSeverity;
}
function pendingFrom(rule, r, severity) {
  const template = rule.meta.messages[r.messageId];
  const message = template === void 0 ? `${r.messageId} (message missing from rule ${rule.meta.id})` : renderMessage(template, r.data, rule.meta.renderData);
  return {
    ruleId: rule.meta.id,
    severity,
    messageId: r.messageId,
    ...r.data ? { data: r.data } : {},
    message,
    at: r.at,
    ...r.fix ? { fix: r.fix } : {},
    ...r.notFixable !== void 0 ? { notFixable: r.notFixable } : {}
  };
}
function runIsolated(rule, file, pending, run) {
  const before = pending.length;
  try {
    run();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    pending.splice(before);
    pending.push({
      ruleId: rule.meta.id,
      severity: "error",
      messageId: "internal-error",
      data: { error: detail },
      message: `cua-guard's rule ${rule.meta.id} (${rule.meta.name}) failed on this template (internal error: ${detail}); its findings are missing, please report it`,
      at: { file, path: [], at: "value" },
      internalError: true
    });
  }
}
function finish({ file, scope, pending, candidates: found, sources, linkedFiles }) {
  const candidates = found.filter((c) => !c.filledAtBuild);
  const nameRefs = candidates.map((c) => ({ file: c.entry.source.file, path: [...c.entry.path, "name"], at: "value" }));
  const positions = locateAll([...pending.map((p) => p.at), ...nameRefs], sources);
  const findings = pending.map((p, i2) => toFinding(p, positions[i2] ?? NOWHERE));
  findings.sort((a, b) => a.file === b.file ? a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) : a.file.localeCompare(b.file));
  const tracking = candidates.map((c, i2) => summarizeTracking(c, positions[pending.length + i2] ?? NOWHERE));
  const failed = findings.some((f) => f.severity === "error" && !f.suppressed);
  return { path: file, verdict: failed ? "fail" : "pass", ...scope ? { scope } : {}, findings, tracking, linkedFiles };
}
var NOWHERE = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
function locateAll(refs, sources) {
  const byFile = /* @__PURE__ */ new Map();
  refs.forEach((ref, i2) => {
    const indexes = byFile.get(ref.file);
    if (indexes) indexes.push(i2);
    else byFile.set(ref.file, [i2]);
  });
  const located2 = [];
  for (const [file, indexes] of byFile) {
    const source = sources.find((s) => s.file === file) ?? sources.find((s) => s.origin?.texts.has(file));
    if (source?.origin) {
      locateInOrigin(source, indexes, refs).forEach((at, k) => located2[indexes[k]] = at);
      continue;
    }
    const lines = source?.lines ?? new LineIndex("");
    const spans = locateWithFallback(
      source?.text ?? "",
      indexes.map((i2) => refs[i2])
    );
    indexes.forEach((refIndex, k) => {
      const span = spans[k] ?? { offset: 0, length: 0 };
      located2[refIndex] = { start: lines.positionAt(span.offset), end: lines.positionAt(span.offset + span.length) };
    });
  }
  return located2;
}
function locateInOrigin(source, indexes, refs) {
  const origin = source.origin;
  const lineIndexes = /* @__PURE__ */ new Map([[source.file, source.lines]]);
  const linesOf = (file) => {
    let lines = lineIndexes.get(file);
    if (!lines) lineIndexes.set(file, lines = new LineIndex(origin?.texts.get(file) ?? ""));
    return lines;
  };
  return indexes.map((i2) => {
    const ref = refs[i2];
    const span = ref.offset !== void 0 ? { file: ref.file, offset: ref.offset, length: 0 } : origin?.locate(ref.path, ref.at ?? "value");
    if (!span) return NOWHERE;
    const lines = linesOf(span.file);
    return {
      start: lines.positionAt(span.offset),
      end: lines.positionAt(span.offset + span.length),
      ...span.file !== source.file ? { file: span.file } : {}
    };
  });
}
function toFinding(p, at) {
  return {
    ruleId: p.ruleId,
    severity: p.severity,
    messageId: p.messageId,
    ...p.data ? { data: p.data } : {},
    message: p.message,
    file: at.file ?? p.at.file,
    line: at.start.line,
    column: at.start.column,
    endLine: at.end.line,
    endColumn: at.end.column,
    jsonPointer: toJsonPointer(p.at.path),
    ...p.suppressed ? { suppressed: p.suppressed } : {},
    ...p.fix ? { fix: p.fix } : {},
    ...p.notFixable !== void 0 ? { notFixable: p.notFixable } : {},
    ...p.internalError ? { internalError: true } : {}
  };
}
function locateWithFallback(text, refs) {
  if (refs.some((r) => r.offset !== void 0))
    return refs.map((r) => r.offset !== void 0 ? { offset: r.offset, length: 0 } : locateWithFallback(text, [r])[0]);
  const skips = /* @__PURE__ */ new Map();
  const spans = locateNodes(
    text,
    refs.map((r) => ({ path: r.path, at: r.at ?? "value" })),
    skips
  );
  const missing = refs.map((r, i2) => spans[i2] ? void 0 : r).filter((r) => r !== void 0);
  if (missing.length === 0) return spans;
  return refs.map((ref, i2) => {
    const found = spans[i2];
    if (found) return found;
    for (let depth2 = ref.path.length - 1; depth2 >= 0; depth2--) {
      const [span] = locateNodes(text, [{ path: ref.path.slice(0, depth2), at: "value" }], skips);
      if (span) return span;
    }
    return void 0;
  });
}
function namePartsOf(value) {
  if (typeof value === "string") return [{ text: value }];
  if (value instanceof PartialString) return value.parts.map((p) => typeof p === "string" ? { text: p } : { unknown: true });
  return [{ unknown: true }];
}
function summarizeTracking(c, at) {
  const raw = c.entry.resource["name"];
  return {
    nameExpression: writtenExpression(c.entry.source, raw) ?? (typeof raw === "string" ? raw : previewValue(raw)),
    resolvedName: c.name.display,
    nameParts: namePartsOf(c.name.value),
    ...c.name.trackingId ? { trackingId: c.name.trackingId } : {},
    form: c.name.form,
    type: c.entry.type,
    file: at.file ?? c.entry.source.file,
    line: at.start.line,
    column: at.start.column,
    jsonPointer: toJsonPointer(c.entry.path),
    placement: c.entry.placement
  };
}

// src/model/tracking-resource.ts
var TRACKING_API_VERSION = "2021-04-01";
var SCHEMAS = {
  resourceGroup: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  subscription: "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
  managementGroup: "https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#",
  tenant: "https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#"
};
function isHigherScope(scope) {
  return scope === "subscription" || scope === "managementGroup" || scope === "tenant";
}
function trackingName(trackingId, scope, strictNames) {
  if (isHigherScope(scope) && !strictNames && isGuid(trackingId)) {
    return `[format('pid-${trackingId}-{0}', uniqueString(deployment().location))]`;
  }
  return `pid-${trackingId}`;
}
function emptyTemplate(scope) {
  return { $schema: SCHEMAS[scope ?? "resourceGroup"], contentVersion: "1.0.0.0", resources: [] };
}
function trackingResource(trackingId, scope, strictNames = false) {
  return {
    type: "Microsoft.Resources/deployments",
    apiVersion: TRACKING_API_VERSION,
    name: trackingName(trackingId, scope, strictNames),
    ...isHigherScope(scope) ? { location: "[deployment().location]" } : {},
    properties: { mode: "Incremental", template: emptyTemplate(scope) }
  };
}

// src/rules/rule.ts
function isFixableHere(entry, model) {
  return entry.placement === "top-level" && entry.source.file === model.main.file;
}
var NOT_HERE = "fix edits only the main template's own top-level resources";
function propertyRef(entry, ...keys) {
  let node = entry.resource;
  for (const key2 of keys) {
    if (typeof node !== "object" || node === null || !(key2 in node)) {
      return { file: entry.source.file, path: [...entry.path, ...keys.slice(0, keys.indexOf(key2))], at: "value" };
    }
    node = node[key2];
  }
  return { file: entry.source.file, path: [...entry.path, ...keys], at: "value" };
}
function resourceRef(entry) {
  return { file: entry.source.file, path: entry.path, at: "value" };
}
function hasStaticError(entry) {
  return entry.nameHasStaticError;
}
function describeChain(entry) {
  return entry.chain.map((hop) => `'${hop.label}' (${hop.source.file})`).join(" \u2192 ");
}

// src/rules/tracking-set.ts
function topLevelTrackingDeployments(candidates) {
  return candidates.filter((c) => c.isDeployment && c.attributable && c.entry.placement === "top-level");
}
function trackingDeployments(candidates) {
  return candidates.filter((c) => c.isDeployment && !c.filledAtBuild);
}
function filledAtBuild(candidates) {
  return candidates.filter((c) => c.filledAtBuild === true);
}
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
  const countText = writtenExpression(entry.source, rawCount) ?? previewValue(rawCount);
  const count = isRecord(copy) ? countOf2(evaluateValue(rawCount, entry.scope).value) : void 0;
  const loopName = isRecord(copy) ? copy["name"] : void 0;
  if (count === void 0 || count > MAX_COPY_COUNT || typeof loopName !== "string") return { count, countText, names: void 0 };
  const rawName = entry.resource["name"];
  if (typeof rawName !== "string" || !dependsOn(entry.name, isCopyIndex)) {
    return { count, countText, names: new Array(count).fill(analyzeTrackingName(entry.name, strictNames)) };
  }
  if (rawName.length * count > MAX_ITERATION_TEXT) return { count, countText, names: void 0 };
  const expanded = evaluateValue({ copy: [{ name: loopName, count, input: rawName }] }, entry.scope).value;
  const values = isRecord(expanded) ? expanded[loopName] : void 0;
  const names = Array.isArray(values) ? values.map((value) => analyzeTrackingName(value, strictNames)) : void 0;
  return { count, countText, names };
}
function countOf2(value) {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? value : void 0;
  if (typeof value === "string" && /^\d+$/.test(value.trim())) return Number(value);
  return void 0;
}
function trackingNamesOf(candidate, strictNames) {
  return copyLoopOf(candidate, strictNames)?.names ?? [candidate.name];
}
function sameNameKey(name) {
  if (dependsOn(name.value, isCopyIndex)) return void 0;
  return valueKey(name.value)?.toLowerCase();
}
function isCopyIndex(unknown) {
  return unknown.cause.kind === "copy-index";
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
  const options = {
    templatePath: model.main.file,
    ...model.scope ? { scopeKind: model.scope } : {},
    ...model.main.origin ? { spelling: model.main.origin } : {}
  };
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
  for (const [name, def] of Object.entries(parameters)) {
    stripped[name] = isRecord(def) ? Object.fromEntries(Object.entries(def).filter(([key2]) => key2 !== "defaultValue")) : def;
  }
  return { ...root, parameters: stripped };
}
function describeDependency(value) {
  const parts = unknownParts(value).map((p) => p.text);
  return parts.length > 0 ? parts.join(", ") : describeString(value);
}
function nameAvoidsLocationClash(entry, template) {
  const noValues = createTemplateScope(withoutDefaultValues(template));
  const perRun = perRunParameters(template);
  const location = entry.resource["location"];
  const ownLocation = typeof location === "string" && isExpressionString(location) ? evaluateValue(location, noValues).value : void 0;
  const marks = (unknown) => {
    const { cause } = unknown;
    if (cause.kind === "parameter" && perRun.has(cause.name.toLowerCase())) return true;
    if (isPerRunCall(unknown)) return true;
    const context = contextPath(unknown);
    const property = context?.fn === "deployment" && context.path.length === 1 ? context.path[0] : void 0;
    if (typeof property === "string" && ["location", "name"].includes(property.toLowerCase())) return true;
    return ownLocation instanceof Unknown && sameUnknown(unknown, ownLocation);
  };
  const asWritten = evaluateValue(entry.resource["name"], noValues).value;
  return dependsOn(asWritten, marks) || dependsOn(entry.name, marks);
}
function isPerRunCall(unknown) {
  const { cause } = unknown;
  return cause.kind === "call" && ["utcnow", "newguid"].includes(cause.fn.toLowerCase());
}
function perRunParameters(template) {
  const parameters = template["parameters"];
  const found = /* @__PURE__ */ new Set();
  if (!isRecord(parameters)) return found;
  let scope;
  for (const [name, def] of Object.entries(parameters)) {
    const value = isRecord(def) ? def["defaultValue"] : void 0;
    if (typeof value !== "string" || !isExpressionString(value)) continue;
    scope ??= createTemplateScope(template);
    if (dependsOn(evaluateValue(value, scope).value, isPerRunCall)) found.add(name.toLowerCase());
  }
  return found;
}
function hasFixedLocation(entry) {
  const location = entry.resource["location"];
  return typeof location === "string" && location.trim() !== "" && !isExpressionString(location);
}

// src/rules/cua001-missing-tracking-resource.ts
var messages = {
  missing: "no customer usage attribution: the main template has no top-level Microsoft.Resources/deployments resource named 'pid-<GUID>'",
  missingUnresolved: "no customer usage attribution: the main template has no top-level Microsoft.Resources/deployments resource named 'pid-<GUID>'; {{count}} top-level deployment name(s) could not be resolved and might be it",
  misplaced: "no customer usage attribution: the main template has no top-level Microsoft.Resources/deployments resource named 'pid-<GUID>' (a pid- resource exists, but not as a top-level deployment: see the other findings)",
  partnerCenterAddsId: "the Marketplace package's main template has no tracking deployment; Partner Center adds one when the package is uploaded for an Azure application plan (marketplace-packages: partner-center-adds-id)",
  misplacedUnresolved: "no customer usage attribution: the main template has no top-level Microsoft.Resources/deployments resource named 'pid-<GUID>' (a pid- resource exists, but not as a top-level deployment: see the other findings); {{count}} top-level deployment name(s) could not be resolved and might be it"
};
var NO_TRACKING_ID = "no tracking id was given (--tracking-id or tracking-ids; 'cua-guard new-id' makes one)";
var cua001 = {
  meta: {
    id: "CUA001",
    name: "missing-tracking-resource",
    description: "The main template deploys no top-level Microsoft.Resources/deployments resource named pid-\u2026",
    help: [
      "The main template has no top-level `Microsoft.Resources/deployments` resource whose name starts with `pid-` (types compare case-insensitively, as ARM does). Partner Center attributes a deployment's usage only through such a resource in the template that is deployed; one inside a nested or linked template, or a child resource, does not count. Reported at the `resources` key.",
      "",
      "Not reported on a template that only defines or only deploys a managed application (`Microsoft.Solutions/applicationDefinitions`, `Microsoft.Solutions/applications`): it is not a solution template. In a Marketplace Azure application package (`mainTemplate.json` with `createUiDefinition.json` beside it) it is a notice instead with `marketplace-packages: partner-center-adds-id`, since Partner Center adds a tracking id when the package is uploaded for an Azure application plan; the default stays an error, because this gate exists to block pull requests that lose the tracking resource.",
      "",
      '`cua-guard fix --tracking-id <GUID>` inserts the tracking deployment as the first resource (a new symbolic resource `pidTracking` in `languageVersion` 2.0 templates), shaped for the template\'s scope: at subscription, management-group and tenant scope with `"location": "[deployment().location]"` and a per-location name. Without a tracking id, or when a top-level deployment whose name mentions `pid-` cannot be evaluated, nothing is inserted.',
      "",
      "Passes:",
      "```json",
      '"resources": [',
      '  { "type": "Microsoft.Resources/deployments", "apiVersion": "2021-04-01", "name": "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6",',
      '    "properties": { "mode": "Incremental", "template": { "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [] } } },',
      '  { "type": "Microsoft.Storage/storageAccounts", "\u2026": "\u2026" }',
      "]",
      "```",
      "Fails: the same without the first resource."
    ].join("\n"),
    defaultSeverity: "error",
    precision: "very-high",
    messages
  },
  check({ model, candidates, settings, report: report2 }) {
    if (topLevelTrackingDeployments(candidates).length > 0 || filledAtBuild(candidates).length > 0) return;
    if ((model.main.origin?.unread.length ?? 0) > 0) return;
    if (model.kind !== "solution") return;
    if (model.marketplacePackage && settings.marketplacePackages === "partner-center-adds-id" && candidates.length === 0) {
      const hasKey = "resources" in model.main.root;
      report2({
        messageId: "partnerCenterAddsId",
        severity: "notice",
        at: { file: model.main.file, path: hasKey ? ["resources"] : [], at: hasKey ? "key" : "value" },
        notFixable: "Partner Center adds the tracking id on upload"
      });
      return;
    }
    const unresolved = model.resources.filter(
      (r) => r.placement === "top-level" && isDeploymentType(r.type) && knownPrefix(r.name) === "" && typeof r.resource["name"] === "string" && !hasStaticError(r)
    ).length;
    const misplaced = candidates.length > 0;
    const messageId = misplaced ? unresolved > 0 ? "misplacedUnresolved" : "misplaced" : unresolved > 0 ? "missingUnresolved" : "missing";
    const hasResources = "resources" in model.main.root;
    const repair = insertTracking(model, candidates, settings);
    report2({
      messageId,
      ...unresolved > 0 ? { data: { count: unresolved } } : {},
      at: { file: model.main.file, path: hasResources ? ["resources"] : [], at: hasResources ? "key" : "value" },
      ..."fix" in repair ? { fix: repair.fix } : { notFixable: repair.notFixable }
    });
  }
};
function insertTracking(model, candidates, settings) {
  const ownTopLevel = (entry) => entry.placement === "top-level" && entry.source.file === model.main.file;
  const meant = candidates.find((c) => c.isDeployment && ownTopLevel(c.entry));
  if (meant) return { notFixable: `the top-level deployment '${meant.name.display}' looks like the tracking deployment; fix its name by hand` };
  const broken = model.resources.find(
    (r) => ownTopLevel(r) && isDeploymentType(r.type) && !candidates.some((c) => c.entry === r) && /pid-/i.test(JSON.stringify(r.resource["name"] ?? ""))
  );
  if (broken)
    return {
      notFixable: `the deployment named ${JSON.stringify(broken.resource["name"])} looks like the tracking deployment, but its name cannot be evaluated; fix the expression by hand`
    };
  const [trackingId] = settings.trackingIds;
  if (trackingId === void 0) return { notFixable: NO_TRACKING_ID };
  const value = trackingResource(trackingId, model.scope, settings.strictNames);
  const label = `'${String(value["name"])}'`;
  const scopeNote = isHigherScope(model.scope) ? ` (${model.scope} scope: with a location and a per-location name)` : "";
  const resources = model.main.root["resources"];
  if (isRecord(resources)) {
    const symbol = uniqueSymbol(resources);
    return {
      fix: {
        file: model.main.file,
        operations: [{ kind: "insert", path: ["resources", symbol], value, first: true }],
        description: `inserted tracking deployment ${label} as the symbolic resource '${symbol}'${scopeNote}`
      }
    };
  }
  return {
    fix: {
      file: model.main.file,
      operations: [{ kind: "insert", path: ["resources", 0], value, first: true }],
      description: `inserted tracking deployment ${label} as the first resource${scopeNote}`
    }
  };
}
function uniqueSymbol(resources) {
  for (let i2 = 0; ; i2++) {
    const symbol = i2 === 0 ? "pidTracking" : `pidTracking${i2 + 1}`;
    if (!(symbol in resources)) return symbol;
  }
}

// src/rules/cua002-duplicate-tracking-resource.ts
var ALLOWED = "the {{max}} allowed (input max-tracking-resources)";
var messages2 = {
  "unknown-count": `tracking deployment '{{name}}' is in a copy loop whose count ({{count}}) is not known before deployment, so the number of tracking deployments cannot be checked against ${ALLOWED}`,
  "zero-count": "tracking deployment '{{name}}' is in a copy loop whose count is 0: it is never deployed, so no usage is attributed",
  "same-name-in-loop": "tracking deployment '{{name}}' is in a copy loop in which two iterations get the same name ('{{iterationName}}'); ARM rejects a resource defined more than once (use copyIndex() in the name, or drop the loop)",
  "declared-twice": "tracking deployment '{{name}}' is declared twice (first at {{first}}); ARM rejects two resources with the same name in one template",
  "too-many": `{{deployed}} tracking deployments in one main template, more than ${ALLOWED}; '{{name}}' is one too many`,
  "too-many-in-loop": `{{deployed}} tracking deployments in one main template, more than ${ALLOWED}; '{{name}}' is in a copy loop of {{copies}}`
};
var cua002 = {
  meta: {
    id: "CUA002",
    name: "duplicate-tracking-resource",
    description: "The main template deploys more tracking deployments than allowed (default one), the same name twice, or some in a copy loop of unknown or zero count",
    help: [
      "More tracking deployments than `max-tracking-resources` (default 1), or the same tracking name deployed twice. A `copy` loop counts its copies: a `count` that resolves to N adds N (1 is fine; 3 offers in one loop pass with `max-tracking-resources: 3`), and each iteration's name is evaluated with `copyIndex()` bound, so iterations that repeat a name are duplicates and each name is checked (CUA003). A loop whose `count` is not known before deployment is an error (the limit cannot be checked), and so is a `count` of 0 (nothing is deployed).",
      "",
      "Keep exactly one tracking deployment per main template (or raise `max-tracking-resources` for landing zones with several offers), outside any copy loop.",
      "",
      "Fails:",
      "```json",
      '{ "type": "Microsoft.Resources/deployments", "name": "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6", "copy": { "name": "loop", "count": 3 }, "\u2026": "\u2026" }',
      "```",
      "Passes: one tracking deployment; or, with `max-tracking-resources: 2` and two GUIDs in the variable `offers`:",
      "```json",
      `{ "type": "Microsoft.Resources/deployments", "name": "[concat('pid-', variables('offers')[copyIndex()])]", "copy": { "name": "offers", "count": "[length(variables('offers'))]" }, "\u2026": "\u2026" }`,
      "```"
    ].join("\n"),
    defaultSeverity: "error",
    precision: "very-high",
    messages: messages2,
    notFixable: "which tracking deployment to delete, or how to drop the copy loop, is your call; fix never deletes a resource"
  },
  check({ candidates, settings, report: report2 }) {
    const max2 = settings.maxTrackingResources;
    let deployed = 0;
    const seen = /* @__PURE__ */ new Map();
    for (const candidate of topLevelTrackingDeployments(candidates)) {
      const { entry } = candidate;
      const name = truncate(candidate.name.display);
      const loop = copyLoopOf(candidate, settings.strictNames);
      if (loop !== void 0 && loop.count === void 0) {
        report2({ messageId: "unknown-count", data: { name, count: truncate(loop.countText), max: max2 }, at: propertyRef(entry, "copy", "count"), resource: entry });
      }
      if (loop?.count === 0) {
        report2({ messageId: "zero-count", data: { name }, at: propertyRef(entry, "copy", "count"), resource: entry });
        continue;
      }
      const duplicate = firstDuplicate(candidate, trackingNamesOf(candidate, settings.strictNames), seen);
      if (duplicate !== void 0) {
        report2({ ...duplicate, at: loop ? propertyRef(entry, "copy") : resourceRef(entry), resource: entry });
        continue;
      }
      const copies = loop?.count ?? 1;
      deployed += copies;
      if (deployed <= max2) continue;
      if (loop) report2({ messageId: "too-many-in-loop", data: { deployed, max: max2, name, copies }, at: propertyRef(entry, "copy", "count"), resource: entry });
      else report2({ messageId: "too-many", data: { deployed, max: max2, name }, at: resourceRef(entry), resource: entry });
    }
  }
};
function firstDuplicate(candidate, names, seen) {
  const name = truncate(candidate.name.display);
  for (const deployed of names) {
    const key2 = sameNameKey(deployed);
    if (key2 === void 0) continue;
    const first = seen.get(key2);
    if (first === candidate) return { messageId: "same-name-in-loop", data: { name, iterationName: truncate(deployed.display) } };
    if (first !== void 0) return { messageId: "declared-twice", data: { name, first: toJsonPointer(first.entry.path) } };
    seen.set(key2, candidate);
  }
  return void 0;
}

// src/rules/name-repair.ts
function repairInvalidName(candidate, context) {
  const raw = literalName(candidate, context.model);
  if (typeof raw !== "string") return raw;
  if (candidate.name.problem?.kind === "placeholder") return renameToGivenId(candidate, raw, "it held a placeholder", context);
  const repaired = repairLiteralName(raw, context.settings.trackingIds, context.settings.strictNames);
  if (repaired.name !== void 0)
    return { fix: rename(candidate, repaired.name, `renamed tracking deployment '${raw}' to '${repaired.name}' (${repaired.reason})`) };
  const given = renameToGivenId(candidate, raw, "it was invalid", context);
  return "fix" in given ? given : { notFixable: `${repaired.reason}; ${given.notFixable}` };
}
function literalName(candidate, model) {
  const raw = candidate.entry.resource["name"];
  if (!isFixableHere(candidate.entry, model)) return { notFixable: "fix edits only the main template's own top-level resources" };
  if (typeof raw !== "string" || isExpressionString(raw)) return { notFixable: "the name is an expression; fix it by hand" };
  return raw;
}
function rename(candidate, name, description) {
  const { entry } = candidate;
  return { file: entry.source.file, operations: [{ kind: "replace", path: [...entry.path, "name"], value: name }], description };
}
function renameToGivenId(candidate, raw, reason, context) {
  const given = [...new Set(context.settings.trackingIds)];
  const [id] = given;
  if (id === void 0) return { notFixable: "no tracking id was given (--tracking-id or tracking-ids; 'cua-guard new-id' makes one)" };
  if (given.length > 1) return { notFixable: `${given.length} tracking ids are given, so which one this template should use is not clear` };
  const main = context.model.main.file;
  const topLevel = context.candidates.filter((c) => c.isDeployment && c.entry.placement === "top-level" && c.entry.source.file === main);
  if (topLevel.length !== 1)
    return { notFixable: `the template has ${topLevel.length} top-level tracking deployments, so which one should carry ${id} is not clear` };
  const renamed = `pid-${id}${keptSuffix(raw, id, context.settings.strictNames)}`;
  return { fix: rename(candidate, renamed, `renamed tracking deployment '${raw}' to '${renamed}' (${reason}; the given id is ${id})`) };
}
function keptSuffix(raw, id, strictNames) {
  if (strictNames || !isGuid(id)) return "";
  const suffix = /^pid-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(-[A-Za-z0-9\-._()]+)$/i.exec(raw)?.[1];
  if (suffix === void 0 || suffix.toLowerCase() === "-partnercenter") return "";
  return `pid-${id}${suffix}`.length <= MAX_DEPLOYMENT_NAME ? suffix : "";
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
  const guid = GUID_PREFIX.exec(rest)?.[0];
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
  const near = [...new Set(knownIds.filter((id) => isGuid(id)))].filter((id) => editDistance(id.replace(/-/g, "").toLowerCase(), digits) <= 2);
  if (near.length === 1)
    return { name: `pid-${near[0]}`, reason: [...reasons, `the GUID is at most 2 characters away from the given id ${near[0]}`].join(", ") };
  return {
    reason: near.length > 1 ? "several given ids are that close, so the intended id is not clear" : "no given tracking id is within 2 characters of it, so the intended id is not clear (give it with --tracking-id)"
  };
}
function editDistance(a, b) {
  if (Math.abs(a.length - b.length) > 3) return 4;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i2 = 1; i2 <= a.length; i2++) {
    const current = [i2];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i2 - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

// src/rules/tracking-name-problems.ts
var BAD_ID_TEXTS = {
  braces: "the GUID must not be wrapped in braces ('{{id}}')",
  groupLength: "'{{attempt}}' is not a GUID: group {{group}} has {{digits}} hex digits, expected {{expected}} (8-4-4-4-12)",
  notHex: "'{{attempt}}' is not a GUID: '{{char}}' in group {{group}} is not a hex digit (8-4-4-4-12)",
  endsEarly: "'{{attempt}}' is not a GUID: it ends after group {{group}} of 5 (8-4-4-4-12)",
  separator: "'{{attempt}}' is not a GUID: group {{group}} is followed by '{{char}}' instead of '-' (8-4-4-4-12)",
  partnerCenterCase: "a Partner Center tracking id must be lower case ('{{id}}')",
  neither: "'{{id}}' is neither a GUID (8-4-4-4-12 hex digits) nor a Partner Center id ('<lowercase id>-partnercenter')"
};
var REST = "; the rest ({{rest}}) cannot change that";
var PROBLEM_TEXTS = {
  tooLong: "it is {{length}} characters long; deployment names allow at most {{max}}",
  tooLongAtLeast: "it is at least {{length}} characters long; deployment names allow at most {{max}}",
  tooLongCounting: "it is at least {{length}} characters long (counting {{counted}}); deployment names allow at most {{max}}",
  badCharacter: "'{{char}}' is not allowed in a deployment name (letters, digits and -._() only)",
  placeholder: "'{{text}}' is a placeholder, not a tracking id: put the id registered for the offer in Partner Center here",
  buildPlaceholders: "'{{text}}' and {{others}} more deployments of the tracking shape are filled in when the package is built; this check cannot see their ids: check the built package's template for exactly one 'pid-' + the id registered in Partner Center",
  buildPlaceholder: "'{{text}}' is filled in when the package is built (a deployment of the tracking shape named by a build placeholder); this check cannot see the id: check the built package's template for 'pid-' + the id registered in Partner Center",
  prefixCase: "the prefix must be lower-case 'pid-', not '{{prefix}}'",
  noPrefix: "it must start with 'pid-'; Partner Center does not attribute '{{start}}'",
  ...BAD_ID_TEXTS,
  bracesRest: BAD_ID_TEXTS.braces + REST,
  groupLengthRest: BAD_ID_TEXTS.groupLength + REST,
  notHexRest: BAD_ID_TEXTS.notHex + REST,
  endsEarlyRest: BAD_ID_TEXTS.endsEarly + REST,
  separatorRest: BAD_ID_TEXTS.separator + REST,
  partnerCenterCaseRest: BAD_ID_TEXTS.partnerCenterCase + REST,
  neitherRest: BAD_ID_TEXTS.neither + REST,
  suffixWithoutDash: "the GUID is followed by '{{text}}'; a suffix must start with '-'",
  hashAfterGuid: "the GUID is followed directly by {{hash}}; a suffix must start with '-'",
  strictSuffix: "the suffix '{{suffix}}' after the GUID is not allowed (strict-names)",
  unresolved: "the tracking id depends on {{unknowns}}, known only at deployment"
};
function problemMessage(name, problem) {
  switch (problem.kind) {
    case "too-long": {
      const data = { length: problem.length, max: problem.max };
      if (!problem.atLeast) return { key: "tooLong", data };
      if (problem.counted.length === 0) return { key: "tooLongAtLeast", data };
      return { key: "tooLongCounting", data: { ...data, counted: truncate(problem.counted.map((c) => `${c.text} as its ${c.length} characters`).join(", ")) } };
    }
    case "bad-character":
      return { key: "badCharacter", data: { char: problem.char } };
    case "placeholder":
      return { key: "placeholder", data: { text: problem.text } };
    case "build-placeholder":
      return { key: "buildPlaceholder", data: { text: problem.text } };
    case "prefix-case":
      return { key: "prefixCase", data: { prefix: problem.prefix } };
    case "no-prefix":
      return { key: "noPrefix", data: { start: name.display.slice(0, 40) } };
    case "bad-id": {
      const { key: key2, data } = badIdMessage(problem.id);
      return problem.rest === void 0 ? { key: key2, data } : { key: `${key2}Rest`, data: { ...data, rest: truncate(problem.rest.join(", ")) } };
    }
    case "suffix-without-dash":
      return { key: "suffixWithoutDash", data: { text: problem.text } };
    case "hash-after-guid":
      return { key: "hashAfterGuid", data: { hash: problem.text } };
    case "strict-suffix":
      return { key: "strictSuffix", data: { suffix: problem.suffix } };
    case "unresolved":
      return { key: "unresolved", data: { unknowns: problem.unknowns.join(", ") } };
  }
}
function badIdMessage(id) {
  switch (id.kind) {
    case "braces":
      return { key: "braces", data: { id: id.shown } };
    case "partner-center-case":
      return { key: "partnerCenterCase", data: { id: id.shown } };
    case "neither":
      return { key: "neither", data: { id: id.shown } };
    case "not-a-guid": {
      const { shape } = id;
      switch (shape.kind) {
        case "group-length":
          return { key: "groupLength", data: { attempt: id.attempt, group: shape.group, digits: shape.digits, expected: shape.expected } };
        case "not-hex":
          return { key: "notHex", data: { attempt: id.attempt, group: shape.group, char: shape.char } };
        case "ends-early":
          return { key: "endsEarly", data: { attempt: id.attempt, group: shape.group } };
        case "separator":
          return { key: "separator", data: { attempt: id.attempt, group: shape.group, char: shape.char } };
      }
    }
  }
}
function messagesFor(prefix, idSuffix, suffix = "") {
  const out = {};
  for (const [key2, text] of Object.entries(PROBLEM_TEXTS)) out[`${key2}${idSuffix}`] = `${prefix}${text}${suffix}`;
  return out;
}

// src/rules/cua003-invalid-tracking-name.ts
var messages3 = {
  ...messagesFor("tracking name '{{name}}' is invalid: ", ""),
  ...messagesFor("tracking name '{{name}}' is invalid in copy iteration {{iteration}} ('{{iterationName}}'): ", "InIteration"),
  ...messagesFor(
    "tracking name '{{name}}' is invalid in copy iteration {{iteration}} ('{{iterationName}}'): ",
    "InIterations",
    " (and in {{others}} more iterations)"
  )
};
var cua003 = {
  meta: {
    id: "CUA003",
    name: "invalid-tracking-name",
    description: "The tracking name is not 'pid-' + a GUID (optionally with a suffix) or a Partner Center tracking id, or not a valid deployment name",
    help: 'The name is not `pid-` + a GUID (8-4-4-4-12 hex digits, any case, no braces) and not a Partner\nCenter id (`pid-<lowercase letters, digits, dashes>-partnercenter`); or it is not a valid deployment\nname (at most 64 characters of letters, digits and `-._()`). A suffix after the GUID\n(`pid-<GUID>-<suffix>`, often `uniqueString(...)` so the name is unique per location) is accepted unless\n`strict-names: true`. Names that carry `pid-` elsewhere (`amba-alz-pid-\u2026`) are reported here too:\nPartner Center does not attribute them.\n\nA partly known name is judged on what is known. When the known text already rules out both forms, it\nis this error, not [CUA010](#cua010-unresolved-tracking-name): a dash-delimited block that breaks\n8-4-4-4-12 in a GUID-like start, a character neither form allows (`_`, upper case in a Partner Center\nid), or an end that cannot be `-partnercenter` (a `uniqueString()` hash never ends so). A GUID glued\nto `uniqueString()` without `-` is no suffix. The length limit counts `uniqueString()` as its 13\ncharacters and `guid()` as 36 (other unknowns as 0), so a name that is at least 65 characters long\nfails before deployment does.\n\nPassing: `"pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6"`, `"pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6-westeurope"`,\n`"pid-contoso-myoffer-partnercenter"`, `"[concat(\'pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6-\', uniqueString(deployment().location))]"`.\nFailing: `"pid-eb7927c8-dd66-43e1-b0cf-c346a422063"` (the docs\' own sample: 11 digits in the last group),\nalso as `"[format(\'pid-eb7927c8-dd66-43e1-b0cf-c346a422063-{0}\', uniqueString(deployment().name))]"`;\n`"[concat(\'pid-NOT_A_GUID-\', uniqueString(deployment().name))]"`, `"pid-{4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6}"`, `"PID-\u2026"`.\n\nA top-level deployment of exactly the tracking shape (mode Incremental, empty inline template) whose whole name is a build placeholder (`"${start}"`, `"{{trackingId}}"`, `"__PID__"`, `"<tracking id>"`, filled in by a Maven or packaging step, as some Marketplace repositories do) is the tracking deployment with its id filled in at build: a warning that says so (check the built package), not CUA001.\n\n`cua-guard fix` renames a literal name whose intended id is clear: `PID-`/`Pid-` in lower case, braces round the GUID removed, a GUID one or two characters away from the one given id; otherwise, with exactly one given id and one top-level tracking deployment, it becomes `pid-<given id>` (keeping a landing-zone suffix). Names built by expressions are left to you.',
    defaultSeverity: "error",
    precision: "very-high",
    messages: messages3
  },
  check({ model, candidates, settings, report: report2 }) {
    for (const candidate of candidates) {
      const at = propertyRef(candidate.entry, "name");
      const name = truncate(candidate.name.display);
      if (candidate.name.form === "invalid" && candidate.name.problem !== void 0) {
        const { key: key3, data: data2 } = problemMessage(candidate.name, candidate.name.problem);
        if (candidate.filledAtBuild) {
          const all = filledAtBuild(candidates);
          if (all[0] !== candidate) continue;
          const notFixable = "the name is filled in when the package is built";
          const more = all.length > 1 ? { messageId: "buildPlaceholders", data: { name, ...data2, others: all.length - 1 } } : { messageId: key3, data: { name, ...data2 } };
          report2({ ...more, at, resource: candidate.entry, severity: "warning", notFixable });
          continue;
        }
        const fix = repairInvalidName(candidate, { model, candidates, settings });
        report2({ messageId: key3, data: { name, ...data2 }, at, resource: candidate.entry, ...fix });
        continue;
      }
      const iterations = copyLoopOf(candidate, settings.strictNames)?.names ?? [];
      const bad = iterations.findIndex((n) => n.form === "invalid");
      const first = iterations[bad];
      if (first?.problem === void 0) continue;
      const others = iterations.filter((n) => n.form === "invalid").length - 1;
      const { key: key2, data } = problemMessage(first, first.problem);
      const where2 = { name, iteration: bad, iterationName: first.display };
      report2(
        others > 0 ? { messageId: `${key2}InIterations`, data: { ...where2, ...data, others }, at, resource: candidate.entry } : { messageId: `${key2}InIteration`, data: { ...where2, ...data }, at, resource: candidate.entry }
      );
    }
  }
};

// src/rules/cua004-tracking-in-nested-template.ts
var messages4 = {
  nested: "tracking deployment '{{name}}' is inside the nested template of {{chain}}; Partner Center only attributes a tracking deployment made by the main template: move it to the top-level resources",
  child: "tracking deployment '{{name}}' is a child resource; declare it in the main template's top-level resources",
  // With a top-level one already there, moving this one would make two (CUA002): remove it instead.
  nestedBesideTopLevel: "tracking deployment '{{name}}' is inside the nested template of {{chain}}; Partner Center only attributes the one the main template deploys at the top level, which it already has: remove this one",
  childBesideTopLevel: "tracking deployment '{{name}}' is a child resource; the main template already deploys one at the top level: remove this one"
};
var cua004 = {
  meta: {
    id: "CUA004",
    name: "tracking-in-nested-template",
    description: "A pid- deployment sits inside an inline nested template or a resource's child resources instead of the main template",
    help: [
      "A `pid-` deployment inside an inline nested template (`properties.template` of any deployment, at any depth) or among a resource's child `resources`. Only a tracking deployment made by the main template is attributed.",
      "",
      "Move the tracking deployment out of the nested template or child resources into the main template's top-level resources. `cua-guard fix` inserts a top-level one when there is none, and leaves the nested one to you.",
      "",
      "Fails:",
      "```json",
      '{ "type": "Microsoft.Resources/deployments", "name": "wrapper", "properties": { "mode": "Incremental",',
      '  "template": { "resources": [ { "type": "Microsoft.Resources/deployments", "name": "pid-4f3c9a7e-\u2026", "\u2026": "\u2026" } ] } } }',
      "```",
      "Passes: the tracking deployment in the main template's `resources`.",
      "```json",
      '"resources": [ { "type": "Microsoft.Resources/deployments", "name": "pid-4f3c9a7e-\u2026", "\u2026": "\u2026" }, { "type": "Microsoft.Resources/deployments", "name": "wrapper", "\u2026": "\u2026" } ]',
      "```"
    ].join("\n"),
    defaultSeverity: "error",
    precision: "very-high",
    messages: messages4,
    notFixable: "fix never moves a resource out of a nested template or a parent resource; it inserts the top-level one when there is none"
  },
  check({ candidates, report: report2 }) {
    const hasTopLevel = topLevelTrackingDeployments(candidates).length > 0;
    for (const candidate of candidates) {
      if (!candidate.isDeployment) continue;
      const { entry } = candidate;
      const name = truncate(candidate.name.display);
      const at = propertyRef(entry, "name");
      if (entry.placement === "nested-inline")
        report2({ messageId: hasTopLevel ? "nestedBesideTopLevel" : "nested", data: { name, chain: describeChain(entry) }, at, resource: entry });
      else if (entry.placement === "child") report2({ messageId: hasTopLevel ? "childBesideTopLevel" : "child", data: { name }, at, resource: entry });
    }
  }
};

// src/rules/cua005-tracking-in-linked-template.ts
var messages5 = {
  linked: "tracking deployment '{{name}}' is in a linked template reached from {{main}} through {{chain}}; only the main template may deploy it",
  // With a top-level one already there, moving this one would make two (CUA002): remove it instead.
  linkedBesideTopLevel: "tracking deployment '{{name}}' is in a linked template reached from {{main}} through {{chain}}; the main template already deploys one at the top level: remove this one"
};
var cua005 = {
  meta: {
    id: "CUA005",
    name: "tracking-in-linked-template",
    description: "A pid- deployment sits inside a linked template file instead of the main template",
    help: [
      "A `pid-` deployment inside a linked template file (reached through `templateLink`), reported at its own file and line with the chain of deployments that leads there. Only a tracking deployment made by the main template is attributed.",
      "",
      "Move the tracking deployment from the linked template into the main template's top-level resources. `cua-guard fix` inserts a top-level one when there is none; it never edits the linked template.",
      "",
      "Fails: `nestedtemplates/networking.json` declaring the tracking deployment, linked from the main template by",
      "```json",
      '"templateLink": { "relativePath": "nestedtemplates/networking.json" }',
      "```",
      "Passes: linked templates without tracking resources, and the tracking deployment in the main template:",
      "```json",
      '"resources": [ { "type": "Microsoft.Resources/deployments", "name": "pid-4f3c9a7e-\u2026", "\u2026": "\u2026" } ]',
      "```"
    ].join("\n"),
    defaultSeverity: "error",
    precision: "very-high",
    messages: messages5,
    notFixable: "fix never edits a linked template or moves a resource out of it; it inserts the top-level one when there is none"
  },
  check({ model, candidates, report: report2 }) {
    const hasTopLevel = topLevelTrackingDeployments(candidates).length > 0;
    for (const candidate of candidates) {
      if (!candidate.isDeployment || candidate.entry.placement !== "linked") continue;
      const { entry } = candidate;
      report2({
        messageId: hasTopLevel ? "linkedBesideTopLevel" : "linked",
        data: { name: truncate(candidate.name.display), main: model.main.file, chain: describeChain(entry) },
        at: propertyRef(entry, "name"),
        resource: entry
      });
    }
  }
};

// src/rules/cua006-tracking-name-wrong-type.ts
var messages6 = {
  "wrong-type": "resource '{{name}}' has type '{{type}}'; a tracking resource must be of type Microsoft.Resources/deployments",
  "no-type": "resource '{{name}}' has type '(no type)'; a tracking resource must be of type Microsoft.Resources/deployments"
};
var cua006 = {
  meta: {
    id: "CUA006",
    name: "tracking-name-wrong-type",
    description: "A resource named pid-\u2026 is not of type Microsoft.Resources/deployments",
    help: [
      "A resource named `pid-\u2026` whose type is not `Microsoft.Resources/deployments`. Partner Center attributes usage only through a deployment, so such a resource tracks nothing.",
      "",
      "Give the `pid-` resource the type `Microsoft.Resources/deployments`, or rename it if it is not meant to be the tracking resource.",
      "",
      "Fails:",
      "```json",
      '{ "type": "Microsoft.Resources/tags", "name": "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6", "\u2026": "\u2026" }',
      "```",
      "Passes:",
      "```json",
      '{ "type": "Microsoft.Resources/deployments", "name": "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6", "\u2026": "\u2026" }',
      "```"
    ].join("\n"),
    defaultSeverity: "error",
    precision: "very-high",
    messages: messages6,
    notFixable: "changing the type or name of a resource that is not a deployment could change what it does; fix leaves it to you"
  },
  check({ candidates, report: report2 }) {
    for (const candidate of candidates) {
      if (candidate.isDeployment) continue;
      const { entry } = candidate;
      const name = truncate(candidate.name.display);
      const at = propertyRef(entry, "type");
      if (entry.type) report2({ messageId: "wrong-type", data: { name, type: entry.type }, at, resource: entry });
      else report2({ messageId: "no-type", data: { name }, at, resource: entry });
    }
  }
};

// src/rules/cua007-tracking-mode.ts
var messages7 = {
  missing: "tracking deployment '{{name}}' has no properties.mode; set it to 'Incremental'",
  wrong: "tracking deployment '{{name}}' has mode '{{mode}}'; it must be 'Incremental'",
  complete: "tracking deployment '{{name}}' has mode '{{mode}}'; it must be 'Incremental'; Complete mode would delete every other resource in the resource group",
  unknown: "tracking deployment '{{name}}' has mode '{{mode}}' (not known before deployment); it must be 'Incremental'"
};
var cua007 = {
  meta: {
    id: "CUA007",
    name: "tracking-mode-not-incremental",
    description: "The tracking deployment's properties.mode is not Incremental",
    help: [
      "The tracking deployment must set `properties.mode` to `Incremental`. A deployment in `Complete` mode deletes every resource in its resource group that its template does not declare, and the tracking deployment's template declares none: it would delete the customer's resources. ARM also needs a mode to accept the deployment.",
      "",
      "`cua-guard fix` sets a literal mode to `'Incremental'`, or adds it when missing; a mode computed by an expression is left to you.",
      "",
      "Fails:",
      "```json",
      '{ "type": "Microsoft.Resources/deployments", "apiVersion": "2021-04-01", "name": "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6",',
      '  "properties": { "mode": "Complete", "template": { "$schema": "\u2026/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [] } } }',
      "```",
      "Passes:",
      "```json",
      '{ "type": "Microsoft.Resources/deployments", "apiVersion": "2021-04-01", "name": "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6",',
      '  "properties": { "mode": "Incremental", "template": { "$schema": "\u2026/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [] } } }',
      "```"
    ].join("\n"),
    defaultSeverity: "error",
    precision: "very-high",
    messages: messages7
  },
  check({ model, candidates, report: report2 }) {
    for (const candidate of trackingDeployments(candidates)) {
      const { entry } = candidate;
      const name = truncate(candidate.name.display);
      const at = propertyRef(entry, "properties", "mode");
      const properties = entry.resource["properties"];
      const raw = isRecord(properties) ? properties["mode"] : void 0;
      const fixable = isFixableHere(entry, model);
      if (raw === void 0) {
        const fix2 = fixable ? addMode(candidate, properties) : void 0;
        report2({ messageId: "missing", data: { name }, at, resource: entry, ...fix2 ? { fix: fix2 } : {} });
        continue;
      }
      const mode = evaluateValue(raw, entry.scope).value;
      if (typeof mode === "string" && mode.toLowerCase() === "incremental") continue;
      if (typeof mode !== "string") {
        report2({ messageId: "unknown", data: { name, mode: describeString(mode) }, at, resource: entry });
        continue;
      }
      const literal = typeof raw === "string" && !isExpressionString(raw);
      const fix = fixable && literal ? {
        file: entry.source.file,
        operations: [{ kind: "replace", path: [...entry.path, "properties", "mode"], value: "Incremental" }],
        description: `set properties.mode of '${name}' to 'Incremental' (was '${mode}')`
      } : void 0;
      report2({ messageId: mode.toLowerCase() === "complete" ? "complete" : "wrong", data: { name, mode }, at, resource: entry, ...fix ? { fix } : {} });
    }
  }
};
function addMode({ entry, name }, properties) {
  const label = truncate(name.display);
  if (properties === void 0) {
    return {
      file: entry.source.file,
      operations: [{ kind: "insert", path: [...entry.path, "properties"], value: { mode: "Incremental" } }],
      description: `added properties with mode 'Incremental' to '${label}'`
    };
  }
  if (!isRecord(properties)) return void 0;
  return {
    file: entry.source.file,
    operations: [{ kind: "insert", path: [...entry.path, "properties", "mode"], value: "Incremental", first: true }],
    description: `set properties.mode of '${label}' to 'Incremental' (it had none)`
  };
}

// src/rules/cua008-tracking-template-not-empty.ts
var messages8 = {
  templateLink: "tracking deployment '{{name}}' uses templateLink; use an inline empty template so it deploys nothing and needs no download",
  noTemplate: `tracking deployment '{{name}}' has no inline properties.template; give it an empty template ({"$schema": \u2026, "contentVersion": "1.0.0.0", "resources": []})`,
  hasResources: "tracking deployment '{{name}}' deploys {{count}} resource(s); its template should be empty so it tracks without side effects"
};
var cua008 = {
  meta: {
    id: "CUA008",
    name: "tracking-template-not-empty",
    description: "The tracking deployment's template is not an inline template with no resources",
    help: [
      "The tracking deployment's template is not an inline template with no resources: it has resources, or it uses `templateLink`. The tracking deployment exists only to be seen by Partner Center; an empty inline template deploys nothing and needs no download.",
      "",
      "`cua-guard fix` adds an empty inline template when there is none; it never deletes resources from the template or replaces a `templateLink`.",
      "",
      'Passes: `"template": { "$schema": "\u2026", "contentVersion": "1.0.0.0", "resources": [] }`.',
      'Fails: `"templateLink": { "uri": "https://\u2026/empty.json" }`, or `"resources": [ { "type": "Microsoft.Storage/\u2026" } ]` inside it.'
    ].join("\n"),
    defaultSeverity: "warning",
    precision: "very-high",
    messages: messages8,
    notFixable: "fix never deletes resources from the tracking deployment's template"
  },
  check({ model, candidates, report: report2 }) {
    for (const candidate of trackingDeployments(candidates)) {
      const { entry } = candidate;
      const name = truncate(candidate.name.display);
      const properties = isRecord(entry.resource["properties"]) ? entry.resource["properties"] : {};
      if (properties["templateLink"] !== void 0) {
        report2({
          messageId: "templateLink",
          data: { name },
          at: propertyRef(entry, "properties", "templateLink"),
          resource: entry,
          notFixable: "fix never replaces a templateLink"
        });
        continue;
      }
      const template = properties["template"];
      if (!isRecord(template)) {
        const fixable = isFixableHere(entry, model);
        const fix = fixable ? addTemplate(candidate, model) : void 0;
        const why = fixable ? "properties.template is there but is not an object; replace it by hand" : NOT_HERE;
        report2({
          messageId: "noTemplate",
          data: { name },
          at: propertyRef(entry, "properties", "template"),
          resource: entry,
          ...fix ? { fix } : { notFixable: why }
        });
        continue;
      }
      const count = resourceCount(template["resources"]);
      if (count > 0) {
        report2({ messageId: "hasResources", data: { name, count }, at: propertyRef(entry, "properties", "template", "resources"), resource: entry });
      }
    }
  }
};
function addTemplate({ entry, name }, model) {
  const label = truncate(name.display);
  const properties = entry.resource["properties"];
  const value = emptyTemplate(model.scope);
  if (properties === void 0) {
    return {
      file: entry.source.file,
      operations: [{ kind: "insert", path: [...entry.path, "properties"], value: { template: value } }],
      description: `added properties with an empty inline template to '${label}'`
    };
  }
  if (!isRecord(properties) || properties["template"] !== void 0) return void 0;
  return {
    file: entry.source.file,
    operations: [{ kind: "insert", path: [...entry.path, "properties", "template"], value }],
    description: `added an empty inline template to '${label}'`
  };
}
function resourceCount(resources) {
  if (Array.isArray(resources)) return resources.length;
  if (isRecord(resources)) return Object.keys(resources).length;
  return 0;
}

// src/rules/cua009-unregistered-tracking-id.ts
var CONSEQUENCE = "; usage would be attributed to someone else's offer, or to no one";
var messages9 = {
  unregistered: `tracking deployment '{{name}}' uses id {{id}}, which is not the registered id {{registered}}${CONSEQUENCE}`,
  unregisteredOfMany: `tracking deployment '{{name}}' uses id {{id}}, which is not any of the {{count}} registered ids${CONSEQUENCE}`,
  unregisteredIds: `tracking deployment '{{name}}' uses ids {{ids}}, which are not the registered id {{registered}}${CONSEQUENCE}`,
  unregisteredIdsOfMany: `tracking deployment '{{name}}' uses ids {{ids}}, which are not any of the {{count}} registered ids${CONSEQUENCE}`,
  partnerCenterSuffix: "tracking deployment '{{name}}' uses id {{id}}, but the registered id is {{registered}}: they differ only by the '-partnercenter' suffix, and Partner Center attributes usage only to the id exactly as it shows it"
};
var cua009 = {
  meta: {
    id: "CUA009",
    name: "unregistered-tracking-id",
    description: "The tracking id is not one of the ids registered in tracking-ids",
    help: 'Only when `tracking-ids` is set. The tracking id is not one of your registered ids: usage\nwould be attributed to someone else\'s offer, or to no one. Ids match as Partner Center shows them\n(`<GUID>`, `<GUID>-partnercenter` or `<id>-partnercenter`; with or without `pid-`, any case); an id that\ndiffers from a registered one only by the `-partnercenter` suffix is reported with a message that says so.\n\nPassing: `tracking-ids: 4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6` and `"name": "pid-4F3C9A7E-1B2D-4C5E-8F90-A1B2C3D4E5F6"`;\n`tracking-ids: 4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6-partnercenter` and `"name": "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6-partnercenter"`.\nFailing: the first input and `"name": "pid-9d2b7c1e-5a4f-4e3d-8c2b-1a0f9e8d7c6b"`, or `"name": "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6-partnercenter"`.\n\n`cua-guard fix` never renames a well-formed id: in a repository of several products it may be another product\'s.',
    defaultSeverity: "error",
    precision: "very-high",
    messages: messages9,
    notFixable: "fix never renames a well-formed tracking id: it may be another product's"
  },
  check({ candidates, settings, report: report2 }) {
    const registeredIds = settings.trackingIds;
    const [only] = registeredIds;
    if (only === void 0) return;
    const registered = registeredIds.length === 1 ? { registered: only } : { count: registeredIds.length };
    for (const candidate of trackingDeployments(candidates)) {
      const unregistered = /* @__PURE__ */ new Set();
      for (const name2 of trackingNamesOf(candidate, settings.strictNames)) {
        if (name2.trackingId !== void 0 && !registeredIds.includes(name2.trackingId)) unregistered.add(name2.trackingId);
      }
      if (unregistered.size === 0) continue;
      const ids = [...unregistered];
      const name = truncate(candidate.name.display);
      const many = registeredIds.length > 1;
      const at = propertyRef(candidate.entry, "name");
      const common = { at, resource: candidate.entry };
      const [id] = ids;
      const counterpart = ids.length === 1 && id !== void 0 ? partnerCenterCounterpart(id) : void 0;
      if (id !== void 0 && counterpart !== void 0 && registeredIds.includes(counterpart))
        report2({ messageId: "partnerCenterSuffix", data: { name, id, registered: counterpart }, ...common });
      else if (ids.length === 1)
        report2({ messageId: many ? "unregisteredOfMany" : "unregistered", data: { name, id: ids[0] ?? "", ...registered }, ...common });
      else report2({ messageId: many ? "unregisteredIdsOfMany" : "unregisteredIds", data: { name, ids: ids.join(", "), ...registered }, ...common });
    }
  }
};

// src/model/bicep/syntax.ts
function namedChildren(node) {
  const out = [];
  for (let i2 = 0; i2 < node.namedChildCount; i2++) {
    const child2 = node.namedChild(i2);
    if (child2 && child2.type !== "comment" && child2.type !== "diagnostic_comment") out.push(child2);
  }
  return out;
}
function childOfType(node, type) {
  return namedChildren(node).find((c) => c.type === type);
}
function hasToken(node, token) {
  for (let i2 = 0; i2 < node.childCount; i2++) {
    const child2 = node.child(i2);
    if (child2 && !child2.isNamed && child2.type === token) return true;
  }
  return false;
}
function stringParts(node) {
  const raw = node.text;
  if (raw.startsWith("'''")) {
    const body = raw.slice(3, raw.endsWith("'''") && raw.length >= 6 ? -3 : void 0);
    return [{ kind: "text", text: body.replace(/^\r?\n/, "") }];
  }
  const interpolations = namedChildren(node).filter((c) => c.type === "interpolation");
  const parts = [];
  let text = "";
  const end = raw.endsWith("'") && raw.length >= 2 ? raw.length - 1 : raw.length;
  let i2 = 1;
  let next = 0;
  while (i2 < end) {
    const interpolation = interpolations[next];
    if (interpolation && node.startIndex + i2 === interpolation.startIndex) {
      if (text !== "") parts.push({ kind: "text", text });
      text = "";
      const inner = namedChildren(interpolation)[0];
      if (inner) parts.push({ kind: "expression", node: inner });
      i2 = interpolation.endIndex - node.startIndex;
      next++;
      continue;
    }
    const c = raw[i2];
    if (c === "\\" && i2 + 1 < end) {
      const escaped = decodeEscape(raw, i2);
      text += escaped.text;
      i2 = escaped.next;
      continue;
    }
    text += c;
    i2++;
  }
  if (text !== "" || parts.length === 0) parts.push({ kind: "text", text });
  return parts;
}
function decodeEscape(raw, at) {
  const c = raw[at + 1];
  switch (c) {
    case "n":
      return { text: "\n", next: at + 2 };
    case "r":
      return { text: "\r", next: at + 2 };
    case "t":
      return { text: "	", next: at + 2 };
    case "u": {
      const match = /^\\u\{([0-9a-fA-F]{1,6})\}/.exec(raw.slice(at));
      if (match?.[1]) {
        const code = Number.parseInt(match[1], 16);
        return { text: code <= 1114111 ? String.fromCodePoint(code) : "", next: at + match[0].length };
      }
      return { text: "u", next: at + 2 };
    }
    default:
      return { text: c ?? "", next: at + 2 };
  }
}
function literalString(node) {
  if (node?.type !== "string") return void 0;
  const parts = stringParts(node);
  return parts.length === 1 && parts[0]?.kind === "text" ? parts[0].text : void 0;
}
function unreadNodes(root) {
  const out = [];
  if (!root.hasError) return out;
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.isError || node.isMissing) {
      out.push(node);
      continue;
    }
    if (!node.hasError) continue;
    for (let i2 = node.childCount - 1; i2 >= 0; i2--) {
      const child2 = node.child(i2);
      if (child2) stack.push(child2);
    }
  }
  return out.sort((a, b) => a.startIndex - b.startIndex);
}

// src/model/bicep/lower-expression.ts
var OPERATORS = {
  "&&": "and",
  "||": "or",
  "==": "equals",
  "<": "less",
  "<=": "lessOrEquals",
  ">": "greater",
  ">=": "greaterOrEquals",
  "+": "add",
  "-": "sub",
  "*": "mul",
  "/": "div",
  "%": "mod",
  "??": "coalesce"
};
var NAMESPACES = /* @__PURE__ */ new Set(["az", "sys"]);
function notEvaluatedInBicep(value) {
  const texts = /* @__PURE__ */ new Set();
  for (const unknown of dependenciesOf(value)) if (isBicepOnly(unknown)) texts.add(unknown.text);
  return [...texts];
}
function isBicepOnly(unknown) {
  return unknown.cause.kind === "call" && unknown.cause.namespace?.toLowerCase() === "bicep";
}
var MAX_SPELLED = 2e3;
function spelledText(node) {
  if (node.endIndex - node.startIndex > MAX_SPELLED) return void 0;
  const text = node.text;
  return text.includes("\n") ? text.replace(/\s*\r?\n\s*/g, " ") : text;
}
function quote2(text) {
  return `'${text.replaceAll("'", "''")}'`;
}
function literalValue(text) {
  return text.startsWith("[") && text.endsWith("]") ? `[${text}` : text;
}
var ExpressionLowering = class {
  symbols;
  /** Loop and lambda variables in scope, innermost last: name \u2192 ARM expression. */
  bindings = [];
  /** The spellings being recorded, innermost last. */
  recorders = [];
  constructor(symbols) {
    this.symbols = symbols;
  }
  /** Runs `body` with the names bound (a loop's item and index). */
  withBindings(bound, body) {
    this.bindings.push(bound);
    try {
      return body();
    } finally {
      this.bindings.pop();
    }
  }
  /**
   * Runs `lower`, recording how the Bicep source spells each ARM expression it writes; what is
   * recorded is also the enclosing recording's (the first spelling of an expression stays).
   */
  recording(lower) {
    const spelled2 = /* @__PURE__ */ new Map();
    this.recorders.push(spelled2);
    try {
      return { result: lower(), spelled: spelled2 };
    } finally {
      this.recorders.pop();
      this.replay(spelled2);
    }
  }
  /** Spellings recorded earlier (a cached name) count for what is being recorded now. */
  replay(spelled2) {
    const recorder = this.recorders.at(-1);
    if (recorder) {
      for (const [arm, text] of spelled2) if (!recorder.has(arm)) recorder.set(arm, text);
    }
  }
  /** Notes that the ARM expression `arm` is how the lowering wrote the Bicep `node`. */
  note(arm, node) {
    const recorder = this.recorders.at(-1);
    if (!recorder || recorder.has(arm)) return;
    const written = spelledText(node);
    if (written !== void 0 && written !== arm) recorder.set(arm, written);
  }
  /** The ARM expression (without brackets) for a Bicep expression. */
  expression(node, depth2 = 0) {
    const arm = this.lowered(node, depth2);
    this.note(arm, node);
    return arm;
  }
  lowered(node, depth2) {
    if (depth2 > 200) return "bicep.tooDeep()";
    if (node.hasError) return "bicep.unread()";
    const next = (child2) => child2 ? this.expression(child2, depth2 + 1) : "null()";
    switch (node.type) {
      case "string":
        return this.stringExpression(node, depth2);
      case "number":
        return /^-?\d+$/.test(node.text) ? node.text : "bicep.number()";
      case "boolean":
        return node.text === "true" ? "true()" : "false()";
      case "null":
        return "null()";
      case "identifier":
        return this.identifier(node.text);
      case "parenthesized_expression":
        return next(namedChildren(node)[0]);
      case "ternary_expression":
        return `if(${next(node.childForFieldName("condition"))}, ${next(node.childForFieldName("consequence"))}, ${next(node.childForFieldName("alternative"))})`;
      case "binary_expression":
        return this.binary(node, next);
      case "unary_expression": {
        const operator = node.childForFieldName("operator")?.type;
        const argument = next(node.childForFieldName("argument"));
        return operator === "!" ? `not(${argument})` : `sub(0, ${argument})`;
      }
      case "member_expression":
        return this.member(node, next);
      case "subscript_expression": {
        const object = node.childForFieldName("object");
        const symbol = object?.type === "identifier" ? this.symbols.symbol(object.text) : void 0;
        if (symbol?.kind === "resource" || symbol?.kind === "module") return `reference(${quote2(object?.text ?? "")})`;
        return `${next(object)}[${next(node.childForFieldName("index"))}]`;
      }
      case "call_expression":
        return this.call(node, next);
      case "object": {
        const args = objectProperties(node).flatMap((p) => [quote2(p.key), next(p.value)]);
        return `createObject(${args.join(", ")})`;
      }
      case "array":
        return `createArray(${namedChildren(node).filter((c) => c.type !== "decorators").map((c) => next(c)).join(", ")})`;
      case "for_statement":
        return "bicep.for()";
      case "lambda_expression":
        return "bicep.lambda()";
      default:
        return `bicep.${identifierFor(node.type)}()`;
    }
  }
  stringExpression(node, depth2) {
    const parts = stringParts(node);
    if (parts.every((p) => p.kind === "text")) return quote2(parts.map((p) => p.text).join(""));
    let format3 = "";
    const args = [];
    for (const part of parts) {
      if (part.kind === "text") format3 += part.text.replaceAll("{", "{{").replaceAll("}", "}}");
      else {
        format3 += `{${args.length}}`;
        args.push(this.expression(part.node, depth2 + 1));
      }
    }
    return `format(${[quote2(format3), ...args].join(", ")})`;
  }
  identifier(name) {
    for (let i2 = this.bindings.length - 1; i2 >= 0; i2--) {
      const bound = this.bindings[i2]?.get(name);
      if (bound !== void 0) return bound;
    }
    const symbol = this.symbols.symbol(name);
    switch (symbol?.kind) {
      case "param":
        return `parameters(${quote2(name)})`;
      case "var":
        return `variables(${quote2(name)})`;
      case "resource":
      case "module":
        return `reference(${quote2(name)})`;
      default:
        return `bicep.${identifierFor(name)}()`;
    }
  }
  binary(node, next) {
    const operator = node.childForFieldName("operator")?.type ?? "";
    const left = next(node.childForFieldName("left"));
    const right = next(node.childForFieldName("right"));
    if (operator === "!=") return `not(equals(${left}, ${right}))`;
    if (operator === "=~") return `equals(toLower(${left}), toLower(${right}))`;
    if (operator === "!~") return `not(equals(toLower(${left}), toLower(${right})))`;
    const fn2 = OPERATORS[operator];
    return fn2 === void 0 ? "bicep.operator()" : `${fn2}(${left}, ${right})`;
  }
  member(node, next) {
    const object = node.childForFieldName("object");
    const property = node.childForFieldName("property")?.text ?? "";
    const base = object?.type === "subscript_expression" ? object.childForFieldName("object") : object;
    if (base?.type === "identifier" && this.isUnbound(base.text)) {
      const symbol = this.symbols.symbol(base.text);
      if (symbol?.kind === "resource") {
        if (property === "name") return this.symbols.resourceName(base.text) ?? "bicep.cycle()";
        if (property === "type") return quote2(symbol.type);
        if (property === "apiVersion") return quote2(symbol.apiVersion);
      }
      if (symbol?.kind === "resource" || symbol?.kind === "module") {
        const reference = `reference(${quote2(base.text)})`;
        this.note(reference, base);
        return `${reference}.${property}`;
      }
      if (symbol === void 0 && NAMESPACES.has(base.text)) return `bicep.${identifierFor(property)}()`;
    }
    if (object === null || !/^[A-Za-z_$][\w$]*$/.test(property)) return "bicep.member()";
    return `${next(object)}.${property}`;
  }
  call(node, next) {
    const fn2 = node.childForFieldName("function");
    const args = namedChildren(node.childForFieldName("arguments") ?? node).filter((c) => c.id !== fn2?.id);
    const argText = args.map((a) => next(a)).join(", ");
    let name;
    if (fn2?.type === "identifier" && this.isUnbound(fn2.text) && this.symbols.symbol(fn2.text) === void 0) name = fn2.text;
    else if (fn2?.type === "member_expression") {
      const object = fn2.childForFieldName("object");
      if (object?.type === "identifier" && NAMESPACES.has(object.text) && this.symbols.symbol(object.text) === void 0)
        name = fn2.childForFieldName("property")?.text;
    }
    if (name === "any" && args.length === 1) return argText;
    if (name !== void 0 && isArmFunctionName(name)) return `${name}(${argText})`;
    const called = name ?? (fn2?.type === "member_expression" ? fn2.childForFieldName("property")?.text : fn2?.text) ?? "call";
    return `bicep.${identifierFor(called)}(${argText})`;
  }
  isUnbound(name) {
    return !this.bindings.some((b) => b.has(name));
  }
};
function identifierFor(text) {
  const cleaned = text.replace(/[^A-Za-z0-9_]/g, "_");
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}
function objectProperties(node) {
  const out = [];
  for (const property of namedChildren(node)) {
    if (property.type !== "object_property") continue;
    const children = namedChildren(property);
    const keyNode = children[0];
    const value = children[children.length - 1];
    if (!keyNode || !value || keyNode.id === value.id) continue;
    const key2 = keyText2(keyNode);
    if (key2 !== void 0) out.push({ key: key2, keyNode, value, property });
  }
  return out;
}
function keyText2(node) {
  if (node.type === "identifier" || node.type === "compatible_identifier") return node.text;
  if (node.type === "string") {
    const parts = stringParts(node);
    return parts.every((p) => p.kind === "text") ? parts.map((p) => p.kind === "text" ? p.text : "").join("") : void 0;
  }
  return void 0;
}

// src/rules/cua010-unresolved-tracking-name.ts
var NOT_EVALUATED = "(Bicep imports, load\u2026Content() files, user-defined functions and lambdas are not read)";
var messages10 = {
  unresolved: "tracking name '{{name}}' cannot be checked before deployment: the tracking id depends on {{unknowns}}, known only at deployment",
  unresolvedDeployment: "deployment name {{expression}} cannot be resolved statically ({{unknown}} is known only at deployment); if it is the tracking deployment, cua-guard cannot verify it",
  unresolvedNotEvaluated: `tracking name '{{name}}' cannot be checked: the tracking id depends on {{unknowns}}, and cua-guard does not evaluate {{notEvaluated}} ${NOT_EVALUATED}`,
  unresolvedDeploymentNotEvaluated: `deployment name {{expression}} cannot be resolved: cua-guard does not evaluate {{notEvaluated}} ${NOT_EVALUATED}; if it is the tracking deployment, cua-guard cannot verify it`
};
var cua010 = {
  meta: {
    id: "CUA010",
    name: "unresolved-tracking-name",
    description: "A tracking name is an ARM expression that cannot be resolved statically",
    help: "The tracking id in a name is an ARM expression that cannot be resolved before deployment,\nand what is known could still be a valid id; the message says which part (e.g. `parameters('trackingGuid')`,\na parameter with no default and no parameters file value). In Bicep, a name that depends on an\n`import`ed symbol, a `loadJsonContent()`/`loadTextContent()` file, a user-defined function or a lambda\ncannot be resolved either: cua-guard does not read them, and the message says which. Known text that is already wrong is\n[CUA003](#cua003-invalid-tracking-name) instead. A name that depends on `copyIndex()` in a copy loop of\nknown count is checked per iteration, not reported here. Also raised for top-level deployments whose\nwhole name is unknown when no tracking deployment is visible.\n\nPassing: `\"[concat('pid-', variables('cuaId'))]\"` with `\"cuaId\": \"4f3c9a7e-\u2026\"`.\nFailing: `\"[concat('pid-', parameters('trackingGuid'))]\"` where `trackingGuid` has no default.",
    defaultSeverity: "warning",
    precision: "medium",
    messages: messages10,
    notFixable: "the id is known only at deployment; fix does not rewrite expressions"
  },
  check({ model, candidates, settings, report: report2 }) {
    const bicep = model.main.origin?.language === "bicep";
    for (const candidate of candidates) {
      const { problem } = candidate.name;
      if (candidate.name.form !== "unresolved" || problem?.kind !== "unresolved") continue;
      const iterations = copyLoopOf(candidate, settings.strictNames)?.names;
      if (iterations !== void 0 && iterations.every((n) => n.form !== "unresolved")) continue;
      const name = truncate(candidate.name.display);
      const unknowns = problem.unknowns.join(", ");
      const notEvaluated = bicep ? notEvaluatedInBicep(candidate.name.value) : [];
      report2({
        ...notEvaluated.length > 0 ? { messageId: "unresolvedNotEvaluated", data: { name, unknowns, notEvaluated: truncate(notEvaluated.join(", ")) } } : { messageId: "unresolved", data: { name, unknowns } },
        at: propertyRef(candidate.entry, "name"),
        resource: candidate.entry
      });
    }
    if (topLevelTrackingDeployments(candidates).length > 0) return;
    for (const entry of model.resources) {
      if (entry.placement !== "top-level" || !isDeploymentType(entry.type)) continue;
      if (!(entry.name instanceof Unknown) || entry.name.maxLength !== void 0) continue;
      if (hasStaticError(entry)) continue;
      const expression = truncate(writtenExpression(entry.source, entry.resource["name"]) ?? previewValue(entry.resource["name"]));
      const notEvaluated = bicep ? notEvaluatedInBicep(entry.name) : [];
      report2({
        ...notEvaluated.length > 0 ? { messageId: "unresolvedDeploymentNotEvaluated", data: { expression, notEvaluated: truncate(notEvaluated.join(", ")) } } : { messageId: "unresolvedDeployment", data: { expression, unknown: truncate(entry.name.text) } },
        at: propertyRef(entry, "name"),
        resource: entry
      });
    }
  }
};

// src/rules/cua011-conditional-tracking.ts
var HAS = "tracking deployment '{{name}}' has";
var NOT_TRACKED = "; customers who keep the template defaults are not tracked";
var WITH_DEFAULTS = {
  on: "on with the default parameter values",
  off: "off with the default parameter values",
  "not-boolean": "{{defaultValue}}, not a boolean with the default parameter values",
  unknown: "not known from the default values (it depends on {{dependency}})"
};
var WITH_FILE = {
  on: "on with the parameters file",
  off: "off with the parameters file",
  "not-boolean": "{{fileValue}}, not a boolean with the parameters file",
  unknown: "known only at deployment (it depends on {{dependency}}) with the parameters file"
};
var messages11 = {
  // The same whatever the parameters: written as an expression, or as a literal value.
  "always-off": `${HAS} condition {{condition}}, which is false whatever the parameters: tracking is always off, so no usage is attributed`,
  "literal-off": `${HAS} condition {{condition}}: tracking is always off, so no usage is attributed`,
  "always-on": `${HAS} condition {{condition}}, which is always true: tracking is always on`,
  "literal-on": `${HAS} condition {{condition}}: tracking is always on`,
  "always-not-boolean": `${HAS} condition {{condition}}, which is {{value}}, not a boolean; ARM expects true or false`,
  "literal-not-boolean": `${HAS} condition {{condition}}: not a boolean; ARM expects true or false`,
  // The parameters file does not change the outcome (or there is none).
  "on-by-default": `${HAS} a condition (an opt-out); it is on by default (with the default parameter values)`,
  "off-by-default": "tracking deployment '{{name}}' is off by default: its condition is false with the default parameter values; customers who keep the defaults are not tracked",
  "not-boolean-by-default": `${HAS} a condition that evaluates to {{value}} with the default parameter values, not a boolean; ARM expects true or false`,
  unknown: `${HAS} a condition that is known only at deployment (it depends on {{dependency}})`,
  // The parameters file changes the outcome.
  "defaults-on-file-off": `${HAS} a condition that is ${WITH_DEFAULTS.on} but ${WITH_FILE.off}`,
  "defaults-on-file-not-boolean": `${HAS} a condition that is ${WITH_DEFAULTS.on} but ${WITH_FILE["not-boolean"]}`,
  "defaults-on-file-unknown": `${HAS} a condition that is ${WITH_DEFAULTS.on} but ${WITH_FILE.unknown}`,
  "defaults-off-file-on": `${HAS} a condition that is ${WITH_DEFAULTS.off} but ${WITH_FILE.on}${NOT_TRACKED}`,
  "defaults-off-file-not-boolean": `${HAS} a condition that is ${WITH_DEFAULTS.off} but ${WITH_FILE["not-boolean"]}${NOT_TRACKED}`,
  "defaults-off-file-unknown": `${HAS} a condition that is ${WITH_DEFAULTS.off} but ${WITH_FILE.unknown}${NOT_TRACKED}`,
  "defaults-not-boolean-file-on": `${HAS} a condition that is ${WITH_DEFAULTS["not-boolean"]} but ${WITH_FILE.on}`,
  "defaults-not-boolean-file-off": `${HAS} a condition that is ${WITH_DEFAULTS["not-boolean"]} but ${WITH_FILE.off}`,
  "defaults-not-boolean-file-unknown": `${HAS} a condition that is ${WITH_DEFAULTS["not-boolean"]} but ${WITH_FILE.unknown}`,
  "defaults-unknown-file-on": `${HAS} a condition that is ${WITH_DEFAULTS.unknown} but ${WITH_FILE.on}`,
  "defaults-unknown-file-off": `${HAS} a condition that is ${WITH_DEFAULTS.unknown} but ${WITH_FILE.off}`,
  "defaults-unknown-file-not-boolean": `${HAS} a condition that is ${WITH_DEFAULTS.unknown} but ${WITH_FILE["not-boolean"]}`
};
var cua011 = {
  meta: {
    id: "CUA011",
    name: "conditional-tracking",
    description: "The tracking deployment has a condition (a legitimate opt-out), one that is off by default, or one that is always false",
    help: [
      "The tracking deployment has a `condition`. It is evaluated three ways: with every parameter unknown, with the template's default values, and with the parameters file's values over them.",
      '- **error** when it is false whatever the parameters: `false`, `"false"`, `"False"`, `0`, `[false()]`, `[bool(0)]`, `[equals(1, 2)]`, a variable that is constant false. Tracking is always off.',
      "- **warning** when it is off with the default values (customers who keep the defaults are not tracked), whatever the parameters file says; the message says when the parameters file turns it on. Also when it is not a boolean.",
      "- **notice** otherwise (an opt-out is legitimate): on by default, on by default but off with the parameters file (the message says exactly that), or known only at deployment (it names what it depends on).",
      "",
      "An opt-out condition is legitimate; make sure tracking is on with the default parameter values, and never use a literal false.",
      "",
      "Fails:",
      "```json",
      '"condition": "[equals(1, 2)]"',
      "```",
      "Passes (a notice), with the parameter's default `No`:",
      "```json",
      `"condition": "[equals(parameters('telemetryOptOut'), 'No')]"`,
      "```"
    ].join("\n"),
    defaultSeverity: "notice",
    precision: "very-high",
    messages: messages11,
    notFixable: "a condition may be a deliberate opt-out; fix does not remove or change it"
  },
  check({ model, candidates, report: report2 }) {
    let scopes;
    for (const candidate of topLevelTrackingDeployments(candidates)) {
      const { entry } = candidate;
      const raw = entry.resource["condition"];
      if (raw === void 0) continue;
      scopes ??= conditionScopes(model);
      const shown = truncate(writtenExpression(entry.source, raw) ?? previewValue(raw));
      const verdict = judge(raw, shown, evaluateCondition(raw, entry, scopes));
      report2({
        messageId: verdict.messageId,
        data: { name: truncate(candidate.name.display), ...verdict.data },
        at: propertyRef(entry, "condition"),
        resource: entry,
        severity: verdict.severity
      });
    }
  }
};
function judge(raw, condition, outcome) {
  const { constant, defaults, withFile } = outcome;
  const literal = !(typeof raw === "string" && isExpressionString(raw));
  const always = truthOf(constant);
  if (always === false) return { messageId: literal ? "literal-off" : "always-off", data: { condition }, severity: "error" };
  if (always === true) return { messageId: literal ? "literal-on" : "always-on", data: { condition }, severity: "notice" };
  if (always === "not-boolean") {
    return literal ? { messageId: "literal-not-boolean", data: { condition }, severity: "warning" } : { messageId: "always-not-boolean", data: { condition, value: previewValue(constant) }, severity: "warning" };
  }
  const byDefault = truthOf(defaults);
  const byFile = truthOf(withFile);
  if (byDefault === byFile) return sameEitherWay(byDefault, defaults);
  const data = {
    ...byDefault === "unknown" ? { dependency: dependencyOf(defaults) } : {},
    ...byFile === "unknown" ? { dependency: dependencyOf(withFile) } : {},
    ...byDefault === "not-boolean" ? { defaultValue: previewValue(defaults) } : {},
    ...byFile === "not-boolean" ? { fileValue: previewValue(withFile) } : {}
  };
  const messageId = `defaults-${outcomeOf(byDefault)}-file-${outcomeOf(byFile)}`;
  if (byDefault === false) return { messageId, data, severity: "warning" };
  const onByDefault = byDefault === true || byDefault === "unknown" && byFile === true;
  return { messageId, data, severity: onByDefault ? "notice" : "warning" };
}
function sameEitherWay(truth, value) {
  switch (truth) {
    case true:
      return { messageId: "on-by-default", data: {}, severity: "notice" };
    case false:
      return { messageId: "off-by-default", data: {}, severity: "warning" };
    case "not-boolean":
      return { messageId: "not-boolean-by-default", data: { value: previewValue(value) }, severity: "warning" };
    case "unknown":
      return { messageId: "unknown", data: { dependency: dependencyOf(value) }, severity: "notice" };
  }
}
function outcomeOf(truth) {
  if (truth === true) return "on";
  if (truth === false) return "off";
  return truth;
}
function dependencyOf(value) {
  return truncate(describeDependency(value));
}

// src/rules/cua012-tracking-location.ts
var messages12 = {
  missing: `tracking deployment '{{name}}' has no location; at {{scope}} scope ARM requires one (for example "location": "[deployment().location]")`
};
var LOCATION = "[deployment().location]";
var cua012 = {
  meta: {
    id: "CUA012",
    name: "tracking-location-missing",
    description: "A tracking deployment that runs at subscription, management-group or tenant scope has no location",
    help: [
      'The tracking deployment runs at subscription, management-group or tenant scope and has no `location` (or an empty one); ARM requires one for deployments at those scopes. Where a deployment runs comes from its own properties first, as in ARM: `"resourceGroup"` \u2192 resource group (so `"resourceGroup": "rg1"` in a subscription template needs no location), `"subscriptionId"` alone \u2192 subscription, `"scope": "/"` or `"[tenant()]"` \u2192 tenant, `"scope": "Microsoft.Management/managementGroups/\u2026"` or `"[managementGroup(\u2026)]"` \u2192 management group; without them, the template\'s scope (read from `$schema`). A `scope` that cannot be read before deployment is not judged.',
      "",
      '`cua-guard fix` sets `"location": "[deployment().location]"` where the location is missing, `""` or `null`; a location computed by an expression is left to you.',
      "",
      'Passes: `"location": "[deployment().location]"`.',
      'Fails: no `location` in a `subscriptionDeploymentTemplate.json` template, or `"subscriptionId": "\u2026"` without `location` in a resource-group template.'
    ].join("\n"),
    defaultSeverity: "error",
    precision: "very-high",
    messages: messages12
  },
  check({ model, candidates, report: report2 }) {
    for (const candidate of trackingDeployments(candidates)) {
      const { entry } = candidate;
      const scope = entry.targetScope;
      if (scope === void 0 || scope === "resourceGroup" || entry.placement === "nested-inline" || entry.placement === "child") continue;
      const raw = entry.resource["location"];
      const value = raw === void 0 ? void 0 : evaluateValue(raw, entry.scope).value;
      if (value !== void 0 && value !== "" && value !== null) continue;
      const name = truncate(candidate.name.display);
      const at = raw === void 0 ? resourceRef(entry) : propertyRef(entry, "location");
      const fixable = isFixableHere(entry, model);
      const fix = fixable ? setLocation(entry, name, scope) : void 0;
      const why = fixable ? "the location is computed by an expression; make it give a location" : NOT_HERE;
      report2({ messageId: "missing", data: { name, scope }, at, resource: entry, ...fix ? { fix } : { notFixable: why } });
    }
  }
};
function setLocation(entry, name, scope) {
  const raw = entry.resource["location"];
  const path = [...entry.path, "location"];
  if (raw === void 0) {
    return {
      file: entry.source.file,
      operations: [{ kind: "insert", path, value: LOCATION }],
      description: `added "location": "${LOCATION}" to '${name}' (${scope} scope)`
    };
  }
  if (typeof raw === "string" && isExpressionString(raw)) return void 0;
  return {
    file: entry.source.file,
    operations: [{ kind: "replace", path, value: LOCATION }],
    description: `set location of '${name}' to "${LOCATION}" (was ${JSON.stringify(raw)}; ${scope} scope)`
  };
}

// src/rules/cua013-invalid-template.ts
var SUPPRESSION_EXAMPLE = '{ "ignore": ["CUA011"], "reason": "\u2026" }';
var SUPPRESSION_KEYS = ["ignore", "reason"];
var messages13 = {
  syntax: "not a valid JSON template: {{problem}} (line {{line}}, column {{column}})",
  "not-an-object": "the file is {{found}}, not a deployment template object",
  "other-schema": "the file is {{what}}, not a deployment template ($schema {{schema}})",
  "no-resources": "the file has no 'resources', so it is not a deployment template",
  "resources-type": "'resources' must be {{expected}}, not {{found}}",
  "linked-not-an-object": "linked template: the file is {{found}}, not a deployment template object",
  "linked-other-schema": "linked template: the file is {{what}}, not a deployment template ($schema {{schema}})",
  "linked-no-resources": "linked template: the file has no 'resources', so it is not a deployment template",
  "linked-resources-type": "linked template: 'resources' must be {{expected}}, not {{found}}",
  "linked-unreadable": "{{problem}}",
  "bicep-unread": "the Bicep grammar cannot read the {{length}} characters from here (syntax it does not know yet); whatever is written there was not checked",
  "too-deep": "resources nest more than {{max}} levels deep here (child resources and nested deployments); the rest was not checked",
  "parameters-unusable": "{{problem}}; the template's default values were used",
  "suppression-on-template": "metadata.cua-guard applies to a resource, not to the whole template: move it into the metadata of the resource whose finding it suppresses",
  "suppression-not-object": "metadata.cua-guard must be an object like {{example}}; nothing is suppressed",
  "suppression-unknown-key": "unknown key '{{key}}' in metadata.cua-guard (known: {{known}})",
  "suppression-no-ignore": 'metadata.cua-guard has no "ignore" list of rule ids, so it suppresses nothing (write {{example}})',
  "suppression-ignore-not-list": 'metadata.cua-guard.ignore must be a list of rule ids such as ["CUA011"], not {{found}}; nothing is suppressed',
  "suppression-id-not-string": 'metadata.cua-guard.ignore[{{index}}] must be a rule id string such as "CUA011", not {{found}}',
  "suppression-unknown-id": `unknown rule id '{{id}}' in metadata.cua-guard.ignore (known: {{first}}\u2026{{last}}, or "*"); it suppresses nothing`,
  "suppression-reason-not-string": "metadata.cua-guard.reason must be a string, not {{found}}"
};
var cua013 = {
  meta: {
    id: "CUA013",
    name: "invalid-template",
    description: "The file is not valid JSON/JSONC, is empty, or is not a deployment template",
    help: [
      "A main template, or a template it links, that cannot be read as an ARM deployment template: not JSON (JSON with comments and trailing commas is fine, as ARM accepts it), binary or not UTF-8, an empty file, a parameters or createUiDefinition file, or a file without `resources`. In a Bicep file, it reports each region the grammar cannot read (syntax newer than the grammar): what is written there is not checked, so the file cannot pass. It also reports what would otherwise be ignored silently: resources nested more than 64 levels deep, a parameters file that cannot be used, and `metadata.cua-guard` suppression blocks that cannot work as written.",
      "",
      "A file that cannot be read can never pass: configured `off`, an unreadable main template is still an error.",
      "",
      "Fix the syntax error at the position given, or exclude the file from `templates` if it is not a deployment template.",
      "",
      "Fails:",
      "```json",
      '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [ }',
      "```",
      "Passes:",
      "```json",
      '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [] }',
      "```"
    ].join("\n"),
    defaultSeverity: "error",
    precision: "very-high",
    messages: messages13,
    notFixable: "fix edits only files it can parse as deployment templates"
  },
  checkUnreadable({ file, problem, position, report: report2 }) {
    if (problem.kind === "shape") {
      report2({ messageId: problem.shape.kind, data: shapeData(problem.shape), at: { file, path: problem.shape.path, at: "value" } });
      return;
    }
    report2({
      messageId: "syntax",
      data: { problem: problem.message, line: position.line, column: position.column },
      at: { file, path: [], offset: problem.offset }
    });
  },
  check(context) {
    const { model, report: report2 } = context;
    for (const source of model.linkedSources) {
      const shape = templateShapeProblem(source.root);
      if (shape) report2({ messageId: `linked-${shape.kind}`, data: shapeData(shape), at: { file: source.file, path: shape.path, at: "value" } });
    }
    for (const region of model.main.origin?.unread ?? []) {
      report2({ messageId: "bicep-unread", data: { length: region.length }, at: { file: region.file, path: [], offset: region.offset } });
    }
    for (const place of model.tooDeep) {
      report2({ messageId: "too-deep", data: { max: MAX_NESTING2 }, at: { file: place.file, path: place.path, at: "value" } });
    }
    for (const span of model.main.origin?.tooDeep ?? []) {
      report2({ messageId: "too-deep", data: { max: MAX_NESTING2 }, at: { file: span.file, path: [], offset: span.offset } });
    }
    for (const note of model.linkNotes) {
      if (note.kind !== "unreadable") continue;
      report2({
        messageId: "linked-unreadable",
        data: { problem: note.message },
        at: { file: note.from.file, path: [...note.from.path, "properties", "templateLink"], at: "value" }
      });
    }
    for (const block of model.suppressionBlocks) reportSuppressionMistakes(block, context);
    if (context.parametersProblem) {
      const { file, problem } = context.parametersProblem;
      report2({ messageId: "parameters-unusable", data: { problem }, at: { file, path: [], at: "value" }, severity: "warning" });
    }
  }
};
function shapeData(shape) {
  switch (shape.kind) {
    case "not-an-object":
      return { found: shape.found };
    case "other-schema":
      return { what: shape.what, schema: shape.schema };
    case "resources-type":
      return { expected: shape.expected, found: shape.found };
    case "no-resources":
      return {};
  }
}
function reportSuppressionMistakes(block, { report: report2, ruleIds }) {
  const { file, path, value } = block;
  const warn = (messageId, where2, data = {}, which = "value") => report2({ messageId, data, at: { file, path: where2, at: which }, severity: "warning" });
  if (block.onTemplate) return warn("suppression-on-template", path, {}, "key");
  if (!isRecord(value)) return warn("suppression-not-object", path, { example: SUPPRESSION_EXAMPLE });
  for (const key2 of Object.keys(value)) {
    if (!SUPPRESSION_KEYS.includes(key2)) warn("suppression-unknown-key", [...path, key2], { key: key2, known: SUPPRESSION_KEYS.join(", ") }, "key");
  }
  const ignore = value["ignore"];
  if (ignore === void 0) warn("suppression-no-ignore", path, { example: SUPPRESSION_EXAMPLE });
  else if (!Array.isArray(ignore)) warn("suppression-ignore-not-list", [...path, "ignore"], { found: describeValue(ignore) });
  else {
    const known = new Set(ruleIds);
    ignore.forEach((entry, index) => {
      const where2 = [...path, "ignore", index];
      if (typeof entry !== "string") warn("suppression-id-not-string", where2, { index, found: describeValue(entry) });
      else if (entry !== "*" && !known.has(entry.toUpperCase()))
        warn("suppression-unknown-id", where2, { id: entry, first: ruleIds[0] ?? "", last: ruleIds[ruleIds.length - 1] ?? "" });
    });
  }
  const reason = value["reason"];
  if (reason !== void 0 && typeof reason !== "string") warn("suppression-reason-not-string", [...path, "reason"], { found: describeValue(reason) });
}
function describeValue(value) {
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return "an array";
  if (isRecord(value)) return "an object";
  return value === null ? "null" : `${typeof value} ${JSON.stringify(value)}`;
}

// src/rules/cua014-tracking-api-version.ts
var messages14 = {
  missing: `tracking deployment '{{name}}' has no apiVersion (for example "2021-04-01")`,
  notDate: "tracking deployment '{{name}}' has apiVersion {{apiVersion}}, not a date-form version such as 2021-04-01"
};
var DATE_VERSION = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(-(preview|alpha|beta|privatepreview))?$/i;
var cua014 = {
  meta: {
    id: "CUA014",
    name: "tracking-api-version",
    description: "The tracking deployment has no apiVersion, or one that is not a valid date-form version",
    help: [
      "The tracking deployment has no `apiVersion`, or one that is not a date-form version (`2021-04-01`, `2022-09-01-preview`). ARM rejects a resource without a valid API version.",
      "",
      "`cua-guard fix` sets a missing or literal non-date apiVersion to `2021-04-01`; one computed by an expression is left to you.",
      "",
      'Passes: `"apiVersion": "2021-04-01"`. Fails: `"apiVersion": "latest"`.'
    ].join("\n"),
    defaultSeverity: "warning",
    precision: "very-high",
    messages: messages14
  },
  check({ model, candidates, report: report2 }) {
    for (const candidate of trackingDeployments(candidates)) {
      const { entry } = candidate;
      const name = truncate(candidate.name.display);
      const at = propertyRef(entry, "apiVersion");
      const raw = entry.resource["apiVersion"];
      const fixable = isFixableHere(entry, model);
      if (raw === void 0) {
        const fix2 = fixable ? {
          file: entry.source.file,
          operations: [{ kind: "insert", path: [...entry.path, "apiVersion"], value: TRACKING_API_VERSION }],
          description: `set apiVersion of '${name}' to '${TRACKING_API_VERSION}' (it had none)`
        } : void 0;
        report2({ messageId: "missing", data: { name }, at, resource: entry, ...fix2 ? { fix: fix2 } : { notFixable: NOT_HERE } });
        continue;
      }
      const value = evaluateValue(raw, entry.scope).value;
      if (typeof value === "string" && DATE_VERSION.test(value)) continue;
      const apiVersion = typeof value === "string" ? `'${truncate(value)}'` : previewValue(raw);
      const fix = fixable ? replaceLiteral(entry, name, raw) : void 0;
      const why = fixable ? "the apiVersion is computed by an expression; make it give a date-form version" : NOT_HERE;
      report2({ messageId: "notDate", data: { name, apiVersion }, at, resource: entry, ...fix ? { fix } : { notFixable: why } });
    }
  }
};
function replaceLiteral(entry, name, raw) {
  if (typeof raw === "string" && isExpressionString(raw)) return void 0;
  const was = typeof raw === "string" ? `'${truncate(raw)}'` : previewValue(raw);
  return {
    file: entry.source.file,
    operations: [{ kind: "replace", path: [...entry.path, "apiVersion"], value: TRACKING_API_VERSION }],
    description: `set apiVersion of '${name}' to '${TRACKING_API_VERSION}' (was ${was})`
  };
}

// src/rules/cua015-fixed-name-at-higher-scope.ts
var AFTERWARDS = "deploying again in another location fails with InvalidDeploymentLocation. Append a location-derived suffix, e.g. {{example}}";
var messages15 = {
  "fixed-name": `tracking deployment '{{name}}' at {{scope}} scope has a fixed name; ${AFTERWARDS}`,
  "name-ignores-location": `tracking deployment '{{name}}' at {{scope}} scope has a name that does not change with its location ({{parts}} uses neither deployment().location nor the deployment's location); ${AFTERWARDS}`
};
var cua015 = {
  meta: {
    id: "CUA015",
    name: "fixed-name-at-higher-scope",
    description: "At subscription, management-group or tenant scope the tracking name does not change with the location, so a second deployment in another location fails",
    help: [
      "A tracking deployment that runs at subscription, management-group or tenant scope has a name that does not change with its location; ARM rejects reusing a deployment name in another location (`InvalidDeploymentLocation`), so the second customer deployment in another region fails.",
      "",
      "The check reads the text of the name expression and of the unknown parts it resolves to (through variables): the name is fine when it mentions `deployment().location`, the tracking deployment's own location expression (`parameters('location')` when `\"location\": \"[parameters('location')]\"`), `deployment().name` (the outer deployment's own name is bound to its location the same way, so a second region needs a new outer name anyway), or a value new on every run (`utcNow()`, `newGuid()`, or a parameter whose default uses them). A suffix such as `uniqueString(subscription().id)` does not count. A location written as plain text (`\"westeurope\"`) is the same for every deployment, so a fixed name cannot clash there.",
      "",
      "Make the name unique per location, e.g. `\"[format('pid-<GUID>-{0}', uniqueString(deployment().location))]\"`.",
      "",
      'Fails, at subscription scope with `"location": "[deployment().location]"`:',
      "```json",
      '"name": "pid-4f3c9a7e-\u2026"',
      `"name": "[concat('pid-4f3c9a7e-\u2026-', uniqueString(subscription().id))]"`,
      "```",
      "Passes:",
      "```json",
      `"name": "[format('pid-4f3c9a7e-\u2026-{0}', uniqueString(deployment().location))]"`,
      "```"
    ].join("\n"),
    defaultSeverity: "warning",
    precision: "very-high",
    messages: messages15,
    notFixable: "renaming a tracking deployment that may already be deployed is left to you"
  },
  check({ model, candidates, report: report2 }) {
    for (const candidate of topLevelTrackingDeployments(candidates)) {
      const { entry } = candidate;
      const scope = entry.targetScope;
      if (scope === void 0 || scope === "resourceGroup") continue;
      if (hasFixedLocation(entry) || nameAvoidsLocationClash(entry, model.main.root)) continue;
      const data = { name: truncate(candidate.name.display), scope, ...suggestion(candidate) };
      const unknown = unknownParts(entry.name).map((p) => p.text);
      const at = propertyRef(entry, "name");
      if (unknown.length === 0) report2({ messageId: "fixed-name", data, at, resource: entry });
      else report2({ messageId: "name-ignores-location", data: { ...data, parts: truncate(unknown.join(", ")) }, at, resource: entry });
    }
  }
};
function suggestion(candidate) {
  const location = candidate.entry.resource["location"];
  const expression = writtenExpression(candidate.entry.source, location) ?? (typeof location === "string" && location.startsWith("[") && location.endsWith("]") ? location.slice(1, -1).trim() : "deployment().location");
  const trackingId = candidate.name.trackingId ?? "<GUID>";
  const example = candidate.entry.source.origin?.language === "bicep" ? `'pid-${trackingId}-\${uniqueString(${expression})}'` : `"[format('pid-${trackingId}-{0}', uniqueString(${expression}))]"`;
  return { trackingId, location: expression, example };
}

// src/rules/cua016-invalid-expression.ts
var messages16 = {
  invalid: "{{where}} {{value}}: {{problems}}",
  tooLarge: "{{where}} {{value}} cannot be checked: it builds a value larger than cua-guard's evaluation budget keeps (over 4 MB as JSON, past ARM's limit for a whole template)",
  tooCostly: "{{where}} {{value}} cannot be checked: evaluating it takes more steps than cua-guard's evaluation budget allows"
};
var cua016 = {
  meta: {
    id: "CUA016",
    name: "invalid-expression",
    description: "An ARM expression the check evaluates (a name, a tracking condition, location or copy count, a templateLink, or a variable or parameter value they use) does not parse, calls an unknown function, has the wrong number of arguments or names an undefined parameter or variable; or it is too large or too costly to evaluate within the evaluation budget",
    help: [
      "An ARM expression the check evaluates is one ARM rejects whatever the parameter values: it does not parse (ARM's grammar has strings, 32-bit integers and function calls: a bare `true`, `null` or `1.5` is a syntax error, write `true()`, `null()`, `json('1.5')`), calls an unknown function, has the wrong number of arguments, calls a scope function at a scope that has none (`resourceGroup()` in a subscription-scope template, `subscription()` at management-group or tenant scope) or names a parameter or variable the template does not define.",
      "",
      'The values checked are the ones the rules read: resource names, a tracking deployment\'s `condition`, `location` and `copy.count`, `templateLink.relativePath`/`uri`, and the variables, parameter defaults and values passed to nested or linked templates that those use. Each mistake is reported once, where it is written (a broken variable used by three names is one finding, at the variable), with the position inside the string in the message; the other rules say nothing about a value ARM rejects (no "depends on \u2026" for a broken condition, no CUA017 for a broken link).',
      "",
      "An expression whose value would be larger than 4 MB as JSON, ARM's limit for a whole template (variables that each hold the previous one twice describe 2^40 elements in a few lines), or that takes more steps than the evaluation budget allows, is not evaluated: it is reported here, at the value the check evaluated, and the rest of the template is checked as usual.",
      "",
      "Fix the ARM expression so that it parses and calls only known functions, and builds values of a deployable size.",
      "",
      "Fails:",
      "```json",
      `"name": "[concat('pid-', )]", "condition": "[equals(parameters('telemetry'), 'on)]", "location": "[foo()]"`,
      "```",
      "Passes:",
      "```json",
      `"name": "[concat('pid-', variables('cuaId'))]"`,
      "```"
    ].join("\n"),
    defaultSeverity: "error",
    precision: "very-high",
    messages: messages16,
    renderData: { problems: renderProblems },
    notFixable: "fix does not rewrite expressions",
    reportsInvalidExpressions: true
  },
  check({ model, report: report2 }) {
    for (const problem of model.expressionErrors.problems) {
      const written = writtenExpression(model.main, problem.text);
      const redact = (text) => problem.label.startsWith("templateLink") ? redactQuery(text) : text;
      const value = written === void 0 ? previewValue(redact(problem.text)) : truncate(redact(written));
      const resource = problem.resource ? { resource: problem.resource } : {};
      if (problem.overBudget !== void 0) {
        report2({ messageId: problem.overBudget === "size" ? "tooLarge" : "tooCostly", data: { where: problem.label, value }, at: problem.at, ...resource });
        continue;
      }
      const problems = encodeDiagnostics(problem.errors.map((e) => written === void 0 ? located(e) : e.diagnostic));
      report2({ messageId: "invalid", data: { where: problem.label, value, problems }, at: problem.at, ...resource });
    }
  }
};
function located(error) {
  return { ...error.diagnostic, character: (error.offset ?? 0) + 1 };
}
function renderProblems(value) {
  const diagnostics = typeof value === "string" ? decodeDiagnostics(value) : void 0;
  if (diagnostics === void 0) return String(value);
  return diagnostics.map((d) => d.character === void 0 ? describeDiagnostic(d) : `${describeDiagnostic(d)} (character ${d.character})`).join("; ");
}

// src/rules/cua017-linked-template-not-checked.ts
var messages17 = {
  remote: "{{problem}}; a tracking resource inside it would not be seen",
  remoteHost: "{{count}} linked templates on {{host}} are remote and were not fetched ({{urls}}); a tracking resource inside them would not be seen",
  "outside-workspace": "{{problem}}; a tracking resource inside it would not be seen",
  unresolved: "{{problem}}; a tracking resource inside it would not be seen",
  missing: "{{problem}}; a tracking resource inside it would not be seen"
};
var cua017 = {
  meta: {
    id: "CUA017",
    name: "linked-template-not-checked",
    description: "A linked template could not be checked: it is remote, outside the workspace, missing or not resolvable before deployment",
    help: [
      "A linked template could not be checked: it is remote (`https://\u2026`), outside the workspace, missing, or its path is not known before deployment. A tracking resource inside it would not be seen.",
      "",
      'Links into this repository are followed whatever their form: `relativePath`; a `uri` built from the template\'s own location, `_artifactsLocation` or any other base parameter or variable; this repository\'s own GitHub URLs (`raw.githubusercontent.com/<owner>/<repo>/<ref>/\u2026`, `github.com/<owner>/<repo>/raw/<ref>/\u2026`, any ref mapped to the checked-out tree); URL prefixes the configuration maps to folders (`"links": { "https://example.blob.core.windows.net/templates/": "src/templates/" }`); and, when the path is not found beside the template, the one repository file that ends with it. One notice is given per distinct target per main template, remote ones one per host.',
      "",
      'Keep linked templates in the repository and link them with `relativePath` so they can be checked, or verify the remote template yourself. Once it is verified, suppress the finding on the linking deployment: `"metadata": { "cua-guard": { "ignore": ["CUA017"], "reason": "\u2026" } }`.',
      "",
      "Fails:",
      "```json",
      '"templateLink": { "uri": "https://example.com/templates/network.json" }',
      "```",
      "Passes, with the file present (or a `uri` built from `_artifactsLocation`, whatever its default, plus a path to a file in the package):",
      "```json",
      '"templateLink": { "relativePath": "nestedtemplates/network.json" }',
      "```"
    ].join("\n"),
    defaultSeverity: "notice",
    precision: "medium",
    messages: messages17,
    notFixable: "fix does not read remote templates"
  },
  check({ model, report: report2 }) {
    const groups = /* @__PURE__ */ new Map();
    for (const note of model.linkNotes) {
      if (note.kind === "unreadable") continue;
      const key2 = note.remote ? `remote ${note.remote.host}` : `${note.kind} ${note.message}`;
      const group = groups.get(key2);
      if (group) group.push(note);
      else groups.set(key2, [note]);
    }
    for (const notes of groups.values()) {
      const [first] = notes;
      const kind = first.kind;
      const at = { file: first.from.file, path: [...first.from.path, "properties", "templateLink"], at: "value" };
      const resource = first.deployment ? { resource: first.deployment } : {};
      const urls = [...new Set(notes.map((n) => n.remote?.url ?? n.message))];
      if (first.remote && urls.length > 1) {
        const shown = urls.length > 3 ? `${urls.slice(0, 3).join(", ")} and ${urls.length - 3} more` : urls.join(", ");
        report2({ messageId: "remoteHost", data: { count: urls.length, host: first.remote.host, urls: shown }, at, ...resource });
      } else report2({ messageId: kind, data: { problem: first.message }, at, ...resource });
    }
  }
};

// src/rules/terraform-provider.ts
function providerLabel(configuration) {
  return configuration.alias === void 0 ? configuration.provider : `${configuration.provider}.${configuration.alias}`;
}
function blockHeader(configuration) {
  return { offset: configuration.block.span.offset, end: configuration.block.bodyStart };
}
function sourceNote(value) {
  const last = value.via.at(-1);
  if (last === void 0) return "";
  return ` (${value.via.map((v) => v.what).join(" \u2192 ")})`;
}
function showValue(value) {
  return typeof value === "string" ? `'${truncate(value)}'` : String(value);
}
function partnerIdTexts(configuration) {
  return (configuration.partnerId?.resolution.values ?? []).filter((v) => v.value !== null && v.value !== "");
}
function literalSpan(configuration) {
  const value = configuration.partnerId?.attribute.value;
  return value?.kind === "literal" && typeof value.value === "string" ? value.span : void 0;
}

// src/rules/cua201-missing-partner-id.ts
var messages18 = {
  missing: "provider {{provider}} sets no partner_id: usage of the resources it deploys is attributed to no partner (set partner_id, or ARM_PARTNER_ID in the workflow that runs Terraform)",
  empty: "provider {{provider}} sets partner_id to an empty value{{source}}: usage is attributed to no partner",
  emptyWhen: "provider {{provider}} partner_id can be {{value}}{{source}}: in that case usage is attributed to no partner",
  noProviderBlock: "this root module uses {{resource}} without an azurerm or azapi provider block, so no partner_id is set: add a provider block with partner_id, or set ARM_PARTNER_ID in the workflow that runs Terraform"
};
var cua201 = {
  meta: {
    id: "CUA201",
    source: "terraform",
    name: "missing-partner-id",
    description: "An azurerm or azapi provider block of a Terraform root module sets no partner_id",
    help: [
      "Terraform attributes usage through the provider: `partner_id` on the `azurerm` and `azapi` provider blocks (or the `ARM_PARTNER_ID` environment variable) is sent with every request, and Microsoft's customer usage attribution guidance names it as the way to attribute Terraform deployments. Each provider block (each `alias` too) is its own configuration: a block without `partner_id` deploys unattributed.",
      "",
      "Checked in folders that configure an `azurerm` or `azapi` provider; a folder that only declares resources (a child module) gets its provider from the caller and is not a finding. A folder with a `backend` (a root module for certain) that uses azurerm/azapi resources without any provider block is reported too. A workflow in `.github/workflows/` that sets `ARM_PARTNER_ID` at workflow, job or step level for a job that runs Terraform satisfies this rule for every root module of the repository (cua-guard cannot tell which folder a job runs in); a value set any other way (`$GITHUB_ENV`, a reusable workflow, another CI system, Terraform Cloud variables) is not visible.",
      "",
      "Failing:",
      "```hcl",
      'provider "azurerm" {',
      "  features {}",
      "}",
      "```",
      "Passing:",
      "```hcl",
      'provider "azurerm" {',
      "  features {}",
      '  partner_id = "4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6"',
      "}",
      "```",
      "",
      '`cua-guard fix` inserts `partner_id = "<id>"` into the provider block when exactly one tracking id is configured.'
    ].join("\n"),
    defaultSeverity: "error",
    precision: "high",
    messages: messages18
  },
  check({ module, settings, report: report2 }) {
    if (module.workflowPartnerIds.some((env) => env.value !== "")) return;
    if (module.providers.length === 0) {
      reportNoProviderBlock(module, report2);
      return;
    }
    const [only, ...others] = settings.trackingIds;
    const id = only !== void 0 && others.length === 0 ? only : void 0;
    for (const configuration of module.providers) {
      const provider = providerLabel(configuration);
      const block = configuration.block.span;
      const partnerId = configuration.partnerId;
      if (partnerId === void 0) {
        const fix = id === void 0 ? void 0 : insertPartnerId(configuration, module, id);
        report2({
          messageId: "missing",
          data: { provider },
          file: configuration.file,
          span: blockHeader(configuration),
          block,
          ...fix ? { fix } : { notFixable: "no single tracking id is configured (tracking-ids) to write into the provider block" }
        });
        continue;
      }
      const unset = partnerId.resolution.values.filter((v) => v.value === null || v.value === "");
      const [first] = unset;
      if (first === void 0) continue;
      const always = unset.length === partnerId.resolution.values.length && partnerId.resolution.unresolved.length === 0;
      report2({
        messageId: always ? "empty" : "emptyWhen",
        data: { provider, source: sourceNote(first), ...always ? {} : { value: first.value === null ? "null" : "''" } },
        file: configuration.file,
        span: partnerId.attribute.span,
        block,
        ...always ? {} : { severity: "warning" }
      });
    }
  }
};
function reportNoProviderBlock(module, report2) {
  const resource = module.firstAzureResource;
  if (module.backend === void 0 || resource === void 0) return;
  const [type, name] = resource.block.labels;
  report2({
    messageId: "noProviderBlock",
    data: { resource: `${resource.block.type === "data" ? "data." : ""}${type ?? ""}.${name ?? ""}` },
    file: resource.file,
    span: { offset: resource.block.span.offset, end: resource.block.bodyStart },
    block: resource.block.span,
    notFixable: "a provider block is configuration people write (credentials, features): cua-guard does not add one"
  });
}
function insertPartnerId(configuration, module, id) {
  const file = module.files.find((f) => f.file === configuration.file);
  if (file === void 0) return void 0;
  const { block } = configuration;
  const text = file.text;
  const firstItem = Math.min(...[...block.attributes, ...block.blocks].map((item) => item.span.offset), block.bodyEnd);
  const lineStart = text.lastIndexOf("\n", firstItem - 1) + 1;
  const ownLine = lineStart > block.bodyStart && text.slice(lineStart, firstItem).trim() === "";
  const newline = text.includes("\r\n") ? "\r\n" : "\n";
  const blockLineStart = text.lastIndexOf("\n", block.span.offset - 1) + 1;
  const blockIndent = /^[ \t]*/.exec(text.slice(blockLineStart, block.span.offset))?.[0] ?? "";
  const indent = ownLine && firstItem !== block.bodyEnd ? text.slice(lineStart, firstItem) : `${blockIndent}  `;
  const line = `partner_id = "${id}"`;
  const operation = ownLine ? { kind: "text", offset: lineStart, length: 0, content: `${indent}${line}${newline}` } : {
    kind: "text",
    offset: block.bodyStart,
    length: 0,
    content: `${newline}${indent}${line}${firstItem === block.bodyEnd ? `${newline}${blockIndent}` : newline}`
  };
  return { file: configuration.file, operations: [operation], description: `set partner_id = "${id}" in provider ${providerLabel(configuration)}` };
}

// src/model/terraform/partner-id.ts
var PID = "pid-";
var PARTNER_CENTER_END2 = "-partnercenter";
function classifyPartnerId(value) {
  if (value === "") return { form: "empty" };
  if (isGuid(value)) return { form: "guid", trackingId: value.toLowerCase() };
  if (!value.startsWith(PID)) return { form: "invalid" };
  const rest = value.slice(PID.length);
  if (isGuid(rest)) return { form: "pid-guid", trackingId: rest.toLowerCase() };
  if (rest.endsWith(PARTNER_CENTER_END2)) {
    const guid = rest.slice(0, -PARTNER_CENTER_END2.length);
    if (isGuid(guid)) return { form: "partner-center", trackingId: guid.toLowerCase() };
  }
  return { form: "invalid" };
}

// src/rules/cua202-invalid-partner-id.ts
var messages19 = {
  invalid: "provider {{provider}} partner_id {{value}}{{source}} is neither a GUID nor a Partner Center id (pid-<GUID>-partnercenter): the azurerm provider rejects it and the run fails before anything is deployed",
  pidPrefix: "provider {{provider}} partner_id {{value}}{{source}} has the pid- prefix: write the GUID alone, as Microsoft's attribution guidance says (provider versions before pid- support reject it)",
  invalidEnv: "ARM_PARTNER_ID {{value}} in job {{job}} is neither a GUID nor a Partner Center id (pid-<GUID>-partnercenter): the azurerm provider rejects it",
  pidPrefixEnv: "ARM_PARTNER_ID {{value}} in job {{job}} has the pid- prefix: write the GUID alone, as Microsoft's attribution guidance says"
};
var cua202 = {
  meta: {
    id: "CUA202",
    source: "terraform",
    name: "invalid-partner-id",
    description: "A Terraform partner_id is not a GUID or a Partner Center id, or has the pid- prefix",
    help: [
      "What the azurerm provider accepts as `partner_id` (its `ValidatePartnerID` in internal/provider/provider.go, and the provider documentation's `partner_id` argument): a GUID, `pid-<GUID>`, or `pid-<GUID>-partnercenter` for a published commercial marketplace Azure app; the `pid-` prefix is matched in lower case. Anything else fails `terraform plan`. Earlier provider versions accepted only a GUID, and Microsoft's customer usage attribution guidance says: do not prefix the GUID with `pid-` (for a marketplace Azure app, use the entire tracking id Partner Center shows, which is the `-partnercenter` form).",
      "",
      "So `pid-<GUID>` is a warning (it works with current providers, but not with older ones and not as the guidance says), and anything that is not one of the three forms is an error. Values are resolved through variable defaults, .tfvars files and locals; `ARM_PARTNER_ID` written literally in a workflow is checked too.",
      "",
      'Failing: `partner_id = "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6"`, `partner_id = "my-offer"`.',
      'Passing: `partner_id = "4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6"`, `partner_id = "pid-4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6-partnercenter"`.',
      "",
      "`cua-guard fix` removes the `pid-` prefix from a literal written in the provider block."
    ].join("\n"),
    defaultSeverity: "error",
    precision: "very-high",
    messages: messages19
  },
  check({ module, report: report2 }) {
    for (const configuration of module.providers) {
      const provider = providerLabel(configuration);
      const attribute = configuration.partnerId?.attribute;
      if (attribute === void 0) continue;
      for (const value of partnerIdTexts(configuration)) {
        const problem = problemOf(value.value);
        if (problem === void 0) continue;
        const literal = value.via.length === 0 ? literalSpan(configuration) : void 0;
        const base = {
          messageId: problem === "prefix" ? "pidPrefix" : "invalid",
          data: { provider, value: showValue(value.value), source: sourceNote(value) },
          file: configuration.file,
          span: attribute.value.span,
          block: configuration.block.span,
          ...problem === "prefix" ? { severity: "warning" } : {}
        };
        if (problem === "prefix" && literal && typeof value.value === "string" && literal.end - literal.offset === value.value.length + 2) {
          const fix = {
            file: configuration.file,
            operations: [{ kind: "text", offset: literal.offset + 1, length: 4, content: "" }],
            description: `remove the pid- prefix from provider ${provider} partner_id`
          };
          report2({ ...base, fix });
        } else
          report2({
            ...base,
            notFixable: problem === "prefix" ? "the value is not written in the provider block itself" : "which partner id was meant is for people to say"
          });
      }
    }
    for (const env of module.workflowPartnerIds) {
      if (env.value === void 0) continue;
      const problem = problemOf(env.value);
      if (problem === void 0) continue;
      report2({
        messageId: problem === "prefix" ? "pidPrefixEnv" : "invalidEnv",
        data: { value: showValue(env.value), job: env.job },
        file: env.file,
        span: env.span,
        notFixable: "cua-guard fix does not edit workflows",
        ...problem === "prefix" ? { severity: "warning" } : {}
      });
    }
  }
};
function problemOf(value) {
  if (typeof value !== "string") return "invalid";
  const form = classifyPartnerId(value).form;
  if (form === "pid-guid") return "prefix";
  return form === "invalid" ? "invalid" : void 0;
}

// src/rules/cua203-unregistered-partner-id.ts
var CONSEQUENCE2 = "; usage would be attributed to someone else's offer, or to no one";
var messages20 = {
  unregistered: `provider {{provider}} partner_id {{value}}{{source}} is not the registered id {{registered}}${CONSEQUENCE2}`,
  unregisteredOfMany: `provider {{provider}} partner_id {{value}}{{source}} is not any of the {{count}} registered ids${CONSEQUENCE2}`,
  unregisteredEnv: `ARM_PARTNER_ID {{value}} in job {{job}} is not the registered id {{registered}}${CONSEQUENCE2}`,
  unregisteredEnvOfMany: `ARM_PARTNER_ID {{value}} in job {{job}} is not any of the {{count}} registered ids${CONSEQUENCE2}`
};
var cua203 = {
  meta: {
    id: "CUA203",
    source: "terraform",
    name: "unregistered-partner-id",
    description: "A Terraform partner_id is not one of the ids registered in tracking-ids",
    help: [
      "Only when `tracking-ids` is set. The GUID of a `partner_id` (alone, `pid-<GUID>` or `pid-<GUID>-partnercenter`), resolved through variable defaults, .tfvars files and locals, or of an `ARM_PARTNER_ID` written in a workflow, is not one of your registered ids: usage would be attributed to someone else's offer, or to no one. Values that are not a partner id at all are CUA202's.",
      "",
      'Passing: `tracking-ids: 4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6` and `partner_id = "4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6"`.',
      'Failing: the same input and `partner_id = "00000000-0000-0000-0000-000000000000"`.',
      "",
      "`cua-guard fix` writes the registered id over a literal GUID in the provider block when exactly one id is given."
    ].join("\n"),
    defaultSeverity: "error",
    precision: "very-high",
    messages: messages20
  },
  check({ module, settings, report: report2 }) {
    const registeredIds = settings.trackingIds;
    const [only] = registeredIds;
    if (only === void 0) return;
    const many = registeredIds.length > 1;
    const registered = many ? { count: registeredIds.length } : { registered: only };
    const unregistered = (value) => {
      if (typeof value !== "string") return false;
      const form = classifyPartnerId(value);
      return "trackingId" in form && !registeredIds.includes(form.trackingId);
    };
    for (const configuration of module.providers) {
      const attribute = configuration.partnerId?.attribute;
      if (attribute === void 0) continue;
      const provider = providerLabel(configuration);
      for (const value of partnerIdTexts(configuration)) {
        if (!unregistered(value.value)) continue;
        const literal = value.via.length === 0 ? literalSpan(configuration) : void 0;
        const fix = literal && !many ? {
          file: configuration.file,
          operations: [{ kind: "text", offset: literal.offset, length: literal.end - literal.offset, content: `"${only}"` }],
          description: `set provider ${provider} partner_id to the registered id ${only}`
        } : void 0;
        report2({
          messageId: many ? "unregisteredOfMany" : "unregistered",
          data: { provider, value: showValue(value.value), source: sourceNote(value), ...registered },
          file: configuration.file,
          span: attribute.value.span,
          block: configuration.block.span,
          ...fix ? { fix } : {
            notFixable: many ? "several ids are registered: which one belongs here is for people to say" : "the value is not written in the provider block itself"
          }
        });
      }
    }
    for (const env of module.workflowPartnerIds) {
      if (env.value === void 0 || !unregistered(env.value)) continue;
      report2({
        messageId: many ? "unregisteredEnvOfMany" : "unregisteredEnv",
        data: { value: showValue(env.value), job: env.job, ...registered },
        file: env.file,
        span: env.span,
        notFixable: "cua-guard fix does not edit workflows"
      });
    }
  }
};

// src/rules/cua204-unresolved-partner-id.ts
var messages21 = {
  unresolved: "provider {{provider}} partner_id depends on {{expression}}, which {{reason}}: it cannot be checked before Terraform runs"
};
var cua204 = {
  meta: {
    id: "CUA204",
    source: "terraform",
    name: "unresolved-partner-id",
    description: "A Terraform partner_id cannot be resolved from the repository",
    help: [
      "cua-guard resolves `partner_id` through `var.x` (the folder's `terraform.tfvars` and `*.auto.tfvars` override the default; every other `*.tfvars` file in the folder is one more possible value), `local.x`, string templates and conditionals (`cond ? a : b` with `!`, `==`, `!=`). A variable with no default and no .tfvars value, a function call, a data source or a module output is known only when Terraform runs (from `-var`, `TF_VAR_\u2026`, or the cloud): its value cannot be checked here.",
      "",
      'Failing (a notice): `partner_id = var.partner_id` with `variable "partner_id" {}` and no .tfvars value.',
      'Passing: the same with `default = "4f3c9a7e-1b2d-4c5e-8f90-a1b2c3d4e5f6"`, or a `terraform.tfvars` that sets it.'
    ].join("\n"),
    defaultSeverity: "notice",
    precision: "medium",
    messages: messages21,
    notFixable: "the value comes from outside the repository; only people can say what it is"
  },
  check({ module, report: report2 }) {
    for (const configuration of module.providers) {
      const partnerId = configuration.partnerId;
      if (partnerId === void 0) continue;
      for (const unresolved of partnerId.resolution.unresolved) {
        report2({
          messageId: "unresolved",
          data: { provider: providerLabel(configuration), expression: truncate(unresolved.expression), reason: unresolved.reason },
          file: configuration.file,
          span: partnerId.attribute.value.span,
          block: configuration.block.span
        });
      }
    }
  }
};

// src/rules/cua205-unreadable-terraform.ts
var messages22 = {
  unreadable: "cua-guard could not read this part of the Terraform file: a provider block or partner_id value written here is not checked",
  unreadableMore: "cua-guard could not read this part of the Terraform file, nor {{more}} more places after it: a provider block or partner_id value written there is not checked"
};
var cua205 = {
  meta: {
    id: "CUA205",
    source: "terraform",
    name: "unreadable-terraform",
    description: "Part of a Terraform file could not be read",
    help: [
      "cua-guard reads Terraform with the tree-sitter Terraform grammar (`@tree-sitter-grammars/tree-sitter-hcl`), without Terraform itself. Where the grammar cannot read the text (a syntax error, or syntax newer than the grammar), the finding points at the first place; the rest of the file and folder is still checked, but nothing is concluded about what could not be read. A file that is not text at all (binary, not UTF-8) is reported at its start.",
      "",
      'Failing: `provider "azurerm" {` with no closing brace.',
      "Passing: the block closed."
    ].join("\n"),
    defaultSeverity: "warning",
    precision: "high",
    messages: messages22,
    notFixable: "cua-guard does not rewrite what it cannot read"
  },
  check({ module, report: report2 }) {
    for (const file of [...module.files, ...module.varFiles]) {
      const [first, ...rest] = file.syntaxErrors;
      if (first === void 0) continue;
      report2({
        messageId: rest.length === 0 ? "unreadable" : "unreadableMore",
        ...rest.length === 0 ? {} : { data: { more: rest.length } },
        file: file.file,
        span: first
      });
    }
  }
};

// src/rules/index.ts
var RULES = [
  cua001,
  cua002,
  cua003,
  cua004,
  cua005,
  cua006,
  cua007,
  cua008,
  cua009,
  cua010,
  cua011,
  cua012,
  cua013,
  cua014,
  cua015,
  cua016,
  cua017,
  cua201,
  cua202,
  cua203,
  cua204,
  cua205
];
var BY_ID = new Map(RULES.map((rule) => [rule.meta.id, rule]));
function findRule(id) {
  return BY_ID.get(id.toUpperCase());
}

// src/parse/source-map.ts
function pathKey(path) {
  return path.join("\0");
}
var SourceMap = class {
  language = "bicep";
  texts = /* @__PURE__ */ new Map();
  unread = [];
  tooDeep = [];
  values = /* @__PURE__ */ new Map();
  /** By JSON string value the lowering wrote: the source text of each ARM expression in it. */
  spellings = /* @__PURE__ */ new Map();
  keys = /* @__PURE__ */ new Map();
  set(path, value, key2) {
    const k = pathKey(path);
    this.values.set(k, value);
    if (key2) this.keys.set(k, key2);
  }
  /** Records how the source writes the expressions of a string value `[\u2026]` the lowering wrote (the first spelling of each stays). */
  addSpellings(raw, spelled2) {
    if (spelled2.size === 0) return;
    const known = this.spellings.get(raw);
    if (known === void 0) {
      this.spellings.set(raw, new Map(spelled2));
      return;
    }
    for (const [arm, text] of spelled2) if (!known.has(arm)) known.set(arm, text);
  }
  spellExpression(source, start, end) {
    return this.spellings.get(source)?.get(source.slice(start, end));
  }
  /** A Bicep parameter is named as it is declared. */
  spellParameter(name) {
    return name;
  }
  locate(path, at) {
    for (let depth2 = path.length; depth2 >= 0; depth2--) {
      const k = pathKey(depth2 === path.length ? path : path.slice(0, depth2));
      const span = (at === "key" && depth2 === path.length ? this.keys.get(k) : void 0) ?? this.values.get(k);
      if (span) return span;
    }
    return void 0;
  }
};

// src/model/bicep/declarations.ts
function isLeading(node) {
  return node.type === "comment" || node.type === "decorators" || node.type === "diagnostic_comment";
}
function statementsOf(root) {
  const out = [];
  let leading = [];
  let doubt = false;
  for (let i2 = 0; i2 < root.namedChildCount; i2++) {
    const node = root.namedChild(i2);
    if (!node) continue;
    if (isLeading(node)) {
      leading.push(node);
      continue;
    }
    out.push(doubt ? { node, leading, secureInDoubt: true } : { node, leading });
    doubt = node.type === "ERROR" && (doubt || decoratorCalls(leading).has("secure") || /secure/i.test(node.text));
    leading = [];
  }
  return out;
}
function nestedResourcesOf(body) {
  const object = body.object;
  if (!object) return [];
  const out = [];
  let leading = [];
  for (let i2 = 0; i2 < object.namedChildCount; i2++) {
    const node = object.namedChild(i2);
    if (!node) continue;
    if (isLeading(node)) {
      leading.push(node);
      continue;
    }
    const declaration = node.type === "object_property" ? childOfType(node, "resource_declaration") : void 0;
    if (declaration) out.push({ node: declaration, leading });
    leading = [];
  }
  return out;
}
function typeAndVersion(declaration) {
  const node = childOfType(declaration, "string");
  const written = literalString(node) ?? "";
  const at = written.indexOf("@");
  return at === -1 ? { type: written, apiVersion: void 0, node } : { type: written.slice(0, at), apiVersion: written.slice(at + 1), node };
}
function bodyOf(declaration) {
  const value = namedChildren(declaration).at(-1);
  const body = { object: void 0, condition: void 0, loop: void 0 };
  let node = value;
  if (node?.type === "for_statement") {
    const initializer = node.childForFieldName("initializer");
    const parameters = childOfType(node, "for_loop_parameters");
    const inner = node.childForFieldName("body");
    const taken = /* @__PURE__ */ new Set([initializer?.id, parameters?.id, inner?.id]);
    const collection = namedChildren(node).find((c) => !taken.has(c.id));
    body.loop = {
      node,
      collection,
      item: initializer?.text ?? (parameters ? childOfType(parameters, "loop_variable")?.text : void 0),
      index: parameters ? childOfType(parameters, "loop_enumerator")?.text : void 0
    };
    node = inner ?? void 0;
  }
  if (node?.type === "if_statement") {
    const condition = childOfType(node, "parenthesized_expression");
    body.condition = condition ? namedChildren(condition)[0] ?? condition : void 0;
    node = childOfType(node, "object");
  }
  if (node?.type === "object") body.object = node;
  return body;
}
function decoratorCalls(leading) {
  const out = /* @__PURE__ */ new Map();
  for (const group of leading) {
    if (group.type !== "decorators") continue;
    for (const decorator of namedChildren(group)) {
      const call = childOfType(decorator, "call_expression");
      const fn2 = call?.childForFieldName("function");
      const name = fn2?.type === "member_expression" ? fn2.childForFieldName("property")?.text : fn2?.text;
      const args = call?.childForFieldName("arguments");
      if (name) out.set(name, args ? namedChildren(args) : []);
    }
  }
  return out;
}

// src/model/bicep/suppression-comment.ts
var MARKER = /^(?:\/\/|\/\*)\s*cua-guard\b:?\s*(.*?)\s*(?:\*\/)?$/s;
function suppressionComment(comment) {
  const match = MARKER.exec(comment.trim());
  if (!match) return void 0;
  const body = match[1] ?? "";
  const ignore = /^ignore\b\s*(.*)$/is.exec(body);
  if (!ignore) return body === "" ? {} : { [body.split(/\s+/)[0] ?? body]: true };
  const rest = ignore[1] ?? "";
  const colon = rest.search(/:|\s--\s|\s\u2014\s/);
  const idsText = colon === -1 ? rest : rest.slice(0, colon);
  const reason = colon === -1 ? "" : rest.slice(colon).replace(/^(:|\s--\s|\s\u2014\s)/, "").trim();
  const ids = idsText.split(/[\s,]+/).filter((id) => id !== "");
  return { ignore: ids, ...reason !== "" ? { reason } : {} };
}

// src/model/bicep/lower-type.ts
var UNKNOWN_SECURE = { type: "secureObject" };
var BUILTIN = /* @__PURE__ */ new Set(["string", "int", "bool", "object", "array"]);
var MAX_DEPTH3 = 32;
var MAX_NAMESPACES = 32;
var TypeLowering = class {
  /** The template's `definitions`, filled as types are referenced. */
  definitions = {};
  read;
  namespaces = /* @__PURE__ */ new Map();
  own;
  busy = /* @__PURE__ */ new Set();
  constructor(file, root, read) {
    this.read = read;
    this.own = namespaceOf(file, root, "");
    this.namespaces.set(file, this.own);
  }
  /** The declaration (type, $ref, properties, items\u2026) of a type written in the template's own file. */
  declaration(node) {
    return this.lower(node, this.own, 0);
  }
  lower(node, ns, depth2) {
    if (depth2 > MAX_DEPTH3) return UNKNOWN_SECURE;
    if (node.hasError) return this.unreadable(node, ns);
    const children = namedChildren(node);
    switch (node.type) {
      case "type":
      case "nullable_type":
      case "parenthesized_expression":
      case "parenthesized_type":
        return children.length === 1 && children[0] ? this.lower(children[0], ns, depth2 + 1) : this.unreadable(node, ns);
      case "primitive_type":
        return { type: BUILTIN.has(node.text) ? node.text : "object" };
      case "identifier":
        return BUILTIN.has(node.text) ? { type: node.text } : this.reference(ns, node.text, depth2);
      case "member_expression":
        return this.member(node, ns, depth2);
      case "array_type": {
        const item = children[0];
        return { type: "array", ...item ? { items: this.lower(item, ns, depth2 + 1) } : {} };
      }
      case "object":
        return this.object(node, ns, depth2);
      case "union_type":
        return this.union(children, ns, depth2);
      case "string":
        return { type: "string" };
      case "number":
        return { type: "int" };
      case "boolean":
        return { type: "bool" };
      default:
        return this.unreadable(node, ns);
    }
  }
  /** `core.secretType` (a wildcard import) or `sys.string`. */
  member(node, ns, depth2) {
    const object = node.childForFieldName("object") ?? namedChildren(node)[0];
    const property = node.childForFieldName("property") ?? childOfType(node, "property_identifier");
    if (object?.type !== "identifier" || !property) return this.unreadable(node, ns);
    if (object.text === "sys" && BUILTIN.has(property.text)) return { type: property.text };
    const from = ns.wildcards.get(object.text);
    if (from === void 0) return UNKNOWN_SECURE;
    const target = this.imported(ns, from);
    return target ? this.reference(target, property.text, depth2) : UNKNOWN_SECURE;
  }
  object(node, ns, depth2) {
    const properties = {};
    let additional;
    let leading = [];
    for (const child2 of namedChildren(node)) {
      if (child2.type === "decorators") {
        leading.push(child2);
        continue;
      }
      const secure = decoratorCalls(leading).has("secure");
      leading = [];
      if (child2.type !== "object_property") continue;
      const parts = namedChildren(child2);
      const value = parts.at(-1);
      const lowered = value ? this.lower(value, ns, depth2 + 1) : UNKNOWN_SECURE;
      const declared = secure ? secured(lowered) : lowered;
      if (child2.child(0)?.type === "*") additional = declared;
      else {
        const key2 = parts[0];
        const name = key2?.type === "string" ? literalString(key2) : key2?.text;
        if (name === void 0 || key2?.id === value?.id) return this.unreadable(node, ns);
        properties[name] = declared;
      }
    }
    return { type: "object", properties, ...additional ? { additionalProperties: additional } : {} };
  }
  /** Literal unions are their literals' type; any other union is secure where any member is (a discriminator mapping). */
  union(members, ns, depth2) {
    const lowered = members.map((m5) => this.lower(m5, ns, depth2 + 1));
    const literal = members.every((m5) => m5.type === "string" || m5.type === "number" || m5.type === "boolean" || m5.type === "null");
    if (literal) return lowered[0] ?? { type: "string" };
    return { type: "object", discriminator: { propertyName: "type", mapping: Object.fromEntries(lowered.map((m5, i2) => [String(i2), m5])) } };
  }
  /**
   * A `$ref` to a type of `ns` (lowered into `definitions` on first use), or secure when the name
   * cannot be resolved: Bicep would not compile it, so cua-guard has misread something.
   */
  reference(ns, name, depth2) {
    const imported = ns.imports.get(name);
    if (imported) {
      const target = this.imported(ns, imported.from);
      return target ? this.reference(target, imported.name, depth2 + 1) : UNKNOWN_SECURE;
    }
    const declared = ns.types.get(name);
    if (!declared || depth2 > MAX_DEPTH3) return UNKNOWN_SECURE;
    const key2 = `${ns.prefix}${name}`;
    const ref = { $ref: `#/definitions/${key2}` };
    if (this.busy.has(key2) || Object.hasOwn(this.definitions, key2)) return ref;
    this.busy.add(key2);
    const lowered = declared.value ? this.lower(declared.value, ns, depth2 + 1) : UNKNOWN_SECURE;
    this.busy.delete(key2);
    this.definitions[key2] = declared.secure ? secured(lowered) : lowered;
    return ref;
  }
  /** The namespace of a file imported from `ns`, or undefined when it cannot be read (a registry, outside the workspace, missing). */
  imported(ns, from) {
    if (/^(br|ts)(\/[^:]*)?:/i.test(from) || !/\.bicep$/i.test(from)) return void 0;
    const file = posix.normalize(posix.join(posix.dirname(ns.file), from));
    if (file.startsWith("../") || file === ".." || posix.isAbsolute(file)) return void 0;
    if (this.namespaces.has(file)) return this.namespaces.get(file);
    if (this.namespaces.size >= MAX_NAMESPACES) return void 0;
    const read = this.read(file);
    const namespace = read.kind === "file" ? namespaceOf(file, read.root, `${this.namespaces.size}:`) : void 0;
    this.namespaces.set(file, namespace);
    return namespace;
  }
  /**
   * Syntax the grammar could not read, or a type form this does not know: secure when it mentions
   * `secure` or names a user-defined or imported type (which may be secure), else a plain object.
   */
  unreadable(node, ns) {
    if (/secure/i.test(node.text)) return UNKNOWN_SECURE;
    const named2 = identifiers(node).some((name) => ns.types.has(name) || ns.imports.has(name) || ns.wildcards.has(name));
    return named2 ? UNKNOWN_SECURE : { type: "object" };
  }
};
function secured(declaration) {
  return { ...declaration, type: declaration["type"] === "string" ? "securestring" : "secureObject" };
}
function isSecureTypeName(type) {
  return typeof type === "string" && /^secure(string|object)$/i.test(type);
}
function namespaceOf(file, root, prefix) {
  const ns = { file, prefix, types: /* @__PURE__ */ new Map(), imports: /* @__PURE__ */ new Map(), wildcards: /* @__PURE__ */ new Map() };
  for (const { node, leading, secureInDoubt } of statementsOf(root)) {
    if (node.type === "type_declaration") {
      const name = childOfType(node, "identifier");
      const value = namedChildren(node).at(-1);
      const secure = secureInDoubt === true || decoratorCalls(leading).has("secure");
      if (name) ns.types.set(name.text, { value: value && value.id !== name.id ? value : void 0, secure });
    } else if (node.type === "import_functionality") addImport(ns, node);
  }
  return ns;
}
function addImport(ns, node) {
  const from = literalString(childOfType(node, "string"));
  if (from === void 0) return;
  const tokens = [];
  for (let i2 = 0; i2 < node.childCount; i2++) {
    const child2 = node.child(i2);
    if (child2) tokens.push(child2);
  }
  for (let i2 = 0; i2 < tokens.length; i2++) {
    const token = tokens[i2];
    if (token.type === "*" && tokens[i2 + 1]?.type === "as" && tokens[i2 + 2]?.type === "identifier") {
      ns.wildcards.set(tokens[i2 + 2].text, from);
      i2 += 2;
    } else if (token.type === "identifier") {
      const alias = tokens[i2 + 1]?.type === "as" && tokens[i2 + 2]?.type === "identifier" ? tokens[i2 + 2] : void 0;
      ns.imports.set(alias?.text ?? token.text, { from, name: token.text });
      if (alias) i2 += 2;
    }
  }
}
function identifiers(node) {
  const out = [];
  const stack = [node];
  while (stack.length > 0 && out.length < 1e3) {
    const current = stack.pop();
    if (current.type === "identifier") out.push(current.text);
    for (let i2 = 0; i2 < current.childCount; i2++) {
      const child2 = current.child(i2);
      if (child2) stack.push(child2);
    }
  }
  return out;
}

// src/model/bicep/lower.ts
var MAX_MODULE_DEPTH = 16;
var MODULE_API_VERSION = "2022-09-01";
var SCOPES = {
  resourceGroup: "resourceGroup",
  subscription: "subscription",
  managementGroup: "managementGroup",
  tenant: "tenant"
};
function lowerBicep(file, text, root, read) {
  const shared = { map: new SourceMap(), read };
  const lowered = new FileLowering(shared, { file, text, root }, [], [file]).lower();
  return { root: lowered.template, origin: shared.map, scope: lowered.scope };
}
var OUTER_LOOP = "bicep.outerLoop()";
var FileLowering = class _FileLowering {
  shared;
  file;
  text;
  root;
  prefix;
  /** Files from the main template down to this one (module cycles stop here). */
  chain;
  symbols = /* @__PURE__ */ new Map();
  /** Full and own names of resources, by declaration (nested symbols may repeat): null while being built. */
  names = /* @__PURE__ */ new Map();
  ownNames = /* @__PURE__ */ new Map();
  frames = /* @__PURE__ */ new Map();
  expressions;
  types;
  constructor(shared, source, prefix, chain) {
    this.shared = shared;
    this.file = source.file;
    this.text = source.text;
    this.root = source.root;
    this.prefix = prefix;
    this.chain = chain;
    this.expressions = new ExpressionLowering(this);
    this.types = new TypeLowering(source.file, source.root, shared.read);
    shared.map.texts.set(source.file, source.text);
  }
  symbol(name) {
    return this.symbols.get(name);
  }
  resourceName(name) {
    const symbol = this.symbols.get(name);
    return symbol?.kind === "resource" ? this.fullName(symbol.declaration) : void 0;
  }
  /** The ARM expression of a resource's full name: `parent/child` for a nested or `parent:` resource. */
  fullName(declaration) {
    const known = this.names.get(declaration.id);
    if (known !== void 0) return known ?? void 0;
    this.names.set(declaration.id, null);
    const ancestors = this.frames.get(declaration.id)?.ancestors ?? [];
    let full;
    if (ancestors.length > 0) {
      const segments = [...ancestors.map((a) => this.ownName(a.declaration.node)), this.ownName(declaration)];
      full = `format(${quote2(segments.map((_, i2) => `{${i2}}`).join("/"))}, ${segments.join(", ")})`;
    } else {
      const body = bodyOf(declaration);
      const parent = body.object ? objectProperties(body.object).find((p) => p.key === "parent")?.value : void 0;
      const parentName = parent?.type === "identifier" ? this.resourceName(parent.text) : void 0;
      const own = this.ownName(declaration);
      full = parentName === void 0 ? own : `format('{0}/{1}', ${parentName}, ${own})`;
    }
    this.names.set(declaration.id, full);
    return full;
  }
  /** The ARM expression of the name a resource declaration writes (its loops' bindings applied). */
  ownName(declaration) {
    const known = this.ownNames.get(declaration.id);
    if (known === null) return "bicep.cycle()";
    if (known !== void 0) {
      this.expressions.replay(known.spelled);
      return known.arm;
    }
    this.ownNames.set(declaration.id, null);
    const body = bodyOf(declaration);
    const nameNode = body.object ? objectProperties(body.object).find((p) => p.key === "name")?.value : void 0;
    const bodies = [...(this.frames.get(declaration.id)?.ancestors ?? []).map((a) => a.body), body];
    const { result, spelled: spelled2 } = this.expressions.recording(
      () => nameNode ? this.inLoops(bodies, () => this.expressions.expression(nameNode)) : "bicep.name()"
    );
    this.ownNames.set(declaration.id, { arm: result, spelled: spelled2 });
    return result;
  }
  lower() {
    let last;
    const flush = () => {
      if (last) this.shared.map.unread.push({ file: this.file, offset: last.offset, length: last.end - last.offset });
    };
    for (const region of unreadNodes(this.root)) {
      const statement = topLevelIndex(this.root, region.startIndex);
      if (last && last.statement === statement) last.end = Math.max(last.end, region.endIndex);
      else {
        flush();
        last = { statement, offset: region.startIndex, end: region.endIndex };
      }
    }
    flush();
    const declarations = statementsOf(this.root);
    for (const { node } of declarations) this.addSymbol(node);
    for (const declaration of declarations) if (declaration.node.type === "resource_declaration") this.addResourceFrame(declaration, []);
    let scope = "resourceGroup";
    const targetScope = declarations.find((d) => d.node.type === "target_scope_assignment")?.node;
    if (targetScope) {
      scope = SCOPES[literalString(childOfType(targetScope, "string")) ?? ""];
      this.set(["$schema"], targetScope);
    }
    this.set([], this.root, { offset: 0, length: 0 });
    const firstResource = this.prefix.length > 0 ? declarations.find((d) => d.node.type === "resource_declaration" || d.node.type === "module_declaration") : void 0;
    if (firstResource) this.set(["resources"], firstResource.node);
    else this.set(["resources"], this.root, { offset: 0, length: 0 });
    const template = { ...emptyTemplate(scope ?? "resourceGroup"), parameters: {}, variables: {} };
    if (scope === void 0) delete template["$schema"];
    const parameters = {};
    const variables = {};
    const resources = [];
    for (const declaration of declarations) {
      const { node } = declaration;
      const name = childOfType(node, "identifier");
      if (node.type === "parameter_declaration" && name) parameters[name.text] = this.parameter(declaration, name);
      else if (node.type === "variable_declaration" && name) {
        const value = namedChildren(node).at(-1);
        if (value && value.id !== name.id) {
          this.set(["variables", name.text], value, this.span(name));
          variables[name.text] = this.value(value, ["variables", name.text]);
        }
      } else if (node.type === "resource_declaration") {
        resources.push(...this.resourceTree(declaration, resources.length));
      } else if (node.type === "module_declaration" && name) {
        resources.push(this.module(declaration, name, ["resources", resources.length], scope));
      }
    }
    template["parameters"] = parameters;
    template["variables"] = variables;
    template["resources"] = resources;
    if (Object.keys(this.types.definitions).length > 0) template["definitions"] = this.types.definitions;
    return { template, scope };
  }
  addSymbol(node) {
    const name = childOfType(node, "identifier")?.text;
    switch (node.type) {
      case "parameter_declaration":
        if (name) this.symbols.set(name, { kind: "param" });
        return;
      case "variable_declaration":
        if (name) this.symbols.set(name, { kind: "var" });
        return;
      case "resource_declaration": {
        const { type, apiVersion = "" } = typeAndVersion(node);
        if (name) this.symbols.set(name, { kind: "resource", type, apiVersion, declaration: node });
        return;
      }
      case "module_declaration":
        if (name) this.symbols.set(name, { kind: "module" });
        return;
      case "user_defined_function":
        if (name) this.symbols.set(name, { kind: "function" });
        return;
      case "import_functionality":
      case "import_statement":
      case "import_with_statement":
        for (const identifier of namedChildren(node).filter((c) => c.type === "identifier")) this.symbols.set(identifier.text, { kind: "import" });
        return;
      default:
        if (name && !this.symbols.has(name)) this.symbols.set(name, { kind: "other" });
    }
  }
  parameter(declaration, name) {
    const { node } = declaration;
    const path = ["parameters", name.text];
    this.set(path, node, this.span(name));
    const children = namedChildren(node);
    const typeNode = children.find((c) => c.type === "type");
    const last = children.at(-1);
    const defaultNode = last && last.id !== name.id && last.id !== typeNode?.id ? last : void 0;
    const decorators = decoratorCalls(declaration.leading);
    const secure = decorators.has("secure") || declaration.secureInDoubt === true;
    const base = parameterType(typeNode, defaultNode);
    const { type: declared, ...shape } = typeNode ? this.types.declaration(typeNode) : {};
    const secureType = base === "object" ? "secureobject" : "securestring";
    const parameter = { type: secure || isSecureTypeName(declared) ? secureType : base, ...shape };
    if (typeNode) this.set([...path, "type"], typeNode);
    if (defaultNode) parameter["defaultValue"] = this.value(defaultNode, [...path, "defaultValue"]);
    const allowed = decorators.get("allowed")?.[0];
    if (allowed?.type === "array") parameter["allowedValues"] = this.value(allowed, [...path, "allowedValues"]);
    return parameter;
  }
  /**
   * Reads a resource declaration and those nested in its body, as the compiler sees them: a
   * nested resource's symbol is known where no top-level one has its name (bounded depth).
   */
  addResourceFrame(declaration, ancestors) {
    const { node } = declaration;
    const written = typeAndVersion(node);
    const parent = ancestors.at(-1);
    const frame = {
      declaration,
      symbol: childOfType(node, "identifier")?.text,
      type: parent ? `${parent.type}/${written.type}` : written.type,
      apiVersion: written.apiVersion ?? parent?.apiVersion ?? "",
      body: bodyOf(node),
      existing: hasToken(node, "existing"),
      ancestors
    };
    this.frames.set(node.id, frame);
    if (parent && frame.symbol !== void 0 && !this.symbols.has(frame.symbol))
      this.symbols.set(frame.symbol, { kind: "resource", type: frame.type, apiVersion: frame.apiVersion, declaration: node });
    const nested = nestedResourcesOf(frame.body);
    if (nested.length > 0 && ancestors.length + 1 >= MAX_NESTING2) {
      const first = nested[0];
      this.shared.map.tooDeep.push(this.span(first.node));
      return frame;
    }
    for (const child2 of nested) this.addResourceFrame(child2, [...ancestors, frame]);
    return frame;
  }
  /** A resource declaration and the resources nested in it, each a resource of the template (not `existing` ones). */
  resourceTree(declaration, firstIndex) {
    const frame = this.frames.get(declaration.node.id);
    if (!frame) return [];
    const out = [];
    const name = childOfType(declaration.node, "identifier");
    if (!frame.existing && name) out.push(this.resource(frame, name, ["resources", firstIndex]));
    for (const child2 of nestedResourcesOf(frame.body)) out.push(...this.resourceTree(child2, firstIndex + out.length));
    return out;
  }
  resource(frame, name, path) {
    const { declaration, body, ancestors } = frame;
    const { node } = declaration;
    const typeNode = typeAndVersion(node).node;
    const resource = { type: frame.type, apiVersion: frame.apiVersion };
    this.set(path, node, this.span(name));
    if (typeNode) {
      this.set([...path, "type"], typeNode);
      this.set([...path, "apiVersion"], typeNode);
    }
    const chain = [...ancestors, frame];
    this.inLoops(
      chain.map((f) => f.body),
      () => {
        this.addConditionAndCopy(resource, chain, path, name.text);
        const properties = body.object ? objectProperties(body.object) : [];
        const isDeployment = frame.type.toLowerCase() === "microsoft.resources/deployments";
        for (const property of properties) {
          if (property.key === "parent" || property.key === "dependsOn") continue;
          if (property.key === "name") {
            this.set([...path, "name"], property.value, this.span(property.keyNode));
            resource["name"] = this.armString(() => this.fullName(node) ?? "bicep.cycle()");
            const literal = literalString(property.value);
            if (literal !== void 0 && ancestors.length === 0 && !properties.some((p) => p.key === "parent")) resource["name"] = literalValue(literal);
          } else if (property.key === "scope") {
            if (isDeployment) Object.assign(resource, this.scope(property.value, path));
          } else {
            this.set([...path, property.key], property.value, this.span(property.keyNode));
            resource[property.key] = this.value(property.value, [...path, property.key]);
          }
        }
      }
    );
    const dependsOn2 = this.ancestorIds(ancestors);
    if (dependsOn2.length > 0) resource["dependsOn"] = dependsOn2;
    this.addSuppression(resource, declaration, path);
    return resource;
  }
  /** `resourceId(\u2026)` of each deployed resource a nested one is declared in, nearest first: what it depends on. */
  ancestorIds(ancestors) {
    const ids = [];
    for (let i2 = ancestors.length - 1; i2 >= 0; i2--) {
      const ancestor = ancestors[i2];
      if (ancestor.existing) continue;
      const segments = ancestors.slice(0, i2 + 1).map((a) => this.ownName(a.declaration.node));
      ids.push(`[resourceId(${[quote2(ancestor.type), ...segments].join(", ")})]`);
    }
    return ids;
  }
  module(declaration, name, path, fileScope) {
    const { node } = declaration;
    const pathNode = childOfType(node, "string");
    const reference = literalString(pathNode) ?? "";
    const body = bodyOf(node);
    const deployment = { type: "Microsoft.Resources/deployments", apiVersion: MODULE_API_VERSION };
    this.set(path, node, this.span(name));
    const properties = { expressionEvaluationOptions: { scope: "inner" }, mode: "Incremental" };
    let moduleScope;
    let hasScope = false;
    this.inLoops([body], () => {
      this.addConditionAndCopy(deployment, [{ body, declaration }], path, name.text);
      const props = body.object ? objectProperties(body.object) : [];
      const nameProperty = props.find((p) => p.key === "name");
      if (nameProperty) {
        this.set([...path, "name"], nameProperty.value, this.span(nameProperty.keyNode));
        deployment["name"] = this.value(nameProperty.value, [...path, "name"]);
      } else {
        deployment["name"] = `[format('{0}-{1}', ${quote2(name.text)}, uniqueString(${quote2(name.text)}, deployment().name))]`;
      }
      const scopeProperty = props.find((p) => p.key === "scope");
      if (scopeProperty) {
        hasScope = true;
        Object.assign(deployment, this.scope(scopeProperty.value, path));
      }
      const params = props.find((p) => p.key === "params");
      if (params) {
        this.set([...path, "properties", "parameters"], params.value, this.span(params.keyNode));
        properties["parameters"] = this.moduleParameters(params.value, [...path, "properties", "parameters"]);
      }
    });
    if (pathNode) this.set([...path, "properties", "template"], pathNode);
    if (pathNode) this.set([...path, "properties", "templateLink"], pathNode);
    const inline = this.moduleTemplate(reference, [...this.prefix, ...path, "properties", "template"]);
    if (inline.kind === "template") {
      properties["template"] = inline.template;
      moduleScope = inline.scope;
    } else properties["templateLink"] = inline.link;
    const target = moduleScope ?? (hasScope ? void 0 : fileScope);
    if (inline.kind === "template" && target !== void 0 && target !== "resourceGroup") deployment["location"] = "[deployment().location]";
    deployment["properties"] = properties;
    this.addSuppression(deployment, declaration, path);
    return deployment;
  }
  moduleParameters(node, path) {
    if (node.type !== "object") return this.value(node, path);
    const out = {};
    for (const property of objectProperties(node)) {
      this.set([...path, property.key], property.value, this.span(property.keyNode));
      out[property.key] = { value: this.value(property.value, [...path, property.key, "value"]) };
    }
    return out;
  }
  moduleTemplate(reference, at) {
    if (/^(br|ts)(\/[^:]*)?:/i.test(reference)) return { kind: "link", link: { uri: reference } };
    const target = posix.normalize(posix.join(posix.dirname(this.file), reference));
    if (!/\.bicep$/i.test(reference) || target.startsWith("../") || target === "..") return { kind: "link", link: { relativePath: reference } };
    if (this.chain.includes(target) || this.chain.length > MAX_MODULE_DEPTH) return { kind: "link", link: { uri: `[bicep.module(${quote2(reference)})]` } };
    const read = this.shared.read(target);
    if (read.kind !== "file") return { kind: "link", link: { relativePath: reference } };
    const lowering = new _FileLowering(this.shared, { file: target, text: read.text, root: read.root }, at, [...this.chain, target]);
    return { kind: "template", ...lowering.lower() };
  }
  /** `scope:` of a deployment, as the compiler writes it: resourceGroup, subscriptionId or scope. */
  scope(node, path) {
    const call = scopeCall(node);
    const set = (key2, value) => {
      this.set([...path, key2], value);
      return this.value(value, [...path, key2]);
    };
    const mark = (key2) => this.set([...path, key2], node);
    if (call?.name === "resourceGroup" && call.args.length > 0) {
      const [first, second] = call.args;
      return second ? { subscriptionId: set("subscriptionId", first), resourceGroup: set("resourceGroup", second) } : { resourceGroup: set("resourceGroup", first) };
    }
    if (call?.name === "subscription") {
      mark("subscriptionId");
      return call.args[0] ? { subscriptionId: set("subscriptionId", call.args[0]) } : { subscriptionId: "[subscription().subscriptionId]" };
    }
    if (call?.name === "tenant") {
      mark("scope");
      return { scope: "/" };
    }
    if (node.type === "identifier") {
      const symbol = this.symbols.get(node.text);
      if (symbol?.kind === "resource" && symbol.type.toLowerCase() === "microsoft.resources/resourcegroups") {
        mark("resourceGroup");
        return { resourceGroup: this.armString(() => this.resourceName(node.text) ?? "bicep.cycle()") };
      }
      if (symbol?.kind === "resource" && symbol.type.toLowerCase() === "microsoft.management/managementgroups") {
        mark("scope");
        return {
          scope: this.armString(() => `format('Microsoft.Management/managementGroups/{0}', ${this.resourceName(node.text) ?? "bicep.cycle()"})`)
        };
      }
    }
    mark("scope");
    return { scope: this.armString(() => this.expressions.expression(node)) };
  }
  /**
   * The condition and copy loop of a resource, from its declaration and those it is nested in: the
   * conditions of all, joined by and() outermost first, and the innermost loop (the compiler does so).
   */
  addConditionAndCopy(resource, chain, path, symbol) {
    const conditions = chain.filter((c) => c.body.condition !== void 0);
    if (conditions.length > 0) {
      const nearest2 = conditions.at(-1)?.body.condition;
      this.set([...path, "condition"], nearest2);
      resource["condition"] = this.armString(() => {
        const [first, ...rest] = conditions.map((c) => this.expressions.expression(c.body.condition));
        return rest.reduce((all, next) => `and(${all}, ${next})`, first);
      });
    }
    const looped = chain.findLast((c) => c.body.loop !== void 0);
    const loop = looped?.body.loop;
    if (looped && loop) {
      this.set([...path, "copy"], loop.node);
      const { collection } = loop;
      const count = this.armString(
        () => `length(${collection ? this.expressions.expression(collection) : "bicep.collection()"})`,
        collection ? `length(${spelledText(collection) ?? "\u2026"})` : void 0
      );
      const copy = { name: symbol, count };
      const batch = decoratorCalls(looped.declaration.leading).get("batchSize")?.[0];
      if (batch?.type === "number") Object.assign(copy, { mode: "serial", batchSize: Number(batch.text) });
      resource["copy"] = copy;
    }
  }
  addSuppression(resource, declaration, path) {
    for (const comment of declaration.leading) {
      if (comment.type !== "comment") continue;
      const block = suppressionComment(comment.text);
      if (block === void 0) continue;
      const metadata = typeof resource["metadata"] === "object" && resource["metadata"] !== null ? resource["metadata"] : {};
      resource["metadata"] = { ...metadata, "cua-guard": block };
      this.set([...path, "metadata", "cua-guard"], comment);
      this.set([...path, "metadata"], comment);
    }
  }
  /**
   * Runs `run` with the loop variables of the declarations (outermost first) bound: the innermost
   * loop's to the copy loop's item and index, any outer one's to a value known only at deployment.
   */
  inLoops(bodies, run) {
    const innermost = bodies.findLastIndex((b) => b.loop !== void 0);
    if (innermost === -1) return run();
    const bound = /* @__PURE__ */ new Map();
    bodies.forEach((body, i2) => {
      const loop = body.loop;
      if (!loop || i2 > innermost) return;
      const collection = i2 < innermost ? void 0 : loop.collection ? this.expressions.expression(loop.collection) : "bicep.collection()";
      if (loop.item) bound.set(loop.item, collection === void 0 ? OUTER_LOOP : `${collection}[copyIndex()]`);
      if (loop.index) bound.set(loop.index, collection === void 0 ? OUTER_LOOP : "copyIndex()");
    });
    return this.expressions.withBindings(bound, run);
  }
  /** A JSON value for a property: literals as they are, anything else as an `[expression]`. */
  value(node, path, depth2 = 0) {
    this.set(path, node);
    if (depth2 > 100) return "[bicep.tooDeep()]";
    const any = anyArgument(node);
    if (any) return this.value(any, path, depth2 + 1);
    if (node.hasError && node.type !== "object" && node.type !== "array") return "[bicep.unread()]";
    switch (node.type) {
      case "string": {
        const literal = literalString(node);
        return literal === void 0 ? this.armString(() => this.expressions.expression(node)) : literalValue(literal);
      }
      case "number":
        return /^-?\d{1,15}$/.test(node.text) ? Number(node.text) : this.armString(() => this.expressions.expression(node));
      case "boolean":
        return node.text === "true";
      case "null":
        return null;
      case "object": {
        const out = {};
        for (const property of objectProperties(node)) {
          this.set([...path, property.key], property.value, this.span(property.keyNode));
          out[property.key] = this.value(property.value, [...path, property.key], depth2 + 1);
        }
        return out;
      }
      case "array":
        return namedChildren(node).filter((c) => c.type !== "decorators").map((element, i2) => this.value(element, [...path, i2], depth2 + 1));
      default:
        return this.armString(() => this.expressions.expression(node));
    }
  }
  /**
   * A JSON string value `[expression]` of what `lower` writes, with how the Bicep source spells each
   * expression in it (for messages); `written`: the whole one's, when no node is written for it.
   */
  armString(lower, written) {
    const { result, spelled: spelled2 } = this.expressions.recording(lower);
    if (written !== void 0 && !spelled2.has(result) && written !== result) spelled2.set(result, written);
    const raw = `[${result}]`;
    this.shared.map.addSpellings(raw, spelled2);
    return raw;
  }
  span(node) {
    return { file: this.file, offset: node.startIndex, length: node.endIndex - node.startIndex };
  }
  set(path, node, key2) {
    const keySpan = key2 ? { file: this.file, offset: key2.offset, length: key2.length } : void 0;
    const value = node.id === this.root.id && keySpan ? keySpan : this.span(node);
    this.shared.map.set([...this.prefix, ...path], value, keySpan);
  }
};
function topLevelIndex(root, offset) {
  for (let i2 = 0; i2 < root.childCount; i2++) {
    const child2 = root.child(i2);
    if (child2 && child2.startIndex <= offset && offset < Math.max(child2.endIndex, child2.startIndex + 1)) return i2;
  }
  return -1;
}
function anyArgument(node) {
  if (node.type !== "call_expression" || node.childForFieldName("function")?.text !== "any") return void 0;
  const args = node.childForFieldName("arguments");
  const values = args ? namedChildren(args) : [];
  return values.length === 1 ? values[0] : void 0;
}
function scopeCall(node) {
  if (node.type !== "call_expression") return void 0;
  const fn2 = node.childForFieldName("function");
  const name = fn2?.type === "member_expression" ? fn2.childForFieldName("property")?.text : fn2?.type === "identifier" ? fn2.text : void 0;
  if (name === void 0 || !(name in SCOPES)) return void 0;
  const args = node.childForFieldName("arguments");
  return { name, args: args ? namedChildren(args) : [] };
}
function parameterType(typeNode, defaultNode) {
  const written = typeNode?.text.replace(/\?$/, "");
  if (written === "string" || written === "int" || written === "bool" || written === "object" || written === "array") return written;
  if (typeNode && /\[\]\??$/.test(typeNode.text)) return "array";
  switch (defaultNode?.type) {
    case "string":
      return "string";
    case "number":
      return "int";
    case "boolean":
      return "bool";
    case "array":
      return "array";
    default: {
      const first = typeNode ? namedChildren(childOfType(typeNode, "union_type") ?? typeNode)[0] : void 0;
      if (first?.type === "string") return "string";
      if (first?.type === "number") return "int";
      if (first?.type === "boolean") return "bool";
      return "object";
    }
  }
}

// src/engine/check-bicep.ts
function isBicepFile(file) {
  return /\.bicep$/i.test(file);
}
var TREE_CACHE_BUDGET = 8 * 1024 * 1024;
var BicepTrees = class {
  parser;
  budget;
  trees = /* @__PURE__ */ new Map();
  size = 0;
  constructor(parser2, budget = TREE_CACHE_BUDGET) {
    this.parser = parser2;
    this.budget = budget;
  }
  /** The tree of a file's text (parsed now, or kept from earlier in the run). */
  parse(file, text) {
    const kept = this.trees.get(file);
    if (kept !== void 0) {
      this.trees.delete(file);
      if (kept.text === text) {
        this.trees.set(file, kept);
        return kept.tree;
      }
      this.size -= kept.text.length;
      kept.tree.delete();
    }
    const tree = this.parser.parse(text);
    if (!tree) throw new Error("the Bicep grammar returned no syntax tree");
    this.trees.set(file, { text, tree });
    this.size += text.length;
    return tree;
  }
  /** Frees the least recently used trees past the budget (between templates: none is in use). */
  trim() {
    for (const [file, kept] of this.trees) {
      if (this.size <= this.budget) break;
      this.trees.delete(file);
      this.size -= kept.text.length;
      kept.tree.delete();
    }
  }
  dispose() {
    for (const kept of this.trees.values()) kept.tree.delete();
    this.trees.clear();
    this.size = 0;
  }
};
function checkBicepTemplate(input, plan) {
  return checkLoweredBicep(input, lowerBicepTemplate(input), plan);
}
function lowerBicepTemplate(input) {
  input.trees.trim();
  const parse3 = (file, text2) => input.trees.parse(file, text2);
  const read = (target) => {
    const outcome = readWorkspaceFile(input.workspace, target);
    if (!outcome.ok) return /no such file/.test(outcome.message) ? { kind: "missing" } : { kind: "unreadable", message: outcome.message };
    const text2 = withoutBom(outcome.text);
    return { kind: "file", text: text2, root: parse3(target, text2).rootNode };
  };
  const text = withoutBom(input.text);
  const lowered = lowerBicep(input.file, text, parse3(input.file, text).rootNode, read);
  const parameters = bicepParameterValues(input, (t) => parse3(`${input.file}\0parameters`, t));
  return { lowered, parameters };
}
function checkLoweredBicep(input, { lowered, parameters }, plan) {
  const source = createTemplateSource(input.file, withoutBom(input.text), lowered.root, lowered.origin);
  const model = buildTemplateModel(source, {
    parameterValues: parameters.values,
    ...input.readLinked && plan.settings.followLinks ? { readLinked: input.readLinked } : {}
  });
  const problem = parameters.problem ? { file: parameters.file ?? input.file, problem: parameters.problem } : void 0;
  const result = bicepRepairsOnly(collapseRepeats(checkModel(model, plan, problem)), input.file);
  return parameters.file ? { ...result, parametersFile: parameters.file } : result;
}
var BICEP_NOT_FIXABLE = "fix changes a Bicep file only to add the tracking deployment; edit this by hand";
function bicepRepairsOnly(result, file) {
  if (!result.findings.some((f) => f.fix)) return result;
  const findings = result.findings.map((finding) => {
    if (!finding.fix || isTopLevelInsertion(finding.fix, file)) return finding;
    const { fix: _dropped, ...rest } = finding;
    return { ...rest, notFixable: BICEP_NOT_FIXABLE };
  });
  return { ...result, findings };
}
function isTopLevelInsertion(fix, file) {
  const [operation] = fix.operations;
  return fix.file === file && fix.operations.length === 1 && operation?.kind === "insert" && operation.path.length === 2 && operation.path[0] === "resources";
}
function collapseRepeats(result) {
  const seen = /* @__PURE__ */ new Map();
  const findings = [];
  for (const finding of result.findings) {
    const key2 = `${finding.ruleId}\0${finding.messageId}\0${finding.file}\0${finding.line}\0${finding.column}\0${finding.suppressed ? 1 : 0}`;
    const earlier = seen.get(key2);
    if (earlier) earlier.count++;
    else {
      seen.set(key2, { index: findings.length, count: 1 });
      findings.push(finding);
    }
  }
  if (findings.length === result.findings.length) return result;
  for (const { index, count } of seen.values()) {
    const finding = findings[index];
    if (finding && count > 1) findings[index] = { ...finding, message: `${finding.message} (written once, reached by ${count} module deployments)` };
  }
  return { ...result, findings };
}
function withoutBom(text) {
  return text.charCodeAt(0) === 65279 ? text.slice(1) : text;
}
function bicepParameterValues(input, parse3) {
  const stem = input.file.replace(/\.bicep$/i, "");
  const explicit = input.parametersFile;
  if (explicit !== void 0 && !/\.bicepparam$/i.test(explicit)) return loadParameterValues(input.workspace, input.file, explicit);
  const candidate = explicit !== void 0 ? posix.normalize(posix.join(posix.dirname(input.file), explicit)) : `${stem}.bicepparam`;
  if (workspaceFileExists(input.workspace, candidate)) {
    const read = readWorkspaceFile(input.workspace, candidate);
    if (!read.ok) return { file: candidate, values: {}, problem: read.message };
    return { file: candidate, ...bicepParamValues(candidate, read.text, parse3) };
  }
  if (explicit !== void 0) return { values: {}, problem: `no parameters file '${explicit}' beside ${input.file}` };
  const json = `${stem}.parameters.json`;
  return workspaceFileExists(input.workspace, json) ? loadParameterValues(input.workspace, input.file, posix.basename(json)) : { values: {} };
}
function bicepParamValues(file, text, parse3) {
  const rewritten = text.replace(/^(\s*)param(\s+[A-Za-z_]\w*\s*=)/gm, "$1var  $2");
  const lowered = lowerBicep(file, rewritten, parse3(rewritten).rootNode, () => ({ kind: "missing" }));
  const variables = lowered.root["variables"];
  const values = {};
  if (typeof variables === "object" && variables !== null) {
    for (const [name, value] of Object.entries(variables)) values[name] = isLiteral(value) ? value : KNOWN_AT_DEPLOYMENT;
  }
  const unread = lowered.origin.unread.length;
  return unread > 0 ? { values, problem: `parameters file ${file} has ${unread} region(s) the Bicep grammar cannot read` } : { values };
}
function isLiteral(value) {
  if (typeof value === "string") return !(value.startsWith("[") && value.endsWith("]") && !value.startsWith("[["));
  if (Array.isArray(value)) return value.every(isLiteral);
  if (typeof value === "object" && value !== null) return Object.values(value).every(isLiteral);
  return true;
}

// src/parse/tree-sitter/load.ts
async function createSyntaxParser(name) {
  const { createParser } = await import("./lazy-parse-tree-sitter-grammars.js");
  return createParser(name);
}

// src/app/compiled-twins.ts
function noteCompiledTwins(files, results) {
  const bicep = new Set(results.filter((r) => /\.bicep$/i.test(r.path)).map((r) => r.path.toLowerCase()));
  const unpacked = new Set(results.filter((r) => splitZipPath(r.path) === void 0).map((r) => r.path));
  return results.map((result) => {
    if (result.findings.length === 0) return result;
    const note = compiledNote(files, result.path, bicep) ?? packedNote(files, result.path, unpacked);
    return note === void 0 ? result : { ...result, findings: result.findings.map((f) => ({ ...f, message: `${f.message}${note}` })) };
  });
}
function compiledNote(files, file, bicep) {
  if (!/\.json$/i.test(file)) return void 0;
  const twin = file.replace(/\.json$/i, ".bicep");
  if (!bicep.has(twin.toLowerCase()) || !generatedByBicep(files, file)) return void 0;
  return ` (this file is compiled from ${posix.basename(twin)}, which is checked too: the same mistake, fix it there)`;
}
function packedNote(files, file, unpacked) {
  const inside2 = splitZipPath(file);
  if (inside2 === void 0) return void 0;
  const folder = posix.dirname(inside2.zip);
  const source = posix.join(folder, inside2.entry);
  if (!unpacked.has(source)) return void 0;
  const packed = files.text(file);
  if (packed === void 0 || packed !== files.text(source)) return void 0;
  return ` (the same template as ${source}, which is checked too: fix it there and build the package again)`;
}
function generatedByBicep(files, file) {
  const parsed = files.parse(file);
  if (!parsed.ok || !("value" in parsed) || !isRecord(parsed.value)) return false;
  const metadata = parsed.value["metadata"];
  const generator = isRecord(metadata) ? metadata["_generator"] : void 0;
  return isRecord(generator) && typeof generator["name"] === "string" && generator["name"].toLowerCase() === "bicep";
}

// src/app/internal-error.ts
function internalErrorResult(file, detail, message) {
  return {
    path: file,
    verdict: "fail",
    findings: [
      {
        ruleId: "internal-error",
        severity: "error",
        messageId: "internal-error",
        data: { error: detail },
        message,
        file,
        line: 1,
        column: 1,
        internalError: true
      }
    ],
    tracking: [],
    linkedFiles: []
  };
}

// src/app/terraform-tools.ts
async function loadTerraformTools(workspace) {
  const { createTerraformTools } = await import("./lazy-app-check-terraform.js");
  return createTerraformTools(workspace);
}
function terraformNotLoaded(files) {
  const firstOfFolder = /* @__PURE__ */ new Map();
  for (const file of files) {
    const folder = file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "";
    if (!firstOfFolder.has(folder)) firstOfFolder.set(folder, file);
  }
  const message = "cua-guard could not check this Terraform module: the Terraform grammar was not loaded (internal error); please report it";
  return [...firstOfFolder.values()].sort().map((file) => internalErrorResult(file, "grammar not loaded", message));
}

// src/app/check-workspace.ts
async function checkWorkspaceLoadingGrammars(request, found) {
  const files = request.files ?? createWorkspaceFiles(request.workspace);
  const discovery = found ?? discoverWorkspace(request, files);
  const needsBicep = request.bicepParser === void 0 && discovery.templates.some(isBicepFile);
  const needsTerraform = request.terraform === void 0 && discovery.sources.some((source) => source.kind === "terraform");
  const [bicepParser, terraform] = await Promise.all([
    needsBicep ? createSyntaxParser("bicep") : void 0,
    needsTerraform ? loadTerraformTools(request.workspace) : void 0
  ]);
  return checkDiscovered({ ...request, files, ...bicepParser ? { bicepParser } : {}, ...terraform ? { terraform } : {} }, discovery);
}
function discoverWorkspace(request, files) {
  return discoverTemplates(request.workspace, {
    ...request.paths ? { paths: request.paths } : {},
    ...request.pathsAreDefault ? { pathsAreDefault: true } : {},
    ...request.patterns ? { patterns: request.patterns } : {},
    ...request.cwd ? { cwd: request.cwd } : {},
    files
  });
}
function checkDiscovered(request, discovery) {
  const terraformFiles = discovery.sources.filter((source) => source.kind === "terraform").map((source) => source.path);
  const templates = terraformFiles.length === 0 ? discovery : {
    ...discovery,
    sources: discovery.sources.filter((s) => s.kind !== "terraform"),
    templates: discovery.templates.filter((f) => templateKind(f) !== "terraform")
  };
  const trees = request.bicepParser ? new BicepTrees(request.bicepParser) : void 0;
  let report2;
  try {
    report2 = checkGraph(request, templates, trees);
  } finally {
    trees?.dispose();
  }
  if (terraformFiles.length === 0) return report2;
  const settingsFor = (file) => request.settingsFor?.(file) ?? request.settings;
  const terraformRequest = { workspace: request.workspace, rules: request.rules ?? RULES, settingsFor };
  const terraform = request.terraform ? request.terraform.checkFiles(terraformRequest, terraformFiles) : terraformNotLoaded(terraformFiles);
  const all = [...report2.files, ...terraform].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { ...report2, files: all, counts: countFindings(all) };
}
function checkGraph(request, discovery, trees) {
  const { files } = request;
  const readLinked = createCachedLinkReader(files);
  const links = { roots: request.linkRoots ?? [], findBySuffix: suffixIndex(discovery.jsonFiles) };
  const packages = marketplacePackages(discovery.sources, discovery.jsonFiles, files);
  const check = (source) => checkOne(request, { source, files, readLinked, links, marketplacePackage: packages.has(source.path), trees });
  const everyNamed = discovery.sources.every((source) => source.by === "named");
  const linkers = everyNamed ? [] : discovery.sources.filter((source) => mayLink(files, source.path));
  const checked = new Map(linkers.map((source) => [source.path, check(source)]));
  const packageFolders = [...packages].map((path) => path.slice(0, path.lastIndexOf("/") + 1).toLowerCase());
  const byPath = new Map(discovery.sources.map((source) => [source.path, source]));
  const holdsOwnTracking = (path) => {
    const source = byPath.get(path);
    if (source === void 0) return false;
    let done = checked.get(path);
    if (done === void 0) {
      done = check(source);
      checked.set(path, done);
    }
    return done.result.tracking.some((t) => t.placement === "top-level");
  };
  const roles = templateRoles(discovery.sources, [...checked.values()], (path) => isLinkedTemplatePlace(path, packageFolders) && !holdsOwnTracking(path));
  const mains = roles.main;
  const linkedByOthers = new Set([...checked.values()].flatMap((done) => done.linkTargets));
  const readAgain = readAfterTheCheck(discovery.sources, packages);
  const results = [];
  for (const source of discovery.sources) {
    if (!mains.has(source.path)) continue;
    const done = checked.get(source.path) ?? check(source);
    for (const target of done.linkTargets) linkedByOthers.add(target);
    request.secrets?.add(done.result, trees);
    if (!linkedByOthers.has(source.path) && !readAgain(source.path)) {
      const keep = { keepText: request.secrets === void 0 };
      files.release(source.path, keep);
      if (done.result.parametersFile !== void 0 && request.parametersFile === void 0) files.release(done.result.parametersFile, keep);
    }
    results.push(done.result);
  }
  const unreached = new Set(roles.unreached);
  const linkedTemplates = discovery.templates.filter((file) => !mains.has(file) && !unreached.has(file));
  const withTwins = noteCompiledTwins(files, results);
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    files: withTwins,
    counts: countFindings(withTwins),
    problems: [...discovery.problems, ...unreachedProblems(roles.unreached, uncheckedBicep(discovery.otherBicepFiles, results))],
    linkedTemplates,
    unreachedTemplates: roles.unreached,
    inventory: discovery.inventory
  };
}
function readAfterTheCheck(sources, packages) {
  const bicep = new Set(sources.filter((source) => source.kind === "bicep").map((source) => source.path.toLowerCase()));
  return (path) => packages.has(path) || bicep.has(path.replace(/\.json$/i, ".bicep").toLowerCase());
}
var TEMPLATE_LINK_TEXT = /templatelink/i;
function mayLink(files, file) {
  const text = files.text(file);
  return text !== void 0 && TEMPLATE_LINK_TEXT.test(text);
}
function checkOne(request, context) {
  const file = context.source.path;
  const plan = { rules: request.rules ?? RULES, settings: request.settingsFor?.(file) ?? request.settings };
  try {
    const read = context.files.read(file);
    if (!read.ok) {
      const before = read.textBefore ?? "";
      return {
        file,
        linkTargets: [],
        result: checkUnreadableTemplate(file, before, { kind: "unreadable", message: read.message, offset: before.length }, plan)
      };
    }
    if (isBicepFile(file)) return { file, linkTargets: [], result: checkBicepFile(request, context, { file, text: read.text }, plan) };
    const parsed = context.files.parse(file);
    if (!("text" in parsed)) throw new Error(`'${file}' could be read but not parsed`);
    const parameters = loadParameterValues(context.files, file, request.parametersFile);
    const prepared = prepareTemplate(
      {
        file,
        text: read.text,
        parsed,
        parameterValues: parameters.values,
        readLinked: context.readLinked,
        links: context.links,
        ...context.marketplacePackage ? { marketplacePackage: true } : {},
        ...parameters.problem ? { parametersProblem: { file: parameters.file ?? file, problem: parameters.problem } } : {}
      },
      plan.settings
    );
    const linkTargets = prepared.kind === "model" ? prepared.model.linkTargets : [];
    const result = checkPrepared(prepared, plan);
    return { file, linkTargets, result: parameters.file ? { ...result, parametersFile: parameters.file } : result };
  } catch (error) {
    return { file, linkTargets: [], result: uncheckedResult(file, error) };
  }
}
function checkBicepFile(request, context, { file, text }, plan) {
  if (context.trees === void 0) {
    const message = "the Bicep grammar was not loaded for this run (checkWorkspaceLoadingGrammars loads it)";
    return checkUnreadableTemplate(file, text, { kind: "unreadable", message, offset: 0 }, plan);
  }
  return checkBicepTemplate(
    {
      workspace: request.workspace,
      file,
      text,
      trees: context.trees,
      readLinked: context.readLinked,
      ...request.parametersFile ? { parametersFile: request.parametersFile } : {}
    },
    plan
  );
}
function marketplacePackages(sources, jsonFiles, files) {
  const uiDefinitions = new Set(
    jsonFiles.filter((f) => /(^|\/)createuidefinition\.json$/i.test(f)).map((f) => f.slice(0, f.lastIndexOf("/") + 1).toLowerCase())
  );
  return new Set(
    sources.map((s) => s.path).filter((path) => /(^|\/)maintemplate\.json$/i.test(path)).filter((path) => {
      const folder = path.slice(0, path.lastIndexOf("/") + 1);
      return uiDefinitions.has(folder.toLowerCase()) || files.read(`${folder}createUiDefinition.json`).ok;
    })
  );
}
var LINKED_TEMPLATE_FOLDERS = /* @__PURE__ */ new Set(["nested", "nestedtemplates", "nested-templates", "linked", "linkedtemplates", "linked-templates", "modules"]);
function isLinkedTemplatePlace(path, packageFolders) {
  const folders = path.split("/").slice(0, -1);
  if (folders.some((folder) => LINKED_TEMPLATE_FOLDERS.has(folder.toLowerCase()))) return true;
  const lower = path.toLowerCase();
  return packageFolders.some((folder) => lower.startsWith(folder) && lower !== `${folder}maintemplate.json`);
}
function templateRoles(sources, prepared, isLinkedPlace = () => false) {
  const found = new Set(sources.map((s) => s.path));
  const targetsOf = new Map(prepared.map((p) => [p.file, p.linkTargets.filter((t) => t !== p.file && found.has(t))]));
  const reachedFrom = (starts) => {
    const reached2 = /* @__PURE__ */ new Set();
    const pending = [...starts].flatMap((start) => targetsOf.get(start) ?? []);
    for (let next = pending.pop(); next !== void 0; next = pending.pop()) {
      if (reached2.has(next)) continue;
      reached2.add(next);
      pending.push(...targetsOf.get(next) ?? []);
    }
    return reached2;
  };
  const candidates = sources.filter((s) => s.by !== "content" || !isLinkedPlace(s.path));
  const linked = reachedFrom(sources.map((s) => s.path));
  const main = new Set(candidates.filter((s) => s.by === "named" || !linked.has(s.path)).map((s) => s.path));
  let reached = reachedFrom(main);
  for (const source of candidates) {
    if (main.has(source.path) || reached.has(source.path)) continue;
    main.add(source.path);
    reached = reachedFrom(main);
  }
  const unreached = sources.filter((s) => !main.has(s.path) && !reached.has(s.path)).map((s) => s.path);
  return { main, unreached };
}
var UNREACHED_LISTED = 5;
function unreachedProblems(unreached, bicep) {
  return [...unreached.length > 0 ? [unreachedProblem(unreached)] : [], ...bicep.length > 0 ? [uncheckedBicepProblem(bicep)] : []];
}
function uncheckedBicep(otherBicepFiles, results) {
  if (otherBicepFiles.length === 0 || results.length === 0) return [];
  const reached = new Set(results.flatMap((result) => result.linkedFiles));
  return otherBicepFiles.filter((file) => !reached.has(file));
}
function listed(paths) {
  const shown = paths.slice(0, UNREACHED_LISTED).map((path) => `'${path}'`);
  return `${shown.join(", ")}${paths.length > UNREACHED_LISTED ? ` and ${paths.length - UNREACHED_LISTED} more` : ""}`;
}
function uncheckedBicepProblem(files) {
  const one = files.length === 1;
  return {
    path: files[0] ?? "",
    kind: "unchecked-bicep",
    files,
    message: `${one ? "1 .bicep file is" : `${files.length} .bicep files are`} neither named main.bicep, mainTemplate.bicep or azuredeploy.bicep nor a module of a checked template, and ${one ? "was" : "were"} not checked: ${listed(files)}; name ${one ? "it" : "them"} (templates input or command-line paths) to check ${one ? "it" : "them"}`
  };
}
function unreachedProblem(unreached) {
  const one = unreached.length === 1;
  const what = one ? "1 ARM template is" : `${unreached.length} ARM templates are`;
  const how = one ? "name it (templates input or a command-line path) to check it as a main template" : "name them (templates input or command-line paths) to check them as main templates";
  return {
    path: unreached[0] ?? "",
    kind: "unreached",
    message: `${what} in a linked templates' place (a nested/linked/modules folder or a Marketplace package) but linked from no main template, and ${one ? "was" : "were"} not checked: ${listed(unreached)}; ${how}`
  };
}
function uncheckedResult(file, error) {
  const detail = error instanceof Error ? error.message : String(error);
  return internalErrorResult(file, detail, `cua-guard could not check this file (internal error: ${detail}); please report it`);
}
function countFindings(files) {
  const counts = { error: 0, warning: 0, notice: 0, suppressed: 0 };
  for (const file of files) {
    for (const finding of file.findings) {
      if (finding.suppressed) counts.suppressed++;
      else counts[finding.severity]++;
    }
  }
  return counts;
}

// src/app/nothing-checked.ts
function nothingCheckedMessage(report2) {
  const found = describeInventory(report2.inventory);
  const linked = report2.linkedTemplates.length;
  const unreached = report2.unreachedTemplates.length;
  const onlyLinked = (linked > 0 ? `; ${linked} linked template${linked === 1 ? "" : "s"} and no main template` : "") + (unreached > 0 ? `; ${unreached} template${unreached === 1 ? "" : "s"} not named as a main template (name ${unreached === 1 ? "it" : "them"} to check ${unreached === 1 ? "it" : "them"})` : "");
  return `no ARM template was checked: found ${found}, no ARM template${onlyLinked} (set if-no-templates to warn or ignore to allow this)`;
}

// src/report/terminal-text.ts
var CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
function escapeControlCharacters(text) {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 255 ? `\\x${code.toString(16).padStart(2, "0").toUpperCase()}` : `\\u${code.toString(16).toUpperCase()}`;
  });
}

// src/report/text.ts
var SEVERITY_COLOR = { error: "31", warning: "33", notice: "36" };
function paint(text, code, on) {
  return on ? `\x1B[${code}m${text}\x1B[0m` : text;
}
function formatFindingLine(finding, options = {}) {
  const suppressed = finding.suppressed ? ` (suppressed: ${escapeControlCharacters(finding.suppressed.reason)})` : "";
  const file = escapeControlCharacters(options.displayPath?.(finding.file) ?? finding.file);
  const severity = paint(finding.severity, SEVERITY_COLOR[finding.severity], options.color && !finding.suppressed);
  return `${file}:${finding.line}:${finding.column} ${severity} ${finding.ruleId} ${escapeControlCharacters(finding.message)}${suppressed}`;
}
function formatText(report2, options = {}) {
  const lines = [];
  for (const problem of report2.problems ?? []) lines.push(`cua-guard: ${escapeControlCharacters(problem.message)}`);
  for (const file of report2.files) {
    for (const finding of file.findings) lines.push(formatFindingLine(finding, options));
  }
  lines.push(countsLine(report2, options));
  return `${lines.join("\n")}
`;
}
function countsLine(report2, options = {}) {
  const failed = report2.files.filter((f) => f.verdict === "fail").length;
  const { error, warning, notice, suppressed } = report2.counts;
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const checked = `${plural(report2.files.length, "template")} checked`;
  const hidden = options.hidden ? ` (${plural(options.hidden, "warning or notice")} not shown: --quiet)` : "";
  if (report2.files.length > 0 && error + warning + notice + suppressed === 0) {
    return `${paint("\u2713", "32", options.color)} ${checked}, ${options.hidden ? "no errors" : "no problems"}${hidden}`;
  }
  const line = `${checked}, ${failed} failed: ${plural(error, "error")}, ${plural(warning, "warning")}, ${plural(notice, "notice")}` + (suppressed > 0 ? `, ${suppressed} suppressed` : "") + hidden;
  return failed > 0 ? paint(line, "1", options.color) : line;
}

// src/report/json.ts
function formatJson(report2) {
  const files = report2.files.map((file) => ({ ...file, findings: file.findings.map(publicFinding) }));
  return `${JSON.stringify({ ...report2, files }, null, 2)}
`;
}
function publicFinding(finding) {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    messageId: finding.messageId,
    message: finding.message,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    ...finding.endLine !== void 0 ? { endLine: finding.endLine } : {},
    ...finding.endColumn !== void 0 ? { endColumn: finding.endColumn } : {},
    ...finding.jsonPointer !== void 0 ? { jsonPointer: finding.jsonPointer } : {},
    ...finding.suppressed ? { suppressed: finding.suppressed } : {},
    ...finding.internalError ? { internalError: true } : {}
  };
}

// builtin:node:url
var m3 = process.getBuiltinModule("node:url");
var pathToFileURL = /* @__PURE__ */ (() => m3.pathToFileURL)();

// src/report/markdown-text.ts
function absoluteAnchors(markdown, base) {
  return markdown.replace(/\]\(#([^)\s]+)\)/g, (_whole, anchor) => `](${base}#${anchor})`);
}
function markdownToText(markdown) {
  const out = [];
  let inFence = false;
  for (const line of markdown.split("\n")) {
    if (line.trimStart().startsWith("```")) {
      inFence = !inFence;
      continue;
    }
    out.push(inFence ? `    ${line}` : inlineToText(line));
  }
  return out.join("\n").trim();
}
function firstParagraphText(markdown) {
  const [first = ""] = markdown.trim().split(/\n\s*\n/);
  return markdownToText(first);
}
function inlineToText(line) {
  return line.replace(/^#{1,6}\s+/, "").replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, (_whole, text, url) => url.startsWith("#") ? text : `${text} (${url})`).replace(/\*\*([^*]+)\*\*/g, "$1").replace(/`([^`]*)`/g, "$1");
}

// src/report/archive-location.ts
function onRealFile(finding) {
  const inside2 = splitZipPath(finding.file);
  if (inside2 === void 0) return finding;
  const { endLine: _endLine, endColumn: _endColumn, ...rest } = finding;
  return {
    ...rest,
    file: inside2.zip,
    line: 1,
    column: 1,
    message: `${inside2.entry} (line ${finding.line}, column ${finding.column}) in ${inside2.zip}: ${finding.message}`
  };
}

// src/report/sarif.ts
var SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";
var SRCROOT = "%SRCROOT%";
var FINGERPRINT_KEY = "cuaGuardFindingHash/v3";
function sarifLevel(severity) {
  return severity === "notice" ? "note" : severity;
}
function formatSarif(report2, options) {
  return `${JSON.stringify(buildSarif(report2, options), null, 2)}
`;
}
function findingFingerprinter(options) {
  const identify = findingIdentity(stablePointers(options.readFile), options.secrets ?? []);
  const seen = /* @__PURE__ */ new Map();
  return (finding) => {
    const base = findingHash(identify(finding));
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    return `${base}:${occurrence}`;
  };
}
function buildSarif(report2, options) {
  const ruleIndex = new Map(options.rules.map((rule, index) => [rule.meta.id, index]));
  const fingerprint = findingFingerprinter(options);
  const results = [];
  for (const file of report2.files) {
    for (const finding of file.findings) {
      const index = ruleIndex.get(finding.ruleId);
      if (index === void 0) continue;
      results.push(toResult(finding, index, fingerprint(finding)));
    }
  }
  const problems = report2.problems ?? [];
  const run = {
    tool: {
      driver: {
        name: TOOL_NAME,
        version: TOOL_VERSION,
        semanticVersion: TOOL_VERSION,
        informationUri: REPOSITORY_URL,
        rules: options.rules.map(({ meta }) => toRule(meta))
      }
    },
    ...options.workspaceRoot ? { originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.workspaceRoot) } } } : {},
    columnKind: "utf16CodeUnits",
    invocations: [
      {
        executionSuccessful: (options.outcome?.complete ?? true) && !report2.files.some((f) => f.findings.some((x2) => x2.internalError)),
        ...options.outcome ? { exitCode: options.outcome.exitCode } : {},
        ...problems.length > 0 ? { toolExecutionNotifications: problems.map((p) => ({ level: "warning", message: { text: p.message } })) } : {}
      }
    ],
    results
  };
  return { $schema: SARIF_SCHEMA_URI, version: "2.1.0", runs: [run] };
}
function toRule(meta) {
  const docsUrl = ruleDocsUrl(meta);
  const level = sarifLevel(meta.defaultSeverity);
  const help = absoluteAnchors(meta.help, RULE_DOCS_BASE);
  return {
    id: meta.id,
    name: meta.name,
    shortDescription: { text: meta.description },
    fullDescription: { text: firstParagraphText(help) },
    help: {
      text: `${markdownToText(help)}

Documentation: ${docsUrl}`,
      markdown: `${help}

[Documentation](${docsUrl})`
    },
    helpUri: docsUrl,
    defaultConfiguration: { level },
    properties: {
      tags: ["azure", "arm-template", "customer-usage-attribution"],
      precision: meta.precision,
      "problem.severity": level === "note" ? "recommendation" : level
    }
  };
}
function toResult(found, ruleIndex, fingerprint) {
  const finding = onRealFile(found);
  const region = { startLine: finding.line, startColumn: finding.column };
  if (finding.endLine !== void 0 && finding.endColumn !== void 0 && isAfterStart(finding)) {
    region.endLine = finding.endLine;
    region.endColumn = finding.endColumn;
  }
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(finding.file), uriBaseId: SRCROOT }, region } }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    ...finding.suppressed ? { suppressions: [{ kind: "inSource", justification: finding.suppressed.reason }] } : {},
    properties: { messageId: finding.messageId, ...finding.internalError ? { internalError: true } : {} }
  };
}
function isAfterStart(finding) {
  const endLine = finding.endLine ?? finding.line;
  const endColumn = finding.endColumn ?? finding.column;
  return endLine > finding.line || endLine === finding.line && endColumn >= finding.column;
}
function stablePointers(readFile) {
  const documents = /* @__PURE__ */ new Map();
  return (file, pointer) => {
    if (!readFile || pointer === void 0 || !/\/resources\/\d/.test(pointer)) return pointer;
    if (!documents.has(file)) {
      const text = readFile(file);
      const parsed = text === void 0 ? void 0 : parseTemplateText(text);
      documents.set(file, parsed?.ok ? parsed.value : void 0);
    }
    const document = documents.get(file);
    return document === void 0 ? pointer : resourcePointer(document, pointer);
  };
}
function resourcePointer(document, pointer) {
  const segments = pointer.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  let node = document;
  let previous;
  const out = [];
  for (const segment of segments) {
    const container = node;
    node = Array.isArray(container) ? container[Number(segment)] : isRecord(container) ? container[segment] : void 0;
    const named2 = previous === "resources" && Array.isArray(container) && isRecord(node) ? resourceLabel(node) : void 0;
    out.push(named2 ?? segment.replace(/~/g, "~0").replace(/\//g, "~1"));
    previous = segment;
  }
  return `/${out.join("/")}`;
}
function resourceLabel(resource) {
  const type = resource["type"];
  const name = resource["name"];
  if (typeof type !== "string" || name === void 0) return void 0;
  return `{${type.toLowerCase()}:${typeof name === "string" ? name : JSON.stringify(name)}}`.replace(/~/g, "~0").replace(/\//g, "~1");
}
var POSITION_KEYS = /* @__PURE__ */ new Set(["line", "column", "endLine", "endColumn", "offset", "character"]);
function findingIdentity(stablePointer, secrets) {
  const mask = (value) => secrets.reduce((text, secret) => secret === "" ? text : text.split(secret).join("***"), value);
  return (finding) => ({
    ruleId: finding.ruleId,
    file: finding.file,
    jsonPointer: stablePointer(finding.file, finding.jsonPointer) ?? "",
    messageId: finding.messageId,
    data: Object.entries(finding.data ?? {}).filter(([key2]) => !POSITION_KEYS.has(key2)).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(
      ([key2, value]) => `${key2}=${mask(typeof value === "string" && value.startsWith("/resources/") ? stablePointer(finding.file, value) ?? value : String(value))}`
    ).join("\n")
  });
}
function findingHash(input) {
  const text = [input.ruleId, input.file, input.jsonPointer, input.messageId, input.data].join("\0");
  return process.getBuiltinModule("node:crypto").createHash("sha256").update(text).digest("hex").slice(0, 32);
}
function fileUri(file) {
  return file.split("/").map(encodeURIComponent).join("/");
}
function directoryUri(path) {
  const url = pathToFileURL(path).href;
  return url.endsWith("/") ? url : `${url}/`;
}

// src/report/azure-pipelines.ts
function escapeData(text) {
  return text.replace(/%/g, "%AZP25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/;/g, "%3B").replace(/\]/g, "%5D");
}
function command(name, properties, message) {
  const props = Object.entries(properties).map(([key2, value]) => `${key2}=${escapeProperty(String(value))}`).join(";");
  return `##vso[${name} ${props};]${escapeData(message)}`;
}
function issue(finding, workspaceRoot) {
  const type = finding.severity === "error" ? "error" : "warning";
  return command(
    "task.logissue",
    { type, sourcepath: join(workspaceRoot, finding.file), linenumber: finding.line, columnnumber: finding.column, code: finding.ruleId },
    finding.message
  );
}
function formatAzurePipelines(report2, options) {
  const lines = [];
  for (const problem of report2.problems ?? []) lines.push(command("task.logissue", { type: "warning" }, `cua-guard: ${problem.message}`));
  for (const file of report2.files) {
    for (const finding of file.findings) {
      if (finding.suppressed) continue;
      if (finding.severity === "notice") lines.push(plainLine(`${finding.file}:${finding.line}:${finding.column} notice ${finding.ruleId} ${finding.message}`));
      else lines.push(issue(finding, options.workspaceRoot));
    }
  }
  lines.push(countsLine(report2));
  if (options.failed) lines.push(command("task.complete", { result: "Failed" }, "cua-guard found problems"));
  return `${lines.join("\n")}
`;
}
function plainLine(text) {
  return escapeData(text).replace(/##vso\[/gi, (match) => `${match.slice(0, -1)}%5B`);
}

// src/report/gitlab.ts
var SEVERITY = { error: "major", warning: "minor", notice: "info" };
function buildCodeQuality(report2, options) {
  const fingerprint = findingFingerprinter(options);
  const issues = [];
  for (const file of report2.files) {
    for (const finding of file.findings) {
      const id = fingerprint(finding);
      if (finding.suppressed) continue;
      issues.push({
        description: `${finding.ruleId}: ${finding.message}`,
        check_name: finding.ruleId,
        fingerprint: id,
        severity: SEVERITY[finding.severity],
        location: { path: finding.file, lines: { begin: finding.line } }
      });
    }
  }
  return issues;
}
function formatGitLab(report2, options) {
  return `${JSON.stringify(buildCodeQuality(report2, options), null, 2)}
`;
}

// src/report/fix-notes.ts
function formatFixNote(note) {
  switch (note.kind) {
    case "unreadable":
      return `not changed: ${note.message}`;
    case "invalid-json":
      return `not changed: the file is not valid JSON (${note.message})`;
    case "not-a-template":
      return `not changed: it is not a deployment template (${note.shape})`;
    case "linked-template":
      return `left alone: it is a linked template of ${note.parent}, which is where a tracking deployment belongs`;
    case "suppressed":
      return `left alone: ${where(note.finding)} ${note.finding.ruleId} ${note.finding.message} (${note.finding.ruleId} is suppressed on this resource: ${note.finding.suppressed?.reason ?? "no reason given"})`;
    case "left-alone":
      return `left alone: ${where(note.finding)} ${note.finding.severity} ${note.finding.ruleId} ${note.finding.message} (not fixed: ${note.reason})`;
    case "still-reported":
      return `still reported: ${where(note.finding)} ${note.finding.severity} ${note.finding.ruleId} ${note.finding.message}${note.reason ? ` (not fixed: ${note.reason})` : ""}`;
  }
}
function where(finding) {
  return `${finding.file}:${finding.line}:${finding.column}`;
}

// src/settings/usage-error.ts
var UsageError = class extends Error {
  name = "UsageError";
  /** A brand rather than `instanceof`: lazily loaded bundles carry their own copy of this class. */
  isUsageError = true;
};
function isUsageError(error) {
  return error instanceof Error && error.isUsageError === true;
}

// src/settings/parse-options.ts
var LEVELS = ["error", "warning", "notice", "off"];
function splitList(raw) {
  const items2 = typeof raw === "string" ? [raw] : raw;
  return items2.flatMap((item) => item.split(/[\n,]/)).map((s) => s.trim()).filter((s) => s !== "" && !s.startsWith("#"));
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
    if (!findRule(id)) throw new UsageError(`unknown rule '${id}' in '${entry}' (known: ${RULES.map((r) => r.meta.id).join(", ")})`);
    if (!LEVELS.includes(level)) throw new UsageError(`unknown severity '${match[2]}' in '${entry}' (use ${LEVELS.join(", ")})`);
    severities[id] = level;
  }
  return severities;
}
function parseTrackingIds(entries) {
  return entries.map((entry) => {
    const id = normalizeTrackingId(entry);
    const placeholder = placeholderIn([entry]);
    if (placeholder !== void 0)
      throw new UsageError(`tracking id '${entry}' is a placeholder ('${placeholder}'); give the id Partner Center shows for the offer`);
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

// src/app/cli/help.ts
var COMMON_HELP = `      --tracking-id ID[,ID\u2026]      registered tracking ids (GUIDs, with or without pid-); repeatable
                                  or comma-separated; fix inserts the first one
      --rule ID=SEVERITY[,\u2026]      change a rule's severity: error, warning, notice or off; repeatable
                                  or comma-separated
      --strict-names              forbid a suffix after the GUID in tracking names
      --max-tracking-resources N  tracking deployments allowed per main template (default 1)
      --parameters FILE           parameters file, relative to each template
                                  (default: <template>.parameters.json beside it, when present)
      --workspace DIR             nothing outside DIR is read or written (default: the root of the git
                                  repository holding the paths, or the path itself outside git)
      --config FILE               configuration file (default: the nearest .cua-guard.json from each
                                  path up to the workspace root); the flags above override it
      --if-no-templates MODE      error (default: exit 2 and say what was found instead), warn or ignore
      --marketplace-packages MODE check (default: CUA001 is an error in Marketplace packages too) or
                                  partner-center-adds-id (CUA001 there is a notice: Partner Center adds the id on upload)
  -h, --help                      show this text`;
var PATHS_HELP = `Paths are files (checked whatever their name) or folders (searched for mainTemplate.json,
azuredeploy.json, prereq.azuredeploy.json, main.bicep, mainTemplate.bicep, azuredeploy.bicep);
default the current folder. Any path works, also outside the current folder.`;
var EXIT_HELP = `Exit codes: 0 no error-level finding (fix: none left), 1 findings at or above --fail-on or more
warnings than --max-warnings (fix: errors left to fix by hand), 2 usage error, a named path that is
missing, outside the workspace or holds no main template, invalid configuration, or internal error.`;
var CHECK_HELP = `Usage: cua-guard check [paths...] [options]

Checks customer usage attribution in ARM templates.

${PATHS_HELP}

Options:
  -f, --format FORMAT             text (default), json, sarif (SARIF 2.1.0 for code scanning),
                                  azure-pipelines (##vso logging commands), gitlab (Code Quality JSON)
  -o, --output-file FILE          write the report to FILE instead of standard output
      --fail-on error|warning|never   which findings make the exit code 1 (default error)
      --max-warnings N            exit 1 when there are more than N warnings
      --quiet                     report errors only
      --color, --no-color         colours or none (default: colours on a terminal, unless NO_COLOR is set)
${COMMON_HELP}

${EXIT_HELP}
`;
var FIX_HELP = `Usage: cua-guard fix [paths...] [options]

Repairs what is certainly wrong: inserts a missing tracking deployment, sets mode Incremental,
fixes a malformed name, \u2026 Each file is rewritten in place.

${PATHS_HELP}

Options:
      --dry-run                   print a unified diff (for git apply) instead of writing the files
      --check                     write nothing; exit 1 when fix would change a file (for CI), else 0
${COMMON_HELP}

${EXIT_HELP}
`;
var NEW_ID_HELP = `Usage: cua-guard new-id [--scope SCOPE]

Prints a fresh tracking GUID and the tracking resource to paste into a main template. For a
Marketplace offer, use the tracking GUID shown on the plan's Technical configuration page in
Partner Center instead; for other uses, register the GUID this prints.

Options:
      --scope resourceGroup|subscription|managementGroup|tenant   shape of the snippet (default resourceGroup)
  -h, --help                      show this text
`;
var HELP = `cua-guard: checks Azure customer usage attribution (pid- tracking deployments) in ARM templates

Usage:
  cua-guard check [paths...] [options]   check main templates (files, or folders searched for
                                         mainTemplate.json, azuredeploy.json, main.bicep, \u2026)
  cua-guard fix [paths...] [options]     repair what is certainly wrong: insert a missing tracking
                                         deployment, set mode Incremental, fix a malformed name, \u2026
  cua-guard new-id [--scope SCOPE]       print a fresh tracking GUID and the resource to paste
  cua-guard help [command]               show this text, or a command's options
  cua-guard --version

Examples:
  npx cua-guard check .                  every main template in this folder and below
  npx cua-guard check ~/src/offer -f sarif -o cua-guard.sarif
  npx cua-guard fix --tracking-id <GUID> --dry-run | git apply

Run 'cua-guard <command> --help' for the options of a command.

${EXIT_HELP}

${rulesHelp(RULES.map((rule) => rule.meta))}`;
function rulesHelp(rules) {
  const width = 100;
  const indent = "        ";
  const nameWidth = Math.max(...rules.map((rule) => rule.name.length));
  const lines = ['Rules (default severity; change it with --rule ID=SEVERITY or "rules" in .cua-guard.json):'];
  for (const rule of rules) {
    lines.push(`  ${rule.id}  ${rule.name.padEnd(nameWidth)}  ${rule.defaultSeverity}`);
    lines.push(...wrap(rule.description, width - indent.length).map((line) => `${indent}${line}`));
  }
  return `${lines.join("\n")}
`;
}
function wrap(text, width) {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines;
}

// builtin:node:util
var m4 = process.getBuiltinModule("node:util");
var parseArgs = /* @__PURE__ */ (() => m4.parseArgs)();

// src/app/cli/arguments.ts
function parseCommandArgs(command2, args, options) {
  rejectUnknownOptions(command2, args, options);
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
    throw new UsageError(`${message.replace(/\.$/, "")} (see 'cua-guard ${command2} --help')`);
  }
}
function rejectUnknownOptions(command2, args, options) {
  const longNames = Object.keys(options).map((name) => `--${name}`);
  const shortNames = Object.values(options).flatMap((o) => o.short ? [`-${o.short}`] : []);
  for (const arg of args) {
    if (arg === "--") return;
    if (!arg.startsWith("-") || arg === "-") continue;
    const flag = arg.startsWith("--") ? arg.split("=")[0] ?? arg : arg.slice(0, 2);
    if (longNames.includes(flag) || shortNames.includes(flag)) continue;
    const suggestion2 = closest(flag, longNames);
    throw new UsageError(`unknown option '${flag}' for ${command2}${suggestion2 ? `: did you mean '${suggestion2}'?` : ""} (see 'cua-guard ${command2} --help')`);
  }
}
function closest(word, candidates) {
  let best;
  for (const name of candidates) {
    const distance = editDistance2(word.toLowerCase(), name.toLowerCase());
    if (best === void 0 || distance < best.distance) best = { name, distance };
  }
  if (best === void 0) return void 0;
  const prefix = word.length >= 4 && best.name.startsWith(word);
  return prefix || best.distance <= Math.max(1, Math.floor(best.name.length / 3)) ? best.name : void 0;
}
function editDistance2(a, b) {
  const rows = [];
  for (let i2 = 0; i2 <= a.length; i2++) {
    const row = [i2];
    for (let j = 1; j <= b.length; j++) {
      if (i2 === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i2 - 1];
      const cost = a[i2 - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i2 > 1 && j > 1 && a[i2 - 1] === b[j - 2] && a[i2 - 2] === b[j - 1]) value = Math.min(value, (rows[i2 - 2]?.[j - 2] ?? 0) + 1);
      row.push(value);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

// src/settings/config-types.ts
var CONFIG_FILE_NAME = ".cua-guard.json";

// src/workspace/git-remote.ts
function originRepository(workspace) {
  const read = readWorkspaceFile(workspace, ".git/config", 1024 * 1024);
  if (!read.ok) return void 0;
  const url = originUrl(read.text);
  return url === void 0 ? void 0 : githubRepositoryOf(url);
}
function originUrl(config) {
  let inOrigin = false;
  for (const raw of config.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("[")) {
      inOrigin = /^\[\s*remote\s+"origin"\s*\]$/i.test(line);
      continue;
    }
    if (!inOrigin) continue;
    const match = /^url\s*=\s*(.+)$/i.exec(line);
    if (match?.[1]) return match[1].trim().replace(/^"(.*)"$/, "$1");
  }
  return void 0;
}
function githubRepositoryOf(url) {
  const match = /^(?:https?:\/\/(?:[^@/]+@)?github\.com\/|ssh:\/\/git@github\.com\/|git@github\.com:)([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/i.exec(
    url
  );
  return match ? `${match[1]}/${match[2]}` : void 0;
}

// src/settings/config-error.ts
var ConfigError = class extends UsageError {
  file;
  problems;
  constructor(file, problems) {
    super(
      problems.length === 1 ? `invalid configuration: ${formatProblem(file, problems[0])}` : `invalid configuration, ${problems.length} problems:
${problems.map((p) => `  ${formatProblem(file, p)}`).join("\n")}`
    );
    this.file = file;
    this.problems = problems;
  }
};
function formatProblem(file, problem) {
  return `${file}:${problem.line}:${problem.column}: ${problem.message}`;
}

// src/settings/load-config.ts
async function loadConfiguration(location) {
  const explicit = location.explicit?.trim() ?? "";
  const candidates = explicit !== "" ? [explicitPath(location, explicit)] : defaultPaths(location.searchFrom ?? "");
  for (const relPath of candidates) {
    const read = readWorkspaceFile(location.workspace, relPath);
    if (!read.ok) {
      if (read.code === "ENOENT" || read.code === "ENOTDIR") {
        if (explicit === "") continue;
        throw new UsageError(`configuration file '${explicit}' does not exist`);
      }
      throw new ConfigError(relPath, [{ line: 1, column: 1, message: `cannot read the configuration: ${read.message}` }]);
    }
    const text = read.text;
    const { validateConfiguration } = await import("./lazy-settings-validate-config.js");
    return {
      path: resolve(location.workspace.root, relPath),
      displayPath: relPath,
      folder: explicit !== "" ? "" : posix.dirname(relPath).replace(/^\.$/, ""),
      config: validateConfiguration(parseConfigText(text, relPath), text, relPath)
    };
  }
  return void 0;
}
function defaultPaths(folder) {
  const paths = [];
  for (let current = folder; current !== "" && current !== "."; current = posix.dirname(current)) {
    paths.push(`${current}/${CONFIG_FILE_NAME}`);
  }
  return [...paths, CONFIG_FILE_NAME];
}
function explicitPath(location, explicit) {
  const base = location.baseDir === void 0 ? location.workspace.root : realBase(location.baseDir);
  const rel = workspaceRelative(location.workspace, resolve(base, explicit));
  if (rel === void 0 || rel === "") throw new UsageError(`configuration file '${explicit}' is outside the workspace and was not read`);
  return rel;
}
function realBase(dir) {
  try {
    return realpathSync.native(dir);
  } catch {
    return isAbsolute(dir) ? dir : resolve(dir);
  }
}
function parseConfigText(text, displayPath) {
  const errors = [];
  const tree = parseTree2(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  if (errors.length > 0 || tree === void 0) {
    const lines = new LineIndex(text);
    const problems = (errors.length > 0 ? errors : [{ error: 0, offset: 0, length: 0 }]).slice(0, 5).map((e) => {
      const at = lines.positionAt(e.offset);
      const words = errors.length > 0 ? printParseErrorCode(e.error).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase() : "the file is empty";
      return { ...at, message: `not valid JSON: ${words}` };
    });
    throw new ConfigError(displayPath, problems);
  }
  return { tree, value: getNodeValue2(tree) };
}

// src/settings/resolve-config.ts
var import_picomatch2 = __toESM(require_picomatch2(), 1);

// src/engine/check-settings.ts
var DEFAULT_CHECK_SETTINGS = {
  severities: {},
  trackingIds: [],
  strictNames: false,
  maxTrackingResources: 1,
  followLinks: true,
  marketplacePackages: "check"
};

// src/settings/resolve-config.ts
function resolveSettings(config, explicit = {}, folder = "") {
  const fromConfig = config ? configLayer(config) : {};
  const base = applyLayers(DEFAULT_CHECK_SETTINGS, [fromConfig, explicit]);
  const overrides = (config?.overrides ?? []).map((o) => ({ matches: globMatcher(o.files.map((glob) => anchorGlob(glob, folder))), layer: configLayer(o) }));
  const cache = /* @__PURE__ */ new Map();
  return {
    base,
    settingsFor(file) {
      const matching = overrides.filter((o) => o.matches(file));
      if (matching.length === 0) return base;
      let settings = cache.get(file);
      if (!settings) {
        settings = applyLayers(DEFAULT_CHECK_SETTINGS, [fromConfig, ...matching.map((o) => o.layer), explicit]);
        cache.set(file, settings);
      }
      return settings;
    },
    patterns(templates = []) {
      const include = templates.length > 0 ? [...templates] : config?.include?.length ? config.include.map((glob) => anchorGlob(glob, folder)) : [];
      const exclude = (config?.exclude ?? []).map((glob) => `!${anchorGlob(glob.replace(/^!/, ""), folder)}`);
      if (include.length === 0 && exclude.length === 0) return [];
      return [...include.length > 0 ? include : DEFAULT_TEMPLATE_PATTERNS, ...exclude];
    }
  };
}
function anchorGlob(glob, folder) {
  if (folder === "") return glob;
  const body = glob.trim().replace(/\\/g, "/").replace(/^(\.\/)+/, "");
  return body.includes("/") ? `${folder}/${body}` : `${folder}/**/${body}`;
}
function applyLayers(start, layers) {
  let settings = start;
  for (const layer of layers) {
    settings = {
      ...settings,
      ...layer.severities ? { severities: { ...settings.severities, ...layer.severities } } : {},
      ...layer.trackingIds ? { trackingIds: [...layer.trackingIds] } : {},
      ...layer.strictNames !== void 0 ? { strictNames: layer.strictNames } : {},
      ...layer.maxTrackingResources !== void 0 ? { maxTrackingResources: layer.maxTrackingResources } : {},
      ...layer.marketplacePackages !== void 0 ? { marketplacePackages: layer.marketplacePackages } : {}
    };
  }
  return settings;
}
function configLayer(source) {
  return {
    ...source.rules ? { severities: source.rules } : {},
    // The schema already checked each id; normalizing makes `pid-` and case not matter.
    ...source.trackingIds ? { trackingIds: source.trackingIds.map((id) => normalizeTrackingId(id) ?? id) } : {},
    ...source.strictNames !== void 0 ? { strictNames: source.strictNames } : {},
    ...source.maxTrackingResources !== void 0 ? { maxTrackingResources: source.maxTrackingResources } : {},
    ...source.marketplacePackages !== void 0 ? { marketplacePackages: source.marketplacePackages } : {}
  };
}
function globMatcher(globs) {
  const normalized = globs.map((g) => {
    const body = g.trim().replace(/\\/g, "/").replace(/^\.\//, "");
    return body.includes("/") ? body : `**/${body}`;
  });
  return normalized.length > 0 ? (0, import_picomatch2.default)(normalized, { nocase: true, dot: true }) : () => false;
}

// src/settings/verify-settings.ts
var VERIFY_MODES = ["none", "validate", "what-if", "deploy", "existing"];
var CLEANUP_POLICIES = ["always", "on-success", "never"];
var SCOPE_KINDS2 = ["resourcegroup", "subscription", "managementgroup", "tenant"];
var CLOUD_NAMES = ["AzureCloud", "AzureUSGovernment", "AzureChinaCloud"];
var DEPLOYMENT_NAME = /^[A-Za-z0-9\-._()]{1,64}$/;
var DEFAULT_TIMEOUT_MINUTES = 60;
function parseVerifySettings(inputs) {
  const read = (name) => (inputs[name] ?? "").trim();
  const rawMode = read("verify");
  if (rawMode.toLowerCase() === "none" || rawMode === "") throw new UsageError("verify is none: there is nothing to verify in Azure");
  const mode = parseChoice(
    rawMode,
    "verify",
    VERIFY_MODES.filter((m5) => m5 !== "none"),
    "deploy"
  );
  const scope = parseScope(read);
  const region = read("region") || void 0;
  const deploymentName = read("deployment-name") || void 0;
  const createResourceGroup = parseBoolean(read("create-resource-group"), "create-resource-group", false);
  if (deploymentName !== void 0 && !DEPLOYMENT_NAME.test(deploymentName)) {
    throw new UsageError(`deployment-name '${deploymentName}' is not a valid deployment name (1-64 letters, digits and -._())`);
  }
  if (mode === "existing" && deploymentName === void 0) {
    throw new UsageError("verify: existing needs deployment-name: the name of the deployment that already ran (for azure/arm-deploy, its deploymentName)");
  }
  if (mode === "existing" && createResourceGroup) {
    throw new UsageError("create-resource-group cannot be used with verify: existing, which only reads a deployment that already ran");
  }
  if (createResourceGroup && scope.kind !== "resourceGroup") {
    throw new UsageError("create-resource-group is only for scope: resourcegroup");
  }
  if (createResourceGroup && region === void 0) {
    throw new UsageError("create-resource-group needs region: the location of the new resource group");
  }
  if (mode !== "existing" && scope.kind !== "resourceGroup" && region === void 0) {
    throw new UsageError(`scope: ${scopeInputName(scope)} needs region: ARM stores deployments above resource-group scope in a location`);
  }
  const clientId = read("client-id") || void 0;
  const tenantId = read("tenant-id") || void 0;
  if (clientId === void 0 !== (tenantId === void 0)) {
    throw new UsageError("client-id and tenant-id go together: give both for OpenID Connect login, or neither to use azure/login or AZURE_* variables");
  }
  if (clientId !== void 0 && !isGuid(clientId)) throw new UsageError(`client-id '${clientId}' is not a GUID`);
  return {
    mode,
    scope,
    ...region !== void 0 ? { region } : {},
    ...deploymentName !== void 0 ? { deploymentName } : {},
    parameters: parseParametersInput(inputs.parameters ?? ""),
    createResourceGroup,
    cleanup: parseChoice(read("cleanup"), "cleanup", CLEANUP_POLICIES, "always"),
    timeoutMs: parseTimeoutMinutes(read("timeout-minutes")) * 6e4,
    environment: parseEnvironment(read("environment")),
    ...parseEndpoint(read("resource-manager-endpoint")),
    ...parseApiProfile(read("api-profile")),
    ...clientId !== void 0 ? { clientId } : {},
    ...tenantId !== void 0 ? { tenantId } : {}
  };
}
function parseScope(read) {
  const kind = parseChoice(read("scope"), "scope", SCOPE_KINDS2, "resourcegroup");
  const subscriptionId = read("subscription-id");
  const resourceGroup = read("resource-group");
  const managementGroupId = read("management-group-id");
  const refuse = (input, value) => {
    if (value !== "") throw new UsageError(`${input} is not used with scope: ${kind}; remove it or change scope`);
  };
  const needSubscription = () => {
    if (subscriptionId === "") throw new UsageError(`scope: ${kind} needs subscription-id`);
    if (!isGuid(subscriptionId)) throw new UsageError(`subscription-id '${subscriptionId}' is not a GUID`);
    return subscriptionId;
  };
  switch (kind) {
    case "resourcegroup": {
      refuse("management-group-id", managementGroupId);
      const sub = needSubscription();
      if (resourceGroup === "") throw new UsageError("scope: resourcegroup needs resource-group");
      if (!/^[-\w._()]{1,90}$/u.test(resourceGroup) || resourceGroup.endsWith(".")) {
        throw new UsageError(`resource-group '${resourceGroup}' is not a valid resource group name`);
      }
      return { kind: "resourceGroup", subscriptionId: sub, resourceGroup };
    }
    case "subscription":
      refuse("resource-group", resourceGroup);
      refuse("management-group-id", managementGroupId);
      return { kind: "subscription", subscriptionId: needSubscription() };
    case "managementgroup":
      refuse("resource-group", resourceGroup);
      refuse("subscription-id", subscriptionId);
      if (managementGroupId === "") throw new UsageError("scope: managementgroup needs management-group-id");
      return { kind: "managementGroup", managementGroupId };
    case "tenant":
      refuse("resource-group", resourceGroup);
      refuse("subscription-id", subscriptionId);
      refuse("management-group-id", managementGroupId);
      return { kind: "tenant" };
  }
}
function scopeInputName(scope) {
  return scope.kind.toLowerCase();
}
function parseTimeoutMinutes(raw) {
  if (raw === "") return DEFAULT_TIMEOUT_MINUTES;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !(value > 0) || value > 24 * 60) {
    throw new UsageError(`timeout-minutes must be a number of minutes above 0 and at most 1440, not '${raw}'`);
  }
  return value;
}
function parseEnvironment(raw) {
  if (raw === "") return "AzureCloud";
  const match = CLOUD_NAMES.find((name) => name.toLowerCase() === raw.toLowerCase());
  if (match) return match;
  if (raw.toLowerCase() === "azurestack") {
    throw new UsageError("environment: AzureStack needs resource-manager-endpoint (your Azure Stack Hub ARM endpoint) instead");
  }
  throw new UsageError(`environment must be one of ${CLOUD_NAMES.join(", ")}, not '${raw}' (for Azure Stack Hub set resource-manager-endpoint)`);
}
var API_PROFILE_NAMES = ["2020-09-01-hybrid"];
function parseApiProfile(raw) {
  if (raw === "" || raw.toLowerCase() === "latest") return {};
  const match = API_PROFILE_NAMES.find((name) => name === raw.toLowerCase());
  if (!match) throw new UsageError(`api-profile must be ${API_PROFILE_NAMES.join(" or ")} (or latest), not '${raw}'`);
  return { apiProfile: match };
}
function parseEndpoint(raw) {
  if (raw === "") return {};
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`resource-manager-endpoint '${raw}' is not a URL`);
  }
  if (url.protocol !== "https:") throw new UsageError("resource-manager-endpoint must be an https URL (trust a private CA with NODE_EXTRA_CA_CERTS)");
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new UsageError("resource-manager-endpoint must be a plain https URL without query, fragment or credentials");
  }
  return { resourceManagerEndpoint: url.href.replace(/\/+$/, "") };
}
function parseParametersInput(raw) {
  const text = raw.trim();
  if (text === "") return { kind: "none" };
  if (!text.startsWith("{")) return { kind: "file", path: text };
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`parameters looks like inline JSON but does not parse: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { kind: "inline", values: normalizeParameters(value, "the parameters input") };
}
function normalizeParameters(value, source) {
  if (!isRecord(value)) throw new UsageError(`${source} must be a JSON object`);
  const body = isRecord(value["parameters"]) && ("$schema" in value || "contentVersion" in value || Object.keys(value).length === 1) ? value["parameters"] : value;
  const result = {};
  for (const [name, entry] of Object.entries(body)) {
    if (name === "$schema" || name === "contentVersion") continue;
    result[name] = isWrapped(entry) ? entry : { value: entry };
  }
  return result;
}
var WRAPPER_KEYS = /* @__PURE__ */ new Set(["value", "reference", "expression", "metadata"]);
function isWrapped(entry) {
  if (!isRecord(entry)) return false;
  const keys = Object.keys(entry);
  return keys.length > 0 && keys.every((k) => WRAPPER_KEYS.has(k)) && ("value" in entry || "reference" in entry || "expression" in entry);
}

// src/settings/run-settings.ts
var FAIL_ON = ["error", "warning", "never"];
var FIX_MODES = ["none", "suggest"];
var REPORT_FORMATS = ["text", "json", "sarif", "azure-pipelines", "gitlab"];
var MARKETPLACE_PACKAGES = ["check", "partner-center-adds-id"];
var IF_NO_TEMPLATES = ["error", "warn", "ignore"];
async function buildRunSettings(raw) {
  const label = (name) => raw.front === "cli" ? `--${name}` : name;
  if (raw.front === "action" && !raw.workspace) {
    throw new UsageError("GITHUB_WORKSPACE is not set: run cua-guard as a step of a GitHub Actions job, or use the CLI");
  }
  const verification = verificationOf(raw);
  const explicit = explicitLayer(raw);
  const failOn = parseChoice(raw.failOn ?? "", label("fail-on"), FAIL_ON, "error");
  const format3 = parseChoice(raw.format ?? "", label("format"), REPORT_FORMATS, "text");
  const checks = parseBoolean(raw.checks ?? "", "checks", false);
  const onlyChanged = parseBoolean(raw.onlyChanged ?? "", "only-changed", false);
  const fix = parseChoice(raw.fix ?? "", "fix", FIX_MODES, "none");
  const workspace = openRunWorkspace(raw);
  const root = raw.front === "action" ? resolve(raw.workspace ?? "") : workspace.root;
  const config = await loadConfiguration({
    workspace,
    ...raw.config?.trim() ? { explicit: raw.config } : {},
    ...raw.front === "cli" && raw.cwd ? { baseDir: raw.cwd } : {},
    ...raw.configSearchFrom ? { searchFrom: raw.configSearchFrom } : {}
  });
  const resolved = resolveSettings(config?.config, explicit, config?.folder ?? "");
  const parameters = raw.parameters?.trim() ?? "";
  const sarifFile = raw.sarifFile?.trim() ?? "";
  const tempDir = raw.tempDir || root;
  const ifNoTemplates = parseChoice(raw.ifNoTemplates?.trim() || config?.config.ifNoTemplates || "", label("if-no-templates"), IF_NO_TEMPLATES, "error");
  const settings = {
    workspace: root,
    ...config ? { config } : {},
    check: resolved.base,
    settingsFor: resolved.settingsFor,
    patterns: resolved.patterns(splitLines(raw.templates ?? "")),
    // Inline JSON parameters are for verification deployments; the static check reads files only.
    ...parameters && !(raw.front === "action" && parameters.startsWith("{")) ? { parametersFile: parameters } : {},
    linkRoots: linkRootsOf(raw, workspace, config?.config.links),
    ifNoTemplates,
    failOn,
    format: format3,
    reportPath: resolve(root, raw.report?.trim() || join(tempDir, "cua-guard-report.json")),
    ...sarifFile ? { sarifPath: resolve(root, sarifFile) } : {},
    fixPatchPath: join(tempDir, "cua-guard-fix.patch"),
    tempDir: resolve(tempDir),
    fix,
    checks,
    token: raw.token?.trim() ?? "",
    onlyChanged,
    verification
  };
  return { settings, workspace };
}
function explicitLayer(raw) {
  const label = (name) => raw.front === "cli" ? `--${name}` : name;
  const rules = splitList(raw.rules ?? []);
  const trackingIds = splitList(raw.trackingIds ?? []);
  const strictNames = typeof raw.strictNames === "string" ? raw.strictNames.trim() : raw.strictNames;
  const maxTracking = raw.maxTrackingResources?.trim() ?? "";
  const marketplace = raw.marketplacePackages?.trim() ?? "";
  return {
    ...marketplace !== "" ? { marketplacePackages: parseChoice(marketplace, label("marketplace-packages"), MARKETPLACE_PACKAGES, "check") } : {},
    ...rules.length > 0 ? { severities: parseRuleSeverities(rules) } : {},
    ...trackingIds.length > 0 ? { trackingIds: parseTrackingIds(trackingIds) } : {},
    ...typeof strictNames === "boolean" ? { strictNames } : strictNames ? { strictNames: parseBoolean(strictNames, label("strict-names"), false) } : {},
    ...maxTracking !== "" ? { maxTrackingResources: parsePositiveInteger(maxTracking, label("max-tracking-resources"), 1) } : {}
  };
}
function linkRootsOf(raw, workspace, links) {
  const repository = raw.repository?.trim() || (raw.front === "cli" ? originRepository(workspace) : void 0);
  const configured = Object.entries(links ?? {}).map(([prefix, folder]) => ({
    prefix: prefix.endsWith("/") ? prefix : `${prefix}/`,
    folder: folder.replace(/\\/g, "/").replace(/^(\.\/)+/, "").replace(/\/+$/, ""),
    ref: false
  }));
  return [...configured, ...repository ? githubLinkRoots(repository) : []];
}
function verificationOf(raw) {
  const mode = parseChoice(raw.verify?.verify ?? "", "verify", VERIFY_MODES, "none");
  if (mode === "none") return { kind: "none" };
  try {
    return { kind: "verify", settings: parseVerifySettings(raw.verify ?? {}) };
  } catch (error) {
    if (isUsageError(error)) return { kind: "invalid", error };
    throw error;
  }
}
function openRunWorkspace(raw) {
  const given = raw.workspace ?? raw.cwd ?? ".";
  if (raw.front === "action") {
    try {
      return openWorkspace(resolve(given));
    } catch {
      throw new UsageError(`GITHUB_WORKSPACE '${given}' does not exist or cannot be read: nothing can be checked`);
    }
  }
  try {
    return openWorkspace(resolve(raw.cwd ?? ".", given));
  } catch {
    throw new UsageError(`workspace '${given}' does not exist`);
  }
}

// src/workspace/boundary.ts
function createRealPath() {
  const known = /* @__PURE__ */ new Map();
  const realPath = (absolute) => {
    let entry = known.get(absolute);
    if (entry === void 0) {
      entry = findRealEntry(absolute, realPath);
      known.set(absolute, entry);
    }
    return entry;
  };
  return realPath;
}
function findRealEntry(absolute, realPath) {
  const folder = dirname(absolute);
  if (folder === absolute) return { path: absolute, isFolder: true };
  const inRealFolder = join(realPath(folder).path, basename(absolute));
  const entry = lstatSync(inRealFolder);
  if (!entry.isSymbolicLink()) return { path: inRealFolder, isFolder: entry.isDirectory() };
  const target = realpathSync.native(inRealFolder);
  return { path: target, isFolder: statSync(target).isDirectory() };
}
function workspaceBoundaries(paths, cwd2, realPath = createRealPath()) {
  const existingFolderOf = (absolute) => existingFolder(absolute, realPath);
  const gitRoots = /* @__PURE__ */ new Map();
  const here = existingFolderOf(resolve(cwd2));
  return paths.map((path) => {
    const start = existingFolderOf(resolve(cwd2, path));
    const gitRoot = gitRootAbove(start, gitRoots);
    if (gitRoot !== void 0) return gitRoot;
    return isInside(start, here) ? here : start;
  });
}
function isInside(path, folder) {
  const rel = relative(folder, path);
  return rel === "" || rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
function existingFolder(absolute, realPath) {
  let candidate = absolute;
  for (; ; ) {
    try {
      const real = realPath(candidate);
      return real.isFolder ? real.path : dirname(real.path);
    } catch {
      const parent = dirname(candidate);
      if (parent === candidate) return candidate;
      candidate = parent;
    }
  }
}
function gitRootAbove(folder, known) {
  const walked = [];
  let found;
  for (let current = folder; ; current = dirname(current)) {
    if (known.has(current)) {
      found = known.get(current);
      break;
    }
    walked.push(current);
    if (existsSync(join(current, ".git"))) {
      found = current;
      break;
    }
    if (dirname(current) === current) break;
  }
  for (const path of walked) known.set(path, found);
  return found;
}

// src/app/cli/cli-runs.ts
async function planCliRuns(raw, positionals, cwd2) {
  const pathsAreDefault = positionals.length === 0;
  const paths = pathsAreDefault ? [cwd2] : [...positionals];
  const realPath = createRealPath();
  const root = raw.workspace !== void 0 ? resolve(cwd2, raw.workspace) : commonBoundary(paths, cwd2, realPath);
  const withRoot = { ...raw, workspace: root };
  const boundary = { root: realFolder2(root) };
  const groups = /* @__PURE__ */ new Map();
  const nearest2 = /* @__PURE__ */ new Map();
  const built = /* @__PURE__ */ new Map();
  for (const path of raw.config?.trim() ? [] : paths) {
    const searchFrom = nearestConfigFolder(boundary.root, configSearchStart(boundary, resolve(cwd2, path), realPath) ?? "", nearest2);
    let preparing = built.get(searchFrom);
    if (preparing === void 0) {
      preparing = buildRunSettings({ ...withRoot, configSearchFrom: searchFrom });
      built.set(searchFrom, preparing);
    }
    const prepared = await preparing;
    const key2 = prepared.settings.config?.path ?? "";
    const group = groups.get(key2);
    if (group) group.paths.push(path);
    else groups.set(key2, { ...prepared, paths: [path] });
  }
  if (groups.size === 0) groups.set("", { ...await buildRunSettings(withRoot), paths });
  const ordered = [...groups.values()].sort((a, b) => depth(b) - depth(a));
  const realCwd = realFolder2(cwd2);
  const workspaceRoot = ordered[0]?.workspace.root ?? root;
  return {
    root: workspaceRoot,
    groups: ordered,
    pathsAreDefault,
    displayPath: (file) => relative(realCwd, resolve(workspaceRoot, file)).split(sep).join("/") || file
  };
}
function commonBoundary(paths, cwd2, realPath) {
  const roots = [...new Set(workspaceBoundaries(paths, cwd2, realPath))];
  if (roots.length > 1) {
    throw new UsageError(
      `the paths lie in different workspaces (${roots.join(", ")}): check each separately, or name a folder holding them all with --workspace`
    );
  }
  return roots[0] ?? resolve(cwd2);
}
function configSearchStart(workspace, path, realPath) {
  let absolute;
  try {
    const real = realPath(path);
    absolute = real.isFolder ? real.path : dirname(real.path);
  } catch {
    return void 0;
  }
  return workspaceRelative(workspace, absolute);
}
function nearestConfigFolder(root, folder, cache) {
  const known = cache.get(folder);
  if (known !== void 0) return known;
  let found = "";
  if (folder !== "" && folder !== ".") {
    found = entryExists(join(root, folder, CONFIG_FILE_NAME)) ? folder : nearestConfigFolder(root, parentFolder(folder), cache);
  }
  cache.set(folder, found);
  return found;
}
function parentFolder(folder) {
  const parent = posix.dirname(folder);
  return parent === "." ? "" : parent;
}
function entryExists(path) {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== void 0;
  } catch (error) {
    const code = error.code;
    return code !== "ENOENT" && code !== "ENOTDIR";
  }
}
function depth(group) {
  const folder = group.settings.config?.folder;
  return folder === void 0 ? -1 : folder === "" ? 0 : folder.split("/").length;
}
function realFolder2(folder) {
  try {
    return realpathSync.native(folder);
  } catch {
    return resolve(folder);
  }
}

// src/workspace/write-file.ts
var OutputError = class extends Error {
  name = "OutputError";
  isUsageError = true;
};
var CREATE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
function writeOutputFile(path, text, places) {
  named(path, () => writeOutput(path, text, places));
}
function writeOutput(path, text, places) {
  const root = places.roots.find((r) => inside(r, path) !== void 0);
  if (root === void 0) throw new OutputError(`'${path}' is outside the workspace and the runner's temporary folder: cua-guard writes nothing there`);
  const folder = makeFolders(root, dirname(path));
  const target = join(folder, basename(path));
  const check = () => {
    const existing = lstatOrUndefined(target);
    if (existing === void 0) return;
    refuseReplacing(path, existing);
    const identity = key(existing);
    for (const file of places.protectedFiles?.() ?? []) {
      const stat = statOrUndefined(file);
      if (stat !== void 0 && key(stat) === identity)
        throw new OutputError(`'${path}' is a file cua-guard checks: cua-guard does not write its reports over it`);
    }
  };
  check();
  writeAtomically(target, Buffer.from(text), { mode: 420, beforeRename: check });
}
function refuseReplacing(path, stat) {
  if (stat.isSymbolicLink()) throw new OutputError(`'${path}' is a symbolic link: cua-guard does not write through links`);
  if (!stat.isFile()) throw new OutputError(`'${path}' is not a regular file; it was not written`);
  if (stat.nlink > 1) throw new OutputError(`'${path}' has ${stat.nlink} hard links: writing it would change another file too, so it was not written`);
}
function makeFolders(root, folder) {
  let current = realpathSync.native(root);
  const rel = inside(root, folder) ?? "";
  for (const name of rel === "" ? [] : rel.split(sep)) {
    current = join(current, name);
    const stat = lstatOrUndefined(current);
    if (stat === void 0) {
      mkdirSync(current);
      continue;
    }
    if (stat.isSymbolicLink()) throw new OutputError(`'${current}' is a symbolic link: cua-guard does not write through links`);
    if (!stat.isDirectory()) throw new OutputError(`'${current}' is not a folder; nothing was written in it`);
  }
  return current;
}
function writeAtomically(target, content, options) {
  const temp = join(dirname(target), `.${basename(target)}.cua-guard-${temporarySuffix()}.tmp`);
  const fd2 = openSync(temp, CREATE_FLAGS, options.mode);
  try {
    try {
      let written = 0;
      while (written < content.length) written += writeSync(fd2, content, written, content.length - written);
      fsyncSync(fd2);
    } finally {
      closeSync(fd2);
    }
    options.beforeRename();
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
    }
    throw error;
  }
  syncFolder(dirname(target));
}
function syncFolder(folder) {
  try {
    const fd2 = openSync(folder, constants.O_RDONLY);
    try {
      fsyncSync(fd2);
    } finally {
      closeSync(fd2);
    }
  } catch {
  }
}
function inside(root, path) {
  const rel = relative(root, path);
  if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return void 0;
  return rel;
}
function key(stat) {
  return `${stat.dev}:${stat.ino}`;
}
function lstatOrUndefined(path) {
  try {
    return lstatSync(path);
  } catch {
    return void 0;
  }
}
function statOrUndefined(path) {
  try {
    return statSync(path);
  } catch {
    return void 0;
  }
}
function named(path, write) {
  try {
    return write();
  } catch (error) {
    if (error instanceof OutputError) throw error;
    const code = error.code ?? (error instanceof Error ? error.message : String(error));
    throw new OutputError(`cannot write '${path}' (${code}); it was left as it was`);
  }
}
function temporarySuffix() {
  return process.getBuiltinModule("node:crypto").randomBytes(6).toString("hex");
}

// src/app/cli/output-file.ts
function writeOutputFile2(path, text, context) {
  const cwd2 = realFolder3(context.cwd);
  const absolute = resolve(cwd2, path);
  const roots = [context.workspaceRoot, cwd2];
  if (!roots.some((root) => isInside2(root, absolute))) roots.push(nearestExistingFolder(dirname(absolute)));
  const read = context.report.files.flatMap((f) => [f.path, ...f.parametersFile ? [f.parametersFile] : [], ...f.linkedFiles]);
  writeOutputFile(absolute, text, { roots, protectedFiles: () => read.map((rel) => join(context.workspaceRoot, rel)) });
}
function isInside2(root, path) {
  const rel = relative(root, path);
  return rel === "" || rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
function nearestExistingFolder(folder) {
  for (let current = folder; ; current = dirname(current)) {
    try {
      return realpathSync.native(current);
    } catch {
      if (dirname(current) === current) return current;
    }
  }
}
function realFolder3(folder) {
  try {
    return realpathSync.native(folder);
  } catch {
    return resolve(folder);
  }
}

// src/app/cli/merge-groups.ts
function mergeGroupReports(groups) {
  const results = /* @__PURE__ */ new Map();
  const named2 = /* @__PURE__ */ new Set();
  for (const { report: report2, named: groupNamed } of groups) {
    for (const file of report2.files) if (!results.has(file.path)) results.set(file.path, file);
    for (const file of groupNamed) named2.add(file);
  }
  const sorted = [...results.values()].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const graph = sorted.filter((file) => templateKind(file.path) !== "terraform");
  const roles = templateRoles(
    graph.map((file) => ({ path: file.path, by: named2.has(file.path) ? "named" : "name" })),
    graph.map((file) => ({ file: file.path, linkTargets: file.linkTargets ?? file.linkedFiles }))
  );
  const files = sorted.filter((file) => templateKind(file.path) === "terraform" || roles.main.has(file.path));
  const mains = new Set(files.map((file) => file.path));
  const reached = new Set(files.flatMap((file) => file.linkedFiles));
  const linked = new Set(groups.flatMap(({ report: report2 }) => report2.linkedTemplates));
  for (const file of graph) if (!mains.has(file.path)) linked.add(file.path);
  const unreached = new Set(groups.flatMap(({ report: report2 }) => report2.unreachedTemplates).filter((file) => !mains.has(file)));
  for (const file of unreached) if (reached.has(file)) linked.add(file);
  const stillUnreached = [...unreached].filter((file) => !linked.has(file)).sort();
  const problems = groups.flatMap(({ report: report2 }) => report2.problems).filter((problem) => problem.kind !== "unreached" && problem.kind !== "unchecked-bicep");
  if (stillUnreached.length > 0) problems.push(unreachedProblem(stillUnreached));
  const uncheckedBicep2 = new Set(groups.flatMap(({ report: report2 }) => report2.problems.filter((p) => p.kind === "unchecked-bicep").flatMap((p) => p.files ?? [])));
  const stillUnchecked = [...uncheckedBicep2].filter((file) => !mains.has(file) && !reached.has(file) && !linked.has(file)).sort();
  if (stillUnchecked.length > 0 && files.length > 0) problems.push(uncheckedBicepProblem(stillUnchecked));
  const inventory = { byExtension: {}, otherJson: 0 };
  for (const { report: report2 } of groups) {
    for (const [extension, n] of Object.entries(report2.inventory.byExtension)) inventory.byExtension[extension] = (inventory.byExtension[extension] ?? 0) + n;
    inventory.otherJson += report2.inventory.otherJson;
  }
  return {
    tool: groups.at(-1)?.report.tool ?? { name: TOOL_NAME, version: TOOL_VERSION },
    files,
    counts: countFindings(files),
    problems: uniqueProblems(problems),
    linkedTemplates: [...linked].filter((file) => !mains.has(file)).sort(),
    unreachedTemplates: stillUnreached,
    inventory
  };
}
function uniqueProblems(problems) {
  const byMessage = /* @__PURE__ */ new Map();
  for (const problem of problems) if (!byMessage.has(problem.message)) byMessage.set(problem.message, problem);
  return [...byMessage.values()];
}

// src/secrets/find-secrets.ts
var MIN_SECRET_LENGTH = 3;
var QUERY_END = /* @__PURE__ */ new Set([" ", "	", "\r", "\n", '"', "'", "#", "?", "`"]);
var SAS_PARAMETER_NAME = /sas(?:token|key|url|uri)?$|sastoken|sasurl/i;
var MAX_DEPTH4 = 256;
function findSecrets(root, parameterValues = {}, linkedSecureParameters = /* @__PURE__ */ new Set()) {
  const found = /* @__PURE__ */ new Set();
  if (isRecord(root)) collectTemplate(root, parameterValues, linkedSecureParameters, found, 0);
  return finish2(found);
}
function secretsInParameterValues(values, template) {
  const found = /* @__PURE__ */ new Set();
  const declared = isRecord(template) && isRecord(template["parameters"]) ? template["parameters"] : {};
  const declarations = new Map(Object.entries(declared).map(([name, declaration]) => [name.toLowerCase(), declaration]));
  for (const [name, value] of Object.entries(values)) {
    const shape = secureShapeOf(declarations.get(name.toLowerCase()), template);
    forEachSecurePart(value, shape, (part) => addValue(part, found, 0));
    if (shape.kind === "none" && SAS_PARAMETER_NAME.test(name)) addSasTokens(value, found, 0, true);
  }
  return finish2(found);
}
function secureParameterNames(template) {
  const names = /* @__PURE__ */ new Set();
  if (!isRecord(template) || !isRecord(template["parameters"])) return names;
  for (const [name, declaration] of Object.entries(template["parameters"])) {
    if (hasSecurePart(declaration, template)) names.add(name.toLowerCase());
  }
  return names;
}
function collectTemplate(template, values, linkedSecure, found, depth2) {
  if (depth2 > MAX_DEPTH4) return;
  const declared = isRecord(template["parameters"]) ? template["parameters"] : {};
  const lowerValues = new Map(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v]));
  for (const [name, declaration] of Object.entries(declared)) {
    const shape = secureShapeOf(declaration, template);
    const secure = shape.kind !== "none";
    const sas = SAS_PARAMETER_NAME.test(name);
    if (!secure && !sas) continue;
    const given = lowerValues.get(name.toLowerCase());
    for (const value of [isRecord(declaration) ? declaration["defaultValue"] : void 0, given]) {
      forEachSecurePart(value, shape, (part) => addValue(part, found, 0));
      addSasTokens(value, found, 0, !secure);
    }
  }
  for (const resource of resourceList(template["resources"])) collectResource(resource, linkedSecure, found, depth2 + 1);
}
function collectResource(resource, linkedSecure, found, depth2) {
  if (depth2 > MAX_DEPTH4) return;
  const properties = resource["properties"];
  if (isRecord(properties)) {
    const link = properties["templateLink"];
    if (isRecord(link)) {
      addSasTokens(link["uri"], found, 0, false);
      addSasTokens(link["relativePath"], found, 0, false);
    }
    const inline = properties["template"];
    if (isRecord(inline)) {
      collectTemplate(inline, valuesPassed(properties), linkedSecure, found, depth2 + 1);
    } else if (isRecord(link)) {
      for (const [name, value] of Object.entries(valuesPassed(properties))) {
        if (linkedSecure.has(name.toLowerCase())) addValue(value, found, 0);
        else if (SAS_PARAMETER_NAME.test(name)) addSasTokens(value, found, 0, true);
      }
    }
  }
  for (const child2 of resourceList(resource["resources"])) collectResource(child2, linkedSecure, found, depth2 + 1);
}
function valuesPassed(properties) {
  const passed = isRecord(properties["parameters"]) ? properties["parameters"] : {};
  const values = {};
  for (const [name, entry] of Object.entries(passed)) {
    if (isRecord(entry) && "value" in entry) values[name] = entry["value"];
  }
  return values;
}
function addValue(value, found, depth2) {
  if (depth2 > MAX_DEPTH4 || value === void 0 || value === null) return false;
  if (typeof value === "string") return !isExpression(value) && add(value, found);
  if (typeof value !== "object") return false;
  let any = false;
  for (const item of Array.isArray(value) ? value : Object.values(value)) any = addValue(item, found, depth2 + 1) || any;
  if (any && depth2 === 0) add(safeStringify(value), found);
  return any;
}
function isExpression(value) {
  return isExpressionString(value);
}
function addSasTokens(value, found, depth2, wholeValue) {
  if (depth2 > MAX_DEPTH4 || value === void 0 || value === null) return;
  if (typeof value === "string") {
    if (wholeValue && !value.startsWith("[")) add(value, found);
    for (const token of sasQueries(value)) {
      add(token, found);
      add(`?${token}`, found);
      const sig = /(?:^|&)sig=([^&]+)/i.exec(token)?.[1];
      if (sig !== void 0) {
        add(sig, found);
        const decoded = safeDecode2(sig);
        if (decoded !== sig) add(decoded, found);
      }
    }
    return;
  }
  if (typeof value !== "object") return;
  for (const item of Array.isArray(value) ? value : Object.values(value)) addSasTokens(item, found, depth2 + 1, wholeValue);
}
function sasQueries(text) {
  const lower = text.toLowerCase();
  const out = [];
  let from = 0;
  for (; ; ) {
    const at = lower.indexOf("sig=", from);
    if (at === -1) return out;
    const before = at === 0 ? "?" : text.charAt(at - 1);
    if (before !== "?" && before !== "&" && !QUERY_END.has(before)) {
      from = at + 4;
      continue;
    }
    let start = at;
    while (start > 0 && !QUERY_END.has(text.charAt(start - 1))) start--;
    let end = at + 4;
    while (end < text.length && !QUERY_END.has(text.charAt(end))) end++;
    out.push(text.slice(start, end).replace(/^&+/, ""));
    from = end;
  }
}
function add(value, found) {
  let added = false;
  if (value.trim().length >= MIN_SECRET_LENGTH) {
    found.add(value);
    added = true;
  }
  if (value.includes("\n")) {
    for (const line of value.split(/\r?\n/)) {
      if (line.trim().length >= MIN_SECRET_LENGTH) found.add(line);
    }
  }
  return added;
}
function finish2(found) {
  return [...found].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}
function resourceList(resources) {
  if (Array.isArray(resources)) return resources.filter(isRecord);
  if (isRecord(resources)) return Object.values(resources).filter(isRecord);
  return [];
}
function safeStringify(value) {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}
function safeDecode2(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// src/secrets/mask-policy.ts
var MIN_COMMITTED_MASK_LENGTH = 8;
var MIN_EXTERNAL_MASK_LENGTH = 3;
var MIN_REDACTED_LENGTH = 6;
var PLACEHOLDER2 = /^(?:(.)\1*|[<{[(%$#].*[>}\])%#]|.*(?:placeholder|change[-_ .]?me|replace[-_ .]?(?:me|this|with)|your[-_ .]|todo|tbd|dummy|example|sample|not[-_ .]?set|fill[-_ .]?in|enter[-_ .]|xxx).*|(?:null|none|undefined|true|false|default|password|secret|p@ssw0rd|passw0rd|password123|test1234|12345678|123456789|abcdefgh))$/i;
function looksLikePlaceholder(value) {
  return PLACEHOLDER2.test(value.trim());
}
function maskCommitted(value) {
  return value.trim().length >= MIN_COMMITTED_MASK_LENGTH && !looksLikePlaceholder(value);
}
function maskExternal(value) {
  return value.trim().length >= MIN_EXTERNAL_MASK_LENGTH;
}
function redactCommitted(value) {
  return value.trim().length >= MIN_REDACTED_LENGTH;
}
function redactText(text, secrets) {
  let out = text;
  for (const secret of secrets) if (secret !== "" && out.includes(secret)) out = out.split(secret).join("***");
  return out;
}

// src/secrets/report-secrets.ts
var MAY_HOLD_SECRET = /secure(?:string|object)|sig=|sas|\\u/i;
var BICEP_MAY_HOLD_SECRET = /secure|sig=|sas|\bimport\b/i;
function readerOf(source) {
  const files = "read" in source ? source : createWorkspaceFiles(source);
  return {
    read: (file) => files.read(file),
    parse: (file, text) => {
      const parsed = files.parse(file);
      return "text" in parsed ? parsed : parseTemplateText(text);
    }
  };
}
function createSecretsSearch(source, sources = {}) {
  const reader = readerOf(source);
  const found = /* @__PURE__ */ new Set();
  const external = new Set(sources.external ?? []);
  const unsure = /* @__PURE__ */ new Map();
  const added = /* @__PURE__ */ new Set();
  const mayHold = /* @__PURE__ */ new Map();
  const rootOf = (file) => readRoot(reader, file, mayHold);
  const workspace = "read" in source ? source.workspace : source;
  const add2 = (file, bicepTrees) => {
    if (added.has(file.path)) return;
    added.add(file.path);
    try {
      const bicep = isBicepFile(file.path);
      const result = bicep ? collectBicepFile(file, { rootOf, read: reader.read, workspace, trees: bicepTrees }) : collectFile(file, rootOf, reader);
      for (const s of result.secrets) found.add(s);
      const root = () => bicep ? result.root : rootOf(file.path).root;
      if (sources.runTimeValues) for (const s of secretsInParameterValues(sources.runTimeValues, root())) external.add(s);
      if (result.unsure !== void 0) unsure.set(file.path, result.unsure);
    } catch {
      unsure.set(file.path, "an error while searching it");
    }
  };
  const finish3 = (report2) => {
    for (const file of report2.files) add2(file);
    const longestFirst = (list) => [...list].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
    const committed = [...found].filter((s) => !external.has(s));
    const externalList = [...external].filter((s) => s !== "");
    return {
      secrets: longestFirst(/* @__PURE__ */ new Set([...found, ...externalList])),
      masks: longestFirst(/* @__PURE__ */ new Set([...externalList.filter(maskExternal), ...committed.filter(maskCommitted)])),
      redacted: longestFirst(/* @__PURE__ */ new Set([...externalList, ...committed.filter(redactCommitted)])),
      unsure
    };
  };
  return { add: add2, finish: finish3 };
}
function findReportSecrets(source, report2, sources = {}) {
  return createSecretsSearch(source, sources).finish(report2);
}
function protectReport(files, report2, options = {}) {
  const search = options.search ?? createSecretsSearch(files, options.sources);
  const { secrets, masks, redacted, unsure } = search.finish(report2);
  const redact = (text) => redactText(text, redacted);
  return { secrets, masks, redact, report: redactReport(withholdUnsure(report2, unsure), redact) };
}
function redactReport(report2, redact) {
  let changed = false;
  const files = report2.files.map((file) => {
    const findings = file.findings.map((finding) => {
      const message = redact(finding.message);
      const data = finding.data === void 0 ? void 0 : redactData(finding.data, redact);
      if (message === finding.message && data === finding.data) return finding;
      changed = true;
      return { ...finding, message, ...data !== void 0 ? { data } : {} };
    });
    const tracking = file.tracking.map((entry) => {
      const resolvedName = redact(entry.resolvedName);
      if (resolvedName === entry.resolvedName) return entry;
      changed = true;
      return { ...entry, resolvedName };
    });
    return { ...file, findings, tracking };
  });
  return changed ? { ...report2, files } : report2;
}
function redactData(data, redact) {
  let changed = false;
  const out = {};
  for (const [key2, value] of Object.entries(data)) {
    const shown = typeof value === "string" ? redact(value) : value;
    if (shown !== value) changed = true;
    out[key2] = shown;
  }
  return changed ? out : data;
}
function withholdUnsure(report2, unsure) {
  if (unsure.size === 0) return report2;
  const files = report2.files.map((file) => {
    const reason = unsure.get(file.path);
    if (reason === void 0) return file;
    const message = `message withheld: cua-guard could not establish which values in this template are secret (${reason})`;
    return {
      ...file,
      findings: file.findings.map(({ data: _data, fix: _fix, ...finding }) => ({ ...finding, message })),
      // The resolved parts could carry a secret value too: nothing of them is known any more.
      tracking: file.tracking.map((tracking) => ({ ...tracking, resolvedName: tracking.nameExpression, nameParts: [{ unknown: true }] }))
    };
  });
  return { ...report2, files };
}
function collectFile(file, rootOf, reader) {
  const found = /* @__PURE__ */ new Set();
  const reasons = [];
  const linkedSecure = /* @__PURE__ */ new Set();
  for (const linked of file.linkedFiles) {
    const read = rootOf(linked);
    if (read.unsure !== void 0) reasons.push(read.unsure);
    for (const name of secureParameterNames(read.root)) linkedSecure.add(name);
  }
  const main = rootOf(file.path);
  const findings = file.findings ?? [];
  const neverRead = findings.length > 0 && findings.every((f) => f.ruleId === "CUA013" && f.messageId === "syntax");
  if (main.unsure !== void 0 && !neverRead) reasons.push(main.unsure);
  let values = {};
  if (file.parametersFile) {
    const read = reader.read(file.parametersFile);
    if (read.ok) {
      const parsed = parameterValuesOf(reader.parse(file.parametersFile, read.text), file.parametersFile);
      values = parsed.values;
      if (parsed.problem !== void 0 && (secureParameterNames(main.root).size > 0 || MAY_HOLD_SECRET.test(read.text)))
        reasons.push(`'${file.parametersFile}' does not parse`);
      for (const s of secretsInParameterValues(values, main.root)) found.add(s);
      for (const s of sasQueries(read.text)) found.add(s);
    } else if (!(file.findings ?? []).some((f) => f.message.includes(read.message))) {
      reasons.push(read.message);
    }
  }
  for (const s of findSecrets(main.root, values, linkedSecure)) found.add(s);
  for (const linked of file.linkedFiles) for (const s of findSecrets(rootOf(linked).root, {}, linkedSecure)) found.add(s);
  return reasons.length > 0 ? { secrets: found, unsure: reasons.join("; ") } : { secrets: found };
}
function collectBicepFile(file, { rootOf, read, workspace, trees }) {
  const found = /* @__PURE__ */ new Set();
  const reasons = [];
  const linkedSecure = /* @__PURE__ */ new Set();
  const linkedJson = file.linkedFiles.filter((linked) => !isBicepFile(linked));
  for (const linked of linkedJson) {
    const linkedRoot = rootOf(linked);
    if (linkedRoot.unsure !== void 0) reasons.push(linkedRoot.unsure);
    for (const name of secureParameterNames(linkedRoot.root)) linkedSecure.add(name);
  }
  for (const linked of linkedJson) for (const s of findSecrets(rootOf(linked).root, {}, linkedSecure)) found.add(s);
  const finish3 = (root2) => ({
    secrets: found,
    ...root2 !== void 0 ? { root: root2 } : {},
    ...reasons.length > 0 ? { unsure: reasons.join("; ") } : {}
  });
  const main = read(file.path);
  if (!main.ok) {
    reasons.push(main.message);
    return finish3();
  }
  const parametersText = file.parametersFile === void 0 ? void 0 : read(file.parametersFile);
  const texts = [main.text, ...file.linkedFiles.filter(isBicepFile).map((linked) => textOf(read(linked))), parametersText?.ok ? parametersText.text : ""];
  if (!texts.some((text) => BICEP_MAY_HOLD_SECRET.test(text))) return finish3();
  if (trees === void 0) {
    reasons.push("the Bicep grammar was not loaded for the secrets search");
    return finish3();
  }
  const relativeParameters = file.parametersFile === void 0 ? void 0 : posix.relative(posix.dirname(file.path), file.parametersFile);
  const { lowered, parameters } = lowerBicepTemplate({
    workspace,
    file: file.path,
    text: main.text,
    trees,
    ...relativeParameters !== void 0 ? { parametersFile: relativeParameters } : {}
  });
  const root = lowered.root;
  if (parameters.problem !== void 0 && secureParameterNames(root).size > 0) reasons.push(parameters.problem);
  for (const s of secretsInParameterValues(parameters.values, root)) found.add(s);
  if (parametersText?.ok) for (const s of sasQueries(parametersText.text)) found.add(s);
  for (const s of findSecrets(root, parameters.values, linkedSecure)) found.add(s);
  return finish3(root);
}
function textOf(read) {
  return read.ok ? read.text : "";
}
function readRoot(reader, file, mayHold) {
  const read = reader.read(file);
  if (!read.ok) return { root: void 0, unsure: read.message, unreadable: true };
  let may = mayHold.get(file);
  if (may === void 0) mayHold.set(file, may = MAY_HOLD_SECRET.test(read.text));
  if (!may) return { root: void 0 };
  const parsed = reader.parse(file, read.text);
  if (parsed.ok) return { root: parsed.value };
  const unsure = `'${file}' does not parse`;
  try {
    return { root: parse2(parsed.text, [], { allowTrailingComma: true, disallowComments: false }), unsure };
  } catch {
    return { root: void 0, unsure };
  }
}

// src/app/cli/cli.ts
var EXIT_OK = 0;
var EXIT_FINDINGS = 1;
var EXIT_USAGE = 2;
var COMMANDS = ["check", "fix", "new-id", "help"];
var COMMAND_HELP = { check: CHECK_HELP, fix: FIX_HELP, "new-id": NEW_ID_HELP };
async function runCli(argv, io) {
  try {
    const [command2, ...rest] = argv;
    if (command2 === void 0 || command2 === "--help" || command2 === "-h") return showHelp(io, HELP);
    if (command2 === "help") return showHelp(io, COMMAND_HELP[rest[0] ?? ""] ?? HELP);
    if (command2 === "--version" || command2 === "-v") {
      io.stdout(`${TOOL_VERSION}
`);
      return EXIT_OK;
    }
    if (command2 === "check") return await runCheck(rest, io);
    if (command2 === "fix") return await runFix(rest, io);
    if (command2 === "new-id") return runNewId(rest, io);
    const suggestion2 = closest(command2, COMMANDS);
    throw new UsageError(`unknown command '${command2}'${suggestion2 ? `: did you mean '${suggestion2}'?` : ""} (see 'cua-guard --help')`);
  } catch (error) {
    if (isUsageError(error)) {
      io.stderr(`cua-guard: ${escapeControlCharacters(error.message)}
`);
    } else {
      io.stderr(`cua-guard: internal error: ${escapeControlCharacters(error instanceof Error ? error.message : String(error))}
`);
    }
    return EXIT_USAGE;
  }
}
var COMMON_OPTIONS = {
  help: { type: "boolean", short: "h", default: false },
  "tracking-id": { type: "string", multiple: true, default: [] },
  rule: { type: "string", multiple: true, default: [] },
  "strict-names": { type: "boolean" },
  "max-tracking-resources": { type: "string", default: "" },
  parameters: { type: "string" },
  workspace: { type: "string" },
  config: { type: "string" },
  "if-no-templates": { type: "string" },
  "marketplace-packages": { type: "string" }
};
var CHECK_OPTIONS = {
  ...COMMON_OPTIONS,
  format: { type: "string", short: "f", default: "text" },
  "output-file": { type: "string", short: "o" },
  "fail-on": { type: "string", default: "error" },
  "max-warnings": { type: "string" },
  quiet: { type: "boolean", default: false },
  color: { type: "boolean" },
  "no-color": { type: "boolean", default: false }
};
var FIX_OPTIONS = {
  ...COMMON_OPTIONS,
  "dry-run": { type: "boolean", default: false },
  check: { type: "boolean", default: false }
};
var NEW_ID_OPTIONS = {
  help: { type: "boolean", short: "h", default: false },
  scope: { type: "string", default: "resourceGroup" }
};
function rawOptionsOf(values, io) {
  return {
    front: "cli",
    cwd: io.cwd,
    ...values.workspace !== void 0 ? { workspace: values.workspace } : {},
    rules: values.rule,
    trackingIds: values["tracking-id"],
    ...values["strict-names"] !== void 0 ? { strictNames: values["strict-names"] } : {},
    maxTrackingResources: values["max-tracking-resources"],
    ...values.parameters ? { parameters: values.parameters } : {},
    ...values.config ? { config: values.config } : {},
    ...values["if-no-templates"] ? { ifNoTemplates: values["if-no-templates"] } : {},
    ...values["marketplace-packages"] ? { marketplacePackages: values["marketplace-packages"] } : {},
    ...values.format !== void 0 ? { format: values.format } : {},
    ...values["fail-on"] !== void 0 ? { failOn: values["fail-on"] } : {}
  };
}
async function runCheck(args, io) {
  const { values, positionals } = parseCommandArgs("check", args, CHECK_OPTIONS);
  if (values.help) return showHelp(io, CHECK_HELP);
  const maxWarnings = values["max-warnings"] === void 0 ? void 0 : parseWarningLimit(values["max-warnings"]);
  const plan = await planCliRuns(rawOptionsOf(values, io), positionals, io.cwd);
  const { format: format3, failOn } = plan.groups[0]?.settings ?? { format: "text", failOn: "error" };
  const files = createWorkspaceFiles(plan.groups[0]?.workspace ?? { root: plan.root }, { keepTexts: format3 === "sarif" || format3 === "gitlab" });
  const { report: report2, secrets } = await checkPlan(plan, { cwd: io.cwd, files });
  const ifNoTemplates = plan.groups[0]?.settings.ifNoTemplates ?? "error";
  const nothing = report2.files.length === 0 && ifNoTemplates !== "ignore" ? nothingCheckedMessage(report2) : void 0;
  const verdict = checkVerdict(report2, failOn, maxWarnings);
  if (nothing !== void 0 && ifNoTemplates === "error" && verdict.exitCode === EXIT_OK) verdict.exitCode = EXIT_USAGE;
  const exitCode = verdict.exitCode;
  const shown = values.quiet ? errorsOnly(report2) : report2;
  const toFile = values["output-file"];
  const color = toFile === void 0 && format3 === "text" && !values["no-color"] && (values.color ?? io.color === true);
  const output = formatReport(shown, {
    format: format3,
    plan,
    exitCode,
    color,
    secrets,
    readFile: files.text,
    hidden: report2.counts.warning + report2.counts.notice - (shown.counts.warning + shown.counts.notice)
  });
  if (toFile !== void 0) writeOutputFile2(toFile, output, { cwd: io.cwd, workspaceRoot: plan.root, report: report2 });
  else io.stdout(output);
  if (format3 !== "text" || toFile !== void 0) for (const problem of report2.problems) io.stderr(`cua-guard: ${escapeControlCharacters(problem.message)}
`);
  if (nothing !== void 0) io.stderr(`cua-guard: ${escapeControlCharacters(nothing)}
`);
  if (verdict.tooManyWarnings) io.stderr(`cua-guard: ${report2.counts.warning} warnings, more than --max-warnings ${maxWarnings}
`);
  return exitCode;
}
function checkVerdict(report2, failOn, maxWarnings) {
  if (namedPathFailed(report2.problems, report2.files.length)) return { exitCode: EXIT_USAGE, tooManyWarnings: false };
  const { error, warning } = report2.counts;
  if (failOn !== "never" && (error > 0 || failOn === "warning" && warning > 0)) return { exitCode: EXIT_FINDINGS, tooManyWarnings: false };
  const tooManyWarnings = maxWarnings !== void 0 && warning > maxWarnings;
  return { exitCode: tooManyWarnings ? EXIT_FINDINGS : EXIT_OK, tooManyWarnings };
}
function formatReport(report2, request) {
  const { plan, exitCode, readFile } = request;
  switch (request.format) {
    case "json":
      return formatJson(report2);
    case "sarif":
      return formatSarif(report2, {
        rules: RULES,
        workspaceRoot: plan.root,
        readFile,
        secrets: request.secrets,
        outcome: { exitCode, complete: exitCode !== EXIT_USAGE }
      });
    case "azure-pipelines":
      return formatAzurePipelines(report2, { workspaceRoot: plan.root, failed: exitCode !== EXIT_OK });
    case "gitlab":
      return formatGitLab(report2, { readFile, secrets: request.secrets });
    case "text":
      return formatText(report2, { color: request.color, displayPath: plan.displayPath, hidden: request.hidden });
  }
}
async function checkPlan(plan, { cwd: cwd2, files }) {
  const secrets = /* @__PURE__ */ new Set();
  const groups = [];
  for (const { settings, workspace, paths } of plan.groups) {
    const search = createSecretsSearch(files);
    const request = {
      workspace,
      files,
      secrets: search,
      linkRoots: settings.linkRoots,
      settings: settings.check,
      settingsFor: settings.settingsFor,
      paths,
      pathsAreDefault: plan.pathsAreDefault,
      cwd: cwd2,
      ...settings.patterns.length > 0 ? { patterns: settings.patterns } : {},
      ...settings.parametersFile ? { parametersFile: settings.parametersFile } : {}
    };
    const discovery = discoverWorkspace(request, files);
    const { report: report2, secrets: found } = protectReport(files, await checkWorkspaceLoadingGrammars(request, discovery), { search });
    for (const secret of found) secrets.add(secret);
    groups.push({ report: report2, named: new Set(discovery.sources.filter((source) => source.by === "named").map((source) => source.path)) });
  }
  return { report: mergeGroupReports(groups), secrets: [...secrets] };
}
function errorsOnly(report2) {
  const files = report2.files.map((file) => ({ ...file, findings: file.findings.filter((f) => f.severity === "error") }));
  return { ...report2, files, counts: countFindings(files) };
}
function parseWarningLimit(text) {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`--max-warnings must be a whole number of 0 or more (got '${text}')`);
  return Number(text.trim());
}
async function runFix(args, io) {
  const { values, positionals } = parseCommandArgs("fix", args, FIX_OPTIONS);
  if (values.help) return showHelp(io, FIX_HELP);
  const plan = await planCliRuns(rawOptionsOf(values, io), positionals, io.cwd);
  const { fixWorkspaceLoadingGrammars, unifiedDiff } = await import("./lazy-fix-index.js");
  const check = values.check;
  const dryRun = values["dry-run"] || check;
  const fixGroup = (group, only, write = !dryRun, linkedFrom) => fixWorkspaceLoadingGrammars(
    {
      workspace: group.workspace,
      paths: group.paths,
      pathsAreDefault: plan.pathsAreDefault,
      cwd: io.cwd,
      ...group.settings.patterns.length > 0 ? { patterns: group.settings.patterns } : {},
      settingsFor: group.settings.settingsFor,
      ...group.settings.parametersFile ? { parametersFile: group.settings.parametersFile } : {},
      linkRoots: group.settings.linkRoots,
      ...only ? { only } : {},
      ...linkedFrom ? { linkedFrom } : {},
      write
    },
    () => createSyntaxParser("bicep"),
    () => loadTerraformTools(group.workspace)
  );
  const reports = [];
  if (plan.groups.length === 1 && plan.groups[0]) reports.push(await fixGroup(plan.groups[0]));
  else {
    const found = /* @__PURE__ */ new Map();
    for (const group of plan.groups) found.set(group, await fixGroup(group, void 0, false));
    const linkedFrom = /* @__PURE__ */ new Map();
    for (const { files: files2 } of found.values())
      for (const file of files2) for (const linked of file.linkedFiles) if (linked !== file.file && !linkedFrom.has(linked)) linkedFrom.set(linked, file.file);
    const owned = /* @__PURE__ */ new Set();
    for (const group of plan.groups) {
      const mine = new Set((found.get(group)?.files ?? []).map((f) => f.file).filter((file) => !owned.has(file)));
      for (const file of mine) owned.add(file);
      reports.push(await fixGroup(group, mine, !dryRun, linkedFrom));
    }
  }
  const files = reports.flatMap((r) => r.files).sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  const problems = uniqueProblems(reports.flatMap((r) => r.problems));
  const { redacted } = findReportSecrets({ root: plan.root }, { files: files.map((f) => ({ path: f.file, linkedFiles: f.linkedFiles })) });
  const hide = (text) => redactText(text, redacted);
  const say = dryRun ? io.stderr : io.stdout;
  const shownPath = (file) => escapeControlCharacters(plan.displayPath(file));
  for (const problem of problems) io.stderr(`cua-guard: ${escapeControlCharacters(problem.message)}
`);
  for (const file of files) {
    for (const change of file.changes) say(`${shownPath(file.file)}:${change.line}: ${dryRun ? "would have " : ""}${hide(change.message)}
`);
    for (const note of file.notes) say(`${shownPath(file.file)}: ${hide(formatFixNote(note))}
`);
  }
  if (values["dry-run"]) io.stdout(hide(await unifiedDiff(files, { hideSecureDefaults: true })));
  const changed = files.filter((f) => f.fixed !== f.original).length;
  const remaining = files.filter((f) => f.remainingErrors.length > 0 || f.skipped !== void 0).length;
  say(
    `${files.length} template(s): ${changed} ${dryRun ? "would change" : "changed"}, ${files.length - changed} unchanged` + (remaining > 0 ? `; ${remaining} still ha${remaining === 1 ? "s" : "ve"} errors to fix by hand
` : "\n")
  );
  if (namedPathFailed(problems, files.length)) return EXIT_USAGE;
  if (check) return changed > 0 ? EXIT_FINDINGS : EXIT_OK;
  return remaining > 0 ? EXIT_FINDINGS : EXIT_OK;
}
var SCOPES2 = ["resourceGroup", "subscription", "managementGroup", "tenant"];
function runNewId(args, io) {
  const { values, positionals } = parseCommandArgs("new-id", args, NEW_ID_OPTIONS);
  if (values.help) return showHelp(io, NEW_ID_HELP);
  if (positionals.length > 0) throw new UsageError(`new-id takes no arguments (got '${positionals[0]}')`);
  const scope = parseChoice(values.scope, "--scope", SCOPES2, "resourceGroup");
  const id = process.getBuiltinModule("node:crypto").randomUUID();
  const resource = JSON.stringify(trackingResource(id, scope), null, 2);
  io.stdout(
    `${id}

Register this GUID for your offer in Partner Center, then add this resource as the first element of the main template's "resources"
(or run: cua-guard fix --tracking-id ${id}):

${resource}
`
  );
  return EXIT_OK;
}
function showHelp(io, text) {
  io.stdout(text);
  return EXIT_OK;
}
function namedPathFailed(problems, checked) {
  return problems.some(isNamedPathProblem) || checked === 0 && problems.some((p) => p.kind === "skipped");
}

// src/app/cli/process-io.ts
var EXIT_INCOMPLETE = 2;
function exitOnOutputError(stream) {
  return (error) => {
    if (error.code !== "EPIPE") tryWriteError(`cua-guard: cannot write to ${stream} (${error.code ?? error.message}); the run did not complete
`);
    process.exit(EXIT_INCOMPLETE);
  };
}
function workingFolder() {
  try {
    return process.cwd();
  } catch (error) {
    const code = error.code ?? String(error);
    tryWriteError(`cua-guard: the current folder cannot be read (${code}); run cua-guard from an existing folder
`);
    process.exitCode = EXIT_INCOMPLETE;
    return void 0;
  }
}
function tryWriteError(text) {
  try {
    process.stderr.write(text);
  } catch {
  }
}
function wantsColor(env, isTerminal) {
  if (env["NO_COLOR"] !== void 0 && env["NO_COLOR"] !== "") return false;
  if (env["FORCE_COLOR"] !== void 0 && env["FORCE_COLOR"] !== "0") return true;
  return isTerminal && env["TERM"] !== "dumb";
}

// src/app/cli/cli-entry.ts
process.stdout.on("error", exitOnOutputError("standard output"));
process.stderr.on("error", exitOnOutputError("standard error"));
var cwd = workingFolder();
if (cwd !== void 0) {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd,
    color: wantsColor(process.env, process.stdout.isTTY === true)
  });
}
