import ArgumentParser
import DashboardEngine
import DashboardModel

/// `--read-only`, one option group for the dashboard and every action command. ArgumentParser parses the root
/// command's options from the whole command line before the subcommand's, so a flag declared on both reaches only
/// the root (`ecsdash scale … --read-only` went ahead); an option group of one type is handed down to both.
package struct ReadOnlyOption: ParsableArguments {
    package init() {}

    @Flag(help: "Refuse every action that changes AWS (the dashboard hides them).")
    package var readOnly = false
}
