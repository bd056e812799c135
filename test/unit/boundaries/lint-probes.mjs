// Lints probe sources with the project's ESLint configuration (the Node API, as `npm run lint`
// does) and prints each probe's messages as JSON. A separate process because ESLint loads
// eslint.config.mjs with a dynamic import, which jest's module sandbox does not allow.
// stdin: [{ "path": "<file path from the root>", "code": "..." }]; stdout: [[{ ruleId, message }]].
import { join } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';

const root = process.argv[2] ?? process.cwd();
let input = '';
for await (const chunk of process.stdin) input += chunk;
// Probes are no files of the TypeScript program, so they are linted without type information.
const { withoutTypes } = await import(pathToFileURL(join(root, 'eslint.typed.mjs')).href);
const eslint = new ESLint({ cwd: root, overrideConfig: withoutTypes });
const out = [];
for (const { path, code } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  out.push((result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message })));
}
process.stdout.write(JSON.stringify(out));
