/**
 * Kubernetes' name rules (k8s.io/apimachinery/pkg/util/validation, as
 * vendored at 6c132b937e), with its messages: the webhook checked pipeline
 * task names as qualified names, the API server checked object names as
 * DNS-1123 subdomains and label values as label values.
 *
 * @packageDocumentation
 */

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const SUBDOMAIN_FMT = `${LABEL_FMT}(\\.${LABEL_FMT})*`;
const SUBDOMAIN = new RegExp(`^${SUBDOMAIN_FMT}$`);
const SUBDOMAIN_MSG = "a DNS-1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE = new RegExp(`^${LABEL_VALUE_FMT}$`);
const LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

const maxLen = (n: number): string => `must be no more than ${n} characters`;

function regexError(msg: string, fmt: string, ...examples: readonly string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  // Go wrote each example as `'x', ` and put ` or ` between them: two spaces before each "or".
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

/**
 * Why `value` is not a DNS-1123 subdomain (an object name), as Go's
 * IsDNS1123Subdomain listed it; empty when it is one.
 *
 * @example
 * ```ts
 * dns1123SubdomainProblems('build.v1'); // []
 * dns1123SubdomainProblems('Build'); // ["a DNS-1123 subdomain must consist of ..."]
 * ```
 */
export function dns1123SubdomainProblems(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLen(253));
  if (!SUBDOMAIN.test(value)) errs.push(regexError(SUBDOMAIN_MSG, SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

/**
 * Why `value` is not a qualified name (an optional DNS subdomain prefix and
 * `/`, then at most 63 characters), as Go's IsQualifiedName listed it.
 *
 * @example
 * ```ts
 * qualifiedNameProblems('build-web'); // []
 * qualifiedNameProblems('-x'); // ["name part must consist of ..."]
 * ```
 */
export function qualifiedNameProblems(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...dns1123SubdomainProblems(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push(`name part ${maxLen(63)}`);
  if (!QUALIFIED_NAME.test(name)) errs.push(`name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

/**
 * Why `value` is not a valid label value, as Go's IsValidLabelValue listed it.
 *
 * @example
 * ```ts
 * labelValueProblems('my_value'); // []
 * labelValueProblems('a/b'); // ["a valid label must be ..."]
 * ```
 */
export function labelValueProblems(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLen(63));
  if (!LABEL_VALUE.test(value)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}
