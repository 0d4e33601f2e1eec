@testable import AWSClient
import XCTest

final class ProfileFileParserTests: XCTestCase {
    private func parseConfig(_ text: String) throws -> [ProfileSection] {
        try ProfileFileParser(kind: .config, fileName: "config").parse(text)
    }

    func testConfigSectionKinds() throws {
        let sections = try parseConfig("""
        [default]
        region = eu-west-1
        [profile dev]
        region = eu-west-2
        [sso-session corp]
        sso_region = us-east-1
        [services local]
        ecs =
          endpoint_url = http://localhost:5000
        [orphan]
        region = ignored
        """)
        XCTAssertEqual(sections.map(\.kind), [.profile, .profile, .ssoSession, .services, .other])
        XCTAssertEqual(sections.map(\.name), ["default", "dev", "corp", "local", "orphan"])
        XCTAssertEqual(sections[1]["region"], "eu-west-2")
    }

    func testCredentialsFileSectionsAreProfileNamesAsWritten() throws {
        let sections = try ProfileFileParser(kind: .credentials, fileName: "credentials").parse("[dev]\naws_access_key_id = AKID\n")
        XCTAssertEqual(sections, [ProfileSection(kind: .profile, name: "dev", properties: ["aws_access_key_id": "AKID"])])
    }

    func testCommentsFullLineAndInline() throws {
        let sections = try parseConfig("""
        # a comment
        ; another comment
        [profile dev] # header comment
          # indented comment
        region = eu-west-1 # inline comment
        output = json ; semicolon comment
        fragment = a#b;c
        blank = # only a comment
        """)
        let dev = try XCTUnwrap(sections.first)
        XCTAssertEqual(dev.properties["region"], "eu-west-1")
        XCTAssertEqual(dev.properties["output"], "json")
        XCTAssertEqual(dev.properties["fragment"], "a#b;c", "a comment marker needs whitespace before it")
        XCTAssertEqual(dev.properties["blank"], "")
        XCTAssertNil(dev["blank"], "a blank value reads as unset")
    }

    func testValuesKeepEqualsSignsAndQuotes() throws {
        let dev = try XCTUnwrap(parseConfig("""
        [profile dev]
        credential_process = /bin/helper --arg=1 --name "two words"
        role_session_name = "quoted"
        SSO_Role_Name = Admin
        """).first)
        XCTAssertEqual(dev["credential_process"], "/bin/helper --arg=1 --name \"two words\"")
        XCTAssertEqual(dev["role_session_name"], "\"quoted\"")
        XCTAssertEqual(dev["sso_role_name"], "Admin", "keys are case-insensitive, as in the CLI")
    }

    func testSubPropertiesAndContinuationLines() throws {
        let dev = try XCTUnwrap(parseConfig("""
        [profile dev]
        s3 =
          max_concurrent_requests = 10
          addressing_style = path # comment
        region = eu-west-1
        note = first
          second
        """).first)
        XCTAssertEqual(dev.subProperties["s3"], ["max_concurrent_requests": "10", "addressing_style": "path"])
        XCTAssertEqual(dev.properties["s3"], "")
        XCTAssertEqual(dev["region"], "eu-west-1")
        XCTAssertEqual(dev["note"], "first\nsecond")
    }

    func testWindowsLineEndingsAndRepeatedSectionsMerge() throws {
        let sections = try parseConfig("[profile dev]\r\nregion = a\r\n[profile dev]\r\noutput = json\r\nregion = b\r\n")
        XCTAssertEqual(sections.count, 1)
        XCTAssertEqual(sections[0].properties, ["region": "b", "output": "json"])
    }

    func testBadLinesReportFileAndLine() throws {
        let cases: [(text: String, line: Int, fragment: String)] = [
            ("region = eu-west-1\n", 1, "before any [section]"),
            ("[default]\nregion = x\n[profile dev\n", 3, "closing ']'"),
            ("[default]\n\n# fine\nnot a property\n", 4, "key = value"),
            ("[default]\ns3 =\n  broken sub property\n", 3, "key = value"),
            ("[default]\n = value\n", 2, "no name"),
            ("[]\n", 1, "no name"),
            ("[default] trailing\n", 1, "after a section header"),
        ]
        for (text, line, fragment) in cases {
            XCTAssertThrowsError(try ProfileFileParser(kind: .config, fileName: "/tmp/cfg").parse(text), text) { error in
                guard let error = error as? ProfileFileError else { return XCTFail("wrong error \(error)") }
                XCTAssertEqual(error.line, line, text)
                XCTAssertEqual(error.file, "/tmp/cfg")
                XCTAssertTrue(error.description.hasPrefix("/tmp/cfg, line \(line): "), error.description)
                XCTAssertTrue(error.message.contains(fragment), "\(error.message) lacks \(fragment)")
            }
        }
    }

    func testErrorsDoNotQuoteTheOffendingLine() {
        let text = "[default]\naws_secret_access_key wJalrXUtnFEMI\n"
        XCTAssertThrowsError(try ProfileFileParser(kind: .credentials, fileName: "credentials").parse(text)) { error in
            XCTAssertFalse(String(describing: error).contains("wJalrXUtnFEMI"))
        }
    }
}
