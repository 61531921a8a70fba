// Builds every bundle with esbuild. Later hosts add their steps here.
import { build } from 'esbuild';
import { rmSync, mkdirSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });

// The package's main export: an ES module for Node and bundlers.
await build({
  entryPoints: ['core/index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  sourcemap: false,
  legalComments: 'none',
});
console.log('built dist/index.js');
