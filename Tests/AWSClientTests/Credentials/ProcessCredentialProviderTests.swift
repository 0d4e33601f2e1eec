@testable import AWSClient
import TestSupport
import XCTest

final class ProcessCredentialProviderTests: XCTestCase {
    private func script(_ body: String) throws -> String {
        let dir = try CredentialTestDirectory(self)
        return try dir.write("helper.sh", "#!/bin/sh\n" + body + "\n", executable: true)
    }

    func testGoodJSON() async throws {
        let helper = try script("""
        echo '{"Version": 1, "AccessKeyId": "PROC_KEY", "SecretAccessKey": "proc-secret",'
        echo ' "SessionToken": "proc-token", "Expiration": "2030-05-06T07:08:09Z"}'
        """)
        let credentials = try await ProcessCredentialProvider(command: helper).credentials()
        XCTAssertEqual(credentials.accessKeyId, "PROC_KEY")
        XCTAssertEqual(credentials.secretAccessKey, "proc-secret")
        XCTAssertEqual(credentials.sessionToken, "proc-token")
        XCTAssertEqual(credentials.expiration, Date(timeIntervalSince1970: 1_904_281_689))
    }

    func testArgumentsPassThroughTheShell() async throws {
        let helper = try script(#"printf '{"Version":1,"AccessKeyId":"%s","SecretAccessKey":"s"}' "$1""#)
        let credentials = try await ProcessCredentialProvider(command: "\(helper) 'ARG KEY'").credentials()
        XCTAssertEqual(credentials.accessKeyId, "ARG KEY")
        XCTAssertNil(credentials.expiration)
    }

    func testBadJSONFailsWithoutEchoingOutput() async throws {
        let helper = try script("echo 'not json SECRETVALUE'")
        let error = await assertCredentialError { try await ProcessCredentialProvider(command: helper).credentials() }
        XCTAssertEqual(error?.kind, .failed)
        XCTAssertTrue(error?.message.contains("did not return a JSON credential document") == true, error?.message ?? "")
        XCTAssertFalse(error?.description.contains("SECRETVALUE") == true)
    }

    func testWrongVersionFails() async throws {
        let helper = try script(#"echo '{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "s"}'"#)
        let error = await assertCredentialError { try await ProcessCredentialProvider(command: helper).credentials() }
        XCTAssertTrue(error?.message.contains("Version 2") == true, error?.message ?? "")
    }

    func testNonZeroExitQuotesStderr() async throws {
        let helper = try script("echo 'token expired, run sso login' >&2\nexit 3")
        let error = await assertCredentialError { try await ProcessCredentialProvider(command: helper).credentials() }
        XCTAssertEqual(error?.kind, .failed)
        XCTAssertEqual(error?.provider, "credential_process")
        XCTAssertTrue(error?.message.contains("exited with status 3: token expired, run sso login") == true, error?.message ?? "")
    }

    func testProfileUsesCredentialProcess() async throws {
        let helper = try script(#"echo '{"Version":1,"AccessKeyId":"VIA_PROFILE","SecretAccessKey":"s"}'"#)
        let files = try ProfileFiles(config: "[profile tool]\ncredential_process = \(helper)\n")
        let provider = ProfileCredentialProvider(profile: "tool", environment: [:], transport: CredentialTestTransport.unused(), files: files)
        let credentials = try await provider.credentials()
        XCTAssertEqual(credentials.accessKeyId, "VIA_PROFILE")
    }

    /// No shell runs the command (as in botocore), so this test asks for one explicitly.
    /// A helper that never finishes is stopped at the time limit, with what it started, and named in the
    /// error. The clock is stepped past the minute once the helper is known to be running.
    func testAHelperThatHangsIsStoppedAtTheTimeLimit() async throws {
        let dir = try CredentialTestDirectory(self)
        let pidFile = try dir.write("helper.pid", "")
        let clock = ManualClock()
        let provider = ProcessCredentialProvider(command: "/bin/sh -c 'sleep 600 & echo $$ $! > \"\(pidFile)\"; wait'", clock: clock)
        let attempt = Task { try await provider.credentials() }
        // Both pids, not just a file: the shell may be caught between its two numbers. The limits only bound a hang.
        var pids: [Int32] = []
        let started = Date().addingTimeInterval(60)
        while pids.count < 2, Date() < started {
            try await Task.sleep(nanoseconds: 25_000_000)
            pids = ((try? String(contentsOfFile: pidFile, encoding: .utf8)) ?? "").split(whereSeparator: \.isWhitespace).compactMap { Int32($0) }
        }
        XCTAssertEqual(pids.count, 2, "the helper did not start")
        clock.advance(by: ProcessCredentialProvider.defaultTimeout + 1)
        let error = await assertCredentialError { try await attempt.value }
        XCTAssertEqual(error?.kind, .failed)
        XCTAssertTrue(error?.message.contains("did not finish within 60 s and was stopped") == true, error?.message ?? "")
        var alive = pids
        let stopped = Date().addingTimeInterval(60)
        while !alive.isEmpty, Date() < stopped {
            try await Task.sleep(nanoseconds: 25_000_000)
            alive = pids.filter { kill($0, 0) == 0 }
        }
        XCTAssertEqual(alive, [], "the hung helper or its child was not stopped")
    }
}
