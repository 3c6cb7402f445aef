// Validates Teams app manifests against the official JSON schema shipped in @microsoft/app-manifest,
// picking the schema for the manifestVersion each manifest declares (offline: no schema download).
// Ajv is set up the way that package's own validator sets it up (draft-04, all errors, uri/email/regex).
// argv: manifest paths. stdout: [{"path", "schema", "errors": ["..."]}, ...]
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv04 = require("ajv-draft-04");
const addFormats = require("ajv-formats");

const schemas = path.join(path.dirname(require.resolve("@microsoft/app-manifest/package.json")), "build", "json-schemas", "teams");

function validatorFor(version) {
  const file = path.join(schemas, `v${version}`, "MicrosoftTeams.schema.json");
  if (!fs.existsSync(file)) {
    return null;
  }
  // One pattern in the schema uses "\a", which a JS regex rejects; the package applies the same fix.
  const schema = JSON.parse(fs.readFileSync(file, "utf8").replace(/\\a/g, "\\x07"));
  const ajv = new Ajv04({ allErrors: true, strictTypes: false });
  addFormats(ajv, ["uri", "email", "regex"]);
  return ajv.compile(schema);
}

const results = [];
for (const file of process.argv.slice(2)) {
  const manifest = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  const version = manifest.manifestVersion;
  const validate = validatorFor(version);
  if (validate === null) {
    results.push({ path: file, schema: null, errors: [`no official schema for manifestVersion ${version}`] });
    continue;
  }
  const errors = validate(manifest)
    ? []
    : validate.errors.map(e => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  results.push({ path: file, schema: `v${version}`, errors });
}
process.stdout.write(JSON.stringify(results));
