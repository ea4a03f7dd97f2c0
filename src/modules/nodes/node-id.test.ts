import { Types } from 'mongoose';
import { compositeNodeId, parseNodeId } from './node-id';

describe('global ids', () => {
  it('reads an ObjectId in hex as a stored object', () => {
    const id = new Types.ObjectId();
    expect(parseNodeId(id.toHexString())).toEqual({ kind: 'stored', objectId: id });
  });

  it('round-trips a composite id, which never looks like an ObjectId', () => {
    const id = compositeNodeId('BranchScorecard', 'HZ', '2026-Q3');
    expect(id).not.toMatch(/^[0-9a-f]{24}$/);
    expect(parseNodeId(id)).toEqual({
      kind: 'composite',
      typename: 'BranchScorecard',
      key: ['HZ', '2026-Q3'],
    });
  });

  it.each([
    '',
    'nope',
    '0123',
    Buffer.from('n1:{"a":1}').toString('base64url'),
    'ABCDEF0123456789abcdef01',
  ])('treats %j as naming nothing', (id) => expect(parseNodeId(id)).toEqual({ kind: 'invalid' }));
});
