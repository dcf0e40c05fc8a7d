import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);
import {
  createGitHubApi,
  describeApiError,
  isPermissionError
} from "./chunk-USARV7WJ.js";
import "./chunk-ARP5BQKI.js";
export {
  createGitHubApi,
  describeApiError,
  isPermissionError
};
