import Foundation

/// One line of progress from a running action, for the command's output or the dashboard's progress pane.
package struct ActionProgress: Sendable, Equatable {
    package enum Kind: String, Sendable, Equatable {
        case plan, gate, step, watch, info, warning
    }

    package var kind: Kind
    package var text: String

    package init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}
