// Validates an AsyncAPI document with the AsyncAPI project's own parser (and its Avro schema
// parser). Prints every diagnostic; exits 1 when any is an error. Usage: node validate-asyncapi.mjs <file>
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';

const [file, modules] = process.argv.slice(2);
const require = createRequire(resolve(modules, 'package.json'));
const { Parser, fromFile } = require('@asyncapi/parser');
const { AvroSchemaParser } = require('@asyncapi/avro-schema-parser');

const parser = new Parser();
parser.registerSchemaParser(AvroSchemaParser());
const { document, diagnostics } = await fromFile(parser, resolve(file)).parse();
let errors = 0;
for (const d of diagnostics) {
  const severity = ['error', 'warning', 'info', 'hint'][d.severity] ?? String(d.severity);
  if (d.severity === 0) errors++;
  console.log(`${severity} ${d.code} /${(d.path || []).join('/')}: ${d.message}`);
}
if (!document || errors > 0) {
  console.log(`INVALID: ${errors} error(s)`);
  process.exit(1);
}
console.log(`VALID: ${document.channels().length} channels, ${document.operations().length} operations, ` +
  `${document.allMessages().length} messages`);
