import { DatabaseUnavailableError } from './db/resolve-database';
import { redactUri, startupFailureMessage } from './startup-failure';

const config = { PORT: 4000, HOST: '0.0.0.0', MONGODB_URI: undefined };
const systemError = (code: string, syscall: string) =>
  Object.assign(new Error(`${syscall} ${code} 0.0.0.0:4000`), { code, syscall });

describe('startupFailureMessage', () => {
  it('names the port and the fix when the port is taken', () => {
    expect(startupFailureMessage(systemError('EADDRINUSE', 'listen'), config)).toBe(
      'Journey could not start: port 4000 on 0.0.0.0 is already in use: stop the process using it, or set PORT to another port.',
    );
  });

  it('explains privileged ports and unknown addresses', () => {
    expect(startupFailureMessage(systemError('EACCES', 'listen'), config)).toMatch(
      /not allowed to listen on port 4000 on 0\.0\.0\.0: set PORT/,
    );
    expect(startupFailureMessage(systemError('EADDRNOTAVAIL', 'listen'), config)).toMatch(
      /HOST 0\.0\.0\.0 is not an address of this machine/,
    );
  });

  it('passes on what the database resolution says is missing', () => {
    const error = new DatabaseUnavailableError('No database available: install a JDK');
    expect(startupFailureMessage(error, config)).toBe(
      'Journey could not start: No database available: install a JDK',
    );
  });

  it('names an unreachable MONGODB_URI without its password', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 10.0.0.9:27017\n  at …'), {
      name: 'MongooseServerSelectionError',
    });
    const uri = 'mongodb://journey:secret@10.0.0.9:27017/journey';
    expect(startupFailureMessage(error, { ...config, MONGODB_URI: uri })).toBe(
      'Journey could not start: cannot reach the database at mongodb://…@10.0.0.9:27017/journey (MONGODB_URI): connect ECONNREFUSED 10.0.0.9:27017',
    );
    expect(redactUri('mongodb://10.0.0.9')).toBe('mongodb://10.0.0.9');
  });

  it('keeps only the first line of anything else', () => {
    expect(startupFailureMessage(new Error('boom\n    at x.ts:1'), config)).toBe(
      'Journey could not start: boom',
    );
  });
});
