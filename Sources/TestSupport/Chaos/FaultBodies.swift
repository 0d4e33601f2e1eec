import Foundation

/// The bodies the chaos proxy answers with, shaped as AWS, a load balancer or a broken server would shape them.
package enum FaultBodies {
    package static func error(code: String, message: String, query: Bool) -> Data {
        if query {
            return Data("""
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>\(code)</Code>\
            <Message>\(message)</Message></Error><RequestId>chaos-0000</RequestId></ErrorResponse>
            """.utf8)
        }
        return Data(#"{"__type":"\#(code)","message":"\#(message)"}"#.utf8)
    }

    package static func html(status: Int) -> Data {
        let title = status == 503 ? "503 Service Temporarily Unavailable" : "\(status) Internal Server Error"
        return Data("<html>\r\n<head><title>\(title)</title></head>\r\n<body>\r\n<center><h1>\(title)</h1></center>\r\n</body>\r\n</html>\r\n".utf8)
    }

    /// A lying 200 body, derived from AWS's real answer where the lie needs its shape.
    package static func wrong(_ kind: WrongBody, real: Data?) -> Data {
        switch kind {
        case .emptyObject:
            return Data("{}".utf8)
        case .string:
            return Data(#""str""#.utf8)
        case .garbage:
            return Data("\u{1}\u{2}not json at all ]]}}".utf8)
        case .deepNesting:
            return Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        case .nulls, .wrongTypes, .hugeArray:
            guard let real, let object = try? JSONSerialization.jsonObject(with: real) as? [String: Any], !object.isEmpty else {
                return Data(#"{"services":null,"tasks":null,"taskArns":null,"failures":null}"#.utf8)
            }
            var changed: [String: Any] = [:]
            for (key, value) in object {
                switch kind {
                case .nulls: changed[key] = NSNull()
                case .wrongTypes: changed[key] = wrongType(for: value)
                default: changed[key] = value
                }
            }
            // The first non-empty list, repeated whole up to some 300,000 elements or 20 MB, past the transport's cap.
            if kind == .hugeArray, let (key, list) = object.compactMap({ entry in (entry.value as? [Any]).flatMap { $0.isEmpty ? nil : (entry.key, $0) } }).first {
                let repeats = max(1, min(300_000 / list.count, 20_000_000 / max(1, real.count)))
                changed[key] = Array(repeating: list, count: repeats).flatMap { $0 }
            }
            return (try? JSONSerialization.data(withJSONObject: changed)) ?? Data("{}".utf8)
        }
    }

    private static func wrongType(for value: Any) -> Any {
        switch value {
        case is String: return 42
        case is [Any]: return ["not": "a list"]
        case is [String: Any]: return ["a", "list"]
        case is NSNumber: return "not a number"
        default: return "unexpected"
        }
    }
}
