// The compatibility rule of API_STYLE.md (rule 11): no breaking change without a deprecation
// window. graphql-inspector finds and classifies the changes; the rules below only decide which
// removals were announced by a deprecation in the previous released schema.
import { ChangeType, CriticalityLevel, diff, DiffRule } from '@graphql-inspector/core';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
} from 'graphql';

export const Level = Object.freeze({
  breaking: CriticalityLevel.Breaking,
  dangerous: CriticalityLevel.Dangerous,
  safe: CriticalityLevel.NonBreaking,
});

function withLevel(change, level, reason) {
  return { ...change, criticality: { ...change.criticality, level, reason: reason ?? change.criticality.reason } };
}

function isDeprecated(element) {
  return element.deprecationReason !== undefined && element.deprecationReason !== null;
}

/**
 * Removing a deprecated field argument is the same announced removal as removing a deprecated
 * field; graphql-inspector's own rule covers fields, input fields and enum values only.
 */
function allowRemovalOfDeprecatedArgument({ changes, oldSchema }) {
  return changes.map((change) => {
    if (change.type !== ChangeType.FieldArgumentRemoved || change.criticality.level !== Level.breaking) {
      return change;
    }
    const { typeName, fieldName, removedFieldArgumentName } = change.meta;
    const type = oldSchema.getType(typeName);
    const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[fieldName] : undefined;
    const argument = field?.args.find((candidate) => candidate.name === removedFieldArgumentName);
    return argument && isDeprecated(argument)
      ? withLevel(change, Level.dangerous, 'The argument was deprecated in the previous released schema.')
      : change;
  });
}

/** Every field, argument and input field of the old schema whose type is the named type. */
function referencesTo(schema, typeName) {
  const references = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) {
      continue;
    }
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type).name === typeName) {
          references.push({ path: `${type.name}.${field.name}`, deprecated: isDeprecated(field) });
        }
        for (const argument of field.args) {
          if (getNamedType(argument.type).name === typeName) {
            references.push({ path: `${type.name}.${field.name}(${argument.name})`, deprecated: isDeprecated(argument) });
          }
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type).name === typeName) {
          references.push({ path: `${type.name}.${field.name}`, deprecated: isDeprecated(field) });
        }
      }
    }
  }
  return references;
}

/**
 * A type cannot carry @deprecated, so its removal was announced only when every field, argument
 * and input field that led to it was deprecated. graphql-inspector's suppressRemovalOfDeprecatedField
 * downgrades every type removal to dangerous; this rule puts the unannounced ones back to breaking.
 */
function refuseUnannouncedTypeRemoval({ changes, oldSchema }) {
  return changes.map((change) => {
    if (change.type !== ChangeType.TypeRemoved) {
      return change;
    }
    const references = referencesTo(oldSchema, change.meta.removedTypeName);
    const announced = references.length > 0 && references.every((reference) => reference.deprecated);
    if (announced) {
      return withLevel(change, Level.dangerous, 'Every field that led to the type was deprecated in the previous released schema.');
    }
    const undeprecated = references.filter((reference) => !reference.deprecated).map((reference) => reference.path);
    const reason = undeprecated.length > 0
      ? `Still reached without deprecation through ${undeprecated.join(', ')}.`
      : 'Nothing in the previous released schema announced the removal (no deprecated field led to the type).';
    return withLevel(change, Level.breaking, reason);
  });
}

const RULES = [DiffRule.suppressRemovalOfDeprecatedField, allowRemovalOfDeprecatedArgument, refuseUnannouncedTypeRemoval];

/**
 * Compares two schemas. Returns the changes grouped by level, each `{ type, path, message, reason }`,
 * sorted by path so the report reads the same on every run.
 */
export async function compareSchemas(oldSchema, newSchema) {
  const changes = await diff(oldSchema, newSchema, RULES);
  const report = { breaking: [], dangerous: [], safe: [] };
  const byLevel = { [Level.breaking]: report.breaking, [Level.dangerous]: report.dangerous, [Level.safe]: report.safe };
  for (const change of changes) {
    const group = byLevel[change.criticality.level];
    if (group === undefined) {
      throw new Error(`unknown criticality level ${change.criticality.level} for ${change.message}`);
    }
    group.push({
      type: change.type,
      path: change.path ?? '',
      message: change.message,
      reason: change.criticality.reason ?? '',
    });
  }
  for (const group of Object.values(report)) {
    group.sort((left, right) => left.path.localeCompare(right.path) || left.message.localeCompare(right.message));
  }
  return report;
}

/** The report as text for a terminal or a CI log. */
export function formatReport(report, oldLabel, newLabel) {
  const lines = [`Schema gate: ${oldLabel} -> ${newLabel}`];
  const sections = [
    ['Breaking', report.breaking, 'x'],
    ['Dangerous', report.dangerous, '!'],
    ['Safe', report.safe, '-'],
  ];
  for (const [title, changes, mark] of sections) {
    lines.push(`${title} (${changes.length})${changes.length > 0 ? ':' : ''}`);
    for (const change of changes) {
      lines.push(`  ${mark} ${change.message}${change.path ? `  [${change.path}]` : ''}`);
      if (change.reason && title !== 'Safe') {
        lines.push(`      ${change.reason}`);
      }
    }
  }
  if (report.breaking.length > 0) {
    lines.push(
      `FAILED: ${report.breaking.length} breaking change(s). Deprecate first ` +
        '(@deprecated(reason: "... removal after YYYY-MM-DD")), release, and remove in a later release.',
    );
  } else {
    lines.push('PASSED: no breaking change.');
  }
  return lines.join('\n');
}
