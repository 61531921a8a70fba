/**
 * No merge conflict is left in a tracked text file: a marker line in the docs or the code is a
 * merge that was not finished (one slipped into docs/architecture.md once).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TEXT = /\.(ts|js|mjs|cjs|json|md|html|css|gs|yml|yaml|txt)$/;

describe('the working tree', () => {
  it('holds no merge-conflict markers in tracked text files', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter((f) => TEXT.test(f) && !f.startsWith('test/fixtures/'));
    const found: string[] = [];
    for (const f of files) {
      let text: string;
      try {
        text = readFileSync(path.join(ROOT, f), 'utf8');
      } catch {
        continue; // listed but deleted in the working tree
      }
      text.split('\n').forEach((line, i) => {
        if (/^(<{7} |>{7} |={7}$)/.test(line)) found.push(`${f}:${i + 1}`);
      });
    }
    expect(found).toEqual([]);
  });
});
