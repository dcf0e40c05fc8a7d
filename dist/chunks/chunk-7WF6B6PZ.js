import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);
import {
  LineIndex
} from "./chunk-PGJEXBYH.js";

// src/engine/template-source.ts
function createTemplateSource(file, text, root, scanText = text) {
  return { file, text, scanText, root, lines: new LineIndex(text) };
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export {
  createTemplateSource,
  isRecord
};
