/// Why a file a user named could not be read as text; the owner of the file (config, credentials) words the
/// whole message and decides whether a missing file is a problem at all.
package struct UserFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    package enum Problem: Equatable, Sendable {
        case missing
        case directory
        case tooLarge(limit: Int)
        /// `strerror`'s words, such as "Permission denied".
        case unreadable(String)
        /// 1-based line, and the 1-based byte within it, of the first byte that is not UTF-8.
        case invalidUTF8(line: Int, byte: Int, value: UInt8)
    }

    package let path: String
    package let problem: Problem

    package init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    /// The line the problem is on, when it is on one.
    package var line: Int? {
        if case .invalidUTF8(let line, _, _) = problem { return line }
        return nil
    }

    /// `path: line 3: byte 7 of the line (0xFF) is not valid UTF-8; …` or `path: it is a directory`.
    package var description: String {
        "\(path): " + (line.map { "line \($0): " } ?? "") + reason
    }

    /// The problem in a few words, without the path or line: "it is a directory", "byte 7 of the line (0xFF) is not UTF-8".
    package var reason: String {
        switch problem {
        case .missing: return "it does not exist"
        case .directory: return "it is a directory"
        case .tooLarge(let limit): return "it is larger than \(limit >> 20) MiB"
        case .unreadable(let words): return words.prefix(1).lowercased() + words.dropFirst()
        case .invalidUTF8(_, let byte, let value):
            let hex = String(value, radix: 16, uppercase: true)
            return "byte \(byte) of the line (0x\(hex.count == 1 ? "0" + hex : hex)) is not valid UTF-8; save the file as UTF-8"
        }
    }
}
