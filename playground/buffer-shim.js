// The library uses Node's global Buffer (byte lengths, UTF-8, base64,
// SHA-256 output); in the browser the `buffer` package provides the same
// API. esbuild injects this file wherever the bundle reads `Buffer`.
export { Buffer } from 'buffer';
