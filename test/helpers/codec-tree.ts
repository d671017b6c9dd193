/**
 * Walking taskpod's codec tree as the tests that compare it with Go's types
 * do: which codecs are structs, maps and lists, and the codec under the
 * recursion and zero-value wrappers.
 */
import * as t from 'io-ts';
import type { MapType, StructType } from '../../src/model/struct';

export const isStruct = (c: t.Mixed): c is StructType<t.Props> => 'props' in c && 'embedded' in c;
export const isMap = (c: t.Mixed): c is MapType<t.Mixed> => 'codomain' in c;
export const isList = (c: t.Mixed): c is t.ReadonlyArrayC<t.Mixed> => c instanceof t.ReadonlyArrayType || c instanceof t.ArrayType;

/** The codec that decodes: through recursion and zero-value wrappers. */
export function bare(c: t.Mixed): t.Mixed {
  if (c instanceof t.RecursiveType) return bare(c.type as t.Mixed);
  if ('rule' in c && 'codec' in c) return bare((c as unknown as { codec: t.Mixed }).codec);
  return c;
}
