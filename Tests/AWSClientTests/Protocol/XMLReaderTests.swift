@testable import AWSClient
import Foundation
import XCTest

/// The query-protocol XML reader: the shapes AWS sends, and refusal of what is not well-formed.
final class XMLReaderTests: XCTestCase {
    private func parse(_ text: String) -> XMLNode? {
        XMLNode.parse(Data(text.utf8))
    }

    func testReadsAnAWSReplyWithDeclarationNamespaceAndNesting() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <DescribeTargetHealthResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
          <DescribeTargetHealthResult>
            <TargetHealthDescriptions>
              <member>
                <Target><Id>10.0.1.23</Id><Port>8080</Port></Target>
                <TargetHealth><State>unhealthy</State><Reason>Target.FailedHealthChecks</Reason></TargetHealth>
              </member>
            </TargetHealthDescriptions>
          </DescribeTargetHealthResult>
          <ResponseMetadata><RequestId>abc-123</RequestId></ResponseMetadata>
        </DescribeTargetHealthResponse>
        """
        let root = try XCTUnwrap(parse(xml))
        XCTAssertEqual(root.name, "DescribeTargetHealthResponse")
        XCTAssertEqual(root.text, "", "whitespace between children is not text")
        let member = try XCTUnwrap(root["DescribeTargetHealthResult", "TargetHealthDescriptions", "member"])
        XCTAssertEqual(member["Target", "Id"]?.text, "10.0.1.23")
        XCTAssertEqual(member["TargetHealth", "State"]?.text, "unhealthy")
        XCTAssertEqual(root.first(named: "RequestId")?.text, "abc-123")
    }

    func testEntitiesCharacterReferencesAndCDATA() throws {
        let root = try XCTUnwrap(parse(#"<M>a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#233;&#x263A; <![CDATA[<raw> & ]]>tail</M>"#))
        XCTAssertEqual(root.text, #"a <b> & "c" 'd' é☺ <raw> & tail"#)
    }

    func testLeafTextKeepsItsWhitespaceAndMultibyteCharacters() throws {
        let root = try XCTUnwrap(parse("<Error><Message>  Rate exceeded — slow down  </Message><Code>Throttling</Code></Error>"))
        XCTAssertEqual(root.child("Message")?.text, "  Rate exceeded — slow down  ")
        XCTAssertEqual(root.child("Code")?.text, "Throttling")
    }

    func testSelfClosingTagsAttributesCommentsAndAByteOrderMark() throws {
        let xml = "\u{FEFF}<!-- before --><R a=\"1>2\" b='x'><Empty/><E c=\"d\" /><!-- inside --><T>v</T></R>\n<!-- after -->\n"
        let root = try XCTUnwrap(parse(xml))
        XCTAssertEqual(root.children.map(\.name), ["Empty", "E", "T"])
        XCTAssertEqual(root.child("Empty")?.text, "")
        XCTAssertEqual(root.child("T")?.text, "v")
    }

    func testPrefixedNamesAreKeptWhole() throws {
        XCTAssertEqual(try XCTUnwrap(parse("<ns:Root><ns:A>1</ns:A></ns:Root>")).child("ns:A")?.text, "1")
    }

    func testNotWellFormedGivesNil() {
        XCTAssertNil(parse(""))
        XCTAssertNil(parse("not xml"))
        XCTAssertNil(parse("<A><B></A></B>"))
        XCTAssertNil(parse("<A>unclosed"))
        XCTAssertNil(parse("<A/><B/>"), "two roots")
        XCTAssertNil(parse("<A>&unknown;</A>"))
        XCTAssertNil(parse("<A>&amp</A>"))
        XCTAssertNil(parse("<A></A>trailing text"))
        XCTAssertNil(parse("<A><!-- never closed </A>"))
        XCTAssertNil(parse("<A attr=\"open></A>"))
    }

    func testNestingDeeperThanAnyReplyGivesNilRatherThanOverflowingTheStack() throws {
        func nested(_ depth: Int) -> Data {
            Data((String(repeating: "<a>", count: depth) + "x" + String(repeating: "</a>", count: depth)).utf8)
        }
        let deepest = try XCTUnwrap(XMLReader.parse(nested(XMLReader.maximumDepth)))
        XCTAssertEqual(deepest.first(named: "b"), nil)
        XCTAssertNil(XMLReader.parse(nested(XMLReader.maximumDepth + 1)))
        // Searched and freed recursively, this tree crashed the test process.
        let hostile = nested(200_000)
        XCTAssertNil(XMLNode.parse(hostile)?.first(named: "b"))
        XCTAssertEqual(AWSErrorDecoder.decode(HTTPResponse(status: 500, headers: HTTPHeaders(), body: hostile), service: "s", operation: "o").code, "HTTP500")
    }

    func testElementRangeSpansTheFirstStartTagToTheLastEndTag() throws {
        let text = #"<R xmlns="x"><NameResultX>no</NameResultX><NameResult a="1"><V>1</V></NameResult><M><Id>r-1</Id></M></R>"#
        let range = try XCTUnwrap(XMLReader.elementRange(named: "NameResult", in: Data(text.utf8)))
        let bytes = Array(text.utf8)[range]
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), #"<NameResult a="1"><V>1</V></NameResult>"#)
        XCTAssertNil(XMLReader.elementRange(named: "NameResult", in: Data("<R><NameResult/></R>".utf8)), "self-closing")
        XCTAssertNil(XMLReader.elementRange(named: "NameResult", in: Data("<R><NameResult>".utf8)), "never closed")
        XCTAssertNil(XMLReader.elementRange(named: "NameResult", in: Data("<R><Other/></R>".utf8)))
        XCTAssertNil(XMLReader.elementRange(named: "NameResult", in: Data()))
    }
}
