/**
 * Freezes plain objects and arrays, down to their innermost plain values (dates, ObjectIds and
 * other class instances stay as they are): for values shared by requests, which none may change.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    if (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype) {
      Object.freeze(value);
      for (const inner of Object.values(value)) deepFreeze(inner);
    }
  }
  return value;
}
