@testable import DashboardCLI
@testable import DashboardEngine
@testable import DashboardModel
@testable import DashboardViews
@testable import FleetSimulator
import Foundation
import TestSupport
import XCTest

/// The config and theme files as files: special files read as what they give, bytes that are not UTF-8 located.
final class ConfigFileReadingTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = Scratch.directory("ConfigFileReadingTests")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ name: String, _ bytes: Data) throws -> String {
        let file = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: file)
        return file.path
    }

    func loadError(_ path: String) -> String {
        do {
            _ = try ConfigLoader(locator: ConfigLocator(environment: [:], currentDirectory: root.path)).load(explicit: path)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testDevNullIsAnEmptyConfigNotAPermissionProblem() {
        XCTAssertEqual(loadError("/dev/null"), "/dev/null: the file is empty; see ecsdash.example.yaml for a commented example")
    }

    func testInvalidUTF8NamesLineAndByte() throws {
        let path = try write("ecsdash.yaml", Data("region: eu-west-1\nenvironments: ".utf8) + Data([0xFF]) + Data("\n".utf8))
        XCTAssertEqual(loadError(path), "\(path):2: cannot read the config file (from --config): byte 15 of the line (0xFF) is not valid UTF-8; save the file as UTF-8")
    }

    func testMissingAndDirectoryAreSaidPlainly() {
        XCTAssertEqual(loadError(root.path + "/nope.yaml"), "\(root.path)/nope.yaml: cannot read the config file (from --config): it does not exist")
        XCTAssertEqual(loadError(root.path), "\(root.path): cannot read the config file (from --config): it is a directory")
    }

    func testThemeFilesReadTheSameWay() throws {
        let environment = ["XDG_CONFIG_HOME": root.path, "HOME": root.path]
        let themes = root.appendingPathComponent("ecsdash/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: themes.appendingPathComponent("off.yaml").path, withDestinationPath: "/dev/null")
        let bad = try write("ecsdash/themes/bad.yaml", Data("description: caf".utf8) + Data([0xE9]) + Data("\n".utf8))
        let loader = ThemeLoader()
        XCTAssertThrowsError(try loader.load(name: "off", environment: environment)) { error in
            XCTAssertTrue("\(error)".hasSuffix("off.yaml: the file is empty; see themes/default.yaml for every key"), "\(error)")
        }
        XCTAssertThrowsError(try loader.load(name: "bad", environment: environment)) { error in
            XCTAssertEqual("\(error)", "\(bad):1: cannot read the theme file: byte 17 of the line (0xE9) is not valid UTF-8; save the file as UTF-8")
        }
    }
}

/// `ecsdash call --input @FILE` reads its file as the config is read.
final class CallInputFileTests: XCTestCase {
    func testAPipeIsReadAndAMissingFileIsSaidPlainly() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let body = #"{"cluster":"app-dev"}"#
        XCTAssertEqual(body.utf8.count, body.withCString { write(fds[1], $0, body.utf8.count) })
        close(fds[1])
        defer { close(fds[0]) }
        let piped = try CallCommand.parse(["ecs", "ListServices", "--input", "@/dev/fd/\(fds[0])"])
        XCTAssertEqual(String(decoding: try piped.requestBody(), as: UTF8.self), body, "FileManager.contents(atPath:) gave nil for a pipe")

        let missing = try CallCommand.parse(["ecs", "ListServices", "--input", "@/nonexistent/query.json"])
        XCTAssertThrowsError(try missing.requestBody()) { error in
            XCTAssertEqual("\(error)", "cannot read --input file /nonexistent/query.json: it does not exist")
        }
    }
}
