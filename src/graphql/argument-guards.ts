import {
  defaultFieldResolver,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { badInput } from '../shared/errors';
import {
  isPlainText,
  isSupportedInstant,
  OUT_OF_RANGE_MESSAGE,
  PLAIN_TEXT_MESSAGE,
} from '../shared/inputs';

// Rules that hold for every argument of a kind, wherever it appears: an instant lies in the
// supported range, text has no control characters. Checked once here, before any resolver, so
// no service meets such a value; the import applies the same functions to its cells.

const TEXT_SCALARS = new Set(['String', 'ID']);

function check(type: GraphQLInputType, value: unknown, path: string): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return check(type.ofType, value, path);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item, i) => check(type.ofType, item, `${path}.${i}`));
    return;
  }
  const named = getNamedType(type);
  if (isInputObjectType(named)) {
    for (const field of Object.values(named.getFields())) {
      check(field.type, (value as Record<string, unknown>)[field.name], `${path}.${field.name}`);
    }
  } else if (named.name === 'DateTime' && value instanceof Date) {
    if (!isSupportedInstant(value)) throw badInput(path, OUT_OF_RANGE_MESSAGE);
  } else if (TEXT_SCALARS.has(named.name) && typeof value === 'string') {
    if (!isPlainText(value)) throw badInput(path, PLAIN_TEXT_MESSAGE);
  }
}

function guards(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === 'DateTime' || TEXT_SCALARS.has(named.name)) return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => guards(field.type, seen));
}

/** Wraps every field with instant or text arguments so that they are checked before it resolves. */
export function guardArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const guarded: GraphQLArgument[] = field.args.filter((arg) => guards(arg.type));
      if (guarded.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        for (const arg of guarded) check(arg.type, args[arg.name], arg.name);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
