/** Command-line arguments of `cpt-lens`: a command, files, and `--flag value` options. */

export class UsageError extends Error {}

export interface Args {
  command: string;
  positional: string[];
  format: string;
  data: string[];
  date?: string;
}

const FORMATS: Record<string, string[]> = {
  show: ['markdown', 'json', 'text'],
  codes: ['text', 'json'],
  check: ['text', 'json'],
};

export function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') throw new UsageError('');
  if (!(command in FORMATS)) throw new UsageError(`unknown command "${command}"`);
  const args: Args = { command, positional: [], format: FORMATS[command][0], data: [] };
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
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option "${a}"`);
    else args.positional.push(a);
  }
  if (!FORMATS[command].includes(args.format)) {
    throw new UsageError(`--format for "${command}" is one of ${FORMATS[command].join(', ')}, not "${args.format}"`);
  }
  if (args.date && !/^\d{4}-\d{2}-\d{2}$/.test(args.date)) throw new UsageError(`--date takes YYYY-MM-DD, not "${args.date}"`);
  if (!args.positional.length) throw new UsageError(command === 'show' ? 'show needs a code, e.g. "cpt-lens show 64866"' : `${command} needs at least one file`);
  return args;
}

export const USAGE = `Usage:
  cpt-lens show CODE... [--format markdown|json|text] [--date YYYY-MM-DD]
  cpt-lens codes FILE... [--format text|json]
  cpt-lens check FILE... [--format text|json]

Options:
  --data FILE   load a data pack (.cptlens-pack.json) over the bundled data; repeatable
  --date DATE   date of service for the card's inpatient-only status (default: today)

check exits 1 when a finding has error severity, 2 on bad usage or unreadable input.
JSON rows: {file, line, column, endLine, endColumn, text, code, system, modifiers, rule?, severity?, message?}
(lines and columns 1-based).`;
