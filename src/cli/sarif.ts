/**
 * SARIF 2.1.0 output of `cpt-lens check --format sarif`, for GitHub code scanning and other CI
 * tools. One run, one result per finding, the rule table from the engine's rules.
 */
import type { Finding, Severity } from '../core/model';
import { RULES } from '../core/rules';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export interface SarifInput {
  file: string;
  findings: Finding[];
}

export function toSarif(inputs: SarifInput[], version: string): object {
  const uri = (file: string) => file.replace(/\\/g, '/');
  const region = (r: Finding['range']) => ({ startLine: r.startLine + 1, startColumn: r.startCharacter + 1, endLine: r.endLine + 1, endColumn: r.endCharacter + 1 });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'CPT Lens',
            version,
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.title },
              helpUri: `docs/rules/${r.id}.md`,
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            })),
          },
        },
        results: inputs.flatMap(({ file, findings }) =>
          findings.map((f) => ({
            ruleId: f.rule,
            ruleIndex: RULES.findIndex((r) => r.id === f.rule),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: uri(file) }, region: region(f.range) } }],
            ...(f.related?.length
              ? { relatedLocations: f.related.map((rel, id) => ({ id, message: { text: rel.message }, physicalLocation: { artifactLocation: { uri: uri(file) }, region: region(rel.range) } })) }
              : {}),
          })),
        ),
      },
    ],
  };
}
