@testable import AWSClient
import XCTest

final class ProfileFilesTests: XCTestCase {
    func testCredentialsFileWinsForKeysAndProfilesMerge() throws {
        let files = try ProfileFiles(
            config: """
            [default]
            region = eu-west-1
            aws_access_key_id = CONFIG_KEY
            [profile config-only]
            region = us-east-2
            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            """,
            credentials: """
            [default]
            aws_access_key_id = CREDENTIALS_KEY
            aws_secret_access_key = secret
            [credentials-only]
            aws_access_key_id = K
            """
        )
        XCTAssertEqual(files.profileNames, ["config-only", "credentials-only", "default"])
        XCTAssertEqual(files.profile("default")?["aws_access_key_id"], "CREDENTIALS_KEY")
        XCTAssertEqual(files.profile("default")?["region"], "eu-west-1")
        XCTAssertEqual(files.ssoSessions["corp"]?["sso_start_url"], "https://corp.awsapps.com/start")
        XCTAssertNil(files.profile("corp"))
    }

    func testLoadHonoursEnvironmentPathsAndToleratesMissingFiles() throws {
        let dir = try CredentialTestDirectory(self)
        let config = try dir.write("custom-config", "[profile dev]\nregion = ap-southeast-2\n")
        let files = try ProfileFiles.load(environment: [
            "AWS_CONFIG_FILE": config,
            "AWS_SHARED_CREDENTIALS_FILE": dir.path + "/does-not-exist",
        ])
        XCTAssertEqual(files.profileNames, ["dev"])
        XCTAssertEqual(files.configPath, config)
    }

    func testLoadDefaultsToDotAWSUnderHome() throws {
        let dir = try CredentialTestDirectory(self)
        try dir.write(".aws/credentials", "[home]\naws_access_key_id = A\naws_secret_access_key = B\n")
        let files = try ProfileFiles.load(environment: ["HOME": dir.path])
        XCTAssertEqual(files.profileNames, ["home"])
        XCTAssertEqual(files.credentialsPath, dir.path + "/.aws/credentials")
    }

    func testLoadReportsParseErrorsWithThePath() throws {
        let dir = try CredentialTestDirectory(self)
        let config = try dir.write("config", "[default]\nregion = x\nbroken\n")
        XCTAssertThrowsError(try ProfileFiles.load(environment: ["AWS_CONFIG_FILE": config, "HOME": dir.path])) { error in
            XCTAssertEqual(error as? ProfileFileError, ProfileFileError(file: config, line: 3, message: "expected 'key = value' (or 'key: value')"))
        }
    }

    func testSelectedProfileName() {
        XCTAssertEqual(ProfileFiles.selectedProfileName(explicit: nil, environment: [:]), "default")
        XCTAssertEqual(ProfileFiles.selectedProfileName(explicit: nil, environment: ["AWS_PROFILE": "env"]), "env")
        XCTAssertEqual(ProfileFiles.selectedProfileName(explicit: "cli", environment: ["AWS_PROFILE": "env"]), "cli")
        XCTAssertEqual(ProfileFiles.selectedProfileName(explicit: "", environment: ["AWS_DEFAULT_PROFILE": "legacy"]), "legacy")
        XCTAssertEqual(ProfileFiles.selectedProfileName(environment: ["AWS_DEFAULT_PROFILE": "legacy", "AWS_PROFILE": "env"]), "legacy",
                       "botocore reads AWS_DEFAULT_PROFILE first")
        let empty = ProfileSelection(environment: ["AWS_PROFILE": ""])
        XCTAssertEqual(empty.name, "")
        XCTAssertTrue(empty.isNamed, "an empty AWS_PROFILE names the profile \"\", which botocore then cannot find")
        XCTAssertFalse(ProfileSelection(environment: [:]).isNamed)
    }

    func testConfigHeadersFollowBotocore() throws {
        let files = try ProfileFiles(config: "[profile \"my prof\"]\nregion = a\n[profile my prof]\nregion = b\n[ profile spaced ]\nregion = c\n[profile\ttab]\nregion = d\n")
        XCTAssertEqual(files.profileNames, ["my prof", "tab"])
        XCTAssertEqual(files.profile("my prof")?.origins["region"], ProfileSection.Origin(file: "config", line: 2))
    }

    func testTwoHeadersForOneProfileAreRefused() {
        for (config, line) in [("[default]\n[profile default]\n", 2), ("[profile a]\nx = 1\n[profile \"a\"]\n", 3), ("[profilefoo bar]\n", 1)] {
            XCTAssertThrowsError(try ProfileFiles(config: config), config) { error in
                XCTAssertEqual((error as? ProfileFileError)?.line, line, config)
            }
        }
    }

    func testKeysStayWithTheirFile() throws {
        let files = try ProfileFiles(config: "[default]\naws_access_key_id = A\n", credentials: "[default]\naws_secret_access_key = B\n")
        XCTAssertEqual(files.profile("default")?.properties, ["aws_access_key_id": "A", "aws_secret_access_key": "B"])
        XCTAssertEqual(files.configProfiles["default"]?.properties, ["aws_access_key_id": "A"])
        XCTAssertEqual(files.credentialsProfiles["default"]?.origins["aws_secret_access_key"], ProfileSection.Origin(file: "credentials", line: 2))
    }

    func testRegionResolverOrder() throws {
        let files = try ProfileFiles(config: "[default]\nregion = eu-west-1\n[profile dev]\nregion = eu-west-2\n")
        XCTAssertEqual(try RegionResolver.resolve(environment: ["AWS_REGION": "a", "AWS_DEFAULT_REGION": "b"], files: files), "a")
        XCTAssertEqual(try RegionResolver.resolve(environment: ["AWS_DEFAULT_REGION": "b"], files: files), "b")
        XCTAssertEqual(try RegionResolver.resolve(environment: [:], files: files), "eu-west-1")
        XCTAssertEqual(try RegionResolver.resolve(environment: ["AWS_PROFILE": "dev"], files: files), "eu-west-2")
        XCTAssertEqual(try RegionResolver.resolve(profile: "dev", environment: ["AWS_PROFILE": "default"], files: files), "eu-west-2")
        XCTAssertNil(try RegionResolver.resolve(profile: "missing", environment: [:], files: files))
    }

    func testRegionResolverReadsFilesFromTheEnvironment() throws {
        let dir = try CredentialTestDirectory(self)
        let config = try dir.write("config", "[profile ops]\nregion = ca-central-1\n")
        XCTAssertEqual(try RegionResolver.resolve(profile: "ops", environment: ["AWS_CONFIG_FILE": config, "HOME": dir.path]), "ca-central-1")
    }
}

/// `/dev/null` and other special files as the AWS files: read as empty, as the AWS CLI reads them.
final class ProfileFilesSpecialFileTests: XCTestCase {
    func testDevNullSwitchesAFileOff() throws {
        let dir = try CredentialTestDirectory(self)
        let credentials = try dir.write("credentials", "[ci]\naws_access_key_id = A\naws_secret_access_key = B\n")
        let files = try ProfileFiles.load(environment: ["AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": credentials, "HOME": dir.path])
        XCTAssertEqual(files.profileNames, ["ci"])
        let none = try ProfileFiles.load(environment: ["AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null", "HOME": dir.path])
        XCTAssertEqual(none.profileNames, [])
    }

    func testADirectoryReadsAsEmptyAsBotocoreReadsIt() throws {
        let dir = try CredentialTestDirectory(self)
        let files = try ProfileFiles.load(environment: ["AWS_CONFIG_FILE": dir.path, "AWS_SHARED_CREDENTIALS_FILE": dir.path, "HOME": dir.path])
        XCTAssertEqual(files.profileNames, [])
    }

    func testInvalidUTF8IsReportedAtItsLine() throws {
        let dir = try CredentialTestDirectory(self)
        let path = dir.path + "/credentials"
        try Data("[ci]\naws_access_key_id = A".utf8 + [0x80] + Data("\n".utf8)).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try ProfileFiles.load(environment: ["AWS_SHARED_CREDENTIALS_FILE": path, "AWS_CONFIG_FILE": "/dev/null"])) { error in
            XCTAssertEqual(error as? ProfileFileError,
                           ProfileFileError(file: path, line: 2, message: "byte 22 of the line (0x80) is not valid UTF-8; save the file as UTF-8"))
            XCTAssertFalse("\(error)".contains("aws_access_key_id = A"), "the line itself, which may hold a secret, is not quoted")
        }
    }
}
