/// Writes the XML replies of query-protocol services (STS, ELBv2).
package enum SimulatedXML {
    /// A `<ActionResponse>` document wrapping `<ActionResult>` and the request id.
    package static func response(action: String, namespace: String, result: String, requestId: String) -> String {
        "<\(action)Response xmlns=\"\(namespace)\"><\(action)Result>\(result)</\(action)Result>"
            + "<ResponseMetadata><RequestId>\(requestId)</RequestId></ResponseMetadata></\(action)Response>"
    }

    /// An `<ErrorResponse>` as query services send it.
    package static func error(_ fault: SimulatedFault, namespace: String, requestId: String) -> String {
        let type = fault.status >= 500 ? "Receiver" : "Sender"
        return "<ErrorResponse xmlns=\"\(namespace)\"><Error><Type>\(type)</Type><Code>\(escape(fault.code))</Code>"
            + "<Message>\(escape(fault.message))</Message></Error><RequestId>\(requestId)</RequestId></ErrorResponse>"
    }

    /// One element with escaped text; nil values write nothing, as AWS omits absent members.
    package static func element(_ name: String, _ value: String?) -> String {
        guard let value else { return "" }
        return "<\(name)>\(escape(value))</\(name)>"
    }

    /// A list as query services write it: `<Name><member>…</member></Name>`.
    package static func members(_ name: String, _ items: [String]) -> String {
        "<\(name)>" + items.map { "<member>\($0)</member>" }.joined() + "</\(name)>"
    }

    package static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
