@testable import AWSClient
import Foundation
import XCTest

/// Reading user-named files: special files as the AWS CLI reads them, and a located error for a byte that is not UTF-8.
final class UserFileTests: XCTestCase {
    func testDevNullReadsAsEmptyEitherWay() throws {
        XCTAssertEqual(try UserFile.read("/dev/null"), "")
        XCTAssertEqual(try UserFile.read("/dev/null", specialFiles: .empty), "")
    }

    func testADirectoryIsAnErrorUnlessSpecialFilesAreEmpty() throws {
        let dir = try CredentialTestDirectory(self)
        XCTAssertThrowsError(try UserFile.read(dir.path)) { error in
            XCTAssertEqual((error as? UserFileError)?.problem, .directory)
        }
        XCTAssertEqual(try UserFile.read(dir.path, specialFiles: .empty), "")
    }

    func testAPipeIsReadToItsEnd() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let text = "[default]\nregion = eu-west-1\n"
        XCTAssertEqual(text.utf8.count, text.withCString { write(fds[1], $0, text.utf8.count) })
        close(fds[1])
        defer { close(fds[0]) }
        XCTAssertEqual(try UserFile.read("/dev/fd/\(fds[0])"), text)
    }

    func testMissingFileAndEndlessDeviceAreErrors() {
        XCTAssertThrowsError(try UserFile.read("/nonexistent/ecsdash/config")) { error in
            XCTAssertEqual((error as? UserFileError)?.problem, .missing)
        }
        XCTAssertThrowsError(try UserFile.read("/dev/zero", limit: 1 << 20)) { error in
            XCTAssertEqual((error as? UserFileError)?.problem, .tooLarge(limit: 1 << 20))
            XCTAssertEqual("\(error)", "/dev/zero: it is larger than 1 MiB")
        }
    }

    func testInvalidUTF8NamesItsLineAndByte() throws {
        let dir = try CredentialTestDirectory(self)
        let path = dir.path + "/config"
        try Data("[default]\nregion = eu\u{E9}".utf8 + [0xFF] + Data("\nnext = 1\n".utf8)).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try UserFile.read(path)) { error in
            XCTAssertEqual((error as? UserFileError)?.problem, .invalidUTF8(line: 2, byte: 14, value: 0xFF), "é is two bytes")
            XCTAssertEqual("\(error)", "\(path): line 2: byte 14 of the line (0xFF) is not valid UTF-8; save the file as UTF-8")
        }
    }

    func testDecodeLocatesTruncatedAndOverlongSequences() {
        func problem(_ bytes: [UInt8]) -> UserFileError.Problem? {
            do {
                _ = try UserFile.decode(bytes, path: "p")
                return nil
            } catch {
                return error.problem
            }
        }
        XCTAssertEqual(problem([0x61, 0xC3]), .invalidUTF8(line: 1, byte: 2, value: 0xC3), "a sequence cut short at the end")
        XCTAssertEqual(problem([0x0A, 0x0A, 0xC0, 0x80]), .invalidUTF8(line: 3, byte: 1, value: 0xC0), "an overlong NUL")
        XCTAssertEqual(problem([0xED, 0xA0, 0x80]), .invalidUTF8(line: 1, byte: 1, value: 0xED), "a UTF-16 surrogate")
        XCTAssertEqual(problem([0xEF, 0xBB, 0xBF, 0x0A, 0xFE]), .invalidUTF8(line: 2, byte: 1, value: 0xFE), "after a byte order mark")
        XCTAssertNil(problem(Array("ok ✓ 👍".utf8)))
    }

    func testALeadingByteOrderMarkIsDropped() throws {
        XCTAssertEqual(try UserFile.decode([0xEF, 0xBB, 0xBF] + Array("[default]".utf8), path: "p"), "[default]")
        XCTAssertEqual(try UserFile.decode(Array("a\u{FEFF}b".utf8), path: "p"), "a\u{FEFF}b", "only a leading one")
    }
}
