// Loads every template into the real SurveyJS model (survey-core) and checks what the Java tests
// cannot see: SurveyJS accepts every property once Sentio's metadata properties are registered,
// each rating renders exactly scaleMin..scaleMax, every locale renders its own texts, and a
// complete answer set passes SurveyJS's own required-field validation.
// Not part of the Maven build (it needs node and survey-core). Usage:
//   node survey-templates/src/test/js/check-surveyjs.cjs <dir containing survey-core's package.json>
const path = require("path");
const fs = require("fs");
const core = process.argv[2];
if (!core) { console.error("usage: check-surveyjs.cjs <survey-core package dir>"); process.exit(2); }
const S = require(path.join(core, "survey.core.js"));
require(path.join(core, "i18n", "simplified-chinese.js"));
require(path.join(core, "i18n", "traditional-chinese.js"));

// The registration the respondent page should do too, so SurveyJS keeps (not drops) the metadata.
for (const p of ["construct", "measure", "aspect"]) S.Serializer.addProperty("question", { name: p, visible: false });
for (const p of ["scaleMin:number", "scaleMax:number"]) S.Serializer.addProperty("question", { name: p, visible: false });
S.Serializer.addProperty("survey", { name: "sentio", visible: false });

const root = path.join(__dirname, "..", "..", "main", "resources", "survey-templates");
const index = JSON.parse(fs.readFileSync(path.join(root, "index.json"), "utf8"));
let failures = 0;
const fail = (msg) => { failures++; console.error("FAIL " + msg); };

for (const entry of index) {
  const json = JSON.parse(fs.readFileSync(path.join(root, entry.id, entry.version + ".json"), "utf8"));
  const m = new S.Model(json);
  if (m.jsonErrors && m.jsonErrors.length) fail(`${entry.id}: ${m.jsonErrors.map(e => e.message).join("; ")}`);
  const questions = m.getAllQuestions();
  const answers = {};
  for (const q of questions) {
    if (q.getType() === "rating") {
      const vals = q.visibleRateValues.map(v => v.value);
      const want = [];
      for (let v = q.scaleMin; v <= q.scaleMax; v++) want.push(v);
      if (JSON.stringify(vals) !== JSON.stringify(want)) fail(`${entry.id}.${q.name}: renders ${vals}, metadata says ${want}`);
      answers[q.name] = q.scaleMax;
    } else if (q.getType() === "radiogroup") {
      answers[q.name] = q.choices[0].value;
    }
  }
  const titles = new Set();
  for (const locale of ["", "zh-cn", "zh-tw"]) {
    m.locale = locale;
    titles.add(m.title + "|" + questions.map(q => q.title).join("|"));
  }
  if (titles.size !== 3) fail(`${entry.id}: the three locales do not render three different text sets`);
  m.locale = "";
  m.data = answers;
  let invalid = 0;
  for (const p of m.pages) if (p.hasErrors(false, false)) invalid++;
  if (invalid) fail(`${entry.id}: a complete answer set fails SurveyJS validation on ${invalid} page(s)`);
  m.data = {};
  if (!m.pages[0].hasErrors(false, false)) fail(`${entry.id}: an empty first page passes validation (nothing required?)`);
  const last = questions[questions.length - 1];
  if (last.name !== "COMMENT" || last.getType() !== "comment" || last.isRequired) fail(`${entry.id}: last question is ${last.name}`);
  console.log(`ok ${entry.id} v${entry.version}: ${questions.length} questions, ${m.pages.length} page(s)`);
}
if (failures) { console.error(failures + " failure(s)"); process.exit(1); }
