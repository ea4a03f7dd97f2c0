import { GraphQLError } from 'graphql';
import mongoose from 'mongoose';
import pino from 'pino';
import { AppError } from '../shared/errors';
import { createFormatError } from './format-error';

const logged: unknown[] = [];
const logger = pino({ level: 'error' }, { write: (line: string) => logged.push(line) });
const formatError = createFormatError(logger);

function fromResolver(
  original: Error,
): [GraphQLError['toJSON'] extends () => infer F ? F : never, unknown] {
  const wrapped = new GraphQLError(original.message, { originalError: original, path: ['x'] });
  return [wrapped.toJSON(), wrapped];
}

describe('formatError', () => {
  it('passes the project own coded errors with their field', () => {
    const [formatted, error] = fromResolver(
      new AppError('BAD_USER_INPUT', 'input.cs1: too big', 'input.cs1'),
    );
    expect(formatError(formatted, error)).toMatchObject({
      message: 'input.cs1: too big',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.cs1' },
    });
  });

  it('masks other errors and logs them in full', () => {
    logged.length = 0;
    const [formatted, error] = fromResolver(new Error('connect mongodb://user:secret@db failed'));
    const result = formatError(formatted, error);
    expect(result.message).toBe('Internal server error');
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(String(logged[0])).toContain('secret@db');
  });

  it('answers a database that cannot be reached as SERVICE_UNAVAILABLE, without its details', () => {
    const refused = new mongoose.mongo.MongoNetworkError('connect ECONNREFUSED mongodb://u:pw@db');
    const [formatted, error] = fromResolver(refused);
    const result = formatError(formatted, error);
    expect(result.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(result.message).not.toContain('pw@db');
  });

  it('keeps GraphQL validation errors visible', () => {
    const error = new GraphQLError('Cannot query field "x"', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(formatError(error.toJSON(), error)).toMatchObject({
      message: 'Cannot query field "x"',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
