/**
 * Virtual workspaces: documents that live on a file system provider of another extension (a remote
 * repository, an in-memory file system) have no `file:` path. The suite registers an in-memory
 * file system for a scheme of its own and expects the same hovers and problems as on disk.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { hoverText, open, positionOf, problemOf } from './helpers';

const SCHEME = 'cptlens-memfs';

/** The smallest file system VS Code can open documents from: files in one map, folders implied. */
class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly files = new Map<string, { data: Uint8Array; mtime: number }>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (file) return { type: vscode.FileType.File, ctime: 0, mtime: file.mtime, size: file.data.byteLength };
    if ([...this.files.keys()].some((p) => p.startsWith(uri.path.endsWith('/') ? uri.path : `${uri.path}/`))) {
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    }
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
    const names = new Map<string, vscode.FileType>();
    for (const p of this.files.keys()) {
      if (!p.startsWith(prefix)) continue;
      const [first, ...more] = p.slice(prefix.length).split('/');
      names.set(first, more.length ? vscode.FileType.Directory : vscode.FileType.File);
    }
    return [...names];
  }

  createDirectory(): void {}

  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file.data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    const existed = this.files.has(uri.path);
    this.files.set(uri.path, { data: content, mtime: Date.now() });
    this.changed.fire([{ type: existed ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
    this.changed.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(from: vscode.Uri, to: vscode.Uri): void {
    this.writeFile(to, this.readFile(from));
    this.delete(from);
  }
}

describe('virtual documents: a file system without file: paths', () => {
  const memfs = new MemoryFileSystem();
  let registration: vscode.Disposable;
  const uriOf = (path: string) => vscode.Uri.from({ scheme: SCHEME, path });

  before(async () => {
    registration = vscode.workspace.registerFileSystemProvider(SCHEME, memfs, { isCaseSensitive: true });
    // The same bytes as the workspace fixtures, served from memory.
    for (const name of ['chargemaster.csv', 'claim.837']) {
      const onDisk = await open(name);
      await vscode.workspace.fs.writeFile(uriOf(`/remote-repo/${name}`), new TextEncoder().encode(onDisk.getText()));
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    registration.dispose();
  });

  async function openVirtual(name: string): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument(uriOf(`/remote-repo/${name}`));
    await vscode.window.showTextDocument(document);
    assert.equal(document.uri.scheme, SCHEME);
    return document;
  }

  it('a charge-master CSV there gets the code card on hover', async () => {
    const document = await openVirtual('chargemaster.csv');
    assert.equal(document.languageId, 'csv');
    const text = await hoverText(document, positionOf(document, '64866', 2));
    assert.ok(text.includes('64866 — Anastomosis; facial\\-spinal accessory nerve'), text);
    assert.ok(text.includes('Inpatient only \\(CMS\\)'), text);
  });

  it('a charge-master CSV there gets its problems', async () => {
    const document = await openVirtual('chargemaster.csv');
    const problem = await problemOf(document, 'inpatient-only-outpatient');
    assert.equal(document.getText(problem.range), '64866');
  });

  it('an X12 claim there gets hovers and problems', async () => {
    const document = await openVirtual('claim.837');
    assert.equal(document.languageId, 'x12');
    const text = await hoverText(document, positionOf(document, '64866', 2));
    assert.ok(text.includes('64866 — Anastomosis'), text);
    // Place of service 22 (outpatient hospital) on the claim.
    const problem = await problemOf(document, 'inpatient-only-outpatient');
    assert.equal(document.getText(problem.range), '64866');
  });
});
