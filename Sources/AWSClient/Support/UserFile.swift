import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file a user named (the ecsdash config, a theme, the AWS config and credentials files, a token file) as
/// UTF-8 text, with a located error for anything that is not: the byte that is not UTF-8, a directory, a file too big.
///
/// Foundation's `String(contentsOfFile:)` refuses `/dev/null` ("you don't have permission") and pipes, and says only
/// "the file isn't in the correct format" for a stray byte; people switch a file off with `/dev/null` and pass
/// generated ones as `<(…)`, so this reads with `read(2)` until the end, whatever kind of file it is.
package enum UserFile {
    /// What to do with a path that is not a regular file (a device such as `/dev/null`, a pipe, a directory).
    package enum SpecialFiles: Sendable {
        /// Read what it gives (nothing, for `/dev/null`); a directory is an error.
        case read
        /// Treat it as empty without opening it, as botocore does for the AWS config and credentials files: it
        /// parses a file only when `os.path.isfile` holds and otherwise carries on with no profiles.
        case empty
    }

    /// More than any config, theme, credentials or token file holds; stops `/dev/zero` from filling the memory.
    package static let sizeLimit = 16 << 20

    /// The file's text, a leading byte order mark dropped (as `String(contentsOfFile:)` does).
    package static func read(_ path: String, specialFiles: SpecialFiles = .read, limit: Int = sizeLimit) throws(UserFileError) -> String {
        try decode(readBytes(path, specialFiles: specialFiles, limit: limit), path: path)
    }

    /// The bytes as UTF-8 text, or the line and byte of the first one that is not UTF-8.
    package static func decode(_ bytes: [UInt8], path: String) throws(UserFileError) -> String {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        guard let offset = firstInvalidOffset(in: body) else { return String(decoding: body, as: UTF8.self) }
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        throw UserFileError(path: path, problem: .invalidUTF8(line: line, byte: offset - lineStart + 1, value: bytes[offset]))
    }

    /// The offset, in `bytes`' own indices, of the first byte that does not begin or continue a valid UTF-8 sequence.
    static func firstInvalidOffset(in bytes: ArraySlice<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    private static func readBytes(_ path: String, specialFiles: SpecialFiles, limit: Int) throws(UserFileError) -> [UInt8] {
        var status = stat()
        guard stat(path, &status) == 0 else { throw failure(path, errno) }
        let kind = status.st_mode & S_IFMT
        if kind != S_IFREG, specialFiles == .empty { return [] }
        guard kind != S_IFDIR else { throw UserFileError(path: path, problem: .directory) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, errno) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        if kind == S_IFREG { bytes.reserveCapacity(min(Int(status.st_size), limit) + 1) }
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
            guard bytes.count <= limit else { throw UserFileError(path: path, problem: .tooLarge(limit: limit)) }
        }
    }

    private static func failure(_ path: String, _ code: Int32) -> UserFileError {
        switch code {
        case ENOENT, ENOTDIR: UserFileError(path: path, problem: .missing)
        case EISDIR: UserFileError(path: path, problem: .directory)
        default: UserFileError(path: path, problem: .unreadable(String(cString: strerror(code))))
        }
    }
}

/// `read(2)`, which `UserFile.read` would otherwise shadow; each C library module names it differently.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
    #elseif canImport(Musl)
    Musl.read(descriptor, buffer, count)
    #else
    Darwin.read(descriptor, buffer, count)
    #endif
}
