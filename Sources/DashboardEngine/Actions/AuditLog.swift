import DashboardModel
import Foundation

/// The append-only audit log: one JSON line per action step, appended and fsynced so a crash loses nothing written,
/// and scrubbed of anything shaped like a credential on the way in.
package struct AuditLog: Sendable {
    package let path: String

    /// `audit_log` from the config, else `$XDG_STATE_HOME/ecsdash/audit.jsonl`, else `~/.local/state/ecsdash/audit.jsonl`.
    package static func path(configured: String?, environment: [String: String]) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        if let configured {
            return configured.hasPrefix("~/") ? home + configured.dropFirst(1) : configured
        }
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/state"
        return state + "/ecsdash/audit.jsonl"
    }

    package func append(_ record: AuditRecord) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(record.scrubbed())
        line.append(UInt8(ascii: "\n"))
        let manager = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try manager.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        // Owner-only: the log names roles and accounts, which are not secret but not for everyone either.
        if !manager.fileExists(atPath: path), !manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) {
            throw ActionError(message: "cannot create the audit log \(path)", exitCode: ActionOutcome.failure)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ActionError(message: "cannot open the audit log \(path)", exitCode: ActionOutcome.failure)
        }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: line)
        try handle.synchronize()
    }

    /// Every record, oldest first; lines that do not parse are skipped (a torn last line after a crash).
    package func records() throws -> [AuditRecord] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let decoder = JSONDecoder()
        return text.split(separator: "\n").compactMap { try? decoder.decode(AuditRecord.self, from: Data($0.utf8)) }
    }

    package init(path: String) {
        self.path = path
    }
}
