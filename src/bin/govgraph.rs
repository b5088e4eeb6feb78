//! `govgraph`: the command-line tool. Looks bodies up, prints chains of
//! command and org charts, converts the graph to RDF, JSON, DOT and SVG,
//! ingests articles and validates files.
//!
//! This file parses the arguments, dispatches and maps failures to exit
//! codes: 0 on success, 1 on bad input, 2 on bad usage (clap's own errors
//! included). Every failure is one line on stderr, `govgraph: <message>`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use govgraph::PartialDate;

// The subcommands' work lives beside this file, in `govgraph/`.
#[path = "govgraph/commands.rs"]
mod commands;
#[path = "govgraph/delta.rs"]
mod delta;
#[path = "govgraph/load.rs"]
mod load;
#[path = "govgraph/output.rs"]
mod output;
#[path = "govgraph/progress.rs"]
mod progress;
#[path = "govgraph/time.rs"]
mod time;

use load::GraphFormat;
use output::OutFormat;

/// Why a command failed, and so how the process ends.
#[derive(Debug)]
enum Failure {
    /// Bad input: a file that cannot be read or parsed, a name that is not
    /// in the graph. Exit code 1.
    Input(String),
    /// Bad usage found after parsing (a flag that does not fit the rest).
    /// Exit code 2, as clap's own usage errors.
    Usage(String),
    /// The reader of standard output went away (`| head`): stop quietly.
    Pipe,
    /// `diff` found changes: exit code 1, nothing on stderr.
    Differ,
}

type Outcome<T = ()> = Result<T, Failure>;

fn input(message: impl Into<String>) -> Failure {
    Failure::Input(message.into())
}

fn usage(message: impl Into<String>) -> Failure {
    Failure::Usage(message.into())
}

const ABOUT: &str =
    "An embedded, typed knowledge graph of government organizations, from the shell.";

const EXAMPLES: &str = "\
Examples:
  govgraph show \"General Office of the State Council\"
  govgraph tree state-council
  govgraph path wang-zhijun gov-cn
  govgraph search office
  govgraph holders \"Secretary-General of the State Council\" --on 1980-03-01
  govgraph export --format svg -o chart.svg
  govgraph --graph data.ttl stats

Without --graph, the built-in dataset (the General Office of the State
Council of the People's Republic of China) is used.";

#[derive(Debug, Parser)]
#[command(name = "govgraph", version, about = ABOUT, after_help = EXAMPLES)]
struct Cli {
    #[command(flatten)]
    source: Source,
    #[command(subcommand)]
    command: Command,
}

/// Where the graph comes from.
#[derive(Debug, Args)]
struct Source {
    /// Load the graph from FILE instead of the built-in dataset: govgraph
    /// JSON (.json), RDF (.ttl, .nt, .nq, .trig, .rdf, .jsonld), an article
    /// (.txt) or a folder of articles; "-" reads standard input (then give
    /// --graph-format).
    #[arg(long, global = true, value_name = "FILE")]
    graph: Option<String>,
    /// The format of --graph, when its extension does not say (required
    /// for "-").
    #[arg(
        long,
        global = true,
        value_name = "FORMAT",
        requires = "graph",
        required_if_eq("graph", "-")
    )]
    graph_format: Option<GraphFormat>,
    /// The base IRI the RDF file of --graph was exported with (export
    /// --base), when it is not the default one.
    #[arg(long, global = true, value_name = "IRI", requires = "graph")]
    graph_base: Option<String>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show a readable card for any node: names in every language, kind,
    /// parent, posts and holders, jurisdiction, headquarters, functions,
    /// related nodes.
    #[command(after_help = "\
Examples:
  govgraph show \"General Office of the State Council\"
  govgraph show org/state-council
  govgraph show 中华人民共和国国务院办公厅
  govgraph show wu-zhenglong --json

NAME_OR_SLUG is a key (kind/slug, as org/state-council), a slug of any
kind, or a name in any language (Latin letters match in any case).
With --on DATE, the card shows the node as it was that day: the parent,
posts, holders and links in force then.")]
    Show {
        /// A key (org/state-council), a slug or a name.
        name: String,
        /// Print the node and its links as JSON.
        #[arg(long)]
        json: bool,
        /// Show the node as it was on DATE (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        on: Option<PartialDate>,
    },
    /// Print the org chart below a body as an indented tree, posts and
    /// their holders under each body.
    #[command(after_help = "\
Examples:
  govgraph tree
  govgraph tree \"State Council\"
  govgraph tree general-office-of-the-state-council --ascii
  govgraph tree --no-posts

Without NAME, every hierarchy of the graph is printed, root by root.
With --on DATE, the tree of that day: the bodies that existed then under
the parents they had, and the holders in force then.")]
    Tree {
        /// The body at the top (key, slug or name); every root when left
        /// out.
        name: Option<String>,
        /// The tree as it was on DATE (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        on: Option<PartialDate>,
        /// Draw with plain ASCII ("|--") instead of box-drawing characters.
        #[arg(long)]
        ascii: bool,
        /// Leave out posts and holders.
        #[arg(long)]
        no_posts: bool,
    },
    /// Print the shortest relationship path between two nodes, one step a
    /// line.
    #[command(after_help = "\
Examples:
  govgraph path wang-zhijun gov-cn
  govgraph path \"Wu Zhenglong\" \"State Council\"

Links are walked in either direction; \"-rel->\" is a link followed forwards,
\"<-rel-\" one followed backwards. With --on DATE, only the links in force
that day, through the nodes that existed then.")]
    Path {
        /// Where the path starts (key, slug or name).
        from: String,
        /// Where it ends (key, slug or name).
        to: String,
        /// Walk the graph as it was on DATE (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        on: Option<PartialDate>,
        /// Print one step a line with keys (kind/slug) instead of a
        /// sentence of names.
        #[arg(long)]
        keys: bool,
    },
    /// Who held a post: on a date, or every tenure in time order with the
    /// vacancies between them.
    #[command(after_help = "\
Examples:
  govgraph holders \"Secretary-General of the State Council\"
  govgraph holders \"Secretary-General of the State Council\" --on 1980-03-01
  govgraph holders secretary-general-of-the-state-council --on 1977-06-01 --keys

With --on, one holder a line (certainly in force that day: a tenure from
1980-02 covers 1 March 1980 but not surely 10 February), or one line saying
the post was vacant, or who possibly held it. Without --on, every tenure
with its dates, and (vacant) for each period no tenure covers.")]
    Holders {
        /// The post (key, slug or name).
        post: String,
        /// Who held it on DATE (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        on: Option<PartialDate>,
        /// Print holders as keys (`person/ji-pengfei`) instead of names.
        #[arg(long)]
        keys: bool,
    },
    /// A body's timeline: founded, names, parents, reorganizations, heads,
    /// dissolved.
    #[command(after_help = "\
Examples:
  govgraph history state-council
  govgraph --graph history.json history \"General Office of the State Council\"

One entry a line, in date order (undated entries first).")]
    History {
        /// The body (key, slug or name).
        name: String,
    },
    /// Check the graph's dates: one finding a line; exits with 1 when it
    /// finds something.
    #[command(after_help = "\
Examples:
  govgraph lint
  govgraph --graph history.json lint

Reports only what the dates make certainly wrong: two holders of a
single-seat post at once, a tenure outside its post's or body's lifetime, a
holder dead before a tenure ends, a dated link outside a body's lifetime, an
event whose bodies did not exist at its date, successors left dangling.")]
    Lint,
    /// List the nodes whose labels contain TEXT, in any language.
    #[command(after_help = "\
Examples:
  govgraph search office
  govgraph search 国务院
  govgraph search secretary --kind post

Matching ignores case; every preferred and alternate label, and sites'
addresses, are searched. Whole labels come first, then labels that begin
with TEXT, then labels that contain it. Exits with 1 when nothing matches.")]
    Search {
        /// The text to look for.
        text: String,
        /// Only nodes of this kind (org, post, person, jurisdiction, site,
        /// place, function, website, category, membership).
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
    },
    /// Write the graph as RDF, JSON, Graphviz DOT or an SVG org chart.
    #[command(after_help = "\
Examples:
  govgraph export --format turtle
  govgraph export --format ntriples --base https://example.org/id/ -o graph.nt
  govgraph export -o graph.jsonld
  govgraph export --format svg -o chart.svg
  govgraph export --format dot | dot -Tpng -o chart.png
  govgraph export --format svg --as-of 1980-03-01 -o chart-1980.svg

Without --format, the format is taken from the extension of -o, else Turtle.
--as-of DATE writes the graph as it was that day, in every format: only the
nodes that existed and the links and tenures certainly in force then. In RDF
it is a snapshot (VOCABULARY.md, Time): plain triples, no relationship nodes
and no events, so engines with no notion of time can use it.")]
    Export(ExportArgs),
    /// Read articles (plain-text infobox form) into a graph; the graph goes
    /// to stdout or -o, the report to stderr.
    #[command(after_help = "\
Examples:
  govgraph ingest tests/fixtures/articles
  govgraph ingest office.txt council.txt -o graph.ttl
  govgraph ingest articles/ --format json -o graph.json
  cat office.txt | govgraph ingest -

A folder is read as its .txt files in name order; \"-\" reads one article from
standard input.")]
    Ingest {
        /// Article files or folders of them; "-" for standard input.
        #[arg(required = true, value_name = "FILE_OR_DIR")]
        paths: Vec<String>,
        #[command(flatten)]
        out: OutArgs,
        /// Treat NAME as another name of CANONICAL (NAME=CANONICAL); may be
        /// repeated.
        #[arg(long, value_name = "NAME=CANONICAL")]
        alias: Vec<String>,
    },
    /// Load an RDF or govgraph JSON file and print what was read.
    #[command(after_help = "\
Examples:
  govgraph import graph.ttl
  govgraph import graph.json
  govgraph import - --format ntriples < graph.nt
  govgraph import graph.nt --base https://example.org/id/")]
    Import(FileArgs),
    /// Check that an RDF, JSON or article file loads; exits with 1 on
    /// errors, naming the line and column.
    #[command(after_help = "\
Examples:
  govgraph validate graph.ttl
  govgraph validate export.rdf
  govgraph validate - --format turtle < graph.ttl")]
    Validate(FileArgs),
    /// Count nodes by kind and links by relation, and measure the
    /// hierarchy.
    #[command(after_help = "\
Examples:
  govgraph stats
  govgraph --graph graph.ttl stats --json")]
    Stats {
        /// Print the counts as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the changes that turn graph A into graph B; exits with 0
    /// when they are equal, 1 when they differ, 2 on errors.
    #[command(after_help = "\
Examples:
  govgraph diff old.json new.json
  govgraph diff old.ttl new.ttl --format text
  govgraph diff old.json new.json > changes.jsonl

Nodes are matched by kind and slug. The JSON Lines output is what patch
reads.")]
    Diff {
        /// The old graph.
        a: String,
        /// The new graph.
        b: String,
        /// How to print the changes.
        #[arg(long, short = 'f', value_enum, default_value = "jsonl")]
        format: delta::DiffFormat,
        /// The format of both files, when their extensions do not say.
        #[arg(long, value_name = "FORMAT")]
        input_format: Option<GraphFormat>,
    },
    /// Apply a delta (JSON Lines, as diff writes) to graph A and write the
    /// result.
    #[command(after_help = "\
Examples:
  govgraph patch old.json changes.jsonl -o new.json
  govgraph diff a.json b.json | govgraph patch a.json - -o b2.json")]
    Patch {
        /// The graph to change.
        file: String,
        /// The delta; - reads standard input.
        delta: String,
        /// The format of FILE, when its extension does not say.
        #[arg(long, value_name = "FORMAT")]
        input_format: Option<GraphFormat>,
        #[command(flatten)]
        out: OutArgs,
    },
    /// Run a SPARQL query (SELECT, ASK, CONSTRUCT) over the graph.
    #[cfg(feature = "sparql")]
    #[command(after_help = "\
Examples:
  govgraph query 'PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT ?label WHERE { ?s skos:prefLabel ?label } LIMIT 5'
  govgraph query --format csv 'SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 3'
  govgraph query - < query.rq

The graph is loaded as the Turtle export writes it (instance IRIs under
https://w3id.org/govgraph/id/). SELECT gives a table, CSV or SPARQL JSON
results; ASK true or false; CONSTRUCT N-Triples.")]
    Query {
        /// The query, or "-" to read it from standard input.
        query: String,
        /// How to print SELECT results.
        #[arg(long, value_enum, default_value = "table")]
        format: commands::QueryFormat,
    },
    /// Run a SPARQL query: not in this build, which lacks the sparql
    /// feature.
    #[cfg(not(feature = "sparql"))]
    #[command(disable_help_flag = true)]
    Query {
        /// Whatever was given: the command says how to get a build that
        /// runs it.
        #[arg(num_args = 0.., allow_hyphen_values = true, trailing_var_arg = true)]
        args: Vec<String>,
    },
}

#[derive(Debug, Args)]
struct ExportArgs {
    #[command(flatten)]
    out: OutArgs,
    /// Mint instance IRIs under IRI (RDF formats only), an absolute IRI
    /// ending in a slash.
    #[arg(long, value_name = "IRI")]
    base: Option<String>,
    /// A title above the SVG chart.
    #[arg(long, value_name = "TEXT")]
    title: Option<String>,
    /// Leave posts and holders out of the SVG chart.
    #[arg(long)]
    no_posts: bool,
    /// Write the graph as it was on DATE (JSON, DOT and SVG).
    #[arg(long, value_name = "DATE")]
    as_of: Option<PartialDate>,
}

/// Where and how a graph is written.
#[derive(Debug, Args)]
struct OutArgs {
    /// The output format [default: from the extension of -o, else turtle].
    #[arg(long, short = 'f', value_enum)]
    format: Option<OutFormat>,
    /// Write to FILE instead of standard output ("-" is standard output).
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct FileArgs {
    /// The file; "-" reads standard input (then give --format).
    file: String,
    /// The file's format, when its extension does not say.
    #[arg(long, short = 'f', value_enum, required_if_eq("file", "-"))]
    format: Option<GraphFormat>,
    /// The base IRI an RDF file was exported with (export --base), when it
    /// is not the default one.
    #[arg(long, value_name = "IRI")]
    base: Option<String>,
}

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".to_owned());
        eprintln!("govgraph: internal error: {what} (please report it)");
    }));
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) | Err(Failure::Pipe) => ExitCode::SUCCESS,
        Err(Failure::Differ) => ExitCode::from(1),
        Err(Failure::Input(message)) => {
            eprintln!("govgraph: {}", without_os_code(&message));
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("govgraph: {message}");
            ExitCode::from(2)
        }
    }
}

/// `message` without Rust's `(os error N)` after an I/O error's text, and
/// on one line.
fn without_os_code(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(" (os error ") {
        out.push_str(&rest[..i]);
        rest = rest[i..].find(')').map_or("", |j| &rest[i + j + 1..]);
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn run(cli: Cli) -> Outcome {
    let Cli { source, command } = cli;
    let graph = || {
        load::graph(
            source.graph.as_deref(),
            source.graph_format,
            source.graph_base.as_deref(),
        )
    };
    match command {
        Command::Show { name, json, on } => commands::show(&graph()?, &name, json, on),
        Command::Tree {
            name,
            on,
            ascii,
            no_posts,
        } => commands::tree(&graph()?, name.as_deref(), ascii, !no_posts, on),
        Command::Path { from, to, on, keys } => commands::path(&graph()?, &from, &to, on, keys),
        Command::Holders { post, on, keys } => time::holders(&graph()?, &post, on, keys),
        Command::History { name } => time::history(&graph()?, &name),
        Command::Lint => time::lint(&graph()?),
        Command::Search { text, kind } => commands::search(&graph()?, &text, kind.as_deref()),
        Command::Export(args) => {
            let target = output::Target::new(args.out.format, args.out.output);
            if args.base.is_some() && !target.format.is_rdf() {
                return Err(usage(format!(
                    "--base applies to RDF formats only, not {}",
                    target.format.name()
                )));
            }
            let opts = output::Options {
                base: args.base,
                title: args.title,
                posts: !args.no_posts,
                as_of: args.as_of,
            };
            target.write(&graph()?, &opts)
        }
        Command::Ingest { paths, out, alias } => {
            let target = output::Target::new(out.format, out.output);
            commands::ingest(&paths, &alias, &target)
        }
        Command::Import(f) => commands::import(&f.file, f.format, f.base.as_deref()),
        Command::Validate(f) => commands::validate(&f.file, f.format, f.base.as_deref()),
        Command::Stats { json } => commands::stats(&graph()?, json),
        Command::Diff {
            a,
            b,
            format,
            input_format,
        } => delta::diff(&a, &b, input_format, format).map_err(|f| match f {
            // diff's own convention: 1 means "they differ", so errors are 2.
            Failure::Input(m) => Failure::Usage(m),
            other => other,
        }),
        Command::Patch {
            file,
            delta,
            input_format,
            out,
        } => {
            let target = output::Target::new(out.format, out.output);
            delta::patch(&file, input_format, &delta, &target)
        }
        #[cfg(feature = "sparql")]
        Command::Query { query, format } => commands::query(&graph()?, &query, format),
        #[cfg(not(feature = "sparql"))]
        Command::Query { .. } => Err(usage(
            "query needs the sparql feature, which this build of govgraph lacks: \
             build it with --features cli,sparql",
        )),
    }
}
