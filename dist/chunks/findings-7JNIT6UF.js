import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);
import {
  VERIFY_RULES,
  verifyFinding
} from "./chunk-6T7TXPON.js";
import "./chunk-PGJEXBYH.js";
import "./chunk-ARP5BQKI.js";
export {
  VERIFY_RULES,
  verifyFinding
};
