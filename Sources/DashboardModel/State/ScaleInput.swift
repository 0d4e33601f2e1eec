/// The dashboard's twin of `ecsdash scale`: `s` opens the command line as `scale SERVICE --env ENV --count ` for the
/// cell under the cursor, so the count is typed where everything else is typed and the words are the command's own;
/// `:scale N` scales that cell, and the line takes the command's options (`--env`, `--count`, `--force`,
/// `--reason TEXT…`, `--dry-run`). The request then goes to the dispatcher like `p`, `r` and `f`.
package enum ScaleInput {
    /// What a `:scale` line asked for; nil members come from the cell under the cursor.
    package struct Arguments: Equatable, Sendable {
        package var service: String?
        package var environment: String?
        package var count: Int?
        package var force = false
        package var reason: String?
        package var dryRun = false
    }

    package static let usage = "usage: :scale N, or :scale SERVICE --env ENV --count N [--force --reason TEXT] [--dry-run]"

    /// `s`: ask for the count on the command line, prefilled with the rest of the command.
    package static func begin(_ state: inout AppState) -> [Effect] {
        guard !state.readOnly else { return fail("read-only mode: scale is disabled", &state) }
        guard let focus = Reducer.focus(state), state.fleet.service(focus.service, in: focus.environment) != nil else {
            return fail("select a service in an environment first", &state)
        }
        state.input = .command("scale \(focus.service) --env \(focus.environment) --count ")
        return []
    }

    /// `:scale …` (and Enter after `s`): checks what the command line would, then hands the request to the dispatcher.
    package static func execute(_ text: String, _ state: inout AppState) -> [Effect] {
        guard !state.readOnly else { return fail("read-only mode: scale is disabled", &state) }
        let arguments: Arguments
        switch parse(text) {
        case .success(let parsed): arguments = parsed
        case .failure(let message): return fail("\(message.text); \(usage)", &state)
        }
        guard let count = arguments.count else { return fail("how many tasks? \(usage)", &state) }
        guard ScaleLimits.counts.contains(count) else {
            return fail("the count must be between \(ScaleLimits.counts.lowerBound) and \(ScaleLimits.counts.upperBound); got \(count)", &state)
        }
        if arguments.force, (arguments.reason ?? "").isEmpty { return fail("--force needs --reason TEXT (it is audited)", &state) }
        let focus = Reducer.focus(state)
        guard let service = arguments.service ?? focus?.service, let environment = arguments.environment ?? focus?.environment else {
            return fail("select a service in an environment first (or :scale SERVICE --env ENV --count N)", &state)
        }
        guard state.environments.contains(environment) else {
            return fail("unknown environment \(environment); known: \(state.environments.joined(separator: ", "))", &state)
        }
        // Refuse a name the last poll of that environment does not know; before any poll, the dispatcher's read decides.
        if state.fleet.state(environment)?.snapshot != nil, state.fleet.service(service, in: environment) == nil {
            return fail("no service \(service) in \(environment)", &state)
        }
        var request = ActionRequest(service: service, kind: .scale(environment: environment, count: count), interactive: true, offersOverride: true)
        request.force = arguments.force
        request.reason = arguments.reason
        request.dryRun = arguments.dryRun
        return Reducer.start(request, &state)
    }

    /// Why a `:scale` line could not be read.
    package struct ParseError: Error, Equatable {
        package let text: String
    }

    /// Words separated by spaces; `--reason` takes the rest of the line, so a reason needs no quotes.
    package static func parse(_ text: String) -> Result<Arguments, ParseError> {
        var arguments = Arguments()
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)[...]
        while let word = words.popFirst() {
            var (name, inline) = (word, String?.none)
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                (name, inline) = (String(word[..<equals]), String(word[word.index(after: equals)...]))
            }
            func value() -> String? { inline ?? words.popFirst() }
            switch name {
            case "--env":
                guard let environment = value(), !environment.isEmpty else { return .failure(ParseError(text: "--env needs an environment")) }
                arguments.environment = environment
            case "--count":
                guard let text = value(), let count = Int(text) else { return .failure(ParseError(text: "--count needs a whole number")) }
                arguments.count = count
            case "--force":
                arguments.force = true
            case "--dry-run":
                arguments.dryRun = true
            case "--reason":
                let reason = ([inline].compactMap { $0 } + words).joined(separator: " ")
                words = []
                arguments.reason = reason.isEmpty ? nil : reason
            default:
                if word.hasPrefix("-"), Int(word) == nil { return .failure(ParseError(text: "unknown option \(word)")) }
                if let count = Int(word), arguments.count == nil {
                    arguments.count = count
                } else if arguments.service == nil, Int(word) == nil {
                    arguments.service = word
                } else {
                    return .failure(ParseError(text: "unexpected \(word)"))
                }
            }
        }
        return .success(arguments)
    }

    private static func fail(_ text: String, _ state: inout AppState) -> [Effect] {
        state.message = StatusMessage(text: text, isError: true)
        return []
    }
}
