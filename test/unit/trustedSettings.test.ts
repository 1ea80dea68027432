import { strict as assert } from 'assert';
import { readableDataFiles } from '../../src/core/config/trustedSettings';

describe('workspace trust: which data files are read', () => {
  const inspected = {
    globalValue: ['/home/coder/cpt/LONGULT.txt'],
    workspaceValue: ['../../etc/passwd', { path: 'payer/list.csv', mapping: { code: 'CPT' } }],
    workspaceFolderValue: ['more.csv'],
  };

  it('in an untrusted workspace only the user setting is read', () => {
    assert.deepEqual(readableDataFiles(inspected, false), [{ path: '/home/coder/cpt/LONGULT.txt' }]);
  });

  it('in a trusted workspace the workspace and folder values follow the user setting', () => {
    assert.deepEqual(readableDataFiles(inspected, true).map((e) => e.path), ['/home/coder/cpt/LONGULT.txt', '../../etc/passwd', 'payer/list.csv', 'more.csv']);
  });

  it('values of the wrong shape are ignored, not thrown on', () => {
    assert.deepEqual(readableDataFiles({ globalValue: [42, null, '', { nope: 1 }] as never }, true), []);
    assert.deepEqual(readableDataFiles(undefined, true), []);
  });
});
