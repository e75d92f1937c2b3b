// The `newsbrief` help texts: the overview, and one page per subcommand with its options and an
// example. A test runs `newsbrief <command> --help` for each.
const DB = '  --db <path>          database file (default: $NEWSBRIEF_DB, else ./data/newsbrief.db)';
const HELP_OPT = '  -h, --help           this help';

export const USAGE = `newsbrief — news briefings with who said what, for Discord, Slack and the console

Usage:
  newsbrief start                     ingest new seeds, then run every configured adapter
                                      (the console when no platform token is set)
  newsbrief console                   the bot's console chat: ingests new seeds, then answers
                                      /brief, /quote who:Putin, /help
  newsbrief ingest <file|folder|url>...   store articles; one line per article
  newsbrief extract <file|folder|url>... [--json]   briefings without touching the store
  newsbrief ask "<slash command>" [--platform text|discord|slack]   answer one command
  newsbrief digest preview [--topic <words>]   print the digest a channel would get now
  newsbrief stories rebuild [--restart]   recompute the story clusters (after an upgrade)

Only start and console ingest the seeds folder ($SEEDS_DIR, default ./seeds).

Options:
${DB}
${HELP_OPT}

Run newsbrief <command> --help for a command's options and an example.
`;

export const COMMAND_HELP: Record<string, string> = {
  start: `Usage: newsbrief start [--db <path>]

Ingests the new or changed files of the seeds folder ($SEEDS_DIR, default ./seeds), then starts
every adapter whose credentials are configured (Discord, Slack) and the digest schedule; with
no platform configured, the console chat on this terminal. Stops on Ctrl-C or SIGTERM.

Options:
${DB}
${HELP_OPT}

Example:
  NEWSBRIEF_DB=./data/team.db newsbrief start
`,
  console: `Usage: newsbrief console [--db <path>]

The bot's console: ingests the new or changed files of the seeds folder ($SEEDS_DIR), then
answers slash commands typed as in Slack. On a terminal: a prompt, Tab completion of commands,
options and known speakers, history kept in .newsbrief_history next to the database; Ctrl-C
clears the line, Ctrl-C on an empty line or Ctrl-D exits. Logs below warn are not shown unless
LOG_LEVEL asks for them. With piped input it answers each line and exits 0.

Options:
${DB}
${HELP_OPT}

Example:
  printf '/brief\\n/quote who:Putin\\n' | newsbrief console
`,
  ingest: `Usage: newsbrief ingest <file|folder|url>... [--db <path>]

Stores the articles of files, folders (read recursively) and http(s) URLs: plain text, HTML
pages, RSS, Atom and JSON Feed, detected from the content. One line per article:
"stored", "duplicate" or "failed: reason"; a file found in a folder is named by its path
relative to that folder (business/399.txt), a feed item by its position (feed.xml › item 3).
Exit status 1 if any failed (the others are still stored). Does not read the seeds folder.

Options:
${DB}
${HELP_OPT}

Example:
  newsbrief ingest ./articles/ https://example.com/news/feed.xml
`,
  extract: `Usage: newsbrief extract <file|folder|url>... [--json]

Prints the briefing of each article (headline, key points, quotes with speakers) without
opening the database. Failures go to stderr as "failed: <file>: reason"; exit status 1 if any.

Options:
  --json               one JSON object per line:
                       {"file","url","headline","published","summary":[…],"quotes":[{"text","speaker","kind"}],…}
${HELP_OPT}

Example:
  newsbrief extract ./articles/ --json | head -3
`,
  ask: `Usage: newsbrief ask "<slash command>" [--platform text|discord|slack] [--db <path>]

Answers one command from the database and exits. With --platform discord or slack it prints
the exact JSON the platform is sent: Discord's interaction reply, or Slack's response_url
payload (lookups only for the asker, with the Share in channel button). Exit status 2 when the
command is wrong. Does not read the seeds folder: ingest first (newsbrief ingest seeds/).

Options:
  --platform <name>    text (default), discord or slack
${DB}
${HELP_OPT}

Example:
  newsbrief ask "/quote who:Putin count:2" --platform slack
`,
  digest: `Usage: newsbrief digest preview [--topic <words>] [--db <path>]

Prints the digest a channel would get now: the stories of the last 24 hours (how many arrived,
the best 10 of them), posting nothing and recording nothing. Does not read the seeds folder.

Options:
  --topic <words>      only stories about these words
${DB}
${HELP_OPT}

Example:
  newsbrief digest preview --topic ukraine
`,
  stories: `Usage: newsbrief stories rebuild [--restart] [--db <path>]

Recomputes which articles tell the same story, for every article of the database (after an
upgrade, or a change of the clustering rule), in batches of 200. The progress is stored: an
interrupted rebuild resumes where it stopped. Shows a progress bar on a terminal, plain lines
otherwise. Articles not reached yet are missing from /brief until the rebuild passes them.

Options:
  --restart            start again from the first article, even if a rebuild was interrupted
${DB}
${HELP_OPT}

Example:
  newsbrief stories rebuild --db data/newsbrief.db
`,
};
