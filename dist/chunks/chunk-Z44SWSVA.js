import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);

// src/azure/journal.ts
var CLEANUP_STATE_KEY = "cua-guard-created";
function createJournalWriter(save, base) {
  const journal = { version: 1, ...base, created: [] };
  const flush = () => save(CLEANUP_STATE_KEY, JSON.stringify(journal));
  return {
    journal,
    record(item) {
      journal.created.push(item);
      flush();
    },
    addNested(scope, name, ids) {
      const item = journal.created.find((c) => c.kind === "deployment" && c.name === name && JSON.stringify(c.scope) === JSON.stringify(scope));
      if (!item || item.kind !== "deployment" || ids.length === 0) return;
      item.nested = [.../* @__PURE__ */ new Set([...item.nested ?? [], ...ids])];
      flush();
    },
    finish(outcome) {
      journal.outcome = outcome;
      if (journal.created.length > 0) flush();
    }
  };
}
function parseJournal(raw) {
  const value = JSON.parse(raw);
  if (typeof value !== "object" || value === null || value.version !== 1) {
    throw new Error(`unrecognised ${CLEANUP_STATE_KEY} state`);
  }
  const journal = value;
  if (!Array.isArray(journal.created) || typeof journal.connection !== "object") throw new Error(`incomplete ${CLEANUP_STATE_KEY} state`);
  return journal;
}
function shouldCleanUp(journal) {
  if (journal.created.length === 0) return false;
  if (journal.cleanup === "never") return false;
  if (journal.cleanup === "on-success") return journal.outcome === "verified";
  return true;
}

export {
  CLEANUP_STATE_KEY,
  createJournalWriter,
  parseJournal,
  shouldCleanUp
};
