import ArgumentParser
import DashboardEngine
import DashboardModel
import Foundation

/// `ecsdash history`: the audit log, newest last, optionally for one service or environment.
package struct HistoryCommand: AsyncParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(commandName: "history", abstract: "List the actions in the audit log.")

    package enum Output: String, ExpressibleByArgument, CaseIterable {
        case table
        case json
    }

    @OptionGroup package var options: ConfigOptions
    @OptionGroup package var demo: DemoOptions

    @Argument(help: "Only this service.")
    package var service: String?

    @Option(help: "Only this environment.")
    package var env: String?

    @Option(help: "table or json.")
    package var output: Output = .table

    package func run() async throws {
        // The demo's history is the audit log's; opening the world keeps --demo-reset and a damaged world's message
        // the same as on every other command.
        if demo.isOn { _ = try demo.open() }
        let configured = demo.isOn ? nil : try options.load().auditLog
        let log = AuditLog(path: AuditLog.path(configured: configured, environment: ProcessInfo.processInfo.environment))
        let records = try log.records().filter { record in
            (service.map { $0 == record.service } ?? true) && (env.map { $0 == record.environment } ?? true)
        }
        switch output {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(records), as: UTF8.self))
        case .table:
            print(Self.table(records))
        }
    }

    package static func table(_ records: [AuditRecord]) -> String {
        guard !records.isEmpty else { return "no actions recorded" }
        return records.map { record in
            let digests = record.newDigest.map { " \(DigestText.short(record.oldDigest)) → \(DigestText.short($0))" } ?? ""
            let counts = record.newCount.map { " desired \(record.oldCount.map(String.init) ?? "?") → \($0)" } ?? ""
            return "\(record.time)  \(record.action) \(record.environment)/\(record.service)  \(record.step)  \(record.result)\(digests)\(counts)  \(record.identity ?? "-")"
        }.joined(separator: "\n")
    }
}
