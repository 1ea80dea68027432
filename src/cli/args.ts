/** Command-line arguments of `cpt-lens`: a command, files, and `--flag value` options. */

export class UsageError extends Error {}

export interface Args {
  command: string;
  positional: string[];
  format: string;
  data: string[];
  date?: string;
  /** False with --no-config: do not read .cptlens.json. */
  config: boolean;
  /** --config FILE: this .cptlens.json instead of the nearest one. */
  configFile?: string;
}

const FORMATS: Record<string, string[]> = {
  show: ['markdown', 'json', 'text'],
  codes: ['text', 'json'],
  check: ['text', 'json', 'sarif'],
  import: ['text', 'json'],
};

export function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') throw new UsageError('');
  if (!(command in FORMATS)) throw new UsageError(`unknown command "${command}"`);
  const args: Args = { command, positional: [], format: FORMATS[command][0], data: [], config: true };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--format' || a === '-f') args.format = value();
    else if (a.startsWith('--format=')) args.format = a.slice(9);
    else if (a === '--data') args.data.push(value());
    else if (a === '--date') args.date = value();
    else if (a === '--no-config') args.config = false;
    else if (a === '--config') args.configFile = value();
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option "${a}"`);
    else args.positional.push(a);
  }
  if (!FORMATS[command].includes(args.format)) {
    throw new UsageError(`--format for "${command}" is one of ${FORMATS[command].join(', ')}, not "${args.format}"`);
  }
  if (args.date && !/^\d{4}-\d{2}-\d{2}$/.test(args.date)) throw new UsageError(`--date takes YYYY-MM-DD, not "${args.date}"`);
  if (!args.positional.length) throw new UsageError(command === 'show' ? 'show needs a code, e.g. "cpt-lens show 64866"' : `${command} needs at least one file`);
  if (args.configFile && !args.config) throw new UsageError('--config and --no-config exclude each other');
  return args;
}

export const USAGE = `Usage:
  cpt-lens show CODE... [--format markdown|json|text] [--date YYYY-MM-DD]
  cpt-lens codes FILE... [--format text|json]
  cpt-lens check FILE... [--format text|json|sarif]
  cpt-lens import FILE... [--format text|json]   detect a data file's format and show what it holds

Options:
  --data FILE     load a data file over the bundled data; repeatable, later files over earlier ones.
                  Any supported format: a data pack (.cptlens-pack.json), AMA CPT files (LONGULT.txt,
                  MEDU.txt, SHORTU.txt, consumer/clinician descriptors), CMS PPRRVU (.csv/.txt),
                  OPPS Addendum B, HCPCS Level II (.csv or ANWEB .txt), NCCI PTP and MUE files
  --config FILE   read this .cptlens.json (default: the nearest one from the current folder up)
  --no-config     read no .cptlens.json
  --date DATE     date of service for the card's inpatient-only status (default: today)

check exits 1 when a finding has error severity, 2 on bad usage, unreadable input or a data file
that cannot be loaded (the message names the file and the line).
.cptlens.json: {"data": {"files": ["PPRRVU2025_Oct.csv", {"path": "list.csv", "mapping": {"code": "CPT"}}]},
                "rules": {"inpatient-only": "error"}}; its files load before the --data files.
JSON rows: {file, line, column, endLine, endColumn, text, code, system, modifiers, rule?, severity?, message?}
(lines and columns 1-based).`;
