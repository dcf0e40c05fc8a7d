// .NET number formatting with the invariant culture, as ARM's format() applies it to an integer:
// standard format strings (a letter and an optional precision: N0, D6, X4, F2, P0) and custom ones
// built from 0 # . , % ‰ ; quotes and backslash escapes (00, #,##0, 0.00, 0;(0)). The custom
// algorithm follows .NET's Number.Formatting (NumberToStringFormat). Anything this cannot render
// exactly (exponents, currency, non-integers, integers JavaScript cannot hold exactly) is
// undefined, so the caller gives Unknown instead of a wrong value.

/** The text .NET gives for `value.ToString(format, CultureInfo.InvariantCulture)`, if exact. */
export function formatNumber(value: number, format: string): string | undefined {
  if (!Number.isInteger(value)) return format === '' ? plainNonInteger(value) : undefined;
  if (!Number.isSafeInteger(value)) return undefined;
  if (format === '') return integerText(value);
  const standard = parseStandard(format);
  if (standard === 'custom') return formatCustom(value, format);
  if (standard === undefined) return undefined;
  return formatStandard(value, standard.letter, standard.precision);
}

function integerText(value: number): string {
  return value === 0 ? '0' : value.toFixed(0);
}

/**
 * A non-integer printed without a format: .NET Core prints the shortest round-trip text and .NET
 * Framework 15 significant digits; both agree (and match JavaScript) only for plain decimals of
 * at most 15 significant digits.
 */
function plainNonInteger(value: number): string | undefined {
  if (!Number.isFinite(value) || Math.abs(value) < 1e-5) return undefined;
  const text = String(value);
  if (text.includes('e')) return undefined;
  const digits = text.replace(/^-?0*\.?0*/, '').replace('.', '');
  return digits.length <= 15 ? text : undefined;
}

interface Standard {
  letter: string;
  /** undefined: the format's default precision. */
  precision: number | undefined;
}

/**
 * A standard format is one ASCII letter and optional digits (.NET's ParseFormatSpecifier);
 * anything else is a custom format. undefined: a precision beyond 99, which .NET Framework
 * rejects and .NET Core accepts.
 */
function parseStandard(format: string): Standard | 'custom' | undefined {
  const letter = format.charCodeAt(0);
  if (!((letter >= 0x41 && letter <= 0x5a) || (letter >= 0x61 && letter <= 0x7a))) return 'custom';
  for (let i = 1; i < format.length; i++) {
    const c = format.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return 'custom';
  }
  if (format.length === 1) return { letter: format, precision: undefined };
  const precision = Number(format.slice(1));
  return precision > 99 ? undefined : { letter: format[0] ?? '', precision };
}

function formatStandard(value: number, letter: string, precision: number | undefined): string | undefined {
  const negative = value < 0;
  const digits = Math.abs(value).toFixed(0);
  switch (letter) {
    case 'D':
    case 'd':
      return (negative ? '-' : '') + digits.padStart(precision ?? 0, '0');
    case 'F':
    case 'f':
      return (negative ? '-' : '') + withDecimals(digits, precision ?? 2);
    case 'N':
    case 'n':
      return (negative ? '-' : '') + withDecimals(groupThousands(digits), precision ?? 2);
    case 'P':
    case 'p': {
      // Invariant culture: PercentPositivePattern 0 ("n %"), PercentNegativePattern 0 ("-n %").
      const percent = Math.abs(value) * 100;
      if (!Number.isSafeInteger(percent)) return undefined;
      return `${negative ? '-' : ''}${withDecimals(groupThousands(percent.toFixed(0)), precision ?? 2)} %`;
    }
    case 'G':
    case 'g':
      // An integer's general format is its digits unless precision forces exponent notation.
      return precision === undefined || precision === 0 || precision >= digits.length ? integerText(value) : undefined;
    case 'X':
    case 'x': {
      // Negative values print their 64-bit two's complement, as Int64.ToString("X") does.
      const hex = (negative ? BigInt.asUintN(64, BigInt(value)) : BigInt(value)).toString(16).padStart(precision ?? 0, '0');
      return letter === 'X' ? hex.toUpperCase() : hex;
    }
    default:
      // E (exponent), C (currency), R, B (.NET 8 only) and letters .NET rejects.
      return undefined;
  }
}

function withDecimals(integer: string, decimals: number): string {
  return decimals === 0 ? integer : `${integer}.${'0'.repeat(decimals)}`;
}

function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}

/**
 * A decimal number as .NET's NumberBuffer holds it: value = 0.d1d2d3… × 10^scale, digits
 * without leading zeros ('' for zero).
 */
interface DecimalDigits {
  digits: string;
  scale: number;
  negative: boolean;
}

/** What one section of a custom format asks for (the first pass of NumberToStringFormat). */
interface SectionShape {
  digitCount: number;
  decimalPos: number;
  firstDigit: number;
  lastDigit: number;
  scientific: boolean;
  thousandSeps: boolean;
  scaleAdjust: number;
}

const NO_DIGIT = 0x7fffffff;

const ZERO: DecimalDigits = { digits: '', scale: 0, negative: false };

function formatCustom(value: number, format: string): string | undefined {
  const digits = value === 0 ? '' : Math.abs(value).toFixed(0);
  let number: DecimalDigits = { digits, scale: digits.length, negative: value < 0 };
  let section = findSection(format, value === 0 ? 2 : value < 0 ? 1 : 0);
  let shape: SectionShape;
  for (;;) {
    shape = analyzeSection(format, section);
    if (shape.scientific) return undefined;
    if (number.digits === '') {
      number = ZERO;
      break;
    }
    const scale = number.scale + shape.scaleAdjust;
    number = roundDigits({ ...number, scale }, scale + shape.digitCount - shape.decimalPos);
    if (number.digits === '') {
      // Rounded to zero: the zero section applies, when there is one.
      const zeroSection = findSection(format, 2);
      if (zeroSection !== section) {
        section = zeroSection;
        continue;
      }
    }
    break;
  }
  return writeSection(format, section, shape, number);
}

/** Start of section 0 (positive), 1 (negative) or 2 (zero); an empty or absent one means 0. */
function findSection(format: string, wanted: number): number {
  if (wanted === 0) return 0;
  let section = wanted;
  let i = 0;
  while (i < format.length) {
    const c = format[i++];
    if (c === "'" || c === '"') {
      while (i < format.length && format[i++] !== c);
    } else if (c === '\\') {
      if (i < format.length) i++;
    } else if (c === ';') {
      if (--section !== 0) continue;
      return i < format.length && format[i] !== ';' ? i : 0;
    }
  }
  return 0;
}

function analyzeSection(format: string, start: number): SectionShape {
  let digitCount = 0;
  let decimalPos = -1;
  let firstDigit = NO_DIGIT;
  let lastDigit = 0;
  let scientific = false;
  let thousandPos = -1;
  let thousandCount = 0;
  let thousandSeps = false;
  let scaleAdjust = 0;
  let i = start;
  while (i < format.length) {
    const c = format[i++];
    if (c === ';') break;
    switch (c) {
      case '#':
        digitCount++;
        break;
      case '0':
        if (firstDigit === NO_DIGIT) firstDigit = digitCount;
        digitCount++;
        lastDigit = digitCount;
        break;
      case '.':
        if (decimalPos < 0) decimalPos = digitCount;
        break;
      case ',':
        if (digitCount > 0 && decimalPos < 0) {
          if (thousandPos >= 0) {
            if (thousandPos === digitCount) {
              thousandCount++;
              break;
            }
            thousandSeps = true;
          }
          thousandPos = digitCount;
          thousandCount = 1;
        }
        break;
      case '%':
        scaleAdjust += 2;
        break;
      case '\u2030':
        scaleAdjust += 3;
        break;
      case "'":
      case '"':
        while (i < format.length && format[i++] !== c);
        break;
      case '\\':
        if (i < format.length) i++;
        break;
      case 'E':
      case 'e':
        if (format[i] === '0' || ((format[i] === '+' || format[i] === '-') && format[i + 1] === '0')) scientific = true;
        break;
    }
  }
  if (decimalPos < 0) decimalPos = digitCount;
  if (thousandPos >= 0) {
    // Commas right before the decimal point divide by 1,000 each; elsewhere they group.
    if (thousandPos === decimalPos) scaleAdjust -= thousandCount * 3;
    else thousandSeps = true;
  }
  return { digitCount, decimalPos, firstDigit, lastDigit, scientific, thousandSeps, scaleAdjust };
}

/** Keeps `keep` significant digits, rounding half away from zero (.NET's RoundNumber). */
function roundDigits(number: DecimalDigits, keep: number): DecimalDigits {
  let { digits, scale, negative } = number;
  let i = Math.min(Math.max(keep, 0), digits.length);
  if (keep >= 0 && i === keep && i < digits.length && digits.charCodeAt(i) >= 0x35) {
    while (i > 0 && digits[i - 1] === '9') i--;
    if (i > 0) {
      digits = digits.slice(0, i - 1) + String.fromCharCode(digits.charCodeAt(i - 1) + 1);
    } else {
      scale++;
      digits = '1';
    }
  } else {
    while (i > 0 && digits[i - 1] === '0') i--;
    digits = digits.slice(0, i);
  }
  if (digits === '') {
    // Integers have no negative zero.
    scale = 0;
    negative = false;
  }
  return { digits, scale, negative };
}

/** The second pass of NumberToStringFormat: digits, separators and literals of one section. */
function writeSection(format: string, section: number, shape: SectionShape, number: DecimalDigits): string {
  const { digitCount, decimalPos, thousandSeps } = shape;
  const firstDigit = shape.firstDigit < decimalPos ? decimalPos - shape.firstDigit : 0;
  const lastDigit = shape.lastDigit > decimalPos ? decimalPos - shape.lastDigit : 0;
  let digPos = number.scale > decimalPos ? number.scale : decimalPos;
  let adjust = number.scale - decimalPos;
  const separators = thousandSeps ? separatorPositions(digPos + (adjust < 0 ? adjust : 0), firstDigit) : [];
  let separatorIndex = separators.length - 1;
  const { digits } = number;
  let cur = 0;
  let out = number.negative && section === 0 && number.scale !== 0 ? '-' : '';
  let decimalWritten = false;

  const appendDigit = (digit: string): void => {
    out += digit;
    if (thousandSeps && digPos > 1 && separatorIndex >= 0 && digPos === (separators[separatorIndex] ?? 0) + 1) {
      out += ',';
      separatorIndex--;
    }
  };

  let i = section;
  while (i < format.length) {
    const c = format[i++] ?? '';
    if (c === ';') break;
    if (adjust > 0 && (c === '#' || c === '0' || c === '.')) {
      // More integer digits than placeholders: the extra ones come out at the first placeholder.
      while (adjust > 0) {
        appendDigit(cur < digits.length ? (digits[cur++] ?? '0') : '0');
        digPos--;
        adjust--;
      }
    }
    switch (c) {
      case '#':
      case '0': {
        let digit: string | undefined;
        if (adjust < 0) {
          adjust++;
          digit = digPos <= firstDigit ? '0' : undefined;
        } else {
          digit = cur < digits.length ? digits[cur++] : digPos > lastDigit ? '0' : undefined;
        }
        if (digit !== undefined) appendDigit(digit);
        digPos--;
        break;
      }
      case '.':
        if (digPos !== 0 || decimalWritten) break;
        if (lastDigit < 0 || (decimalPos < digitCount && cur < digits.length)) {
          out += '.';
          decimalWritten = true;
        }
        break;
      case '\u2030':
        out += '\u2030';
        break;
      case '%':
        out += '%';
        break;
      case ',':
        break;
      case "'":
      case '"':
        while (i < format.length && format[i] !== c) out += format[i++];
        if (i < format.length) i++;
        break;
      case '\\':
        if (i < format.length) out += format[i++];
        break;
      default:
        out += c;
    }
  }
  if (number.negative && section === 0 && number.scale === 0 && out.length > 0) out = `-${out}`;
  return out;
}

/** Digit positions (counted from the decimal point) after which a group separator goes. */
function separatorPositions(totalDigits: number, firstDigit: number): number[] {
  const positions: number[] = [];
  const numDigits = firstDigit > totalDigits ? firstDigit : totalDigits;
  for (let size = 3; numDigits > size; size += 3) positions.push(size);
  return positions;
}
