import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Which stored fields a request needs of the records it lists, so list reads decode only those
 * (the account screen reads some 250 records per request; whole, their decoding was most of its
 * time). A selected field is read as:
 * - the stored fields declared for it (`declareFieldReads`, beside its resolver), or
 * - the stored field of the same name when the type has no resolver for it, or
 * - unknown: the whole record is read. Never guessing keeps every answer the same as a full read.
 */

/**
 * Reads of a field that are enough for some records only: `reads` for every record, `more` as well
 * for the records `needsMore` picks once read (read again by `_id`, in a second round). E.g. a
 * settled ticket's SLA state is its stored measures; an open one's needs its whole state.
 */
export type PartialReads = {
  reads: readonly string[];
  more: readonly string[];
  needsMore: (row: Record<string, unknown>) => boolean;
};

/** Per GraphQL field with a resolver: the top-level stored fields the resolver reads. */
export type FieldReads = Record<string, readonly string[] | PartialReads>;

const declared = new Map<string, FieldReads>();

/** Declares what resolvers of `typename` read (called once by the module defining them). */
export function declareFieldReads(typename: string, reads: FieldReads): void {
  declared.set(typename, { ...declared.get(typename), ...reads });
}

// Per schema: the fields each object type has its own resolver for (recorded when it is built).
const resolvedFields = new WeakMap<GraphQLSchema, Map<string, Set<string>>>();

/** Records which fields of `schema` have resolvers (from the merged resolver map it was built of). */
export function rememberResolvedFields(
  schema: GraphQLSchema,
  resolvers: Record<string, unknown>,
): void {
  const byType = new Map<string, Set<string>>();
  for (const [typename, fields] of Object.entries(resolvers)) {
    if (fields && typeof fields === 'object') byType.set(typename, new Set(Object.keys(fields)));
  }
  // Interface resolvers are inherited by the types implementing them.
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const own = byType.get(type.name) ?? new Set<string>();
    for (const face of type.getInterfaces()) byType.get(face.name)?.forEach((f) => own.add(f));
    byType.set(type.name, own);
  }
  resolvedFields.set(schema, byType);
}

type Selected = Map<string, Set<string>>;

// Field names selected on each object type anywhere in the operation (through fragments; a field
// selected on an interface or union counts for each of its types). Cached per parsed operation,
// which Apollo keeps across requests of the same document.
const selectedByOperation = new WeakMap<OperationDefinitionNode, Selected>();

function selectedFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): Selected {
  const cached = selectedByOperation.get(operation);
  if (cached) return cached;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const selected: Selected = new Map();
  const walked = new WeakMap<SelectionSetNode, Set<string>>();
  const walk = (set: SelectionSetNode, type: GraphQLCompositeType | undefined | null) => {
    if (!type) return;
    const done = walked.get(set) ?? new Set<string>();
    if (done.has(type.name)) return;
    walked.set(set, done.add(type.name));
    const targets = isAbstractType(type) ? schema.getPossibleTypes(type) : [type];
    const fieldsOf = isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) continue;
        for (const target of targets) {
          selected.set(target.name, (selected.get(target.name) ?? new Set()).add(name));
        }
        const field = fieldsOf[name];
        const child = field && getNamedType(field.type);
        if (selection.selectionSet && child && isCompositeType(child)) {
          walk(selection.selectionSet, child);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        walk(selection.selectionSet, condition ? compositeType(schema, condition) : type);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) {
          walk(fragment.selectionSet, compositeType(schema, fragment.typeCondition.name.value));
        }
      }
    }
  };
  const root = schema.getRootType(operation.operation);
  if (root) walk(operation.selectionSet, root);
  selectedByOperation.set(operation, selected);
  return selected;
}

function compositeType(schema: GraphQLSchema, name: string): GraphQLCompositeType | null {
  const type = schema.getType(name);
  return type && isCompositeType(type) ? type : null;
}

/** A mongoose model's schema, as far as projections need it. */
type StoredShape = { schema: { pathType(path: string): string } };

/** A projection of top-level stored fields (`_id` is always included by the database). */
export type Projection = Record<string, 1>;

/**
 * What to read of a type's records: `projection` (null: whole records) and, when some selected
 * field reads more of some records (`PartialReads`), what to read of those in a second round.
 */
export type RecordReads = {
  projection: Projection | null;
  more: { projection: Projection; needed: (row: Record<string, unknown>) => boolean } | null;
};

// Per operation and type: the reads computed for it.
const projections = new WeakMap<OperationDefinitionNode, Map<string, RecordReads>>();

/**
 * The request's operation, once Apollo has resolved it (set by `operationSelectionPlugin`); until
 * then, and for anything it cannot account for, list reads read whole records.
 */
export function createOperationSelection() {
  let current: {
    schema: GraphQLSchema;
    document: DocumentNode;
    op: OperationDefinitionNode;
  } | null = null;
  return {
    set(schema: GraphQLSchema, document: DocumentNode, op: OperationDefinitionNode) {
      current = { schema, document, op };
    },
    /**
     * The stored fields to read of `typename`'s records (`model`) for what the operation selects
     * on that type, plus `always` (what the reader itself needs); whole records when unknown.
     */
    reads(typename: string, model: StoredShape, always: readonly string[]): RecordReads {
      if (!current) return WHOLE;
      const { schema, document, op } = current;
      const known = projections.get(op) ?? new Map<string, RecordReads>();
      projections.set(op, known);
      if (!known.has(typename)) {
        const fields = selectedFields(schema, document, op).get(typename) ?? new Set<string>();
        known.set(typename, readsOf(schema, typename, model, fields, always));
      }
      return known.get(typename)!;
    },
    /** Whether the operation selects `field` on `typename` anywhere (false until it is known). */
    selects(typename: string, field: string): boolean {
      if (!current) return false;
      const { schema, document, op } = current;
      return selectedFields(schema, document, op).get(typename)?.has(field) ?? false;
    },
  };
}

/** The request's operation selection (see `createOperationSelection`). */
export type OperationSelection = ReturnType<typeof createOperationSelection>;

const WHOLE: RecordReads = { projection: null, more: null };

function readsOf(
  schema: GraphQLSchema,
  typename: string,
  model: StoredShape,
  fields: Set<string>,
  always: readonly string[],
): RecordReads {
  const resolved = resolvedFields.get(schema)?.get(typename);
  if (!resolved) return WHOLE;
  const reads = declared.get(typename) ?? {};
  const paths = new Set(always);
  const partial: PartialReads[] = [];
  for (const field of fields) {
    const declaredReads = reads[field];
    if (Array.isArray(declaredReads)) declaredReads.forEach((path) => paths.add(path));
    else if (declaredReads) {
      const { reads: some } = declaredReads as PartialReads;
      some.forEach((path) => paths.add(path));
      partial.push(declaredReads as PartialReads);
    } else if (!resolved.has(field) && isStored(model, field)) paths.add(field);
    else return WHOLE;
  }
  const projection = projectionFrom(paths);
  // Second-round reads only where the first round does not already read them.
  const wanting = partial.filter((p) => p.more.some((path) => !paths.has(path)));
  if (wanting.length === 0) return { projection, more: null };
  const more = new Set([...paths, ...wanting.flatMap((p) => p.more)]);
  // Each check once (fields may share one: a ticket's SLA state and minutes left).
  const checks = [...new Set(wanting.map((p) => p.needsMore))];
  return {
    projection,
    more: {
      projection: projectionFrom(more),
      needed: checks.length === 1 ? checks[0]! : (row) => checks.some((check) => check(row)),
    },
  };
}

const projectionFrom = (paths: Iterable<string>): Projection =>
  Object.fromEntries([...paths].map((path) => [path, 1] as const));

const isStored = (model: StoredShape, field: string) =>
  ['real', 'nested'].includes(model.schema.pathType(field));
