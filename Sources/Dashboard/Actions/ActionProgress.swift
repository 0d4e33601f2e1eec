import Foundation

/// One line of progress from a running action, for the command's output or the dashboard's progress pane.
struct ActionProgress: Sendable, Equatable {
    enum Kind: String, Sendable, Equatable {
        case plan, gate, step, watch, info, warning
    }

    var kind: Kind
    var text: String
}
