import Foundation

/// The fuzz targets over AWSClient's readers of outside input: the AWS config and credentials files, the XML of
/// query-protocol replies and errors, JSON replies, and the byte-level array split and element recogniser that
/// read a reply's bytes before any decoder checks them.
package enum AWSClientFuzzTargets {
    package static let all: [FuzzTarget] = [profileFiles, xml, jsonReplies, arraySplit, elementCache]

    // MARK: - AWS config and credentials files

    static let profileFiles = FuzzTarget(
        name: "profile", summary: "AWS config and credentials files: UTF-8 check, ProfileFileParser, ProfileFiles",
        seeds: {
            FuzzSeeds.files(in: "Tests/Fixtures/aws-files") + [
                "[default]\nregion = eu-west-1\n[profile dev]\nsource_profile = default\nrole_arn = arn:aws:iam::123456789012:role/r\n",
                "[services local]\necs =\n  endpoint_url = http://localhost:5000\n[sso-session corp]\nsso_region = us-east-1\n",
            ].map { Data($0.utf8) }
        },
        dictionary: FuzzTarget.tokens(["[", "]", "[profile ", "[sso-session ", "[services ", "[default]", "=", " = ", "\n", "\r\n", "\n  ", "\n\t",
                                       "#", ";", " # ", " ;", "region", "source_profile", "aws_access_key_id", "sso_session", "\u{FEFF}",
                                       "\u{85}", "\u{2028}", "\u{B}", "\"", "\\"],
                                      bytes: [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00]]),
        run: { data in
            let bytes = [UInt8](data)
            let text: String
            do throws(UserFileError) {
                text = try UserFile.decode(bytes, path: "fuzz")
            } catch {
                if let violation = checkUTF8Error(error, in: bytes) { return violation }
                text = String(decoding: bytes, as: UTF8.self)
            }
            let lines = ProfileFileParser.lines(of: text).count
            do throws(ProfileFileError) {
                _ = try ProfileFileParser(fileName: "fuzz").parse(text)
            } catch {
                guard (1...lines).contains(error.line) else { return "\(error) is outside the \(lines) lines" }
                guard !error.message.contains(where: \.isNewline) else { return "a message on several lines: \(error)" }
            }
            if let files = try? ProfileFiles(config: text, credentials: text) {
                for name in files.profileNames { _ = files.profile(name)?["region"] }
                _ = files.knownProfilesSummary
            }
            return nil
        })

    /// A UTF-8 error names the first byte that does not decode: everything before it does, and it is on that line.
    static func checkUTF8Error(_ error: UserFileError, in bytes: [UInt8]) -> String? {
        guard case .invalidUTF8(let line, let byte, let value) = error.problem else { return "not a UTF-8 error: \(error)" }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        guard let offset = UserFile.firstInvalidOffset(in: body) else { return "\(error) for valid UTF-8" }
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        guard value == bytes[offset], byte == offset - lineStart + 1,
              line == bytes[..<offset].filter({ $0 == 0x0A }).count + 1 else { return "\(error) but the first bad byte is at \(offset)" }
        return nil
    }

    // MARK: - XML

    static let xml = FuzzTarget(
        name: "xml", summary: "query-protocol XML: XMLReader, elementRange, the ELBv2 readers, AWSErrorDecoder",
        seeds: {
            FuzzSeeds.replies("elbv2") + [
                "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>",
                "<?xml version=\"1.0\"?><!DOCTYPE x><a b='>' c=\"d\">&lt;&#x41;&#65;<![CDATA[<x>]]><!-- c --><b/></a>",
            ].map { Data($0.utf8) }
        },
        dictionary: FuzzTarget.tokens(["<", ">", "</", "/>", "<?xml version=\"1.0\"?>", "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE x>", "&amp;",
                                       "&lt;", "&#x", "&#", ";", "&#x110000;", "&#xD800;", "&#0;", "\"", "'", "=", "member", "<member>", "</member>",
                                       "DescribeTargetHealthResult", "<Code>", "</Code>", "\u{FEFF}"],
                                      bytes: [[0xFF], [0x00], [0xEF, 0xBB, 0xBF]]),
        run: { data in
            if let node = XMLReader.parse(data) {
                _ = node.first(named: "Code")
                for member in node.first(named: "TargetHealthDescriptions")?.children(named: "member") ?? [] {
                    _ = ELBv2TargetHealthDescription(xml: member)
                }
                for member in node.first(named: "TargetGroups")?.children(named: "member") ?? [] {
                    _ = ELBv2TargetGroup(xml: member)
                }
            }
            for name in ["DescribeTargetHealthResult", "DescribeTargetGroupsResult", "a"] {
                guard let range = XMLReader.elementRange(named: name, in: data) else { continue }
                let start = data.startIndex
                guard range.lowerBound >= 0, range.upperBound <= data.count,
                      data[(start + range.lowerBound)...].starts(with: Data("<\(name)".utf8)),
                      data[..<(start + range.upperBound)].suffix(name.utf8.count + 3) == Data("</\(name)>".utf8) else {
                    return "elementRange(\(name)) = \(range) in \(data.count) bytes"
                }
            }
            _ = AWSErrorDecoder.decode(HTTPResponse(status: 400, headers: HTTPHeaders(), body: data), service: "fuzz", operation: "Fuzz")
            return nil
        })

    // MARK: - JSON replies

    /// Each reply shape the clients decode.
    private static let replyDecoders: [@Sendable (Data, AWSServiceDescriptor.TimestampUnit) throws -> Void] = [
        { _ = try AWSJSON.decode(ECSListClustersOutput.self, from: $0, unit: $1) },
        { _ = try AWSJSON.decode(ECSListServicesOutput.self, from: $0, unit: $1) },
        { _ = try AWSJSON.decode(ECSDescribeClustersOutput.self, from: $0, unit: $1) },
        { _ = try AWSJSON.decode(ECSDescribeServicesOutput<ECSService>.self, from: $0, unit: $1) },
        { _ = try AWSJSON.decode(ECSListTasksOutput.self, from: $0, unit: $1) },
        { _ = try AWSJSON.decode(ECSDescribeTasksOutput<ECSTask>.self, from: $0, unit: $1) },
        { _ = try AWSJSON.decode(ECSDescribeTaskDefinitionOutput.self, from: $0, unit: $1) },
        { _ = try AWSJSON.decode(ECSServiceOutput.self, from: $0, unit: $1) },
        { _ = try AWSJSON.decode(ECSStopTaskOutput.self, from: $0, unit: $1) },
        { _ = try AWSJSON.decode(ECRDescribeRepositoriesOutput.self, from: $0, unit: $1) },
        { _ = try AWSJSON.decode(ECRDescribeImagesOutput.self, from: $0, unit: $1) },
        { _ = try AWSJSON.decode(ECRListImagesOutput.self, from: $0, unit: $1) },
        { _ = try AWSJSON.decode(ECRBatchGetImageOutput.self, from: $0, unit: $1) },
        { _ = try AWSJSON.decode(ECRPutImageOutput.self, from: $0, unit: $1) },
        { _ = try AWSJSON.decode(CloudWatchLogsGetLogEventsOutput.self, from: $0, unit: $1) },
        { _ = try AWSJSON.decode(CloudWatchLogsFilterLogEventsOutput.self, from: $0, unit: $1) },
        { _ = try AWSJSON.decode(CloudWatchLogsDescribeLogStreamsOutput.self, from: $0, unit: $1) },
        { _ = try AWSJSON.decode(CodePipelineListPipelinesOutput.self, from: $0, unit: $1) },
        { _ = try AWSJSON.decode(CodePipelineListExecutionsOutput.self, from: $0, unit: $1) },
        { _ = try AWSJSON.decode(CodePipelineStartExecutionOutput.self, from: $0, unit: $1) },
        { _ = try AWSJSON.decode(CodePipelineState.self, from: $0, unit: $1) },
    ]

    static let jsonDictionary = FuzzTarget.tokens(["{", "}", "[", "]", "\"", ":", ",", "\\", "\\u0000", "\\uD800", "\\\"", "null", "true", "false",
                                                  "0", "-1", "1e400", "-1e400", "1e-400", "99999999999999999999", "1.5", "\"2026-01-02T03:04:05Z\"",
                                                  "\"2026-01-02T03:04:05.123456\"", "\"tasks\":", "\"services\":", "\"createdAt\":", "\"taskArn\":",
                                                  "\"containers\":", "\"__type\":", "{\"a\":", "[["],
                                                 bytes: [[0xFF], [0x00], [0xEF, 0xBB, 0xBF]])

    static let jsonReplies = FuzzTarget(
        name: "json", summary: "JSON replies: AWSJSON.decode into every reply shape, timestamps, AWSErrorDecoder",
        seeds: { FuzzSeeds.replies().filter { $0.first == UInt8(ascii: "{") } },
        dictionary: jsonDictionary,
        run: { data in
            // One unit an input, picked by its length, halves the cost; both are reached across inputs.
            let unit = data.count % 2 == 0 ? AWSServiceDescriptor.TimestampUnit.seconds : .milliseconds
            for decode in replyDecoders {
                do {
                    try decode(data, unit)
                } catch {
                    let description = AWSJSON.describe(error)
                    guard description.count <= 2_000 else { return "a \(description.count)-character decoding error" }
                }
            }
            _ = AWSErrorDecoder.decode(HTTPResponse(status: 400, headers: HTTPHeaders(), body: data), service: "fuzz", operation: "Fuzz")
            return nil
        })

    // MARK: - The array split and the element recogniser

    static let arraySplit = FuzzTarget(
        name: "split", summary: "JSONArraySplit: where a reply's array elements lie, with and without known elements",
        seeds: { FuzzSeeds.replies("ecs") + FuzzSeeds.replies("ecr") },
        dictionary: jsonDictionary,
        run: { data in
            for key in ["tasks", "services", "images", "serviceArns"] {
                if let violation = checkSplit(JSONArraySplit(data, key: key), of: data) { return "\(key): \(violation)" }
            }
            // A caller that claims an element at odd places, with lengths that may run past the array: the split
            // must stay within the document whatever it is told.
            let claimed = JSONArraySplit(data, key: "tasks") { buffer, start in
                start % 3 == 0 ? Int(buffer[start]) % 40 + 1 : nil
            }
            return checkSplit(claimed, of: data)
        })

    /// A split's ranges lie in order inside the array, the array inside the document, and the remainder is the
    /// document with the array emptied.
    static func checkSplit(_ split: JSONArraySplit?, of data: Data) -> String? {
        guard let split else { return nil }
        let array = split.array
        let start = data.startIndex
        guard array.lowerBound >= 0, array.upperBound <= data.count, array.count >= 2,
              data[start + array.lowerBound] == UInt8(ascii: "["), data[start + array.upperBound - 1] == UInt8(ascii: "]") else {
            return "array \(array) in \(data.count) bytes"
        }
        var previous = array.lowerBound + 1
        for element in split.elements {
            guard element.lowerBound >= previous, !element.isEmpty, element.upperBound <= array.upperBound - 1 else {
                return "element \(element) after \(previous) in array \(array)"
            }
            previous = element.upperBound
        }
        let expected = data[start..<(start + array.lowerBound + 1)] + data[(start + array.upperBound - 1)...]
        guard split.remainder == expected else { return "the remainder is not the document with the array emptied" }
        return nil
    }

    static let elementCache = FuzzTarget(
        name: "cache", summary: "DecodedElementCache and ElementRecognizer: a cached decode equals a plain one",
        seeds: { FuzzSeeds.replies("ecs", operation: "DescribeTasks") + FuzzSeeds.replies("ecs", operation: "DescribeServices") },
        dictionary: jsonDictionary,
        run: { data in
            // Remembered first: the recorded replies, whose elements the mutated input mostly still holds, so the
            // recogniser hashes and fingerprints bytes of the input at every element start.
            let tasks = DecodedElementCache<ECSTask>()
            let services = DecodedElementCache<ECSService>()
            let remainders = DecodedReplyCache()
            for reply in warmUpReplies {
                _ = try? tasks.decode(ECSDescribeTasksOutput<ECSTask>.self, from: reply, array: "tasks", at: \.tasks, unit: .seconds, remainders: remainders)
                _ = try? services.decode(ECSDescribeServicesOutput<ECSService>.self, from: reply, array: "services", at: \.services, unit: .seconds)
            }
            for generation in 0..<2 {
                if generation == 1 {
                    tasks.startGeneration()
                    services.startGeneration()
                    remainders.startGeneration()
                }
                let cachedTasks = Result { try tasks.decode(ECSDescribeTasksOutput<ECSTask>.self, from: data, array: "tasks", at: \.tasks, unit: .seconds, remainders: remainders) }
                let plainTasks = Result { try AWSJSON.decode(ECSDescribeTasksOutput<ECSTask>.self, from: data, unit: .seconds) }
                if comparable(data, key: "tasks"), let violation = compare(cachedTasks.map { [$0.tasks] }, plainTasks.map { [$0.tasks] },
                                                                           cachedTasks.map(\.failures), plainTasks.map(\.failures)) {
                    return "tasks, generation \(generation): \(violation)"
                }
                let cachedServices = Result { try services.decode(ECSDescribeServicesOutput<ECSService>.self, from: data, array: "services", at: \.services, unit: .seconds) }
                let plainServices = Result { try AWSJSON.decode(ECSDescribeServicesOutput<ECSService>.self, from: data, unit: .seconds) }
                if comparable(data, key: "services"), let violation = compare(cachedServices.map { [$0.services] }, plainServices.map { [$0.services] },
                                                                              cachedServices.map(\.failures), plainServices.map(\.failures)) {
                    return "services, generation \(generation): \(violation)"
                }
            }
            return nil
        })

    private static let warmUpReplies = FuzzSeeds.replies("ecs", operation: "DescribeTasks") + FuzzSeeds.replies("ecs", operation: "DescribeServices")

    /// Whether the cache must agree with a plain decode: not when the array's key appears twice, or could appear
    /// escaped (`ta\u0073ks`), since the split takes the first raw one and JSONDecoder another.
    private static func comparable(_ data: Data, key: String) -> Bool {
        let quoted = Data("\"\(key)\"".utf8)
        guard let first = data.range(of: quoted) else { return true }
        return data.range(of: quoted, in: first.upperBound..<data.endIndex) == nil && data.range(of: Data("\\u".utf8)) == nil
    }

    /// Both succeed with equal elements and failures, or both fail.
    private static func compare<Element: Equatable>(_ cached: Result<[[Element]?], any Error>, _ plain: Result<[[Element]?], any Error>,
                                                    _ cachedFailures: Result<[ECSFailure]?, any Error>,
                                                    _ plainFailures: Result<[ECSFailure]?, any Error>) -> String? {
        switch (cached, plain) {
        case (.success(let a), .success(let b)):
            guard a == b else { return "the cached elements differ from the plain decode" }
            guard (try? cachedFailures.get()) == (try? plainFailures.get()) else { return "the cached failures differ" }
            return nil
        case (.failure, .failure):
            return nil
        case (.success, .failure(let error)):
            return "cached decode succeeded, plain decode failed: \(AWSJSON.describe(error))"
        case (.failure(let error), .success):
            return "plain decode succeeded, cached decode failed: \(AWSJSON.describe(error))"
        }
    }
}
