import { ConfigError, loadConfig } from './env';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 4000,
      DATA_DIR: '.data',
      LOG_LEVEL: 'info',
      EMBEDDED_ENGINE: 'auto',
    });
    expect(config.MONGODB_URI).toBeUndefined();
    expect(config.DEMO_DATA).toBeUndefined();
  });

  it('names PORT when it is not a number', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT: /);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: '70000', LOG_LEVEL: 'loud', DEMO_DATA: 'yes' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const fields = (error as ConfigError).problems.map((p) => p.split(':')[0]);
      expect(fields.sort()).toEqual(['DEMO_DATA', 'LOG_LEVEL', 'PORT']);
    }
  });

  it('rejects a MONGODB_URI that is not a MongoDB connection string', () => {
    expect(() => loadConfig({ MONGODB_URI: 'http://db:27017' })).toThrow(/MONGODB_URI/);
  });

  it('parses flags and treats empty strings as unset', () => {
    const config = loadConfig({ DEMO_DATA: 'false', PORT: '', MONGODB_URI: '' });
    expect(config.DEMO_DATA).toBe(false);
    expect(config.PORT).toBe(4000);
    expect(config.MONGODB_URI).toBeUndefined();
  });
});
