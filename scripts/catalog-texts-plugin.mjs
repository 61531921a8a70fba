// An esbuild plugin for the runtime bundles (Excel functions.js and task pane, Sheets KPI.js and
// server): the catalog's help texts (summary, help, argument descriptions, example, source, in
// English and German) ship in functions.json / functions-de.json and the Apps Script JSDoc stubs,
// so the code that runs in a cell never needs them. The plugin blanks them in core/kpis/*.ts with a
// TypeScript AST transform (not text matching), and esbuild then drops the string constants they
// used. The npm package's main export keeps the full catalog.
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

const TEXT_OBJECTS = new Set(['summary', 'help', 'description']);
const TEXT_STRINGS = new Set(['example', 'source']);

function isTexts(node) {
  if (!ts.isObjectLiteralExpression(node)) return false;
  const names = node.properties.map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : ''));
  return names.length === 2 && names.includes('en') && names.includes('de');
}

function blankTexts(source, fileName) {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const f = ts.factory;
  const empty = () => f.createObjectLiteralExpression([
    f.createPropertyAssignment('en', f.createStringLiteral('')),
    f.createPropertyAssignment('de', f.createStringLiteral('')),
  ]);
  const transformer = (context) => {
    const visit = (node) => {
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
        const name = node.name.text;
        if (TEXT_OBJECTS.has(name) && isTexts(node.initializer)) return f.updatePropertyAssignment(node, node.name, empty());
        if (TEXT_STRINGS.has(name) && (ts.isStringLiteral(node.initializer) || ts.isNoSubstitutionTemplateLiteral(node.initializer) || ts.isTemplateExpression(node.initializer))) {
          return f.updatePropertyAssignment(node, node.name, f.createStringLiteral(''));
        }
      }
      return ts.visitEachChild(node, visit, context);
    };
    return (root) => ts.visitNode(root, visit);
  };
  const out = ts.transform(sf, [transformer]);
  const text = ts.createPrinter().printFile(out.transformed[0]);
  out.dispose();
  return text;
}

export function stripCatalogTexts() {
  return {
    name: 'strip-catalog-texts',
    setup(build) {
      build.onLoad({ filter: /[\\/]core[\\/]kpis[\\/][^\\/]+\.ts$/ }, async (args) => ({
        contents: blankTexts(await readFile(args.path, 'utf8'), args.path),
        loader: 'ts',
      }));
    },
  };
}
