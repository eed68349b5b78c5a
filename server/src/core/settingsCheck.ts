// What a settings layer (`.article-lint.json`, `--config`) holds that mergeSettings will ignore: a rule id
// with a typo, a severity that is not one, an unknown key. Ignoring them silently would leave a newsroom
// believing a rule is off when it is not, so the CLI and the server say so, one line per problem.

import { ruleById, rules } from './rules';
import { SEVERITIES, type SettingsLayer } from './settings';
import { FILE_SETTING_KEYS, settingDescriptions } from './settingsSchema';

/** One-line reasons, in English, for every part of `layer` that will be ignored. */
export function settingsLayerProblems(layer: SettingsLayer): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(layer)) {
    if (!FILE_SETTING_KEYS.includes(key)) problems.push(`unknown setting "${key}"${suggestion(key, FILE_SETTING_KEYS)}`);
  }
  for (const description of settingDescriptions) {
    const value = (layer as Record<string, unknown>)[description.key];
    if (value === undefined || description.where === 'editor') continue;
    const choices = description.type === 'choice' ? description.values : [];
    if (description.type === 'choice' && !choices.includes(value as string)) {
      problems.push(`"${description.key}" is ${JSON.stringify(value)}, not ${listOf(choices)}`);
    } else if (description.type === 'number' && !(typeof value === 'number' && value > 0)) {
      problems.push(`"${description.key}" is ${JSON.stringify(value)}, not a positive number`);
    }
  }
  if (layer.rules !== undefined) {
    if (!layer.rules || typeof layer.rules !== 'object' || Array.isArray(layer.rules)) problems.push('"rules" is not an object of rule ids');
    else {
      for (const [id, value] of Object.entries(layer.rules as Record<string, unknown>)) {
        if (!ruleById(id)) problems.push(`unknown rule "${id}"${suggestion(id, rules.map((rule) => rule.id))}`);
        const severity = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { severity?: unknown }).severity : value;
        if (severity !== undefined && typeof severity !== 'boolean' && !SEVERITIES.includes(severity as never)) {
          problems.push(`rule "${id}": ${JSON.stringify(severity)} is not ${listOf(SEVERITIES)}`);
        }
      }
    }
  }
  return problems;
}

function listOf(values: readonly string[]): string {
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** ` (did you mean "x"?)` for the nearest known name within a few edits, or nothing. */
function suggestion(name: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 4)) + 1;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
