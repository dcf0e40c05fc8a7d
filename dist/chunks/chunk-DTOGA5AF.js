import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);

// src/meta.ts
var TOOL_NAME = "cua-guard";
var TOOL_VERSION = "0.1.0";
var REPOSITORY_URL = "https://github.com/cua-guard/cua-guard";
var RULE_DOCS_BASE = `${REPOSITORY_URL}/blob/main/README.md`;

export {
  TOOL_NAME,
  TOOL_VERSION,
  REPOSITORY_URL,
  RULE_DOCS_BASE
};
