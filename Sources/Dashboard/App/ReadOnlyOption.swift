import ArgumentParser

/// `--read-only`, one option group for the dashboard and every action command. ArgumentParser parses the root
/// command's options from the whole command line before the subcommand's, so a flag declared on both reaches only
/// the root (`ecsdash scale … --read-only` went ahead); an option group of one type is handed down to both.
struct ReadOnlyOption: ParsableArguments {
    @Flag(help: "Refuse every action that changes AWS (the dashboard hides them).")
    var readOnly = false
}
