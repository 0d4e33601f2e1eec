/// Why the saved demo world cannot be used (or saved), worded to be acted on: it names the file and the way out.
package struct DemoWorldError: Error, Equatable, CustomStringConvertible {
    /// What went wrong, which decides what a command does about it.
    package enum Kind: Equatable, Sendable {
        /// The file is there but cannot be rebuilt (damaged, too new, does not replay): the user must choose.
        case unusable
        /// The user asked for another size of world than the saved one.
        case mismatch
        /// The store cannot be locked or written: a command can still run on a copy of its own.
        case storage
    }

    package let kind: Kind
    package let message: String

    package init(_ message: String, kind: Kind = .storage) {
        self.message = message
        self.kind = kind
    }

    package var description: String { message }

    /// The file exists but is not a world this version can rebuild.
    package static func unusable(_ path: String, _ reason: String) -> DemoWorldError {
        DemoWorldError("the saved demo world \(path) \(reason); add --demo-reset to start a new one", kind: .unusable)
    }

    package static func locked(_ path: String) -> DemoWorldError {
        DemoWorldError("the demo world \(path) is locked by another ecsdash")
    }
}
