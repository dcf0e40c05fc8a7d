// Helpers the Terraform rules (CUA201–CUA204) share: how to name a provider configuration, where
// to point, and the partner_id values a provider block can take.
import type { HclSpan } from '../parse/hcl/types.ts';
import type { ProviderConfiguration } from '../model/terraform/terraform-module.ts';
import type { PossibleValue } from '../model/terraform/resolve-value.ts';
import { truncate } from '../model/preview.ts';

/** `azurerm`, or `azurerm.west` for an aliased configuration (as resources refer to it). */
export function providerLabel(configuration: ProviderConfiguration): string {
  return configuration.alias === undefined ? configuration.provider : `${configuration.provider}.${configuration.alias}`;
}

/** The block's first line: `provider "azurerm" {`. */
export function blockHeader(configuration: ProviderConfiguration): HclSpan {
  return { offset: configuration.block.span.offset, end: configuration.block.bodyStart };
}

/** Where a value came from, for messages: "" for a literal, else " (default of var.x)". */
export function sourceNote(value: PossibleValue): string {
  const last = value.via.at(-1);
  if (last === undefined) return '';
  return ` (${value.via.map((v) => v.what).join(' → ')})`;
}

/** A value as a message shows it. */
export function showValue(value: PossibleValue['value']): string {
  return typeof value === 'string' ? `'${truncate(value)}'` : String(value);
}

/** The partner_id values of a provider block that are text (null and '' mean "not set"). */
export function partnerIdTexts(configuration: ProviderConfiguration): PossibleValue[] {
  return (configuration.partnerId?.resolution.values ?? []).filter((v) => v.value !== null && v.value !== '');
}

/** The attribute's value is a literal written in the provider block: a fix can replace it there. */
export function literalSpan(configuration: ProviderConfiguration): HclSpan | undefined {
  const value = configuration.partnerId?.attribute.value;
  return value?.kind === 'literal' && typeof value.value === 'string' ? value.span : undefined;
}
