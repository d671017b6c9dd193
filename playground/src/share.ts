/**
 * The page's state in its URL: the input, the config and the options,
 * compressed (raw DEFLATE, the browser's own CompressionStream) and written
 * as base64url after `#v1.`, so that a link reproduces a render and nothing
 * is sent to any server (the fragment never leaves the browser).
 */
import type { PlaygroundOptions } from './engine';

/** What a link carries. */
export interface SharedState {
  readonly input: string;
  readonly config: string;
  readonly options: PlaygroundOptions;
}

const PREFIX = '#v1.';

async function pipeBytes(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const body = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(body).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * The URL fragment for a state.
 *
 * @example
 * ```ts
 * location.hash = await encodeState({ input, config: '', options: DEFAULT_OPTIONS }); // '#v1.q1YqS...'
 * ```
 */
export async function encodeState(state: SharedState): Promise<string> {
  const json = JSON.stringify({ i: state.input, c: state.config, s: state.options.sidecars, n: state.options.nopContains });
  return PREFIX + toBase64Url(await pipeBytes(new TextEncoder().encode(json), new CompressionStream('deflate-raw')));
}

/**
 * The state in a URL fragment: `undefined` when the fragment holds none,
 * an error message when it holds a damaged one.
 */
export async function decodeState(hash: string): Promise<SharedState | { readonly error: string } | undefined> {
  if (!hash.startsWith(PREFIX)) return undefined;
  try {
    const bytes = await pipeBytes(fromBase64Url(hash.slice(PREFIX.length)), new DecompressionStream('deflate-raw'));
    const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
    if (typeof value !== 'object' || value === null) throw new Error('not an object');
    const { i, c, s, n } = value as { i?: unknown; c?: unknown; s?: unknown; n?: unknown };
    if (typeof i !== 'string' || typeof c !== 'string') throw new Error('no input or config text');
    const nopContains = Array.isArray(n) ? n.filter((x): x is string => typeof x === 'string') : [];
    return { input: i, config: c, options: { sidecars: s === 'native' ? 'native' : 'nop', nopContains } };
  } catch (e) {
    return { error: `the link's state could not be read (${e instanceof Error ? e.message : String(e)}); it may have been cut short` };
  }
}
