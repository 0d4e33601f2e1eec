@testable import AWSClient
import XCTest

/// The parser follows botocore's configparser rules; Tests/Integration/Parity checks the same rules against botocore itself.
final class ProfileFileParserTests: XCTestCase {
    private func parse(_ text: String) throws -> [ProfileFileParser.RawSection] {
        try ProfileFileParser(fileName: "config").parse(text)
    }

    func testHeadersAreKeptAsWritten() throws {
        let sections = try parse("[default]\n[profile dev]\n[ spaced ]\n[profile \"my prof\"] # note\n[a]b]\n")
        XCTAssertEqual(sections.map(\.header), ["default", "profile dev", " spaced ", "profile \"my prof\"", "a]b"])
        XCTAssertEqual(sections.map(\.line), [1, 2, 3, 4, 5])
    }

    func testCommentsOnlyAtTheStartOfALine() throws {
        let dev = try XCTUnwrap(parse("""
        # a comment
        ; another comment
        [profile dev]
          # indented comment
        region = eu-west-1 # kept
        output = json ; kept too
        """).first)
        XCTAssertEqual(dev.properties["region"], "eu-west-1 # kept", "botocore has no inline comments")
        XCTAssertEqual(dev.properties["output"], "json ; kept too")
    }

    func testColonOrEqualsAndTheFirstOneWins() throws {
        let dev = try XCTUnwrap(parse("[d]\na: 1\nb=x:y\nc : p=q\nSSO_Role_Name = Admin\nsome key = v\n").first)
        XCTAssertEqual(dev.properties, ["a": "1", "b": "x:y", "c": "p=q", "sso_role_name": "Admin", "some key": "v"])
        XCTAssertEqual(dev.lines["c"], 4)
    }

    func testBlocksAndContinuationLines() throws {
        let dev = try XCTUnwrap(parse("""
        [profile dev]
        s3 =
          max_concurrent_requests = 10

          Addressing_Style = path
        region = eu-west-1
        note = first
          second
        """).first)
        XCTAssertEqual(dev.subProperties["s3"], ["max_concurrent_requests": "10", "Addressing_Style": "path"])
        XCTAssertEqual(dev.properties["region"], "eu-west-1")
        XCTAssertEqual(dev.properties["note"], "first\nsecond")
    }

    func testLineEndings() throws {
        let sections = try parse("[a]\r\nx = 1\r[b]\ny = 2\r\n")
        XCTAssertEqual(sections.map(\.header), ["a", "b"])
        XCTAssertEqual(sections[1].lines["y"], 4)
    }

    func testRefusalsNameFileAndLine() throws {
        let cases: [(text: String, line: Int, fragment: String)] = [
            ("region = eu-west-1\n", 1, "before any [section]"),
            ("[default]\nregion = x\n[profile dev\n", 3, "key = value"),
            ("[default]\n\n# fine\nnot a property\n", 4, "key = value"),
            ("[default]\ns3 =\n  broken sub property\n", 2, "under s3"),
            ("[default]\n = value\n", 2, "no name"),
            ("[a]\n[]\n", 2, "key = value"),
            ("[a]\nx = 1\n[a]\n", 3, "appears twice (first on line 1)"),
            ("[a]\nx = 1\nX = 2\n", 3, "key x appears twice"),
            ("[DEFAULT]\nx = 1\n", 1, "[DEFAULT]"),
        ]
        for (text, line, fragment) in cases {
            XCTAssertThrowsError(try ProfileFileParser(fileName: "/tmp/cfg").parse(text), text) { error in
                guard let error = error as? ProfileFileError else { return XCTFail("wrong error \(error)") }
                XCTAssertEqual(error.line, line, text)
                XCTAssertTrue(error.description.hasPrefix("/tmp/cfg, line \(line): "), error.description)
                XCTAssertTrue(error.message.contains(fragment), "\(error.message) lacks \(fragment)")
            }
        }
    }

    func testErrorsDoNotQuoteTheOffendingLine() {
        let text = "[default]\naws_secret_access_key wJalrXUtnFEMI\n"
        XCTAssertThrowsError(try ProfileFileParser(fileName: "credentials").parse(text)) { error in
            XCTAssertFalse(String(describing: error).contains("wJalrXUtnFEMI"))
        }
    }

    func testShellWordsSplitLikeShlex() throws {
        XCTAssertEqual(try ShellWords.split(#"a"" "" x\\y "a\nb" 'c d' e\ f $HOME;x"#), ["a", "", #"x\y"#, #"a\nb"#, "c d", "e f", "$HOME;x"])
        XCTAssertEqual(try ShellWords.split("  \t "), [])
        XCTAssertThrowsError(try ShellWords.split("a \"b")) { XCTAssertEqual($0 as? ShellWords.Failure, .unclosedQuote) }
        XCTAssertThrowsError(try ShellWords.split("a\\")) { XCTAssertEqual($0 as? ShellWords.Failure, .trailingBackslash) }
    }

    func testPathsExpandVariablesThenTilde() {
        let environment = ["HOME": "/home/me/", "DIR": "/srv", "X": "~"]
        XCTAssertEqual(AWSConfigLocation.expand("$DIR/creds", environment: environment), "/srv/creds")
        XCTAssertEqual(AWSConfigLocation.expand("${DIR}x/$NOPE/${}/$", environment: environment), "/srvx/$NOPE/${}/$")
        XCTAssertEqual(AWSConfigLocation.expand("~/cfg", environment: environment), "/home/me/cfg")
        XCTAssertEqual(AWSConfigLocation.expand("$X/cfg", environment: environment), "/home/me/cfg", "variables first, then ~")
    }

    /// Found by scripts/fuzz: a key name holding U+0085 (NEL, a line break to Swift) made the error two lines.
    func testANameWithALineSeparatorStaysOnOneLineInTheError() {
        XCTAssertThrowsError(try ProfileFileParser(fileName: "cfg").parse("[default]\nkey\u{85}name =\n  no equals here\n")) { error in
            let message = (error as? ProfileFileError)?.message ?? ""
            XCTAssertFalse(message.contains(where: \.isNewline), message)
            XCTAssertTrue(message.contains("key\\u{85}name"), message)
        }
    }
}
