// Binds Adaptive Card templates with the official adaptivecards-templating library and checks the
// result with the official adaptivecards parser: the reference the .NET binder is tested against.
// stdin: [{"template": {...}, "data": {...}, "validate": true|false}, ...]
// stdout: [{"card": <expanded JSON>, "problems": ["..."]} | {"error": "..."}, ...]
"use strict";
const ACData = require("adaptivecards-templating");
const AC = require("adaptivecards/dist/adaptivecards.js");

function validate(card) {
  const problems = [];
  const context = new AC.SerializationContext();
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    problems.push(context.getEventAt(i).message);
  }
  for (const e of parsed.validateProperties().validationEvents ?? []) {
    problems.push(e.message);
  }
  return problems;
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", chunk => (input += chunk));
process.stdin.on("end", () => {
  const results = JSON.parse(input).map(job => {
    try {
      const card = new ACData.Template(job.template).expand({ $root: job.data });
      return { card, problems: job.validate ? validate(card) : [] };
    } catch (e) {
      return { error: String(e && e.message ? e.message : e) };
    }
  });
  process.stdout.write(JSON.stringify(results));
});
