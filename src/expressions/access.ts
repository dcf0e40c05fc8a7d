// `.name` and `[index]` after a call. `start` and `end` delimit the whole access expression in
// frame.source: its text is what an Unknown result stands for.
import { report, sourceText, type Frame } from './frame.ts';
import { PartialString, Unknown, type ArmValue } from './value.ts';
import { getProperty, isObject, numberText, quote, typeName } from './value-helpers.ts';

export function accessProperty(target: ArmValue, name: string, start: number, end: number, frame: Frame): ArmValue {
  if (target instanceof Unknown) return new Unknown(spelled(frame, start, end) ?? `${target.text}.${name}`, { kind: 'member', of: target, key: name });
  if (isObject(target)) {
    const value = getProperty(target, name);
    if (value !== undefined) return value;
    report(frame, `property '${name}' does not exist on the object`, end - name.length);
    return new Unknown(sourceText(frame, start, end), { kind: 'invalid' });
  }
  report(frame, `cannot read property '${name}' of ${describeType(target)}`, end - name.length);
  return new Unknown(sourceText(frame, start, end), { kind: 'invalid' });
}

export function accessIndex(target: ArmValue, index: ArmValue, start: number, end: number, frame: Frame): ArmValue {
  if (index instanceof Unknown || index instanceof PartialString) return new Unknown(sourceText(frame, start, end), { kind: 'member', of: target, key: index });
  if (target instanceof Unknown) {
    const text = spelled(frame, start, end);
    if (typeof index === 'number') return new Unknown(text ?? `${target.text}[${numberText(index)}]`, { kind: 'member', of: target, key: index });
    if (typeof index === 'string') return new Unknown(text ?? `${target.text}[${quote(index)}]`, { kind: 'member', of: target, key: index });
  }
  if (Array.isArray(target) && typeof index === 'number') {
    const item = Number.isInteger(index) ? target[index] : undefined;
    if (item !== undefined) return item;
    report(frame, `index ${numberText(index)} is out of range for an array of length ${target.length}`, start);
    return new Unknown(sourceText(frame, start, end), { kind: 'invalid' });
  }
  if (isObject(target) && typeof index === 'string') {
    const value = getProperty(target, index);
    if (value !== undefined) return value;
    report(frame, `property '${index}' does not exist on the object`, start);
    return new Unknown(sourceText(frame, start, end), { kind: 'invalid' });
  }
  report(frame, `cannot index ${describeType(target)} with ${describeType(index)}`, start);
  return new Unknown(sourceText(frame, start, end), { kind: 'invalid' });
}

function describeType(value: ArmValue): string {
  const name = typeName(value);
  return name === 'array' || name === 'object' || name === 'int' || name === 'unknown' ? `an ${name}` : `a ${name}`;
}

/** How the template's own language writes the whole access, when it was lowered from one (Bicep). */
function spelled(frame: Frame, start: number, end: number): string | undefined {
  return frame.scope.spelling?.spellExpression(frame.source, start, end);
}
