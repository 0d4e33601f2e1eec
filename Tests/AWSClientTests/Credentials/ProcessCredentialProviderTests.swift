import XCTest
@testable import AWSClient

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
}
