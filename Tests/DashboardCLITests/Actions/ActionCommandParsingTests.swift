import ArgumentParser
@testable import DashboardCLI
@testable import DashboardEngine
@testable import DashboardModel
@testable import DashboardViews
import XCTest

/// What the action commands make of their command lines, parsed from the root as the binary does.
final class ActionCommandParsingTests: XCTestCase {
    /// The root command has `--read-only` too, and ArgumentParser gives the root first pick of every argument.
    func testReadOnlyReachesEveryActionCommandWhereverItIsWritten() throws {
        let lines = [
            ["scale", "frontend", "--env", "dev", "--count", "3", "--read-only"],
            ["--read-only", "scale", "frontend", "--env", "dev", "--count", "3"],
            ["restart", "frontend", "--env", "dev", "--read-only"],
            ["rollback", "frontend", "--env", "prod", "--read-only"],
            ["promote", "frontend", "--from", "uat", "--read-only"],
        ]
        for line in lines {
            let command = try ECSDash.parseAsRoot(line)
            let readOnly = (command as? ScaleCommand)?.action.readOnly ?? (command as? RestartCommand)?.action.readOnly
                ?? (command as? RollbackCommand)?.action.readOnly ?? (command as? PromoteCommand)?.action.readOnly
            XCTAssertEqual(readOnly, true, line.joined(separator: " "))
        }
        let scale = try XCTUnwrap(try ECSDash.parseAsRoot(["scale", "frontend", "--env", "dev", "--count", "3"]) as? ScaleCommand)
        XCTAssertFalse(scale.action.readOnly)
        XCTAssertEqual(scale.count, 3)
    }

    func testScaleRefusesACountNoServiceShouldGetAndAForceWithoutReason() {
        for line in [["--count=-1"], ["--count", "10001"], ["--count", "3", "--force"], ["--count", "three"]] {
            XCTAssertThrowsError(try ECSDash.parseAsRoot(["scale", "frontend", "--env", "dev"] + line), line.joined(separator: " ")) { error in
                XCTAssertEqual(ECSDash.exitCode(for: error), .validationFailure, "\(error)")
            }
        }
        XCTAssertNoThrow(try ECSDash.parseAsRoot(["scale", "frontend", "--env", "dev", "--count", "0"]))
        XCTAssertNoThrow(try ECSDash.parseAsRoot(["scale", "frontend", "--env", "dev", "--count", "9", "--force", "--reason", "load test"]))
    }
}
