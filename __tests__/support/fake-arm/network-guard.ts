// Preloaded (node --import) into every child process the Azure tests start: any TCP connection
// to a host other than the loopback address fails loudly, so a test can never reach
// login.microsoftonline.com, management.azure.com or the managed-identity endpoint 169.254.169.254.
import net from 'node:net';

const ALLOWED = new Set(['127.0.0.1', 'localhost', '::1']);
const original = net.Socket.prototype.connect;

function targetHost(args: unknown[]): string | undefined {
  // net.createConnection passes its normalized arguments as one array.
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: unknown; path?: unknown };
    if (typeof options.path === 'string') return undefined; // a local socket
    return typeof options.host === 'string' ? options.host : 'localhost';
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    const second = Array.isArray(args[0]) ? (args[0] as unknown[])[1] : args[1];
    return typeof second === 'string' ? second : 'localhost';
  }
  return undefined;
}

net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const host = targetHost(args);
  if (host !== undefined && !ALLOWED.has(host)) {
    process.stderr.write(`NETWORK GUARD: blocked a connection to ${host}\n`);
    throw new Error(`network guard: connection to ${host} blocked in tests`);
  }
  return (original as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
