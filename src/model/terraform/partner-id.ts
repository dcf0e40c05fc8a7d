// What a Terraform `partner_id` value is. The azurerm provider's own validation
// (internal/provider/provider.go, ValidatePartnerID) accepts an empty string (not set), a GUID
// (it adds the `pid-` prefix itself), `pid-<GUID>`, and `pid-<GUID>-partnercenter` (a commercial
// marketplace Azure app's tracking id); the prefix is matched case-sensitively. Older provider
// versions accepted only a GUID, and Microsoft's attribution guidance says not to prefix the GUID.
import { isGuid } from '../../parse/guid.ts';

export type PartnerIdForm =
  /** Not set: an empty string is what the provider's default is. */
  | { form: 'empty' }
  | { form: 'guid'; trackingId: string }
  /** `pid-<GUID>`: accepted by current azurerm, rejected by versions before it, against the guidance. */
  | { form: 'pid-guid'; trackingId: string }
  /** `pid-<GUID>-partnercenter`: a marketplace Azure app's id as Partner Center shows it. */
  | { form: 'partner-center'; trackingId: string }
  | { form: 'invalid' };

const PID = 'pid-';
const PARTNER_CENTER_END = '-partnercenter';

export function classifyPartnerId(value: string): PartnerIdForm {
  if (value === '') return { form: 'empty' };
  if (isGuid(value)) return { form: 'guid', trackingId: value.toLowerCase() };
  if (!value.startsWith(PID)) return { form: 'invalid' };
  const rest = value.slice(PID.length);
  if (isGuid(rest)) return { form: 'pid-guid', trackingId: rest.toLowerCase() };
  if (rest.endsWith(PARTNER_CENTER_END)) {
    const guid = rest.slice(0, -PARTNER_CENTER_END.length);
    if (isGuid(guid)) return { form: 'partner-center', trackingId: guid.toLowerCase() };
  }
  return { form: 'invalid' };
}
