import FleetSimulator
import Foundation

/// Where the `--demo` world is kept between commands, and how it is read and written: JSON replaced whole by
/// rename (a reader never sees half a file), under an exclusive `flock` on a lock file beside it, so two ecsdash
/// processes never interleave their read-modify-write.
package struct DemoWorldStore: Sendable {
    package let path: String

    package init(path: String) {
        self.path = path
    }

    /// `$XDG_STATE_HOME/ecsdash/demo-world.json`, else `~/.local/state/ecsdash/demo-world.json`, beside the audit log.
    package static func path(environment: [String: String]) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/state"
        return state + "/ecsdash/demo-world.json"
    }

    /// The lock is a file of its own: the world file is replaced on every save, and a lock on a replaced file locks nothing.
    package var lockPath: String { path + ".lock" }

    /// The saved world; nil when there is none.
    package func read() throws(DemoWorldError) -> SimulatedWorldRecord? {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch CocoaError.fileReadNoSuchFile {
            return nil
        } catch {
            throw .unusable(path, "cannot be read (\(Self.reason(error)))")
        }
        return try Self.decode(data, path: path)
    }

    /// A record from the file's bytes, checking the format first so a newer file is reported as newer, not as broken.
    package static func decode(_ data: Data, path: String) throws(DemoWorldError) -> SimulatedWorldRecord {
        struct Format: Decodable { var format: Int }
        guard let format = try? JSONDecoder().decode(Format.self, from: data) else {
            throw .unusable(path, "is not a demo world file (not JSON, or no format number)")
        }
        guard format.format <= SimulatedWorldRecord.currentFormat else {
            throw .unusable(path, "was written by a newer ecsdash (format \(format.format); this one reads up to \(SimulatedWorldRecord.currentFormat))")
        }
        do {
            return try JSONDecoder().decode(SimulatedWorldRecord.self, from: data)
        } catch {
            throw .unusable(path, "is damaged (\(reason(error)))")
        }
    }

    /// Writes a temporary file beside the world and renames it over it: atomic on one file system.
    package func write(_ record: SimulatedWorldRecord) throws(DemoWorldError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let temporary = path + ".tmp-\(getpid())"
        do {
            try createDirectory()
            var data = try encoder.encode(record)
            data.append(UInt8(ascii: "\n"))
            // Owner-only, like the audit log beside it.
            guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw DemoWorldError("cannot write \(temporary)")
            }
            guard rename(temporary, path) == 0 else { throw DemoWorldError("cannot rename it into place: \(String(cString: strerror(errno)))") }
        } catch {
            unlink(temporary)
            throw DemoWorldError("cannot save the demo world \(path): \(Self.reason(error))")
        }
    }

    /// Removes the saved world (`--demo-reset`); no file is no error.
    package func delete() throws(DemoWorldError) {
        guard unlink(path) == 0 || errno == ENOENT else {
            throw DemoWorldError("cannot delete the demo world \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Runs `body` holding the exclusive lock, waiting up to `seconds` for another process to finish its save.
    package func withLock<Result>(waiting seconds: Double = 5, _ body: () throws -> Result) throws -> Result {
        do {
            try createDirectory()
        } catch {
            throw DemoWorldError("cannot create the directory of \(path): \(Self.reason(error))")
        }
        let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o600)
        guard descriptor >= 0 else { throw DemoWorldError("cannot open the lock file \(lockPath): \(String(cString: strerror(errno)))") }
        // Closing the descriptor releases the lock, on every way out of here.
        defer { close(descriptor) }
        let deadline = Date().addingTimeInterval(seconds)
        // Polled rather than blocking: a blocking flock cannot time out, and a stuck holder must not hang this command.
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else { throw DemoWorldError.locked(path) }
            usleep(20_000)
        }
        return try body()
    }

    private func createDirectory() throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
    }

    /// A file error as one short phrase, without Foundation's long-winded wrapping.
    private static func reason(_ error: any Error) -> String {
        if let known = error as? DemoWorldError { return known.message }
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if let decoding = error as? DecodingError {
            switch decoding {
            case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
                let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                return path.isEmpty ? context.debugDescription : "\(path.hasPrefix(".") ? String(path.dropFirst()) : path): \(context.debugDescription)"
            @unknown default:
                return "\(decoding)"
            }
        }
        return error.localizedDescription
    }
}
