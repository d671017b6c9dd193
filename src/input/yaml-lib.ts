/**
 * The `yaml` package, loaded on first use. The fast reader
 * (./fast-yaml.ts) and printer (../cli/yaml-print.ts) handle the usual
 * Kubernetes YAML without it, and loading it was a noticeable part of the
 * CLI's start-up (docs/performance.md); it is loaded only for the text
 * they leave to it.
 *
 * @packageDocumentation
 */

let lib: typeof import('yaml') | undefined;

/** The `yaml` package (loaded by the first call). */
export function yamlLib(): typeof import('yaml') {
  return (lib ??= require('yaml') as typeof import('yaml'));
}
