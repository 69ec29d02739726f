export const USAGE = `Usage: npm run -s plan -- <command> [options]

Commands:
  project <file> [--format table|csv|json]   Project every plan in a .pathway.json file, year by year
  compare <file> [--format table|json]       Compare the first plan with each other plan in the file
  validate <file>                            Check a plan file; prints "valid: N plans" or one problem per line
  list <what> [--format table|json]          List roles, places, settings, certifications or programs

Options:
  --format <format>   Output format (default: table)
  --pack <file>       Use this data pack instead of the bundled data/pack.json
  -h, --help          Show this help

Exit codes: 0 done, 1 the data pack could not be loaded, 2 bad command or bad plan file.`;
