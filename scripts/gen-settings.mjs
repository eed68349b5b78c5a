#!/usr/bin/env node
// npm run gen:settings [-- --check]: writes the settings' three outside forms from their one description and
// its texts (server/src/core/settingsSchema.ts), the rule registry and the rules' descriptions:
//   package.json            contributes.configuration (VS Code settings UI and completion in settings.json)
//   schemas/article-lint.schema.json   (completion and checks in .article-lint.json)
//   package.nls.json, package.nls.zh-cn.json   (the English and Chinese texts of the VS Code settings)
// --check writes nothing and exits 1 naming each file that differs. test/unit/settingsSchema.test.ts runs the
// same rendering in npm test, so a hand edit of any of these files, or a new setting not regenerated, fails.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEVERITIES = ['off', 'hint', 'information', 'warning', 'error'];

/** The nls key of a setting's description, and of one of its values. */
const nlsKey = (key, value) => (value === undefined ? `config.${key}` : `config.${key}.${value}`);

function ruleSettingSchema(withBoolean) {
  const severity = { type: 'string', enum: SEVERITIES };
  if (!withBoolean) return { anyOf: [severity, { type: 'object', properties: { severity } }] };
  return { anyOf: [severity, { type: 'boolean' }, { type: 'object', properties: { severity }, additionalProperties: true }] };
}

/**
 * The three forms, from the descriptions, their texts by key ({ description: { en, zh }, values? }), the rules
 * (each { id, defaultSeverity }) and the rules' descriptions by id ({ en, zh }).
 * Returns { configuration, schema, nls: { en, zh } }; `nls` holds only the settings' keys.
 */
export function renderSettings(descriptions, texts, rules, ruleDescriptions) {
  const en = {};
  const zh = {};
  const properties = {};
  const schemaProperties = {};
  for (const description of descriptions) {
    const { key } = description;
    const text = texts[key];
    // The nls files hold the VS Code settings' texts; a setting of the project file only needs none.
    const inEditor = description.where !== 'file';
    if (inEditor) {
      en[nlsKey(key)] = text.description.en;
      zh[nlsKey(key)] = text.description.zh;
    }
    const bilingual = `${text.description.en} ${text.description.zh}`;
    let editor;
    let file;
    if (description.type === 'rules') {
      editor = { type: 'object', default: {}, scope: description.scope, markdownDescription: `%${nlsKey(key)}%`, additionalProperties: ruleSettingSchema(false), properties: {} };
      file = { description: bilingual, type: 'object', additionalProperties: false, properties: {} };
      for (const rule of rules) {
        const ruleKey = `config.rule.${rule.id}`;
        const ruleDescription = ruleDescriptions[rule.id];
        en[ruleKey] = `${ruleDescription.en} (default: \`${rule.defaultSeverity}\`)`;
        zh[ruleKey] = `${ruleDescription.zh}（默认：\`${rule.defaultSeverity}\`）`;
        editor.properties[rule.id] = { ...ruleSettingSchema(true), markdownDescription: `%${ruleKey}%` };
        file.properties[rule.id] = { description: `${ruleDescription.en} ${ruleDescription.zh} (default: ${rule.defaultSeverity})`, ...ruleSettingSchema(true) };
      }
    } else if (description.type === 'choice') {
      const { values } = description;
      for (const value of values.filter(() => inEditor)) {
        en[nlsKey(key, value)] = text.values[value].en;
        zh[nlsKey(key, value)] = text.values[value].zh;
      }
      editor = {
        type: 'string',
        enum: values,
        default: description.default,
        scope: description.scope,
        markdownDescription: `%${nlsKey(key)}%`,
        enumDescriptions: values.map((value) => `%${nlsKey(key, value)}%`),
      };
      file = {
        description: `${bilingual} (default: ${description.default})`,
        type: 'string',
        enum: values,
        default: description.default,
        enumDescriptions: values.map((value) => `${text.values[value].en} ${text.values[value].zh}`),
      };
    } else if (description.type === 'number') {
      editor = { type: description.integer ? 'integer' : 'number', default: description.default, minimum: 1, scope: description.scope, markdownDescription: `%${nlsKey(key)}%` };
      file = { description: `${bilingual} (default: ${description.default})`, type: description.integer ? 'integer' : 'number', exclusiveMinimum: 0, default: description.default };
    } else {
      editor = { type: 'string', scope: description.scope, markdownDescription: `%${nlsKey(key)}%` };
      file = { description: bilingual, type: 'string' };
    }
    if (description.where !== 'file') properties[`article.${key}`] = editor;
    if (description.where !== 'editor') schemaProperties[key] = file;
  }
  const configuration = { title: 'Article Lint', properties };
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://article-lint/schemas/article-lint.schema.json',
    title: 'article-lint settings (.article-lint.json)',
    description: 'Settings shared by the article-lint CLI and the VS Code extension; VS Code settings apply on top. Generated from server/src/core/settingsSchema.ts by npm run gen:settings.',
    type: 'object',
    properties: schemaProperties,
    additionalProperties: false,
  };
  return { configuration, schema, nls: { en, zh } };
}

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

/** Each generated file's path and wanted text, given the current files (the nls files keep their other keys). */
export function renderFiles(descriptions, texts, rules, ruleDescriptions, root = ROOT) {
  const read = (file) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
  const { configuration, schema, nls } = renderSettings(descriptions, texts, rules, ruleDescriptions);
  const manifest = read('package.json');
  manifest.contributes.configuration = configuration;
  const withSettings = (file, strings) => {
    const current = read(file);
    const kept = Object.fromEntries(Object.entries(current).filter(([key]) => !key.startsWith('config.')));
    return json({ ...kept, ...strings });
  };
  return {
    'package.json': json(manifest),
    'schemas/article-lint.schema.json': json(schema),
    'package.nls.json': withSettings('package.nls.json', nls.en),
    'package.nls.zh-cn.json': withSettings('package.nls.zh-cn.json', nls.zh),
  };
}

async function main() {
  const check = process.argv.includes('--check');
  const { loadCore } = await import('./load-core.mjs');
  const core = await loadCore();
  const files = renderFiles(core.settingDescriptions, core.settingTexts, core.rules, core.ruleDescriptions);
  const stale = [];
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(ROOT, file);
    if (fs.readFileSync(full, 'utf8') === text) continue;
    stale.push(file);
    if (!check) fs.writeFileSync(full, text);
  }
  if (check && stale.length > 0) {
    console.error(`out of date with server/src/core/settingsSchema.ts: ${stale.join(', ')} (run npm run gen:settings)`);
    process.exit(1);
  }
  console.log(stale.length === 0 ? 'settings files are up to date' : `${check ? 'stale' : 'wrote'}: ${stale.join(', ')}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
