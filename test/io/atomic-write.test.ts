/** `--out` never damages what is there: devices, links, read-only files and the run's own inputs. */
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { chmod, cp, lstat, mkdtemp, readFile, readdir, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { REPO } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const SCENARIO = 'test/fixtures/worked-example/scenario.yaml';
const CATALOG = 'test/fixtures/worked-example/catalog';
const compareTo = (out: string, cwd = REPO) => runCli(['compare', SCENARIO, '--catalog', CATALOG, '--format', 'csv', '--out', out], { cwd });

async function scratch(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'cloudtco-out-'));
}

describe('--out', () => {
  it('writes through a character device instead of replacing it (as root, rename would turn /dev/null into a file)', async () => {
    const result = await compareTo('/dev/null');
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await stat('/dev/null')).isCharacterDevice()).toBe(true);
  });

  it('writes through a named pipe to its reader', async () => {
    const dir = await scratch();
    const fifo = path.join(dir, 'report.pipe');
    execFileSync('mkfifo', [fifo]);
    const chunks: Buffer[] = [];
    const reading = new Promise<void>((resolve, reject) => {
      const stream = createReadStream(fifo);
      stream.on('data', (chunk) => chunks.push(chunk as Buffer));
      stream.on('end', resolve);
      stream.on('error', reject);
    });
    expect((await compareTo(fifo)).code).toBe(0);
    await reading;
    expect(Buffer.concat(chunks).toString('utf8')).toMatch(/^option,total,/);
    expect((await lstat(fifo)).isFIFO()).toBe(true);
  });

  it('follows a symbolic link: the file it points to gets the report, the link stays a link', async () => {
    const dir = await scratch();
    await writeFile(path.join(dir, 'real.csv'), 'old');
    await symlink('real.csv', path.join(dir, 'link.csv'));
    expect((await compareTo(path.join(dir, 'link.csv'))).code).toBe(0);
    expect((await lstat(path.join(dir, 'link.csv'))).isSymbolicLink()).toBe(true);
    expect(await readlink(path.join(dir, 'link.csv'))).toBe('real.csv');
    expect(await readFile(path.join(dir, 'real.csv'), 'utf8')).toMatch(/^option,total,/);
    expect((await readdir(dir)).sort()).toEqual(['link.csv', 'real.csv']);
  });

  it('follows a link to a file not yet there, creating it', async () => {
    const dir = await scratch();
    await symlink('made.csv', path.join(dir, 'link.csv'));
    expect((await compareTo(path.join(dir, 'link.csv'))).code).toBe(0);
    expect((await lstat(path.join(dir, 'link.csv'))).isSymbolicLink()).toBe(true);
    expect(await readFile(path.join(dir, 'made.csv'), 'utf8')).toMatch(/^option,total,/);
  });

  it('refuses a read-only file, leaving it and its mode as they were (root could otherwise replace it)', async () => {
    const dir = await scratch();
    const file = path.join(dir, 'locked.csv');
    await writeFile(file, 'keep me');
    await chmod(file, 0o444);
    const result = await compareTo(file);
    expect(result.stderr).toBe(`${file}: cannot write: it is read-only (mode 0444); make it writable, or write elsewhere\n`);
    expect(result.code).toBe(2);
    expect(await readFile(file, 'utf8')).toBe('keep me');
    expect((await stat(file)).mode & 0o777).toBe(0o444);
  });

  it("keeps a replaced file's mode", async () => {
    const dir = await scratch();
    const file = path.join(dir, 'shared.csv');
    await writeFile(file, 'old');
    await chmod(file, 0o640);
    expect((await compareTo(file)).code).toBe(0);
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect(await readFile(file, 'utf8')).toMatch(/^option,total,/);
  });

  it('refuses to overwrite its own input: the scenario, a catalog table, through a link too', async () => {
    const dir = await scratch();
    await cp(path.join(REPO, 'test/fixtures/worked-example'), dir, { recursive: true });
    await symlink('scenario.yaml', path.join(dir, 'alias.yaml'));
    const before = await readFile(path.join(dir, 'scenario.yaml'), 'utf8');
    for (const out of ['scenario.yaml', 'alias.yaml', 'catalog/models.csv']) {
      const result = await runCli(['compare', 'scenario.yaml', '--catalog', 'catalog', '--out', out], { cwd: dir });
      expect(result.code, out).toBe(2);
      expect(result.stderr, out).toMatch(new RegExp(`^${out.replace('.', '\\.')}: cannot write: it is an input of this run \\((the same path|scenario\\.yaml|models\\.csv)\\), and the report would replace it\\n$`));
    }
    expect(await readFile(path.join(dir, 'scenario.yaml'), 'utf8')).toBe(before);
    const baseline = path.join(dir, 'base.json');
    expect((await runCli(['compare', 'scenario.yaml', '--catalog', 'catalog', '--format', 'json', '--out', baseline], { cwd: dir })).code).toBe(0);
    const gate = await runCli(['check', 'scenario.yaml', '--catalog', 'catalog', '--baseline', 'base.json', '--format', 'json', '--out', 'base.json'], { cwd: dir });
    expect(gate.stderr).toBe('base.json: cannot write: it is an input of this run (the same path), and the report would replace it\n');
  });

  it('refuses a directory', async () => {
    const dir = await scratch();
    expect(await compareTo(dir)).toEqual({ code: 2, stdout: '', stderr: `${dir}: cannot write: it is a directory\n` });
  });

  it('writes nothing and leaves no temporary file when the directory is missing', async () => {
    const dir = await scratch();
    await expect(writeFileAtomic(path.join(dir, 'no/such/report.csv'), 'x', 'no/such/report.csv')).rejects.toThrow('no/such/report.csv: cannot write: its directory does not exist');
    expect(await readdir(dir)).toEqual([]);
  });
});
