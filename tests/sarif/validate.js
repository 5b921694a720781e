// validate.js SCHEMA LOG: exit 0 when LOG is valid against the SARIF schema, 1 with the errors.
'use strict';
const fs = require('fs');
const Ajv = require('ajv');

const [schemaPath, logPath] = process.argv.slice(2);
const ajv = new Ajv({schemaId: 'auto', allErrors: true});
ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
if (validate(JSON.parse(fs.readFileSync(logPath, 'utf8')))) process.exit(0);
for (const e of validate.errors) console.error(`${logPath}: ${e.dataPath || '/'} ${e.message}`);
process.exit(1);
