import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);

// src/action/runner.ts
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { EOL } from "node:os";
function getInput(name, env = process.env) {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function setOutput(name, value) {
  fileCommand("OUTPUT", name, value) || issue("set-output", commandValue(value), { name });
}
function getState(name, env = process.env) {
  return env[`STATE_${name}`] ?? "";
}
function setSecret(secret) {
  issue("add-mask", secret);
}
function error(message, properties = {}) {
  issue("error", message, annotationProperties(properties));
}
function warning(message, properties = {}) {
  issue("warning", message, annotationProperties(properties));
}
function notice(message, properties = {}) {
  issue("notice", message, annotationProperties(properties));
}
function debug(message) {
  issue("debug", message);
}
function info(message) {
  process.stdout.write(`${message}${EOL}`);
}
function setFailed(message) {
  process.exitCode = 1;
  error(message);
}
function appendSummary(markdown, env = process.env) {
  const file = env["GITHUB_STEP_SUMMARY"];
  if (file) appendFileSync(file, markdown, "utf8");
}
function annotationProperties(p) {
  return { title: p.title, file: p.file, line: p.startLine, endLine: p.endLine, col: p.startColumn, endColumn: p.endColumn };
}
function issue(command, message, properties = {}) {
  const pairs = Object.entries(properties).filter(([, value]) => value !== void 0 && value !== "" && value !== 0).map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  process.stdout.write(`::${command}${pairs.length ? ` ${pairs.join(",")}` : ""}::${escapeData(message)}${EOL}`);
}
function fileCommand(kind, name, value) {
  const file = process.env[`GITHUB_${kind}`];
  if (!file) return false;
  const text = commandValue(value);
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}${EOL}${text}${EOL}${delimiter}${EOL}`, "utf8");
  return true;
}
function commandValue(value) {
  if (value === null || value === void 0) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export {
  getInput,
  setOutput,
  getState,
  setSecret,
  error,
  warning,
  notice,
  debug,
  info,
  setFailed,
  appendSummary
};
