// ARM's guid(...) function: a name-based (RFC 4122 §4.3, version 5, SHA-1) UUID of the
// arguments joined with '-', in ARM's own namespace.
// Sources: Microsoft's MIT-licensed port of the ARM built-in functions
// (Microsoft.WindowsAzure.Governance.PolicyLinter ExpressionBuiltInFunctions: ARMNamespaceGuid =
// 11fb06fb-712d-4ddd-98c7-e71bbd588830, GuidUtility.Create(namespace, JoinStringParametersWithDash, 5))
// and the guid remarks in the ARM docs (RFC 4122 §4.3, Logos GuidUtility). Verified against the
// Azure/bicep baseline that evaluates guid('asdf') with the real engine (see __tests__).

// ARM's namespace; uuidV5 hashes it in network byte order, as RFC 4122 says.
const ARM_NAMESPACE = '11fb06fb-712d-4ddd-98c7-e71bbd588830';

export function armGuid(values: readonly string[]): string {
  return uuidV5(ARM_NAMESPACE, values.join('-'));
}

/** RFC 4122 §4.3 name-based UUID, version 5: SHA-1 of namespace (network order) + UTF-8 name. */
export function uuidV5(namespace: string, name: string): string {
  // Loaded on first use: most runs never call guid(), and node:crypto costs start-up time.
  const hash = process
    .getBuiltinModule('node:crypto')
    .createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const b = hash.subarray(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x50; // version 5
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
